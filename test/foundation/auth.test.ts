// Login, the required first password change, lockout, CSRF, and logout — through HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { hashPassword } from '../../src/orgs/staff/password.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ lockoutThreshold: 3, lockoutMinutes: 15 });
});
after(() => t.close());

test('the console asks for login; the portal and health check do not', async () => {
  const c = new Client(t.app);
  const res = await c.get('/console/orgs');
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/console/login?next=%2Fconsole%2Forgs');
  assert.equal((await c.get('/')).statusCode, 200);
  assert.equal((await c.get('/healthz')).statusCode, 200);
  const api = await c.request('GET', '/api/v1/orgs', { headers: { accept: 'application/json' } });
  assert.equal(api.statusCode, 401);
  assert.equal(api.json().error.code, 'UNAUTHENTICATED');
});

test('first login requires a new password before anything else; the session cookie is httpOnly', async () => {
  const c = new Client(t.app);
  const res = await c.login('zrzy.editor');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/console/password');
  const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((x) => x.name === 'gk_session');
  assert.ok(cookie?.httpOnly);
  assert.equal(cookie?.sameSite, 'Lax');
  assert.equal((await c.get('/console')).headers.location, '/console/password');
  const api = await c.request('GET', '/api/v1/orgs', { headers: { accept: 'application/json' } });
  assert.equal(api.json().error.code, 'PASSWORD_CHANGE_REQUIRED');

  const weak = await c.post('/console/password', { current: DEMO_PASSWORD, next: 'short', repeat: 'short' }, '/console/password');
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /新密码至少 10 位/);
  const ok = await c.post('/console/password', { current: DEMO_PASSWORD, next: 'Editor-pass-2026', repeat: 'Editor-pass-2026' }, '/console/password');
  assert.equal(ok.statusCode, 303);
  const home = await c.get('/console');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /青山县自然资源局/);

  const again = new Client(t.app);
  assert.equal((await again.login('zrzy.editor', DEMO_PASSWORD)).statusCode, 401, 'the initial password no longer works');
  assert.equal((await again.login('zrzy.editor', 'Editor-pass-2026')).headers.location, '/console');
});

test('repeated wrong passwords pause the address that sent them, even for the right password, and the pause is audited', async () => {
  const c = new Client(t.app, '10.9.0.1');
  for (let i = 0; i < 2; i++) {
    const r = await c.login('zrzy.head', 'wrong-password-1');
    assert.equal(r.statusCode, 401);
    assert.match(r.body, /用户名或密码不正确/);
  }
  const third = await c.login('zrzy.head', 'wrong-password-1');
  assert.equal(third.statusCode, 423);
  assert.match(third.body, /从您所在的网络登录该账号失败次数过多，已暂停至/);
  const right = await c.login('zrzy.head', DEMO_PASSWORD);
  assert.equal(right.statusCode, 423, 'the paused address is refused the right password too');
  const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'login.throttle' and target_id = 'zrzy.head'`);
  assert.equal(row!.n, 1);
});

test('no lockout weapon: the real user signs in from another address while the attacker’s is paused', async () => {
  const attacker = new Client(t.app, '10.9.0.2');
  for (let i = 0; i < 3; i++) await attacker.login('zrzy.handler', `guess-${i}-2026`);
  assert.equal((await attacker.login('zrzy.handler', DEMO_PASSWORD)).statusCode, 423);
  const user = new Client(t.app, '10.9.0.3');
  assert.equal((await user.login('zrzy.handler', DEMO_PASSWORD)).statusCode, 303);
});

test('unknown user names get the same answers as wrong passwords, the pause included', async () => {
  const c = new Client(t.app, '10.9.0.4');
  const r = await c.login('nobody', 'whatever-123');
  assert.equal(r.statusCode, 401);
  assert.match(r.body, /用户名或密码不正确/);
  await c.login('nobody', 'whatever-123');
  const third = await c.login('nobody', 'whatever-123');
  assert.equal(third.statusCode, 423, 'a name nobody has is paused like a real one');
  assert.match(third.body, /从您所在的网络登录该账号失败次数过多/);
});

test('an administrator sees the pauses of the region’s names and lifts one, audited', async () => {
  const attacker = new Client(t.app, '10.9.0.5');
  for (let i = 0; i < 3; i++) await attacker.login('zrzy.editor', `guess-${i}-2026`);
  const [home] = await t.db.query<{ code: string }>("select o.code from users u join organizations o on o.id = u.org_id where u.username = 'admin'");
  await createUser(t.db, cliContext(), { orgCode: home!.code, username: 'second.admin', displayName: '第二管理员', password: 'Throttle-admin-2026', roles: ['admin'] });
  const admin = await new Client(t.app).loginReady('second.admin', 'Throttle-admin-2026');
  const page = await admin.get('/console/users');
  assert.match(page.body, /10\.9\.0\.5/);
  assert.match(page.body, /部分网络暂停登录/);
  const cleared = await admin.post('/console/users/login-pauses/clear', { name: 'zrzy.editor', address: '10.9.0.5' }, '/console/users');
  assert.equal(cleared.statusCode, 303);
  assert.doesNotMatch((await admin.get('/console/users')).body, /10\.9\.0\.5/);
  const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'login.throttle.clear'`);
  assert.equal(row!.n, 1);
  assert.notEqual((await attacker.login('zrzy.editor', 'guess-9-2026')).statusCode, 423, 'the address may try again');
});

test('forms without a valid CSRF token are rejected and change nothing', async () => {
  const c = await new Client(t.app).loginReady('admin');
  const before = await t.db.query('select id from organizations');
  const noToken = await c.request('POST', '/console/orgs', { form: { kind: 'department', fullName: '伪造机构', shortName: '伪造', code: 'FAKE-1' } });
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /页面已过期或来源不明/);
  const badToken = await c.request('POST', '/console/orgs', { form: { _csrf: 'forged', kind: 'department', fullName: '伪造机构', shortName: '伪造', code: 'FAKE-1' } });
  assert.equal(badToken.statusCode, 403);
  const api = await c.request('POST', '/api/v1/orgs', { json: { kind: 'department', fullName: '伪造机构', shortName: '伪造', code: 'FAKE-1' } });
  assert.equal(api.statusCode, 403);
  assert.equal(api.json().error.code, 'CSRF');
  assert.equal((await t.db.query('select id from organizations')).length, before.length);
  const login = await new Client(t.app).request('POST', '/console/login', { form: { username: 'admin', password: 'x' } });
  assert.equal(login.statusCode, 403, 'the login form is protected too');
});

test('a CSRF token is bound to its session: with another session it is refused, even with its own CSRF cookie', async () => {
  const mallory = await new Client(t.app).loginReady('zrzy.reviewer');
  const victim = await new Client(t.app).loginReady('jiandu');
  // Mallory's token and CSRF cookie, planted next to the victim's session (as a sibling domain could).
  const token = await mallory.csrfFrom('/console');
  const cookies = (c: Client) => (c as unknown as { cookies: Map<string, string> }).cookies;
  const planted = `gk_session=${cookies(victim).get('gk_session')}; gk_csrf=${cookies(mallory).get('gk_csrf')}`;
  const forged = await t.app.inject({
    method: 'POST', url: '/console/logout', payload: `_csrf=${encodeURIComponent(token)}`,
    headers: { cookie: planted, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
  assert.equal(forged.statusCode, 403);
  assert.equal((await victim.get('/console')).statusCode, 200, 'the victim is still signed in');
  // The same token works for the session it was made for.
  assert.equal((await mallory.request('POST', '/console/logout', { form: { _csrf: token } })).statusCode, 303);
});

test('an account whose password no longer meets the policy must change it at its next login', async () => {
  // Set before the policy: a common password, straight into the table.
  const [u] = await t.db.query<{ id: number }>("select id from users where username = 'sheng.admin'");
  await t.db.query('update users set password_hash = $2, must_change_password = false where id = $1', [u!.id, await hashPassword('Password12')]);
  const c = new Client(t.app);
  const login = await c.login('sheng.admin', 'Password12');
  assert.equal(login.statusCode, 303);
  assert.equal(login.headers.location, '/console/password?notice=weak');
  const page = await c.get('/console/password?notice=weak');
  assert.match(page.body, /您的密码不符合现行的密码规则/);
  assert.equal((await c.get('/console')).statusCode, 302, 'nothing else until it is changed');
  const [{ must_change_password }] = (await t.db.query<{ must_change_password: boolean }>('select must_change_password from users where id = $1', [u!.id])) as [{ must_change_password: boolean }];
  assert.equal(must_change_password, true);
  const weakAgain = await c.post('/console/password', { current: 'Password12', next: 'qwerty123456', repeat: 'qwerty123456' }, '/console/password');
  assert.match(weakAgain.body, /常见密码/);
  const changed = await c.post('/console/password', { current: 'Password12', next: 'Shanshui-2026', repeat: 'Shanshui-2026' }, '/console/password');
  assert.equal(changed.statusCode, 303);
  assert.equal((await c.get('/console')).statusCode, 200);
});

test('logout ends the session on the server', async () => {
  const c = await new Client(t.app).loginReady('zrzy.handler');
  assert.equal((await c.get('/console')).statusCode, 200);
  const sessionsBefore = await t.db.query('select 1 from sessions');
  assert.equal((await c.post('/console/logout', {})).statusCode, 303);
  assert.equal((await t.db.query('select 1 from sessions')).length, sessionsBefore.length - 1);
  assert.equal((await c.get('/console')).statusCode, 302);
});
