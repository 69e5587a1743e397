// What a PDF's pages leave in the cell stream of its text export (issue 18,
// class 4), mended before the stream is cut into rows: a page number printed
// between two cells (— 3 —, 第3页) is no cell of the table; a merged label
// printed one character per line (三 / 、 / 本 / 年 …) is one label; a label
// split over two cells by a line or page break (（四）无 | 法提供) is one label.
// Nothing is guessed: cells are joined only when the joined text is a label of
// the table that reads better than either part (or the first part is only its
// numbering); a number is dropped only when it has a page number's form, or
// sits between the two parts of such a label.
import type { SourceCell, SourceTable } from '../read/document.ts';
import { PAGE_NUMBER } from '../read/text.ts';
import { readCell } from '../normalize/cell-value.ts';
import { matchLabel, normalizeLabel, type LabelEntry } from './labels.ts';

/** The stream with page numbers dropped and broken labels joined; a grid table is returned as it is. */
export function mendStream(table: SourceTable, entries: readonly LabelEntry[]): SourceTable {
  if (table.mode !== 'stream') return table;
  let changed = false;
  const rows = table.rows.map((cells) => {
    const mended = joinSplitLabels(joinStackedLabels(cells.filter((c) => !PAGE_NUMBER.test(c.text.trim())), entries), entries);
    if (mended.length !== cells.length) changed = true;
    return mended;
  });
  return changed ? { ...table, rows } : table;
}

const isShort = (c: SourceCell) => {
  const t = c.text.trim();
  return t.length > 0 && t.length <= 2;
};

// the normalized forms of every label, per entry list
const formsOf = new WeakMap<readonly LabelEntry[], Set<string>>();
function forms(entries: readonly LabelEntry[]): Set<string> {
  let f = formsOf.get(entries);
  if (!f) formsOf.set(entries, (f = new Set(entries.flatMap((e) => e.forms))));
  return f;
}

/**
 * Runs of cells of one or two characters whose text read together is exactly a label:
 * 三、本年度办理结果 printed vertically. The run never starts with a number (the last
 * value of the row above), so a value is never swallowed.
 */
function joinStackedLabels(cells: SourceCell[], entries: readonly LabelEntry[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (let i = 0; i < cells.length; ) {
    let end = i;
    while (end < cells.length && end - i < 24 && isShort(cells[end]!)) end++;
    let joined = -1;
    if (end - i >= 3 && !/^[\d.,]/.test(cells[i]!.text.trim())) {
      for (let e = end; e >= i + 3 && joined < 0; e--) {
        const text = cells.slice(i, e).map((c) => c.text.trim()).join('');
        if (forms(entries).has(normalizeLabel(text))) joined = e;
      }
    }
    if (joined < 0) {
      out.push(cells[i]!);
      i++;
      continue;
    }
    out.push({ ...cells[i]!, text: cells.slice(i, joined).map((c) => c.text.trim()).join('') });
    i = joined;
  }
  return out;
}

const NUMBERING_ONLY = /^(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])$/;

const isText = (c: SourceCell) => c.text.trim() !== '' && readCell(c.text).status === 'unreadable';

/**
 * Two text cells that are one label cut in two (（四）无 | 法提供, 5、 | 属于三类内部事务信息): joined
 * when together they are a row or group label that reads better than either part (or the first
 * part is only the label's numbering). A bare number of up to three digits between the parts is
 * the page number printed at the break (8.属 | 3 | 于行政查询事项): no value sits inside a label,
 * so it is dropped.
 */
function joinSplitLabels(cells: SourceCell[], entries: readonly LabelEntry[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const a = cells[i]!;
    // (only after a fragment that is no whole label: a label followed by its one value is a row of table 2)
    const pageBetween = cells[i + 1] !== undefined && /^\d{1,3}$/.test(cells[i + 1]!.text.trim()) && (matchLabel(a.text, entries)?.score ?? 0) < 1;
    const k = pageBetween ? i + 2 : i + 1;
    const b = cells[k];
    if (b && isText(a) && isText(b) && splitLabel(a.text.trim(), b.text.trim(), entries)) {
      out.push({ ...a, text: a.text.trim() + b.text.trim() });
      i = k;
      continue;
    }
    out.push(a);
  }
  return out;
}

function splitLabel(a: string, b: string, entries: readonly LabelEntry[]): boolean {
  const both = matchLabel(a + b, entries);
  if (!both || (both.entry.role !== 'row' && both.entry.role !== 'group')) return false;
  const second = matchLabel(b, entries);
  // the label's numbering cut off on its own belongs to the label after it
  if (NUMBERING_ONLY.test(a) && second?.entry === both.entry) return true;
  return both.score > Math.max(matchLabel(a, entries)?.score ?? 0, second?.score ?? 0) + 1e-9;
}
