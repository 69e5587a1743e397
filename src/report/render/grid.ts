// The one intermediate form shared by every renderer: each table of the annual
// report as a grid of rows of cells with their merges, exactly as in the
// national template (domain-reference §B.3–§B.6). The renderers only translate
// this grid to HTML, Word, Excel or PDF; none of them knows the layout.
// Every label comes from ../model/layout.ts.
import {
  TABLE2_CONTENT_HEADER,
  TABLE2_WIDTH,
  TABLE3_COLUMNS,
  TABLE3_HEADER,
  TABLE3_LABEL_COLUMNS,
  TABLE3_SECTIONS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  table3Rows,
  type Table2CellKind,
  type Table3Row,
} from '../model/layout.ts';
import { table2Shape, table3Shape, type Table2, type Table3, type Table4 } from '../model/report.ts';

export type TableId = 'table2' | 'table3' | 'table4';

export interface GridCell {
  /** What is printed in the cell; for a data cell, its value as text ('' for null). */
  text: string;
  colSpan: number;
  rowSpan: number;
  /** A label cell (header row or row label), as opposed to a data cell. */
  header: boolean;
  /**
   * Header cells: what they label, for HTML <th scope>: a column ('col'), several
   * columns ('colgroup'), the row ('row') or several rows ('rowgroup').
   */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Data cells: the value from the report (null = unreadable, printed empty). */
  value?: number | string | null;
  /** Data cells: which JSON cell it shows, e.g. { row: 'withheld.stateSecret', column: 0 }. */
  ref?: { row: string; column: string | number };
  /** Data cells of table 2: what the column holds (amounts keep their decimals). */
  kind?: Table2CellKind;
}

export interface TableGrid {
  id: TableId;
  /** Width in columns. */
  columns: number;
  /** Relative column widths (sum is arbitrary). */
  columnWidths: number[];
  /** Leading rows that form the table header (repeated on each printed page); 0 for table 2. */
  headerRows: number;
  /** The cells that start in each row (cells covered by a merge from above are not repeated). */
  rows: GridCell[][];
}

/** Printed instead of a table that the report does not contain. */
export const MISSING_TABLE_TEXT = '（本报告未包含此表）';

/** A value as printed: numbers as numbers (fee amounts keep their decimals), null empty. */
export function cellText(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

function label(text: string, scope: GridCell['scope'], colSpan = 1, rowSpan = 1): GridCell {
  return { text, colSpan, rowSpan, header: true, scope };
}

function data(value: number | string | null | undefined, ref: GridCell['ref'], colSpan = 1, kind?: Table2CellKind): GridCell {
  const v = value ?? null;
  const cell: GridCell = { text: cellText(v), colSpan, rowSpan: 1, header: false, value: v };
  if (ref) cell.ref = ref;
  if (kind) cell.kind = kind;
  return cell;
}

// ── Table 2 (§B.3, 2019: §B.6) ─────────────────────────────────────────────

/**
 * Each sub-table: a caption row spanning the full width, a column-header row
 * (信息内容 + its columns), then one row per item. Where a sub-table has fewer
 * columns than the table, the last header and value cells span the rest.
 */
export function table2Grid(t: Table2): TableGrid {
  const values = t as unknown as Record<string, Record<string, number | string | null> | undefined>;
  const rows: GridCell[][] = [];
  for (const section of table2Layout(table2Shape(t))) {
    rows.push([label(section.caption, 'colgroup', TABLE2_WIDTH)]);
    const spanOf = (i: number) => (i === section.columns.length - 1 ? TABLE2_WIDTH - 1 - i : 1);
    rows.push([
      label(TABLE2_CONTENT_HEADER, 'col'),
      ...section.columns.map((c, i) => label(c.label, spanOf(i) > 1 ? 'colgroup' : 'col', spanOf(i))),
    ]);
    for (const r of section.rows) {
      rows.push([
        label(r.label, 'row'),
        ...section.columns.map((c, i) => data(values[r.key]?.[c.key], { row: r.key, column: c.key }, spanOf(i), c.kind)),
      ]);
    }
  }
  return { id: 'table2', columns: TABLE2_WIDTH, columnWidths: [3, 2, 2, 2], headerRows: 0, rows };
}

// ── Table 3 (§B.4, 2019: §B.6) ─────────────────────────────────────────────

/**
 * A 3-row header (corner cell 3×3 with the 勾稽 text, 申请人情况, 自然人 /
 * 法人或其他组织 / 总计, the five kinds of organisation), then the data rows:
 * 一 and 二 with labels across the 3 label columns; 三、本年度办理结果 merged
 * down its result rows and （七）总计; （三）…（六） merged down their sub-rows;
 * 四 across the 3 label columns.
 */
export function table3Grid(t: Table3): TableGrid {
  const values = t as unknown as Record<string, readonly (number | null)[] | undefined>;
  const layout = table3Rows(table3Shape(t));
  const n = TABLE3_COLUMNS.length;
  const rows: GridCell[][] = [
    [
      label(TABLE3_HEADER.corner, 'colgroup', TABLE3_LABEL_COLUMNS, 3),
      label(TABLE3_HEADER.applicants, 'colgroup', n),
    ],
    [
      label(TABLE3_HEADER.naturalPerson, 'col', 1, 2),
      label(TABLE3_HEADER.legalPersons, 'colgroup', TABLE3_HEADER.legalPersonColumns.length),
      label(TABLE3_HEADER.total, 'col', 1, 2),
    ],
    TABLE3_HEADER.legalPersonColumns.map((c) => label(c, 'col')),
  ];
  const valueCells = (r: Table3Row) =>
    TABLE3_COLUMNS.map((_, i) => data(values[r.key]?.[i], { row: r.key, column: i }));
  const underOutcomes = layout.filter((r) => r.part === 'outcome' || r.part === 'total');
  layout.forEach((r, i) => {
    const labels: GridCell[] = [];
    if (r.part === 'outcome' || r.part === 'total') {
      if (r === underOutcomes[0]) labels.push(label(TABLE3_SECTIONS.outcomes, 'rowgroup', 1, underOutcomes.length));
      if (r.group) {
        if (layout[i - 1]?.group?.key !== r.group.key) {
          const size = layout.filter((x) => x.group?.key === r.group!.key).length;
          labels.push(label(r.group.label, 'rowgroup', 1, size));
        }
        labels.push(label(r.label, 'row'));
      } else {
        labels.push(label(r.label, 'row', TABLE3_LABEL_COLUMNS - 1));
      }
    } else {
      labels.push(label(r.label, 'row', TABLE3_LABEL_COLUMNS));
    }
    rows.push([...labels, ...valueCells(r)]);
  });
  return {
    id: 'table3',
    columns: TABLE3_LABEL_COLUMNS + n,
    columnWidths: [0.9, 1.3, 6.3, ...TABLE3_COLUMNS.map(() => 0.95)],
    headerRows: 3,
    rows,
  };
}

// ── Table 4 (§B.5, same in both formats) ─────────────────────────────────────

/**
 * Row 1: 行政复议 (5 columns) · 行政诉讼 (10); row 2: the five 行政复议 columns
 * (each down rows 2–3) · 未经复议直接起诉 (5) · 复议后起诉 (5); row 3: the five
 * columns under each litigation group; then one data row of 15 values.
 */
export function table4Grid(t: Table4): TableGrid {
  const k = TABLE4_COLUMNS.length;
  const top: GridCell[] = [];
  const second: GridCell[] = [];
  const third: GridCell[] = [];
  for (const g of TABLE4_GROUPS) {
    const last = top[top.length - 1];
    if (last && last.text === g.parent) last.colSpan += k;
    else top.push(label(g.parent, 'colgroup', k));
    if (g.label === g.parent) {
      second.push(...TABLE4_COLUMNS.map((c) => label(c, 'col', 1, 2)));
    } else {
      second.push(label(g.label, 'colgroup', k));
      third.push(...TABLE4_COLUMNS.map((c) => label(c, 'col')));
    }
  }
  const dataRow = TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((_, i) => data(t[g.key]?.[i], { row: g.key, column: i })));
  return {
    id: 'table4',
    columns: TABLE4_GROUPS.length * k,
    columnWidths: TABLE4_GROUPS.flatMap(() => TABLE4_COLUMNS.map(() => 1)),
    headerRows: 3,
    rows: [top, second, third, dataRow],
  };
}

// ── Positions ────────────────────────────────────────────────────────────────

/** A cell as it occurs in one row: where it starts, and whether the row is its first. */
export interface Slot {
  col: number;
  cell: GridCell;
  /** True in the cell's first row; false in the rows below covered by its rowSpan. */
  origin: boolean;
}

/**
 * Every row as the slots that occupy it, left to right: the cells that start
 * there plus, where a cell from above reaches down, a non-origin slot (Word's
 * vertical-merge continuation, pdfmake's placeholder). Columns covered by a
 * colSpan belong to the slot that spans them.
 */
export function placeCells(grid: TableGrid): Slot[][] {
  const out: Slot[][] = grid.rows.map(() => []);
  const taken: boolean[][] = grid.rows.map(() => new Array<boolean>(grid.columns).fill(false));
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      if (c + cell.colSpan > grid.columns || r + cell.rowSpan > grid.rows.length) {
        throw new Error(`grid ${grid.id}: cell “${cell.text}” at row ${r} does not fit`);
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![c + dc] = true;
        out[r + dr]!.push({ col: c, cell, origin: dr === 0 });
      }
      c += cell.colSpan;
    }
  });
  taken.forEach((row, r) => {
    if (row.some((t) => !t)) throw new Error(`grid ${grid.id}: row ${r} is not fully covered`);
  });
  for (const slots of out) slots.sort((a, b) => a.col - b.col);
  return out;
}
