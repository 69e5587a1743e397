// Behind one reverse proxy (TRUST_PROXY=1) the client address is the one the proxy saw: what a
// client writes into X-Forwarded-For itself changes nothing, so per-address limits hold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ trustProxy: 1, lockoutThreshold: 3 });
});
after(() => t.close());

test('TRUST_PROXY=1: forged X-Forwarded-For entries do not dodge the login pause; the proxy’s entry counts', async () => {
  const csrfOf = async (xff: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/console/login', headers: { accept: 'text/html', 'x-forwarded-for': xff } });
    return { token: /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  };
  const attempt = async (forged: string) => {
    // nginx appends the address it saw (203.0.113.7) to whatever the client sent.
    const xff = `${forged}, 203.0.113.7`;
    const { token, cookie } = await csrfOf(xff);
    return t.app.inject({
      method: 'POST', url: '/console/login', payload: `_csrf=${encodeURIComponent(token)}&username=zrzy.head&password=wrong-pass-2026`,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': xff, cookie },
    });
  };
  const answers = [];
  for (let i = 1; i <= 4; i++) answers.push((await attempt(`198.51.100.${i}`)).statusCode);
  assert.deepEqual(answers, [401, 401, 423, 423]);
  const [row] = await t.db.query<{ address: string }>("select address from login_throttle where name_key = 'zrzy.head'");
  assert.equal(row!.address, '203.0.113.7');
});
