// The audit key and checkpoints from outside: `gongkai` processes with the key file made on first
// start, with another key (refused), `audit export` and `audit verify --against` an export.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
let env: Record<string, string | undefined>;

before(async () => {
  cli = await cliDatabase('gongkai-audit-cli-');
  // Each test names its key explicitly; the data folder is the test's own (where audit.key goes by default).
  env = { ...cli.env, GONGKAI_DATA_DIR: join(cli.dir, 'data') };
});
after(() => cli.drop());

test('without a configured key, the first start makes <data>/audit.key (0600) and seals the log with it', { skip: !!process.env.DATABASE_URL && 'the PostgreSQL test database is cloned from a template sealed with the tests\' key' }, async () => {
  const first = await runCli(['org', 'list'], { env: { ...env, GONGKAI_AUDIT_KEY: '' } });
  assert.equal(first.code, 0, first.stderr);
  const file = join(cli.dir, 'data', 'audit.key');
  assert.match(readFileSync(file, 'utf8'), /^[0-9a-f]{64}\n$/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const again = await runCli(['audit', 'verify'], { env: { ...env, GONGKAI_AUDIT_KEY: '' } });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /1 个检查点/);
  // From now on the log is this key's: another one is refused before anything is written.
  const other = await runCli(['org', 'list'], { env: { ...env, GONGKAI_AUDIT_KEY: 'a-different-key-of-a-misconfigured-process' } });
  assert.equal(other.code, 1);
  assert.match(other.stderr, /^错误：审计密钥与数据库中的签名不符/);
});

test('a key that is too short or a key file that is missing is a clear error', async () => {
  const short = await runCli(['org', 'list'], { env: { ...env, GONGKAI_AUDIT_KEY: 'short' } });
  assert.equal(short.code, 1);
  assert.match(short.stderr, /审计密钥过短（GONGKAI_AUDIT_KEY）：至少需要 32 个字符/);
  const missing = await runCli(['org', 'list'], { env: { ...env, GONGKAI_AUDIT_KEY: '', GONGKAI_AUDIT_KEY_FILE: join(cli.dir, 'nowhere.key') } });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /无法读取审计密钥文件 .*nowhere\.key：文件不存在/);
});

test('audit export writes signed checkpoints; verify --against finds a deleted checkpoint and a cut tail', async () => {
  // The tests' key (inherited); on PGlite a data folder of this test's own.
  const e = process.env.DATABASE_URL ? env : { ...env, GONGKAI_DATA_DIR: join(cli.dir, 'data3') };
  let r = await runCli(['org', 'add', '--kind', 'county', '--name', '审计县', '--code', 'SJ'], { env: e });
  assert.equal(r.code, 0, r.stderr);
  const out = join(cli.dir, 'checkpoints.jsonl');
  r = await runCli(['audit', 'export', '--since', '2020-01-01', '--out', out], { env: e });
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: number; heads: unknown[]; mac: string });
  assert.ok(lines.length >= 2, 'the first checkpoint and the one written by the export');
  assert.match(lines.at(-1)!.mac, /^[0-9a-f]{64}$/);
  assert.match(r.stderr, new RegExp(`已导出 ${lines.length} 个检查点`));
  r = await runCli(['audit', 'verify', '--against', out], { env: e });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`与导出的 ${lines.length} 个检查点一致`));

  // A database administrator removes the newest entry of the county's chain, its head and the newest checkpoint.
  const db = await (process.env.DATABASE_URL ? cli.open() : (await import('../../src/core/db/pglite.ts')).openPglite(join(cli.dir, 'data3')));
  try {
    await db.transaction(async (tx) => {
      await tx.query('alter table audit_log disable trigger audit_log_no_update');
      await tx.query('alter table audit_checkpoints disable trigger audit_checkpoints_no_update');
      const [last] = await tx.query<{ id: number; chain_key: number; prev_hash: string }>('select id, chain_key, prev_hash from audit_log order by id desc limit 1');
      await tx.query('delete from audit_log where id = $1', [last!.id]);
      await tx.query('delete from audit_checkpoints where id = $1', [lines.at(-1)!.id]);
      await tx.query('delete from audit_heads where chain_key = $1', [last!.chain_key]);
      await tx.query('alter table audit_checkpoints enable trigger audit_checkpoints_no_update');
      await tx.query('alter table audit_log enable trigger audit_log_no_update');
    });
  } finally {
    await db.close();
  }
  r = await runCli(['audit', 'verify', '--against', out], { env: e });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`导出保存的第 ${lines.at(-1)!.id} 号检查点（.*）在数据库中不存在（检查点被删除）`));

  writeFileSync(join(cli.dir, 'bad.jsonl'), '{"id": 1}\n');
  r = await runCli(['audit', 'verify', '--against', join(cli.dir, 'bad.jsonl')], { env: e });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /第 1 行不是 gongkai audit export 导出的检查点/);
  r = await runCli(['audit', 'export', '--since', '去年'], { env: e });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--since 须为日期（YYYY-MM-DD），收到“去年”/);
});
