import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

test('scrypt hashes verify the right password only, with a fresh salt each time', async () => {
  const h1 = await hashPassword('青山县2026abc');
  const h2 = await hashPassword('青山县2026abc');
  assert.notEqual(h1, h2);
  assert.match(h1, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('青山县2026abc', h1), true);
  assert.equal(await verifyPassword('青山县2026abd', h1), false);
  assert.equal(await verifyPassword('x', 'not-a-hash'), false);
});

test('password policy messages are Chinese and specific', () => {
  assert.equal(passwordProblem('short1', 'admin'), '新密码至少 10 位');
  assert.equal(passwordProblem('onlyletterss', 'admin'), '新密码须同时包含字母和数字');
  assert.equal(passwordProblem('admin12345x', 'admin'), '新密码不能包含用户名');
  assert.equal(passwordProblem('Qingshan2026', 'admin'), null);
});
