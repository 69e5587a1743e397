// `gongkai user roles|disable|enable` on the demo data: the change, the catalogue's warning on
// stderr, the last administrator kept, and the audit entries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;

before(async () => {
  cli = await cliDatabase('gongkai-user-cli-');
  const db = await cli.open();
  try {
    await seedDemo(db);
  } finally {
    await db.close();
  }
});
after(() => cli.drop());

test('roles, disable and enable from the command line; the last administrator of the province is kept', async () => {
  const env = cli.env;
  let r = await runCli(['user', 'roles', 'zrzy.secrecy', '--roles', 'editor'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'zrzy.secrecy 的角色：信息发布员\n');
  assert.match(r.stderr, /^警告：主动公开的审核设置无法完成：“初审”“复审”“保密审查”环节须由 3 位不同的人/);
  r = await runCli(['user', 'roles', 'zrzy.secrecy', '--roles', '保密审查员'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', 'the review can be completed again');

  r = await runCli(['user', 'disable', 'sheng.admin'], { env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^错误：示范省系统管理员是本机构及上级机构唯一在岗的系统管理员，停用后将无人可以管理这些用户/);

  r = await runCli(['user', 'disable', 'zrzy.handler'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match((await runCli(['user', 'list'], { env })).stdout, /zrzy\.handler\t[^\n]*\t已停用\n/);
  r = await runCli(['user', 'enable', 'zrzy.handler'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '已启用用户 zrzy.handler\n');
  assert.equal((await runCli(['user', 'disable', 'nobody'], { env })).stderr, '错误：未找到用户 nobody\n');

  const db = await cli.open();
  try {
    const rows = await db.query<{ action: string }>(`select action from audit_log where action in ('user.roles.update', 'user.disable', 'user.enable') order by id`);
    assert.deepEqual(rows.map((x) => x.action), ['user.roles.update', 'user.roles.update', 'user.disable', 'user.enable']);
  } finally {
    await db.close();
  }
});
