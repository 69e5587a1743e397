// Identity documents of applicants (条例第二十九条第二款（一）：申请人的姓名或者名称、身份证明、联系方式).
// Check digits catch typing errors in the form; they prove nothing about the person.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 公民身份号码: 17 digits and a check character (0-9 or X). */
export function isValidResidentId(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 统一社会信用代码: 18 characters, the last a check character. */
export function isValidCreditCode(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(v[i]!), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === v[17];
}

/** A mainland mobile number, or a landline with its area code (extension allowed). */
export function isValidPhone(value: string): boolean {
  const v = value.replace(/[\s()（）]/g, '');
  return /^(\+?86-?)?1[3-9]\d{9}$/.test(v) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v) || /^\d{7,8}$/.test(v);
}

/** The digits of a phone number, for matching a look-up against the stored number. */
export const phoneDigits = (value: string) => value.replace(/\D/g, '').replace(/^86(?=1[3-9]\d{9}$)/, '');

export const normalizeEmail = (value: string) => value.trim().toLowerCase();
