// The edges a probe found: a NUL or broken %-escape anywhere gives a Chinese 400 (never a 500),
// redirect targets stay on this site, and cookies are Secure behind HTTPS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSitePath } from '../../src/core/http/edges.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ trustProxy: true });
});
after(() => t.close());

const page = { accept: 'text/html' };
const form = { ...page, 'content-type': 'application/x-www-form-urlencoded' };

test('a NUL in the address or a form, or %-escapes that are not UTF-8, get a Chinese 400 on every route', async () => {
  const cases = [
    { method: 'GET', url: '/search?q=%00' },
    { method: 'GET', url: '/orgs/%00/catalogue' },
    { method: 'GET', url: '/api/v1/catalogue/search?q=a%00b' },
    { method: 'GET', url: '/search?q=%E6%94%BF%E5' }, // a character cut in half
    { method: 'GET', url: '/%C0%AF' },
    { method: 'POST', url: '/track', payload: 'receiptNo=QS%00&contact=1', headers: form },
    { method: 'POST', url: '/console/login', payload: 'username=admin%00&password=x', headers: form },
  ] as const;
  for (const c of cases) {
    const res = await t.app.inject({ method: c.method, url: c.url, payload: 'payload' in c ? c.payload : undefined, headers: { ...page, ...('headers' in c ? c.headers : {}) } });
    assert.equal(res.statusCode, 400, `${c.method} ${c.url}: ${res.body.slice(0, 200)}`);
    assert.match(res.body, /不允许的字符|无法识别的字符/, `${c.method} ${c.url}`);
  }
  const admin = await new Client(t.app).loginReady('admin');
  const api = await admin.api('POST', '/api/v1/orgs', { kind: 'department', fullName: '测试\u0000机构', shortName: '测试', code: 'NUL-1' });
  assert.equal(api.statusCode, 400);
  assert.match(api.json().error.message, /不允许的字符（空字符）/);
  // Text that is merely unusual still goes through.
  assert.equal((await t.app.inject({ method: 'GET', url: '/search?q=%E6%94%BF%E5%BA%9C%25', headers: page })).statusCode, 200);
});

test('redirect targets are paths of this site only', async () => {
  for (const back of ['/\t/evil.example', '//evil.example', '/\\evil.example', '/a\\b', 'https://evil.example/', '/x\r\nSet-Cookie: a=b', '/政府', 'evil', '']) {
    assert.equal(sameSitePath(back), null, JSON.stringify(back));
    const res = await t.app.inject({ method: 'GET', url: `/variant?to=hant&back=${encodeURIComponent(back)}`, headers: page });
    assert.equal(res.statusCode, 303, JSON.stringify(back));
    assert.equal(res.headers.location, '/', JSON.stringify(back));
  }
  for (const back of ['/', '/orgs/QS-ZRZY/catalogue?page=2', '/search?q=%E6%94%BF%E5%BA%9C']) {
    assert.equal(sameSitePath(back), back);
    assert.equal((await t.app.inject({ method: 'GET', url: `/variant?to=hant&back=${encodeURIComponent(back)}`, headers: page })).headers.location, back);
  }
  // After login, `next` leads to a console page or to the console's home.
  const c = new Client(t.app);
  const _csrf = await c.csrfFrom('/console/login');
  const login = await c.request('POST', '/console/login', { form: { _csrf, username: 'zrzy.handler', password: 'demo-pass-2026', next: '/\t/evil.example' } });
  assert.equal(login.statusCode, 303);
  assert.match(String(login.headers.location), /^\/console/);
});

test('behind an HTTPS proxy every cookie is Secure', async () => {
  const https = { ...page, 'x-forwarded-proto': 'https' };
  const loginPage = await t.app.inject({ method: 'GET', url: '/console/login', headers: https });
  const csrfCookie = loginPage.cookies.find((x) => x.name === 'gk_csrf');
  assert.ok(csrfCookie?.secure, 'gk_csrf');
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!;
  const login = await t.app.inject({
    method: 'POST', url: '/console/login', payload: `_csrf=${encodeURIComponent(_csrf)}&username=zrzy.reviewer&password=demo-pass-2026`,
    headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', cookie: `gk_csrf=${csrfCookie!.value}` },
  });
  assert.equal(login.statusCode, 303, login.body.slice(0, 200));
  assert.ok(login.cookies.find((x) => x.name === 'gk_session')?.secure, 'gk_session');
  const variant = await t.app.inject({ method: 'GET', url: '/variant?to=hant&back=%2F', headers: https });
  assert.ok(variant.cookies.find((x) => x.name === 'gk_variant')?.secure, 'gk_variant');
  // …and over plain HTTP (an intranet without TLS) they are not, or the browser would drop them.
  const plain = await t.app.inject({ method: 'GET', url: '/console/login', headers: page });
  assert.equal(plain.cookies.find((x) => x.name === 'gk_csrf')?.secure, undefined);
});
