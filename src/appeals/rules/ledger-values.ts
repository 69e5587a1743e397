// Reading the cells of a 复议诉讼台账 (the Excel register an agency kept before gongkai): the column
// names clerks use, the kind (类型) and the result (结果) in their many spellings, dates. Pure.
// The mapping of results to the columns of table 4 and why is in docs/appeals-table4.md
// (「台账导入：结果的写法」); `outcomeOf` below is that table.
import { isValidDate, type DateString } from '../../core/date.ts';
import { toSimplified } from '../../core/text/normalize.ts';
import { parseChineseNumeral } from '../../core/text/numerals.ts';
import type { AppealKind, AppealOutcome } from '../model.ts';

/** A cell as read from the workbook (rich text, formulas and links flattened). */
export type { CellValue } from '../../core/workbook.ts';
import type { CellValue } from '../../core/workbook.ts';

/** Full-width to half-width punctuation, no spaces, simplified characters: for comparing words. */
export function normalizeWord(s: string): string {
  return toSimplified(String(s))
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[／]/g, '/')
    .replace(/[·•・]/g, '');
}

export const cellText = (v: CellValue): string => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();

// ── Columns ─────────────────────────────────────────────────────────────────

export type LedgerField = 'serial' | 'kind' | 'receiptNo' | 'party' | 'body' | 'caseNumber' | 'receivedOn' | 'decidedOn' | 'outcome' | 'note';

export interface LedgerColumn {
  key: LedgerField;
  /** The column name of the template. */
  header: string;
  required: boolean;
  /** Other names accepted (compared after normalizeWord). */
  variants: readonly string[];
  help: string;
  width: number;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'serial', header: '序号', required: false, variants: ['编号', '序'], help: '可不填，不导入', width: 6 },
  { key: 'kind', header: '类型', required: true, variants: ['类别', '案件类型', '案件类别', '复议诉讼类型', '复议或诉讼'], help: '行政复议；行政诉讼（未经复议直接起诉）；行政诉讼（复议后起诉）。也可写：复议、诉讼（按直接起诉）、直诉、复议后诉讼', width: 26 },
  { key: 'receiptNo', header: '收件编号', required: false, variants: ['申请编号', '依申请编号', '涉及的申请编号', '回执编号', '受理编号', '原申请编号'], help: '所涉依申请公开申请的编号（本平台的收件编号）；不涉及的留空', width: 20 },
  { key: 'party', header: '申请人/原告', required: false, variants: ['申请人(原告)', '申请人或原告', '申请人', '原告', '复议申请人', '当事人', '起诉人'], help: '复议申请人或原告；填写了本机关已登记的收件编号时可留空，取该申请的申请人。不对外公开', width: 18 },
  { key: 'body', header: '复议机关/法院', required: true, variants: ['复议机关或法院', '复议机关或人民法院', '复议机关/人民法院', '复议机关', '法院', '人民法院', '审理机关', '受理机关', '复议机关(法院)'], help: '如 青山县人民政府、青山县人民法院', width: 20 },
  { key: 'caseNumber', header: '案号', required: false, variants: ['文号', '案件编号', '复议案号', '诉讼案号', '决定书文号'], help: '如 青政复〔2025〕12号、（2025）浙0122行初15号。同一案号已登记的不会重复导入', width: 24 },
  { key: 'receivedOn', header: '收到日期', required: true, variants: ['收到申请日期', '立案日期', '受理日期', '收案日期', '收到复议申请日期', '收到起诉状日期', '登记日期'], help: '复议机关收到申请或法院立案之日，如 2025-03-04', width: 14 },
  { key: 'decidedOn', header: '决定日期/审结日期', required: false, variants: ['决定日期', '审结日期', '结案日期', '判决日期', '裁判日期', '决定或审结日期', '决定(审结)日期', '审结时间'], help: '复议决定、判决或裁定作出之日；尚未审结的留空', width: 16 },
  { key: 'outcome', header: '结果', required: false, variants: ['审结结果', '复议结果', '诉讼结果', '判决结果', '处理结果', '结案结果', '结果类型'], help: '维持、纠正、其他、尚未审结，或决定书、判决书的原话（驳回诉讼请求、撤销、确认违法、责令重新答复、终止、撤回、和解等）；留空按尚未审结', width: 22 },
  { key: 'note', header: '备注', required: false, variants: ['说明', '情况说明'], help: '', width: 30 },
];

const HEADER_INDEX = new Map<string, LedgerField>(LEDGER_COLUMNS.flatMap((c) => [c.header, ...c.variants].map((h) => [normalizeWord(h), c.key] as const)));

/** The field a header names, or null. */
export function matchHeader(text: string): LedgerField | null {
  const w = normalizeWord(text).replace(/\*|※|[（(]必填[）)]/g, '');
  return HEADER_INDEX.get(w) ?? null;
}

// ── 类型 ────────────────────────────────────────────────────────────────────

const KIND_WORDS: readonly [AppealKind, readonly string[]][] = [
  ['review', ['行政复议', '复议']],
  ['litigation_direct', ['行政诉讼(未经复议直接起诉)', '行政诉讼(直接起诉)', '行政诉讼未经复议直接起诉', '未经复议直接起诉', '直接起诉', '直诉', '行政诉讼-未经复议直接起诉', '行政诉讼-直接起诉']],
  ['litigation_after_review', ['行政诉讼(复议后起诉)', '行政诉讼复议后起诉', '复议后起诉', '复议后诉讼', '复议后', '经复议后起诉', '行政诉讼-复议后起诉']],
];
const KIND_INDEX = new Map<string, AppealKind>(KIND_WORDS.flatMap(([k, words]) => words.map((w) => [normalizeWord(w), k] as const)));

export type Reading<T> = { value: T; warning?: string } | { error: string };

/**
 * 类型: the three groups of table 4. A bare 诉讼 / 行政诉讼 does not say whether a 复议 came first;
 * it is read as 未经复议直接起诉 (the case unless the register says otherwise) with a warning.
 */
export function kindOf(v: CellValue): Reading<AppealKind> {
  const w = normalizeWord(cellText(v));
  if (!w) return { error: '请填写类型（行政复议、行政诉讼（未经复议直接起诉）或行政诉讼（复议后起诉））' };
  const k = KIND_INDEX.get(w);
  if (k) return { value: k };
  if (w === '诉讼' || w === '行政诉讼') {
    return { value: 'litigation_direct', warning: `类型“${cellText(v)}”未说明是否经过复议，按“行政诉讼（未经复议直接起诉）”导入；复议后起诉的请写“复议后诉讼”` };
  }
  return { error: `无法识别的类型“${cellText(v)}”：请填写 行政复议、行政诉讼（未经复议直接起诉）或行政诉讼（复议后起诉）（也可写 复议、直诉、复议后诉讼）` };
}

// ── 结果 ────────────────────────────────────────────────────────────────────

/** What a 结果 cell says: an outcome (table 4 column), or 尚未审结; and whether it orders a new reply. */
export interface OutcomeReading {
  outcome: AppealOutcome | null;
  /** 责令重新答复, 撤销原答复并重新答复 and the like: the agency must answer the application again. */
  newReplyOrdered: boolean;
}

const PENDING_WORDS = ['尚未审结', '未审结', '审理中', '在审', '未结', '待审结', '复议中', '诉讼中', '正在审理', '未决'];
/** Checked in this order: the first list a word of the cell falls in decides. */
const OUTCOME_RULES: readonly [AppealOutcome, RegExp][] = [
  // 结果纠正: the act is revoked, changed, found unlawful or void, or the agency is ordered to act
  ['corrected', /结果纠正|纠正|撤销|变更|确认违法|确认无效|责令|重新答复|限期答复|限期履行|判令/],
  // 其他结果: the case ends without a decision on the act (withdrawn, terminated, settled, not accepted,
  // dismissed on procedure). 驳回起诉 is a ruling that the suit cannot go on, not a ruling on the act.
  ['other', /其他结果|其他|终止|撤回|撤诉|和解|调解|不予受理|不予立案|驳回起诉/],
  // 结果维持: the act stands — upheld, confirmed lawful, or the request rejected on its merits
  ['upheld', /结果维持|维持|驳回复议申请|驳回诉讼请求|驳回原告诉讼请求|驳回|确认合法/],
];

/**
 * The result of a record as a register writes it. Empty means 尚未审结. Whatever names a correction
 * wins over other words in the same cell (“撤销原答复，驳回其他请求” is a correction).
 */
export function outcomeOf(v: CellValue): Reading<OutcomeReading> {
  const raw = cellText(v);
  const w = normalizeWord(raw);
  if (!w || PENDING_WORDS.includes(w)) return { value: { outcome: null, newReplyOrdered: false } };
  for (const [outcome, re] of OUTCOME_RULES) {
    if (re.test(w)) return { value: { outcome, newReplyOrdered: outcome === 'corrected' && /重新答复|重新作出答复|重新处理|限期答复/.test(w) } };
  }
  return { error: `无法识别的结果“${raw}”：请填写 维持、纠正、其他或尚未审结，或决定书、判决书的原话（如 驳回诉讼请求、撤销、确认违法、责令重新答复、终止、撤回）` };
}

// ── 日期 ────────────────────────────────────────────────────────────────────

const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** Excel's serial day number (1900 date system). */
function fromSerial(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < 1) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + whole * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A date cell: an Excel date, 2025-03-04, 2025/3/4, 2025.3.4, 2025年3月4日, 二〇二五年三月四日. Empty → null. */
export function dateOf(v: CellValue): Reading<DateString | null> {
  if (v === null || cellText(v) === '') return { value: null };
  let out: string | null = null;
  if (v instanceof Date) {
    if (!Number.isNaN(v.getTime())) {
      const t = new Date(Math.round(v.getTime() / 1000) * 1000);
      out = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    }
  } else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) out = ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    else if (v > 0 && v < 2958466) out = fromSerial(v);
  } else {
    const s = cellText(v);
    const m = DATE_TEXT.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) out = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    const c = CHINESE_DATE.exec(s.replace(/\s+/g, ''));
    if (c) {
      const y = Number([...c[1]!].map((ch) => '〇一二三四五六七八九'.indexOf(ch === '零' ? '〇' : ch)).join(''));
      const [mo, d] = [parseChineseNumeral(c[2]!), parseChineseNumeral(c[3]!)];
      if (mo !== null && d !== null) out = ymd(y, mo, d);
    }
  }
  if (out === null || !isValidDate(out)) return { error: `“${cellText(v)}”不是有效日期，请写成 2025-03-04 或设为 Excel 日期格式` };
  const year = Number(out.slice(0, 4));
  if (year < 1990 || year > 2100) return { error: `日期“${out}”的年份不在 1990—2100 年之间，请核对` };
  return { value: out };
}
