// Numbers written in Chinese numerals, as reports write them in running text
// (收到申请三件, 二〇二三年度, 一百零五条). Only whole numbers below 一亿.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may make up a Chinese numeral (for regular expressions). */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万';

/**
 * The value of a Chinese numeral, or null when the text is not one.
 * Positional (十二, 一百零五, 三万二千) and digit-by-digit (二〇二三) forms.
 */
export function parseChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (!s || [...s].some((c) => !(c in DIGITS) && !(c in UNITS) && c !== '万')) return null;
  const hasUnit = [...s].some((c) => c in UNITS || c === '万');
  if (!hasUnit) {
    // 二〇二三 (a year), 零 — digit by digit; 两 is never used this way
    if (s.includes('两') && s.length > 1) return null;
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0) return null; // 二三十: two digits in a row (零 only holds a place)
      digit = DIGITS[c]!;
    } else if (c === '万') {
      if (digit !== null) section += digit;
      if (section === 0 && total === 0) return null;
      total = (total + section) * 10000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else {
      const unit = UNITS[c]!;
      if (unit >= lastUnit) return null; // 十百: units must decrease
      // 十二 = 12: a leading 十 means 一十
      section += (digit ?? (section === 0 && total === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastUnit = unit;
    }
  }
  if (digit !== null) section += digit;
  return total + section;
}
