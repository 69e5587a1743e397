// `gongkai applications import-ledger` as the operator runs it: a check, the import, the same file
// again, a file with errors (exit 1, errors per row on stderr, nothing written), an unknown
// organization (exit 2) — on PGlite or on the PostgreSQL server of DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliContext } from '../../src/core/context.ts';
import type { Database } from '../../src/core/db/database.ts';
import { migrate } from '../../src/core/db/migrate.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { ledgerFile, ledgerRows } from './ledger-workbook.ts';

let env: Record<string, string | undefined>;
let pg: TestDatabase | null = null;
let dir: string;
const file = (name: string) => join(dir, name);

const openSame = (): Promise<Database> => (pg ? openPostgres(pg.url!, { max: 1 }) : openPglite(join(dir, 'data')));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-ledger-'));
  if (process.env.DATABASE_URL) {
    pg = await testDatabase();
    await pg.db.close();
    env = { DATABASE_URL: pg.url! };
  } else {
    env = { DATABASE_URL: '', GONGKAI_DATA_DIR: join(dir, 'data') };
  }
  const db = await openSame();
  await migrate(db);
  await createOrg(db, cliContext(), { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await db.close();
  writeFileSync(file('台账.xlsx'), await ledgerFile());
  const bad = ledgerRows();
  bad.splice(6, 0, [8, '赵六', '自然人', null, null, '某文件', '当面', null, '2025-05-10', null, null, '2025-05-01', '予以公开', null, null]);
  writeFileSync(file('有误.xlsx'), await ledgerFile(bad));
});
after(async () => {
  if (pg) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${new URL(pg.url!).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

test('check, import, the same file again', async () => {
  const check = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS', '--dry-run'], { env });
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /检查通过（未导入）：台账\.xlsx，共 6 行；将新建 6 件/);

  const imported = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS'], { env });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /已导入：台账\.xlsx，共 6 行；新建 6 件/);
  assert.match(imported.stdout, /第3行 → CS-2025-00001 新建，状态：已办结/);
  assert.match(imported.stdout, /第8行 → CS-2024-00001 新建/);

  const again = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS', '--json'], { env });
  assert.equal(again.code, 0, again.stderr);
  assert.ok(JSON.parse(again.stdout).duplicateOf);

  const db = await openSame();
  try {
    const rows = await db.query<{ n: number; concluded: number }>(`select count(*)::int as n, count(concluded_on)::int as concluded from applications`);
    assert.deepEqual(rows[0], { n: 6, concluded: 5 });
    const audit = await db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where action like 'application.ledger%' order by id`);
    assert.equal(audit.length, 7);
    assert.ok(audit.every((a) => a.actor_name.startsWith('命令行')));
  } finally {
    await db.close();
  }
});

test('a file with errors: exit 1, the errors per row, nothing written; an unknown organization: exit 2', async () => {
  const r = await runCli(['applications', 'import-ledger', file('有误.xlsx'), '--org', 'CS'], { env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /未导入任何申请：有误\.xlsx 中有 1 处问题\n {2}第9行「答复日期」：日期早于受理日期（2025-05-10）/);
  const unknown = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'NOPE'], { env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
  const db = await openSame();
  try {
    assert.equal((await db.query<{ n: number }>('select count(*)::int as n from applications'))[0]!.n, 6);
  } finally {
    await db.close();
  }
});
