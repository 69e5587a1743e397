// Text forms of a rendered report, built from the renderers' own layout
// (layoutDocument + the table grids): the document as a list of blocks whose
// tables are rows of printed cells, so that the artefact transforms can work on
// rows (glue their digits, split their labels) before the text is written out.
import { layoutDocument, type ReportDocument } from '../../src/report/render/document.ts';
import { placeCells, type TableGrid, type TableId } from '../../src/report/render/grid.ts';
import { scraperLines } from '../../src/ingest/testing/flattened-text.ts';

export interface TextRow {
  /** One entry per grid column: the text of the cell that starts there, '' where a cell is covered or empty. */
  cells: string[];
  /** Which cells start in this row (false for a column covered by a merge from the left or above). */
  origin: boolean[];
  /** Which cells are labels (header or row label). */
  label: boolean[];
  /** The JSON row of the data cells (table 3 row key, table 2 row key, table 4: 'data'); undefined for header rows. */
  key?: string;
}
export interface TextTable {
  id: TableId;
  rows: TextRow[];
}
export type TextBlock = { kind: 'line'; text: string } | { kind: 'table'; table: TextTable };

export function textTable(grid: TableGrid): TextTable {
  const rows = placeCells(grid).map((slots) => {
    const cells = new Array<string>(grid.columns).fill('');
    const origin = new Array<boolean>(grid.columns).fill(false);
    const label = new Array<boolean>(grid.columns).fill(false);
    let key: string | undefined;
    for (const s of slots) {
      for (let dc = 0; dc < s.cell.colSpan; dc++) label[s.col + dc] = s.cell.header;
      if (!s.origin) continue;
      cells[s.col] = s.cell.text;
      origin[s.col] = true;
      if (s.cell.ref && grid.id !== 'table4') key = String(s.cell.ref.row);
      if (s.cell.ref && grid.id === 'table4') key = 'data';
    }
    const row: TextRow = { cells, origin, label };
    if (key) row.key = key;
    return row;
  });
  return { id: grid.id, rows };
}

/** The document as lines and tables, in reading order. */
export function textBlocks(doc: ReportDocument): TextBlock[] {
  const { title, blocks } = layoutDocument(doc);
  const out: TextBlock[] = [{ kind: 'line', text: title }];
  for (const b of blocks) {
    if (b.kind === 'table') out.push({ kind: 'table', table: textTable(b.grid) });
    else out.push({ kind: 'line', text: b.text });
  }
  return out;
}

/** The data cells of a row (non-label cells that start in it), in order. */
export function dataCells(row: TextRow): string[] {
  return row.cells.filter((_, i) => row.origin[i] && !row.label[i]);
}
/** The label cells that start in a row, in order. */
export function labelCells(row: TextRow): string[] {
  return row.cells.filter((t, i) => row.origin[i] && row.label[i] && t !== '');
}

/**
 * Seed-001 style scraper text: every cell on its own line ending in ` |`, runs
 * of empty cells as bare pipes (the format src/ingest/testing/flattened-text.ts
 * makes); `cellsOf` says what cells a row prints (default: those that start in it);
 * `padTo` gives the width each row is padded to with empty cells (default the widest row; false: none).
 */
export function scraperText(
  blocks: TextBlock[],
  cellsOf: (row: TextRow, table: TextTable) => string[] = originCells,
  padTo: ((table: TextTable) => number) | false = (t) => Math.max(...t.rows.map((r) => cellsOf(r, t).length)),
): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') {
      lines.push(b.text);
      continue;
    }
    lines.push(...scraperLines(b.table.rows.map((row) => cellsOf(row, b.table)), padTo ? padTo(b.table) : 0));
  }
  return `${lines.join('\n')}\n`;
}

/** The cells that start in a row, as a renderer lists them. */
export function originCells(row: TextRow): string[] {
  return row.cells.filter((_, i) => row.origin[i]);
}

/** The padding of the undamaged table: its widest row of cells. */
export const cleanWidth = (t: TextTable): number => Math.max(...t.rows.map((r) => originCells(r).length));

/** Markdown-pipe text as converters write it: `| a | b |` per row, the other blocks as lines. */
export function markdownText(blocks: TextBlock[], rowsOf: (t: TextTable) => string[][]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') {
      lines.push(b.text);
      continue;
    }
    lines.push('');
    rowsOf(b.table).forEach((cells, i) => {
      lines.push(`| ${cells.join(' | ')} |`);
      if (i === 0) lines.push(`|${cells.map(() => ' --- ').join('|')}|`);
    });
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
