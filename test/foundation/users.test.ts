// Issue 21 item 18 over HTTP: an administrator changes a user's roles and disables (停用) or
// re-enables them, on the console and through the API, audited; a disabled user's sessions end
// and they cannot sign in; nobody disables themselves or changes their own roles; a change that
// leaves the catalogue's review without its people is made, and said.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findUserByUsername } from '../../src/orgs/staff/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
const idOf = async (username: string) => (await findUserByUsername(t.db, username))!.id;
const audits = async (action: string) =>
  (await t.db.query<{ summary: Record<string, unknown> }>('select summary from audit_log where action = $1 order by id', [action])).map((r) => r.summary);

before(async () => {
  t = await testApp();
  admin = await new Client(t.app).loginReady('admin');
});
after(() => t.close());

test('roles: the administrator takes the 保密审查员 role away, is warned that the review cannot be completed, and gives it back', async () => {
  const list = await admin.get('/console/users');
  const id = await idOf('zrzy.secrecy');
  assert.match(list.body, new RegExp(`href="/console/users/${id}" aria-label="管理 zrzy.secrecy"`));
  const page = `/console/users/${id}`;
  assert.doesNotMatch((await admin.get(page)).body, /目前无法完成的工作/, 'the demo agency can complete its review');

  const changed = await admin.post(`${page}/roles`, { roles: ['editor'] }, page);
  assert.equal(changed.statusCode, 303);
  const after = await admin.get(changed.headers.location!);
  assert.match(after.body, /角色已保存/);
  assert.match(after.body, /青山县自然资源局目前无法完成的工作/);
  assert.match(after.body, /主动公开的审核设置无法完成：“初审”“复审”“保密审查”环节须由 3 位不同的人（审核人、保密审查员）签署，本机构只有 2 人：自然资源局审核人（审核人、保密审查员）、自然资源局审核人（二）（审核人）/);
  assert.deepEqual((await findUserByUsername(t.db, 'zrzy.secrecy'))!.roles, ['editor']);

  const none = await admin.post(`${page}/roles`, {}, page);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /至少选择一个角色/);

  assert.equal((await admin.post(`${page}/roles`, { roles: ['confidentiality'] }, page)).statusCode, 303);
  assert.doesNotMatch((await admin.get(page)).body, /目前无法完成的工作/);
  assert.deepEqual(await audits('user.roles.update'), [
    { username: 'zrzy.secrecy', before: ['保密审查员'], after: ['信息发布员'] },
    { username: 'zrzy.secrecy', before: ['信息发布员'], after: ['保密审查员'] },
  ]);
});

test('停用: the user is signed out at once and cannot sign in; 启用 lets them in again', async () => {
  const handler = await new Client(t.app).loginReady('zrzy.handler');
  assert.equal((await handler.get('/console')).statusCode, 200);
  const page = `/console/users/${await idOf('zrzy.handler')}`;
  const disabled = await admin.post(`${page}/disable`, {}, page);
  assert.equal(disabled.statusCode, 303);
  assert.match((await admin.get(disabled.headers.location!)).body, /账号已停用[\s\S]*<dt>状态<\/dt><dd>已停用<\/dd>[\s\S]*启用账号/);
  assert.equal((await handler.get('/console')).statusCode, 302, 'the open session has ended');
  const [{ n }] = (await t.db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [await idOf('zrzy.handler')])) as [{ n: number }];
  assert.equal(n, 0);
  const refused = await new Client(t.app).login('zrzy.handler', 'Changed-pass-2026');
  assert.equal(refused.statusCode, 401);
  assert.match(refused.body, /用户名或密码不正确/);

  assert.equal((await admin.post(`${page}/enable`, {}, page)).statusCode, 303);
  assert.equal((await new Client(t.app).login('zrzy.handler', 'Changed-pass-2026')).statusCode, 303);
  assert.deepEqual(await audits('user.disable'), [{ username: 'zrzy.handler' }]);
  assert.deepEqual(await audits('user.enable'), [{ username: 'zrzy.handler' }]);
});

test('an administrator cannot disable themselves or change their own roles', async () => {
  const page = `/console/users/${await idOf('admin')}`;
  const own = await admin.get(page);
  assert.match(own.body, /不能修改自己的角色/);
  assert.doesNotMatch(own.body, /\/disable"/);
  const disable = await admin.post(`${page}/disable`, {}, page);
  assert.equal(disable.statusCode, 409);
  assert.match(disable.body, /不能停用自己的账号/);
  const roles = await admin.post(`${page}/roles`, { roles: ['admin'] }, page);
  assert.equal(roles.statusCode, 409);
  assert.match(roles.body, /不能修改自己的角色/);
  assert.equal((await findUserByUsername(t.db, 'admin'))!.disabled, false);
});

test('API: roles and 停用 with the warnings; only administrators of the user\'s organization or above', async () => {
  const id = await idOf('zrzy.reviewer2');
  const res = await admin.api('PUT', `/api/v1/users/${id}/roles`, { roles: ['editor'] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().user.roles, ['editor']);
  assert.match(res.json().warnings[0], /^主动公开的审核设置无法完成：“初审”“复审”环节须由 2 位不同的审核人签署/);
  const off = await admin.api('POST', `/api/v1/users/${id}/disable`);
  assert.equal(off.json().user.disabled, true);
  const on = await admin.api('POST', `/api/v1/users/${id}/enable`);
  assert.equal(on.json().user.disabled, false);
  assert.deepEqual((await admin.api('PUT', `/api/v1/users/${id}/roles`, { roles: ['reviewer'] })).json().warnings, []);

  const self = await admin.api('POST', `/api/v1/users/${await idOf('admin')}/disable`);
  assert.equal(self.statusCode, 409);
  assert.match(self.json().error.message, /不能停用自己的账号/);
  const above = await admin.api('POST', `/api/v1/users/${await idOf('sheng.admin')}/disable`);
  assert.equal(above.statusCode, 404, 'the province\'s administrator is out of the county administrator\'s reach');
  const supervisor = await new Client(t.app).loginReady('jiandu');
  const notAdmin = await supervisor.api('POST', `/api/v1/users/${id}/disable`);
  assert.equal(notAdmin.statusCode, 403);
  assert.equal((await findUserByUsername(t.db, 'zrzy.reviewer2'))!.disabled, false);
});
