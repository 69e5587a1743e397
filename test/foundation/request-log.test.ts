// Request logs carry method, path, status and request id — never passwords, tokens,
// cookies, query strings (look-ups carry phone numbers) or client addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Client, testApp } from '../helpers/app.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';

test('request logs hold no secrets or personal data', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const t = await testApp({ logLevel: 'info' }, sink);
  try {
    const c = new Client(t.app);
    const login = await c.login('admin', DEMO_PASSWORD);
    assert.equal(login.statusCode, 303);
    const token = (login.cookies as { name: string; value: string }[]).find((x) => x.name === 'gk_session')!.value;
    await c.get('/orgs/QS-ZRZY?phone=13812345678&name=张三');
    const log = lines.join('');
    assert.match(log, /"path":"\/console\/login"/);
    assert.match(log, /"statusCode":303/);
    for (const secret of [DEMO_PASSWORD, token, '13812345678', '张三', 'phone=', '127.0.0.1', 'gk_session', 'gk_csrf']) {
      assert.ok(!log.includes(secret), `the log contains ${secret}`);
    }
  } finally {
    await t.close();
  }
});
