// The artefact transforms of issue 18, one per class of damage that real
// published reports show. Each works on the text blocks of a rendered report
// (text.ts) or on the project's own HTML/PDF output, and returns the text to
// parse. They never change a number: every value of the truth is still printed.
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../../src/report/model/layout.ts';
import type { Table4 } from '../../src/report/model/report.ts';
import { cleanWidth, dataCells, labelCells, markdownText, originCells, scraperText, type TextBlock, type TextRow, type TextTable } from './text.ts';
import type { Dice } from './generate.ts';

// ── (1) glued digit runs in text exports ─────────────────────────────────────

/** Rows with several data cells: their digits are printed as one run. */
const gluable = (row: TextRow) => row.key !== undefined && dataCells(row).length > 1;

/**
 * glued/cells: scraper text (one cell per line) where each data row's values
 * became one cell, e.g. `801000081 |` for 80|1|0|0|0|0|81 (share: fraction of the rows glued).
 */
export function gluedCells(blocks: TextBlock[], d: Dice, share = 1): string {
  return scraperText(blocks, (row) => {
    if (!gluable(row) || !(share >= 1 || d.chance(share))) return originCells(row);
    return [...row.cells.filter((_, i) => row.origin[i] && row.label[i]), dataCells(row).join('')];
  }, false);
}

/** One row as a plain line: its labels, then its values glued into one run (a space before the run, or not). */
function gluedLine(row: TextRow, space: boolean): string {
  const labels = labelCells(row).join(space ? ' ' : '');
  if (row.key === undefined) return labels;
  const run = dataCells(row).join('');
  return labels && run ? `${labels}${space ? ' ' : ''}${run}` : labels + run;
}

/** glued/lines: every table row one line of text, its values one digit run. */
export function gluedLines(blocks: TextBlock[], d: Dice): string {
  const space = d.chance(0.5);
  const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : b.table.rows.map((r) => gluedLine(r, space)).filter(Boolean)));
  return `${lines.join('\n')}\n`;
}

/** glued/table-line: each table one line of labels and digit runs. */
export function gluedTableLine(blocks: TextBlock[], d: Dice): string {
  const space = d.chance(0.5);
  const lines = blocks.map((b) => (b.kind === 'line' ? b.text : b.table.rows.map((r) => gluedLine(r, space)).filter(Boolean).join(space ? ' ' : '')));
  return `${lines.join('\n')}\n`;
}

// ── (2) converter-style tables ───────────────────────────────────────────────

export interface ConverterOptions {
  /** Header words split across two rows (商业企 / 业). */
  splitHeaders: boolean;
  /** The label of a merged cell (三、本年度办理结果, （三）不予公开…) on a row of its own. */
  mergedOwnRow: boolean;
  /** Rows print only the cells that start in them (no placeholders for merges): the values shift left. */
  dropCovered: boolean;
  /** Long row labels wrapped: the rest of the label on the next row, with empty value cells. */
  wrapLabels: boolean;
}

function splitWord(text: string, d: Dice): [string, string] {
  if (text.length < 3) return [text, ''];
  const at = d.between(Math.max(2, Math.floor(text.length / 2)), text.length - 1);
  return [text.slice(0, at), text.slice(at)];
}

/** The rows of one table as a PDF-to-markdown converter prints them. */
export function converterRows(t: TextTable, d: Dice, o: ConverterOptions): string[][] {
  const out: string[][] = [];
  const width = t.rows[0]!.cells.length;
  const labelled = (row: TextRow) => (o.dropCovered ? originCells(row) : [...row.cells]);
  for (const row of t.rows) {
    if (row.key === undefined) {
      // a header row: its words may break over two rows
      const cells = labelled(row);
      if (o.splitHeaders && cells.some((c) => c.length >= 4)) {
        const parts = cells.map((c) => (c.length >= 4 ? splitWord(c, d) : ([c, ''] as [string, string])));
        out.push(parts.map((p) => p[0]), parts.map((p) => p[1]));
      } else out.push(cells);
      continue;
    }
    let cells = labelled(row);
    // merged labels that start in this row and reach down (not the row's own last label)
    const ownLabels = row.cells.map((c, i) => (row.origin[i] && row.label[i] && c ? i : -1)).filter((i) => i >= 0);
    const merged = t.id === 'table3' ? ownLabels.slice(0, -1) : [];
    if (o.mergedOwnRow && merged.length > 0) {
      const own = new Array<string>(o.dropCovered ? merged.length : width).fill('');
      merged.forEach((i, k) => (own[o.dropCovered ? k : i] = row.cells[i]!));
      out.push(own);
      if (o.dropCovered) cells = cells.filter((c) => !merged.some((i) => row.cells[i] === c));
      else cells = cells.map((c, i) => (merged.includes(i) ? '' : c));
    }
    const lastLabel = ownLabels.at(-1);
    const labelText = lastLabel !== undefined ? row.cells[lastLabel]! : '';
    if (o.wrapLabels && labelText.length > 14) {
      const [head, tail] = splitWord(labelText, d);
      cells = cells.map((c) => (c === labelText ? head : c));
      out.push(cells);
      const rest = new Array<string>(cells.length).fill('');
      rest[cells.indexOf(head)] = tail;
      out.push(rest);
      continue;
    }
    out.push(cells);
  }
  return out;
}

export function converterText(blocks: TextBlock[], d: Dice, o: ConverterOptions): string {
  return markdownText(blocks, (t) => converterRows(t, d, o));
}

// ── (3) table 4 as three sub-tables ──────────────────────────────────────────

export const TABLE4_SUBTABLE_HEADINGS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'] as const;

/** Table 4 replaced by three headed tables of the five result columns each. */
export function splitTable4Blocks(blocks: TextBlock[], t4: Table4): TextBlock[] {
  return blocks.flatMap((b): TextBlock[] => {
    if (b.kind !== 'table' || b.table.id !== 'table4') return [b];
    return TABLE4_GROUPS.flatMap((g, i): TextBlock[] => {
      const header: TextRow = { cells: [...TABLE4_COLUMNS], origin: TABLE4_COLUMNS.map(() => true), label: TABLE4_COLUMNS.map(() => true) };
      const values = t4[g.key].map((v) => (v === null ? '' : String(v)));
      const data: TextRow = { cells: values, origin: values.map(() => true), label: values.map(() => false), key: 'data' };
      return [{ kind: 'line', text: TABLE4_SUBTABLE_HEADINGS[i]! }, { kind: 'table', table: { id: 'table4', rows: [header, data] } }];
    });
  });
}

/** The same in an HTML page: the rendered table 4 replaced by three plain tables under their headings. */
export function splitTable4Html(html: string, t4: Table4): string {
  const start = html.indexOf('<table class="gk-table gk-table4"');
  const end = html.indexOf('</table>', start) + '</table>'.length;
  if (start < 0 || end < start) throw new Error('rendered HTML has no table 4');
  const cell = (t: string) => `<td>${t}</td>`;
  const tables = TABLE4_GROUPS.map(
    (g, i) =>
      `<p>${TABLE4_SUBTABLE_HEADINGS[i]}</p>\n<table border="1"><tr>${TABLE4_COLUMNS.map(cell).join('')}</tr>` +
      `<tr>${t4[g.key].map((v) => cell(v === null ? '' : String(v))).join('')}</tr></table>`,
  ).join('\n');
  return html.slice(0, start) + tables + html.slice(end);
}

// ── (4) PDF artefacts ────────────────────────────────────────────────────────

/** Misprints seen in real reports: a label with characters dropped or swapped. */
export const MISPRINTS: Readonly<Record<string, string>> = {
  '2.其他法律行政法规禁止公开': '2.其他法律行政止公开',
  '4.保护第三方合法权益': '4.保护第三方合法权利',
  '1.本机关不掌握相关政府信息': '1.本机关不掌握相关信息',
  '2.没有现成信息需要另行制作': '2.没有现成信息需另行制作',
  '4.无正当理由大量反复申请': '4.无正当理由大量反复',
  '6.属于四类过程性信息': '6.属于四类过程信息',
};

export interface PdfArtefacts {
  /** `1、` instead of `1.` before sub-items. */
  ideographicNumbering: boolean;
  /** 一 or two labels misprinted (MISPRINTS). */
  misprints: boolean;
  /** 三、本年度办理结果 printed one character per line. */
  verticalLabel: boolean;
}

/** A printed label with the artefacts applied (shared by the PDF and its text export). */
export function artefactLabel(text: string, a: PdfArtefacts, misprinted: ReadonlySet<string>): string {
  let t = text;
  if (a.misprints && misprinted.has(t)) t = MISPRINTS[t]!;
  if (a.ideographicNumbering) t = t.replace(/^(\d)\./, '$1、');
  return t;
}

export interface PdfTextOptions extends PdfArtefacts {
  /** A page number (`— 3 —`, `3`, `第3页`) printed inside table 3. */
  pageNumber: boolean;
  /** A long label split over two cell lines, possibly with the page number between them. */
  splitLabel: boolean;
}

const PAGE_NUMBER_STYLES = [(n: number) => `— ${n} —`, (n: number) => `- ${n} -`, (n: number) => String(n), (n: number) => `第${n}页`];

/** Scraper text of a PDF: cell lines with PDF artefacts inside table 3. */
export function pdfText(blocks: TextBlock[], d: Dice, o: PdfTextOptions, misprinted: ReadonlySet<string>): string {
  const page = d.pick(PAGE_NUMBER_STYLES)(d.between(2, 5));
  const pageAsCell = d.chance(0.5);
  const rows3 = blocks.find((b): b is { kind: 'table'; table: TextTable } => b.kind === 'table' && b.table.id === 'table3')?.table.rows ?? [];
  const dataRows = rows3.filter((r) => r.key !== undefined);
  const splitRow = o.splitLabel ? d.pick(dataRows.filter((r) => labelCells(r).some((l) => l.length >= 6))) : undefined;
  // half the time the page breaks inside the split label: （四）无 | — 3 — | 法提供
  const breakRow = splitRow && d.chance(0.5) ? splitRow : dataRows[d.between(3, dataRows.length - 3)];
  const text = scraperText(blocks, (row, t) => {
    let cells = originCells(row).map((c) => (row.key !== undefined && t.id === 'table3' ? artefactLabel(c, o, misprinted) : c));
    if (t.id !== 'table3') return cells;
    if (o.verticalLabel && cells.includes('三、本年度办理结果')) {
      const at = cells.indexOf('三、本年度办理结果');
      cells = [...cells.slice(0, at), ...'三、本年度办理结果'.split(''), ...cells.slice(at + 1)];
    }
    if (row === splitRow) {
      const labels = labelCells(row).filter((l) => l.length >= 6);
      const label = artefactLabel(labels.at(-1)!, o, misprinted);
      const at = cells.indexOf(label);
      if (at >= 0) {
        const cut = d.between(2, label.length - 2);
        const between = o.pageNumber && row === breakRow ? [pageAsCell ? page : `\u0000${page}`] : [];
        cells = [...cells.slice(0, at), label.slice(0, cut), ...between, label.slice(cut), ...cells.slice(at + 1)];
      }
    } else if (o.pageNumber && row === breakRow) cells = [pageAsCell ? page : `\u0000${page}`, ...cells];
    return cells;
  }, cleanWidth);
  // a page number that is not a cell: its own line without the pipe
  return text.replace(/^\u0000(.*) \|$/m, '$1');
}

// ── (5) a 2021 report printing （六）其他处理 as one row ───────────────────────
// (made in corpus.ts: the table 3 is rendered in the 2019 shape, see other2019Table3)
