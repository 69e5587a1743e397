// The administrator's CLI on a real database: org add|list|show, user add|passwd|list, audit verify.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db/database.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
let env: Record<string, string | undefined>;

before(async () => {
  cli = await cliDatabase('gongkai-cli-');
  env = cli.env;
});
after(() => cli.drop());

/** Opens the same database the CLI uses, for checks and for tampering. */
const openSame = (): Promise<Database> => cli.open();

test('gongkai --help lists the command groups', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  for (const cmd of ['serve', 'db', 'org', 'user', 'audit', 'report']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
});

test('db migrate, org add / list / show, with Chinese errors for bad input', async () => {
  const m = await runCli(['db', 'migrate'], { env });
  assert.equal(m.code, 0, m.stderr);
  assert.match((await runCli(['db', 'migrate'], { env })).stdout, /无需迁移/);

  let r = await runCli(['org', 'add', '--kind', 'county', '--name', '测试县', '--code', 'CS'], { env });
  assert.equal(r.code, 0, r.stderr);
  r = await runCli(['org', 'add', '--kind', 'department', '--name', '测试县交通运输局', '--short', '县交通局', '--code', 'CS-JT', '--parent', 'CS', '--phone', '010-1234', '--report-deadline', '01-26'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /已新增机构：测试县交通运输局/);

  const bad = await runCli(['org', 'add', '--kind', 'subunit', '--name', '孤立科室', '--code', 'X1'], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /必须有上级机构/);

  const list = await runCli(['org', 'list'], { env });
  assert.match(list.stdout, /测试县 {2}\[CS\]/);
  assert.match(list.stdout, /\n {2}测试县交通运输局 {2}\[CS-JT\]/);
  const show = await runCli(['org', 'show', 'CS-JT'], { env });
  assert.match(show.stdout, /联系电话：010-1234/);
  assert.match(show.stdout, /年度报告公布截止日：\d{4}-01-26/);
});

test('user add / list / passwd: passwords from stdin, never from the command line', async () => {
  let r = await runCli(['user', 'add', 'cs.admin', '--org', 'CS-JT', '--name', '测试管理员', '--roles', 'admin,审核人'], { env, input: 'Cs-admin-2026\n' });
  assert.equal(r.code, 0, r.stderr);
  r = await runCli(['user', 'add', 'cs.x', '--org', 'CS-JT', '--name', '某人', '--roles', 'boss'], { env, input: 'Cs-admin-2026\n' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /无法识别的角色：boss/);
  const list = await runCli(['user', 'list'], { env });
  assert.match(list.stdout, /cs\.admin\t测试管理员\t县交通局\t系统管理员、审核人\t待修改初始密码/);
  r = await runCli(['user', 'passwd', 'cs.admin'], { env: { ...env, GONGKAI_PASSWORD: 'short' } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /至少 10 位/);
  r = await runCli(['user', 'passwd', 'cs.admin'], { env: { ...env, GONGKAI_PASSWORD: 'New-admin-2026' } });
  assert.equal(r.code, 0, r.stderr);
});

test('audit verify passes on the untouched log and names the first altered entry', async () => {
  const ok = await runCli(['audit', 'verify'], { env });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /审计日志完整：共 \d+ 条记录/);

  const db = await openSame();
  let id: number;
  try {
    const [row] = await db.query<{ id: number }>(`select id from audit_log where action = 'user.create' order by id limit 1`);
    id = row!.id;
    await db.transaction(async (tx) => {
      await tx.query('alter table audit_log disable trigger audit_log_no_update');
      await tx.query(`update audit_log set summary = jsonb_set(summary, '{after,roles}', '["admin","supervisor"]') where id = $1`, [id]);
      await tx.query('alter table audit_log enable trigger audit_log_no_update');
    });
  } finally {
    await db.close();
  }
  const broken = await runCli(['audit', 'verify'], { env });
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, new RegExp(`第 ${id} 号记录异常：记录内容与其哈希值不符`));
});
