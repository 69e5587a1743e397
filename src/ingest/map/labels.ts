// The printed labels of tables 2, 3 and 4, taken from the layouts in
// ../../report/model/layout.ts, and how a label found in a document is matched
// against them. Matching tolerates what real pages do: traditional characters,
// 计/记, 合计/总计, 规范性文件/行政规范性文件, missing or different numbering
// (（一）, 1., 一、), spaces and line breaks, words in another order
// (信访投诉举报类申请), a truncated label, fragments of a neighbouring merged cell.
import {
  TABLE2_CONTENT_HEADER,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_HEADER,
  TABLE3_SECTIONS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  table3Rows,
  type ReportFormat,
} from '../../report/model/layout.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';

export type LabelRole =
  /** table 2 sub-table caption, e.g. 第二十条第（一）项 */
  | 'caption'
  /** a column header whose key is a data column */
  | 'column'
  /** a header without data of its own (信息内容, 申请人情况, the 勾稽 corner, 行政诉讼…) */
  | 'header'
  /** a column some tools add that the official form does not have (小计) */
  | 'extra-column'
  /** a data row */
  | 'row'
  /** a merged cell over rows: （三）不予公开 …, 三、本年度办理结果 */
  | 'group';

export interface LabelEntry {
  table: 2 | 3 | 4;
  role: LabelRole;
  /** Row key, column key, group key or a name for headers. */
  key: string;
  /** The label as printed on the official form. */
  label: string;
  /** Normalized forms that identify it. */
  forms: string[];
  /** The layout that has this label; undefined when both do. */
  format?: ReportFormat;
  /** header labels come before the data rows; body labels are row labels. */
  phase: 'header' | 'body';
  /** Match only exactly (captions differ by one numeral, short labels are common words). */
  exactOnly?: boolean;
}

const NUMBERING = /^(?:\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}(?:[、.]|(?=[\u4e00-\u9fff])))/;
const NOT_LABEL_CHARS = /[^\p{Script=Han}a-zA-Z0-9]/gu;

/**
 * A label as compared: normalized text (normalizeForMatch), leading numbering
 * removed (repeatedly: “（三）3.危及…” → “危及…”), punctuation and spaces
 * removed, 记 → 计, 合计 → 总计.
 */
export function normalizeLabel(text: string): string {
  const t = withoutNumbering(normalizeForMatch(text).replace(/\s+/g, ''));
  return t.replace(NOT_LABEL_CHARS, '').replace(/记/g, '计').replace(/合计/g, '总计');
}

function withoutNumbering(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(t);
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  return t;
}

const entry = (e: Omit<LabelEntry, 'forms'> & { forms?: string[] }): LabelEntry => ({
  ...e,
  forms: [...new Set([normalizeLabel(e.label), ...(e.forms ?? []).map(normalizeLabel)])],
});

function table2Entries(): LabelEntry[] {
  const out = new Map<string, LabelEntry>();
  const add = (e: LabelEntry) => {
    const id = `${e.role}:${e.key}`;
    const prev = out.get(id);
    if (prev) {
      prev.forms = [...new Set([...prev.forms, ...e.forms])];
      if (prev.format !== e.format) delete prev.format;
    } else out.set(id, e);
  };
  add(entry({ table: 2, role: 'header', key: 'content', label: TABLE2_CONTENT_HEADER, phase: 'header' }));
  for (const format of ['2021', '2019'] as const) {
    for (const section of table2Layout(format)) {
      add(entry({ table: 2, role: 'caption', key: normalizeLabel(section.caption), label: section.caption, phase: 'header', exactOnly: true, format }));
      for (const c of section.columns) {
        add(entry({ table: 2, role: 'column', key: c.key, label: c.label, phase: 'header', format, forms: c.key === 'amountWanYuan' ? ['本年收费金额', '收费金额（万元）'] : [] }));
      }
      for (const r of section.rows) {
        const forms = r.key === 'normativeDocuments' ? ['规范性文件', '行政规范性文件'] : [];
        add(entry({ table: 2, role: 'row', key: r.key, label: r.label, phase: 'body', format, forms, exactOnly: r.label.length <= 2 }));
      }
    }
  }
  // the normative-documents row is printed both ways in either layout
  const docs = out.get('row:normativeDocuments');
  if (docs) delete docs.format;
  return [...out.values()];
}

function table3Entries(): LabelEntry[] {
  const out: LabelEntry[] = [];
  const seen = new Set<string>();
  for (const format of ['2021', '2019'] as const) {
    for (const r of table3Rows(format)) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      if (r.key === 'other') continue; // 2019: the （六）其他处理 group label carries the values itself
      const only = ['other.noCorrection', 'other.feeNotPaid', 'other.other'].includes(r.key) ? { format: '2021' as const } : {};
      const forms = r.key === 'notProcessed.petitionComplaint' ? ['信访投诉举报类申请'] : [];
      out.push(entry({ table: 3, role: 'row', key: r.key, label: r.label, phase: 'body', forms, exactOnly: normalizeLabel(r.label).length <= 2, ...only }));
    }
  }
  for (const g of Object.values(TABLE3_GROUPS)) out.push(entry({ table: 3, role: 'group', key: g.key, label: g.label, phase: 'body' }));
  out.push(entry({ table: 3, role: 'group', key: 'outcomes', label: TABLE3_SECTIONS.outcomes, phase: 'body' }));
  out.push(entry({ table: 3, role: 'header', key: 'corner', label: TABLE3_HEADER.corner, phase: 'header', forms: ['本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和'] }));
  out.push(entry({ table: 3, role: 'header', key: 'applicants', label: TABLE3_HEADER.applicants, phase: 'header' }));
  out.push(entry({ table: 3, role: 'header', key: 'legalPersons', label: TABLE3_HEADER.legalPersons, phase: 'header' }));
  TABLE3_COLUMNS.forEach((label, i) =>
    out.push(entry({ table: 3, role: 'column', key: String(i), label, phase: 'header', exactOnly: normalizeLabel(label).length <= 2 })),
  );
  out.push(entry({ table: 3, role: 'extra-column', key: 'subtotal', label: '小计', phase: 'header', forms: ['法人或其他组织小计'], exactOnly: true }));
  return out;
}

function table4Entries(): LabelEntry[] {
  const out: LabelEntry[] = [];
  out.push(entry({ table: 4, role: 'header', key: 'review', label: '行政复议', phase: 'header', exactOnly: true }));
  out.push(entry({ table: 4, role: 'header', key: 'litigation', label: '行政诉讼', phase: 'header', exactOnly: true }));
  for (const g of TABLE4_GROUPS) {
    if (g.key !== 'review') out.push(entry({ table: 4, role: 'header', key: g.key, label: g.label, phase: 'header' }));
  }
  TABLE4_COLUMNS.forEach((label, i) =>
    out.push(entry({ table: 4, role: 'column', key: String(i), label, phase: 'header', exactOnly: normalizeLabel(label).length <= 2 })),
  );
  return out;
}

export const TABLE_LABELS: Record<2 | 3 | 4, readonly LabelEntry[]> = {
  2: table2Entries(),
  3: table3Entries(),
  4: table4Entries(),
};

/** Similarity of two strings as multisets of characters (Dice): word order does not matter. */
function characterDice(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of b) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Length of the longest run of characters the two strings share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diagonal = up;
    }
  }
  return best;
}

/** Whether `a` is `b` with some characters left out (in order). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (const c of b) if (j < a.length && a[j] === c) j++;
  return j === a.length;
}

function formScore(n: string, form: string, exactOnly: boolean): number {
  if (n === form) return 1;
  if (exactOnly || !form) return 0;
  // extra text around the label: a neighbouring merged cell's fragment, a unit, a note
  // (a sentence that merely mentions a label, e.g. 本机关全年无行政许可事项, is not the label)
  if (form.length >= 3 && n.includes(form) && form.length / n.length >= 0.45) return 0.6 + 0.35 * (form.length / n.length);
  // a label cut short
  if (n.length >= 4 && form.includes(n) && n.length / form.length >= 0.6) return 0.5 + 0.4 * (n.length / form.length);
  if (form.length >= 4 && Math.abs(form.length - n.length) <= Math.max(2, form.length / 5)) {
    const dice = characterDice(n, form);
    if (dice >= 0.85) return 0.95 * dice;
  }
  // a misprint that dropped characters from inside the label: 2.其他法律行政止公开
  if (n.length >= 6 && n.length >= 0.7 * form.length && n.length < form.length && n[0] === form[0] && isSubsequence(n, form)) return 0.5 + 0.4 * (n.length / form.length);
  // a long label cut short and joined to a neighbouring fragment: (六)其他1.申请人无正当理由逾期不补正、行政机
  if (form.length >= 12) {
    const common = longestCommonRun(n, form);
    if (common >= 8 && common >= 0.5 * form.length) return 0.5 + 0.4 * (common / form.length);
  }
  return 0;
}

export interface LabelMatch {
  entry: LabelEntry;
  score: number;
}

// Results per entry list and normalized text: the same labels recur in every report.
const matches = new WeakMap<readonly LabelEntry[], Map<string, LabelMatch | null>>();

/** The label among `entries` that `text` names, or null when none (or more than one equally) fits. */
export function matchLabel(text: string, entries: readonly LabelEntry[]): LabelMatch | null {
  const n = normalizeLabel(text);
  if (!n || n.length > 80) return null;
  let cache = matches.get(entries);
  if (!cache) matches.set(entries, (cache = new Map()));
  const known = cache.get(n);
  if (known !== undefined) return known;
  const result = bestMatch(n, entries);
  if (cache.size < 20_000) cache.set(n, result);
  return result;
}

function bestMatch(n: string, entries: readonly LabelEntry[]): LabelMatch | null {
  // a row label printed together with its merged group cell: （五）不予处理 2.重复申请
  for (const g of entries) {
    if (g.role !== 'group') continue;
    const prefix = g.forms.find((f) => n.startsWith(f) && n.length > f.length);
    if (!prefix) continue;
    // (the label is already without punctuation: what is left of the numbering is a numeral)
    const rest = n.slice(prefix.length).replace(/^(?:[一二三四五六七八九十]{1,2}|\d{1,2})(?=[\u4e00-\u9fff])/, '');
    const inner = scoreAll(rest, entries.filter((e) => e.role === 'row'));
    if (inner && inner.score >= 0.9) return inner;
  }
  return scoreAll(n, entries);
}

function scoreAll(n: string, entries: readonly LabelEntry[]): LabelMatch | null {
  let best: LabelMatch | null = null;
  let bestLength = 0;
  let tie = false;
  for (const e of entries) {
    for (const form of e.forms) {
      const score = formScore(n, form, e.exactOnly === true);
      if (score < 0.6) continue;
      if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && form.length > bestLength)) {
        best = { entry: e, score };
        bestLength = form.length;
        tie = false;
      } else if (Math.abs(score - best.score) <= 1e-9 && form.length === bestLength && best.entry !== e) {
        tie = true;
      }
    }
  }
  return tie ? null : best;
}
