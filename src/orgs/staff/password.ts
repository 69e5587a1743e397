// Password hashing with scrypt (memory-hard, built into Node): N=2^15, r=8, p=1 ≈ 32 MiB per hash.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isCommonPassword } from './common-passwords.ts';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * The password policy (等保 2.0 身份鉴别; NIST SP 800-63B §5.1.1.2): at least 10 characters,
 * letters and digits, not the user name nor the name of the user's organization, not made of a
 * few repeated characters, and not a common or breached password. null when it passes.
 */
export function passwordProblem(password: string, username: string, orgNames: readonly string[] = []): string | null {
  if (password.length < 10) return '新密码至少 10 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '新密码须同时包含字母和数字';
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase())) return '新密码不能包含用户名';
  if (orgNames.some((name) => name.length >= 2 && password.includes(name))) return '新密码不能包含机构名称';
  if (new Set(password).size < 5) return '新密码过于简单（重复的字符太多），请换一个';
  if (isCommonPassword(password)) return '新密码是常见密码或已出现在泄露的密码库中，请换一个';
  return null;
}
