// Table 4 (政府信息公开行政复议、行政诉讼情况): one row of 15 numbers under a
// three-row header. Grid columns are assigned by the header (group 行政复议 /
// 未经复议直接起诉 / 复议后起诉 above, 结果维持 … 总计 below), else the last 15
// columns; the arithmetic is each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN } from '../../report/model/layout.ts';
import { table4CellName, table4GroupLocator, table4Locator } from '../../report/model/cells.ts';
import type { Table4 } from '../../report/model/report.ts';
import type { SourceCell } from '../read/document.ts';
import type { FoundRows } from './find-table.ts';
import { resolveNumericTable, type LineInput, type NumericTableSpec } from './numeric-table.ts';
import { fromPdf, type MappedTable } from './table3.ts';

const G = TABLE4_COLUMNS.length;
const N = TABLE4_GROUPS.length * G;
const LINE = 'table4';

const group = (pos: number) => TABLE4_GROUPS[Math.floor(pos / G)]!;

const SPEC: NumericTableSpec = {
  lines: [{ key: LINE, width: N }],
  units: TABLE4_GROUPS.map((g) => ({
    name: `${table4GroupLocator(g.key)}组合计（总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）`,
    equations: [
      {
        kind: 'group-total',
        left: [table4CellName(g.key, TABLE4_TOTAL_COLUMN)],
        right: [0, 1, 2, 3].map((j) => table4CellName(g.key, j)),
      },
    ],
  })),
  cellName: (_line, pos) => table4CellName(group(pos).key, pos % G),
  locator: (_line, pos) => table4Locator(group(pos).key, pos % G),
  lineLocator: () => '表四的数据行',
  columnLabel: (_line, pos) => `${group(pos).label}·${TABLE4_COLUMNS[pos % G]}`,
};

/** Grid column → data position 0…14, from the group headers above and the column headers below. */
function headerColumns(found: FoundRows): Map<number, number> | null {
  const groups = new Map<number, number>();
  const leaves = new Map<number, number>();
  for (const row of found.rows) {
    if (row.mode !== 'grid') continue;
    for (const l of row.labels) {
      const col = l.cell.column;
      if (col === undefined) continue;
      const gi = TABLE4_GROUPS.findIndex((g) => g.key === l.entry.key);
      if (gi >= 0) groups.set(col, gi);
      if (l.entry.role === 'column') leaves.set(col, Number(l.entry.key));
    }
  }
  const map = new Map<number, number>();
  for (const [col, leaf] of leaves) {
    const gi = groups.get(col);
    if (gi !== undefined) map.set(col, gi * G + leaf);
  }
  return new Set(map.values()).size === N ? map : null;
}

export function mapTable4(found: FoundRows | null): MappedTable<Table4> {
  if (!found) return { table: null, shape: null, provenance: [], findings: [] };
  // the data row: the first row after the header labels with printed numbers
  const data = found.rows.find((r) => r.values.some((v) => v.text.trim()));
  if (!data) return { table: null, shape: null, provenance: [], findings: [] };
  let input: LineInput;
  if (data.mode === 'grid') {
    const map = headerColumns(found);
    const cells = [...data.values, ...data.other].filter((c) => c.column !== undefined);
    // without header labels for every column the data columns are the last ones of the table
    // a loop, not Math.max(...cells): a spread of a long document's cells overflows the stack
    let width = 0;
    for (const r of found.rows) for (const c of [...r.labels.map((l) => l.cell), ...r.values, ...r.other]) width = Math.max(width, (c.column ?? -1) + 1);
    const positioned: (SourceCell | undefined)[] = new Array(N);
    for (const cell of cells) {
      const i = map ? (map.get(cell.column!) ?? -1) : cell.column! - (width - N);
      if (i >= 0 && i < N && !positioned[i]) positioned[i] = cell;
    }
    input = { positioned, blankHoles: fromPdf(data) };
  } else {
    input = { sequence: data.values };
  }
  const resolved = resolveNumericTable(SPEC, new Map([[LINE, input]]));
  const line = resolved.values.get(LINE)! as (number | null)[];
  const table = Object.fromEntries(TABLE4_GROUPS.map((g, gi) => [g.key, line.slice(gi * G, gi * G + G)])) as unknown as Table4;
  return { table, shape: null, provenance: resolved.provenance, findings: resolved.findings };
}
