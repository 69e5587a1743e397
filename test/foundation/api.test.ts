// The JSON API: schema → authorize → command → present, errors with stable codes in Chinese.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let csrf: string;
before(async () => {
  t = await testApp();
  admin = await new Client(t.app).loginReady('admin');
  csrf = (await admin.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken;
});
after(() => t.close());

const api = (c: Client, method: string, url: string, json?: unknown) =>
  c.request(method, url, { json, headers: { 'x-csrf-token': csrf, accept: 'application/json' } });

test('an administrator lists the organizations of its region, in tree order', async () => {
  const res = await api(admin, 'GET', '/api/v1/orgs');
  assert.equal(res.statusCode, 200);
  const names = res.json().map((o: { fullName: string }) => o.fullName);
  assert.equal(names[0], '云岭市青山县');
  assert.ok(names.includes('青山县自然资源局不动产登记中心'));
  assert.ok(!names.includes('大同市新荣区自然资源局'), 'other regions are out of reach');
});

test('create and update an organization through the API; every change is audited', async () => {
  const created = await api(admin, 'POST', '/api/v1/orgs', {
    parentCode: '113301000000000001', kind: 'department', fullName: '青山县统计局', shortName: '县统计局', code: 'QS-TJ', phone: '0571-80000107', reportDeadline: '01-26',
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().code, 'QS-TJ');
  const updated = await api(admin, 'PUT', '/api/v1/orgs/QS-TJ', {
    kind: 'department', fullName: '青山县统计局', shortName: '县统计局', code: 'QS-TJ', phone: '0571-80000999', officeHours: '工作日 9:00—17:00',
  });
  assert.equal(updated.statusCode, 200, updated.body);
  assert.equal(updated.json().phone, '0571-80000999');
  const audit = await t.db.query<{ action: string; summary: { changed?: Record<string, unknown> } }>(
    `select action, summary from audit_log where target_type = 'organization' and target_id = $1 order by id`,
    [String(created.json().id)],
  );
  assert.deepEqual(audit.map((a) => a.action), ['org.create', 'org.update']);
  assert.deepEqual(audit[1]!.summary.changed!.phone, { before: '0571-80000107', after: '0571-80000999' });
});

test('bad input gets 400 with a Chinese message naming the field, and nothing is written', async () => {
  const before = (await t.db.query('select 1 from organizations')).length;
  const res = await api(admin, 'POST', '/api/v1/orgs', { parentCode: '113301000000000001', kind: 'bureau', fullName: '甲', shortName: '', code: '无效 代码' });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION');
  assert.match(error.message, /kind/);
  assert.match(error.message, /机构代码只能包含字母、数字和连字符/);
  const dup = await api(admin, 'POST', '/api/v1/orgs', { parentCode: '113301000000000001', kind: 'department', fullName: '青山县林业局', shortName: '林业局', code: 'QS-LY2' });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.json().error.message, /已存在/);
  const wrongTree = await api(admin, 'POST', '/api/v1/orgs', { parentCode: 'QS-LY', kind: 'county', fullName: '错层级', shortName: '错', code: 'BAD-1' });
  assert.equal(wrongTree.statusCode, 400);
  assert.match(wrongTree.json().error.message, /不能设在/);
  assert.equal((await t.db.query('select 1 from organizations')).length, before);
});

test('staff without the admin role cannot create organizations or users', async () => {
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  const me = await editor.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } });
  const token = me.json().csrfToken;
  const res = await editor.request('POST', '/api/v1/orgs', { json: { parentCode: 'QS-ZRZY', kind: 'subunit', fullName: '某科室', shortName: '科室', code: 'QS-ZRZY-K1' }, headers: { 'x-csrf-token': token } });
  assert.equal(res.statusCode, 403);
  const users = await editor.request('GET', '/api/v1/users', { headers: { accept: 'application/json' } });
  assert.equal(users.statusCode, 403);
});

test('an administrator creates a user who must change the initial password', async () => {
  const res = await api(admin, 'POST', '/api/v1/users', { orgCode: 'QS-SL', username: 'sl.editor', displayName: '水利局发布员', password: 'Water-2026-ok', roles: ['editor', 'reviewer'] });
  assert.equal(res.statusCode, 201, res.body);
  const user = await api(admin, 'GET', `/api/v1/users/${res.json().id}`);
  assert.deepEqual(user.json().roles, ['editor', 'reviewer']);
  assert.equal(user.json().mustChangePassword, true);
  assert.ok(!('passwordHash' in user.json()));
  const login = await new Client(t.app).login('sl.editor', 'Water-2026-ok');
  assert.equal(login.headers.location, '/console/password');
});

test('OpenAPI describes the API routes with their schemas', async () => {
  const res = await admin.request('GET', '/api/docs/json', { headers: { accept: 'application/json' } });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.ok(doc.paths['/api/v1/orgs'].post.requestBody);
  assert.ok(doc.paths['/api/v1/users/{userId}'].get);
  assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/console')), 'HTML pages are not API');
});

test('security headers on every page; unknown paths give a Chinese 404', async () => {
  const res = await new Client(t.app).get('/');
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const missing = await new Client(t.app).request('GET', '/nope', { headers: { accept: 'application/json' } });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'NOT_FOUND');
});
