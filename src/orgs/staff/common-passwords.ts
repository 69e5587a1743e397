// Passwords that guessing tries first: the ~49,000 most common passwords of public breaches as
// the maintained zxcvbn-ts list ships them (MIT; Chinese habits such as qq123456 and 5201314 are
// in it), plus a few Chinese habits it lacks. Loaded on the first check, kept for the process.
import { createRequire } from 'node:module';

/** Pinyin and number habits of Chinese users that the breach list does not carry. */
const CHINESE_HABITS = ['woaini1314', 'woaini520', 'woaini521', 'aini1314520', '1314520520', '5201314520', 'iloveyou1314', 'zhang123456', 'wang123456', 'li123456789', 'zhongguo123', 'qwe123456789', 'a1234567890'];

let known: Set<string> | null = null;

/** Whether the password (compared in lower case) is one of the common or breached ones. */
export function isCommonPassword(password: string): boolean {
  if (!known) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    known = new Set([...(dictionary['passwords-common'] ?? []), ...CHINESE_HABITS]);
    if (known.size < 40_000) throw new Error('常见密码表未能加载，请重新运行 npm ci'); // never check against an empty list
  }
  return known.has(password.toLowerCase());
}
