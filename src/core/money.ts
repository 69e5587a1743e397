// Amounts of money, exact (the Article 20 ledgers' fees, the 信息处理费 of the report's text): 元 in (as clerks type them, "1,234.56元"), stored as an
// integer number of 分, and 万元 out for table 2 第二十条第（八）项 “本年收费金额（单位：万元）”
// (国办公开办函〔2021〕30号). 1 分 = 0.000001 万元, so every amount in 万元 has at most six decimals and
// is written exactly from the integer; a JS number is made only at the very end, from that string.

export type Fen = bigint;

/** "1234.56", "1,234.56元", "￥1 234.5", "１２３４．５６" → 分; a message in Chinese otherwise. */
export function parseYuanToFen(input: string): { fen: Fen } | { error: string } {
  let s = String(input ?? '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(人民币)?元$/, '')
    .replace(/^人民币/, '');
  if (s === '') return { error: '请填写金额（元）' };
  if (s.startsWith('-') || s.startsWith('－')) return { error: '金额不能为负数' };
  if (s.startsWith('+')) s = s.slice(1);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { error: `无法识别金额“${String(input).trim()}”，请填写以元为单位的数字，如 1234.56` };
  const decimals = m[2] ?? '';
  if (decimals.replace(/0+$/, '').length > 2) return { error: `金额“${String(input).trim()}”超过两位小数（最小单位为分）` };
  const fen = BigInt(m[1]!) * 100n + BigInt((decimals + '00').slice(0, 2));
  if (fen > 10n ** 15n) return { error: '金额过大' };
  return { fen };
}

/** An integer over 10^scale as an exact decimal string, trailing zeros trimmed: 35n, 2 → "0.35". */
export function decimalOf(value: Fen, scale: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(scale);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(scale, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** 分 → 元 as an exact decimal string: 123456 → "1234.56", 100 → "1". */
export const fenToYuan = (fen: Fen): string => decimalOf(fen, 2);

/** 分 → 万元 as an exact decimal string (six decimals at most): 12345678 分 (123456.78 元) → "12.345678". */
export const fenToWanYuan = (fen: Fen): string => decimalOf(fen, 6);

/** The table cell: the number the exact 万元 string reads as (the last step; no arithmetic on floats). */
export const wanYuanCell = (fen: Fen): number => Number(fenToWanYuan(fen));

/** Sum of amounts in 分, exact. */
export const sumFen = (amounts: Iterable<Fen | number | string>): Fen => {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return total;
};
