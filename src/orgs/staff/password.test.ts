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

test('the passwords a probe got accepted are refused: repeated characters, common and breached ones, the organization’s name', () => {
  const SIMPLE = '新密码过于简单（重复的字符太多），请换一个';
  const COMMON = '新密码是常见密码或已出现在泄露的密码库中，请换一个';
  assert.equal(passwordProblem('aaaaaaaaa1', 'li.si'), SIMPLE);
  assert.equal(passwordProblem(`${' '.repeat(10)}1a`, 'li.si'), SIMPLE);
  assert.equal(passwordProblem('Password12', 'li.si'), COMMON); // compared in lower case
  assert.equal(passwordProblem('1qaz2wsx3edc', 'li.si'), COMMON);
  assert.equal(passwordProblem('qwerty123456', 'li.si'), COMMON);
  assert.equal(passwordProblem('woaini1314', 'li.si'), COMMON); // a Chinese habit the breach list lacks
  assert.equal(passwordProblem('青山县自然资源局2026a', 'li.si', ['青山县自然资源局', '县自然资源局']), '新密码不能包含机构名称');
  assert.equal(passwordProblem('Shanshui-2026', 'li.si', ['青山县自然资源局']), null);
});
