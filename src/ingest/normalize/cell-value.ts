// Reading one printed table cell as the canonical JSON wants it
// (spec/annual-report-json.md “Cell values”): a number printed in the cell is
// that number; a cell printed empty, `/`, `-`, `—` or `无` is 0; anything that
// cannot be read as a number is null.
import type { Table2CellKind } from '../../report/model/layout.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../../core/text/numerals.ts';

export interface CellReading {
  value: number | string | null;
  /** number: a number was printed; empty: printed empty (0); unreadable: null */
  status: 'number' | 'empty' | 'unreadable';
  /** The reading needed an interpretation (e.g. 元 converted to 万元). */
  note?: string;
}

const EMPTY = new Set(['', '/', '\\', '-', '--', '—', '——', '–', '−', '无', '无。', '空', '/ ']);
const COUNT_UNITS = /(?:件|个|条|项|人次|次|宗|例|家|份|起|人)$/;
const PLAIN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const AMOUNT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元|万)$/;
const CHINESE = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+$`);

function plainNumber(s: string): number | null {
  if (!PLAIN.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/** Reads a printed cell; `kind` is what the column holds (layout.ts). */
export function readCell(raw: string, kind: Table2CellKind = 'count'): CellReading {
  const s = normalizeForMatch(raw).replace(/\s+/g, '');
  if (kind === 'text') {
    // 采购总金额: the text exactly as printed (an empty cell reads as "0", like a blank report)
    return EMPTY.has(s) ? { value: '0', status: 'empty' } : { value: raw.replace(/\s+/g, ' ').trim(), status: 'number' };
  }
  if (EMPTY.has(s)) return { value: 0, status: 'empty' };
  let t = s;
  if (kind === 'amountWanYuan') {
    if (/万元$/.test(t)) t = t.slice(0, -2);
    else if (/元$/.test(t)) {
      const yuan = plainNumber(t.slice(0, -1));
      if (yuan === null) return { value: null, status: 'unreadable' };
      return { value: Math.round(yuan) / 10000, status: 'number', note: `原文单位为“元”，已换算为万元（${yuan} 元 = ${yuan / 10000} 万元）` };
    }
  } else {
    t = t.replace(COUNT_UNITS, '');
  }
  if (kind === 'signedCount') {
    const m = /^(增加|增|减少|减)(.+)$/.exec(t);
    if (m) {
      const n = plainNumber(m[2]!) ?? parseChineseNumeral(m[2]!);
      if (n === null) return { value: null, status: 'unreadable' };
      return { value: m[1]!.startsWith('减') ? -n : n, status: 'number' };
    }
  }
  const n = plainNumber(t);
  if (n !== null) return { value: n, status: 'number' };
  if (CHINESE.test(t)) {
    const c = parseChineseNumeral(t);
    if (c !== null) return { value: c, status: 'number' };
  }
  return { value: null, status: 'unreadable' };
}

/**
 * Whether a cell looks like a table value rather than a label: a readable
 * value, or a short mostly numeric text that failed to read (e.g. `1O`), which
 * must count as a (unreadable) value and not end the row.
 */
export function isValueLike(raw: string): boolean {
  if (readCell(raw).status !== 'unreadable') return true;
  const s = normalizeForMatch(raw).replace(/\s+/g, '');
  // an amount with its unit (采购总金额 523.95万元): a value, though its unit is two characters
  if (AMOUNT.test(s)) return true;
  return s.length <= 10 && /\d/.test(s) && !/[\u4e00-\u9fff]{2,}/.test(s);
}
