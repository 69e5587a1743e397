// Table 4 (政府信息公开行政复议、行政诉讼情况): one row of 15 numbers under a
// three-row header. Grid columns are assigned by the header (group 行政复议 /
// 未经复议直接起诉 / 复议后起诉 above, 结果维持 … 总计 below), else the last 15
// columns; the arithmetic is each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
// Some reports print it as three sub-tables of the five result columns, each
// under its heading (行政复议 / 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉））:
// each sub-table then fills the group its heading names, and a group whose
// heading cannot be told stays null.
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN, type Table4GroupKey } from '../../report/model/layout.ts';
import { table4CellName, table4GroupLocator, table4Locator } from '../../report/model/cells.ts';
import type { Table4 } from '../../report/model/report.ts';
import type { Finding } from '../../report/rules/rule.ts';
import { normalizeForMatch } from '../../core/text/normalize.ts';
import type { SourceCell } from '../read/document.ts';
import { ingestFinding } from '../findings.ts';
import { chooseReading, totalHolds } from './arithmetic.ts';
import type { FoundRow, FoundRows } from './find-table.ts';
import { printedCount, resolveNumericTable, type LineInput, type NumericTableSpec } from './numeric-table.ts';
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
  blankIsZero: false,
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

/** The group a sub-table heading names (行政诉讼（复议后起诉） → litigationAfterReview), or null. */
export function subTableGroup(heading: string | null): Table4GroupKey | null {
  if (!heading) return null;
  const h = normalizeForMatch(heading).replace(/\s+/g, '');
  if (h.length > 30) return null;
  if (/复议后(?:起诉)?/.test(h)) return 'litigationAfterReview';
  if (/未经复议|直接起诉/.test(h)) return 'litigationDirect';
  if (/行政复议/.test(h) && !/诉讼/.test(h)) return 'review';
  return null;
}

const printed = (row: FoundRow) => row.values.some((v) => v.text.trim());
const isGroupLabel = (row: FoundRow) => row.labels.some((l) => l.entry.key === 'review' || l.entry.key === 'litigation' || TABLE4_GROUPS.some((g) => g.key === l.entry.key));

/** Table 4 as sub-tables of five columns each, by recovered table; null when it is printed as one table. */
function subTables(found: FoundRows): FoundRow[][] | null {
  const byTable = new Map<number, FoundRow[]>();
  for (const r of found.rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  if (byTable.size < 2 || found.rows.some(isGroupLabel)) return null;
  for (const rows of byTable.values()) {
    let width = 0;
    for (const r of rows) if (r.mode === 'grid') for (const c of [...r.labels.map((l) => l.cell), ...r.values, ...r.other]) width = Math.max(width, (c.column ?? -1) + 1);
    if (width > G) return null;
  }
  return [...byTable.values()];
}

/** The five cells of one sub-table's data row, by result column (holes where not placed). */
function subTableCells(rows: FoundRow[]): (SourceCell | undefined)[] {
  const out: (SourceCell | undefined)[] = new Array(G);
  const data = rows.find(printed);
  if (!data) return out;
  if (data.mode === 'grid') {
    const leaves = new Map<number, number>();
    for (const r of rows) for (const l of r.labels) if (l.entry.role === 'column' && l.cell.column !== undefined) leaves.set(l.cell.column, Number(l.entry.key));
    const byHeader = new Set(leaves.values()).size === G;
    for (const cell of data.values) {
      if (cell.column === undefined) continue;
      const i = byHeader ? (leaves.get(cell.column) ?? -1) : cell.column;
      if (i >= 0 && i < G && !out[i]) out[i] = cell;
    }
    return out;
  }
  const seq = [...data.values];
  while (seq.length > 0 && !seq.at(-1)!.text.trim()) seq.pop();
  if (seq.length === G) seq.forEach((c, i) => (out[i] = c));
  return out;
}

function mapSubTables(parts: FoundRow[][]): MappedTable<Table4> {
  const findings: Finding[] = [];
  const positioned: (SourceCell | undefined)[] = new Array(N);
  const filled = new Set<Table4GroupKey>();
  for (const rows of parts) {
    const heading = rows[0]!.caption;
    const key = subTableGroup(heading);
    if (!key || filled.has(key)) {
      findings.push(
        ingestFinding('ingest.columns-ambiguous', {
          cells: [],
          message: `表四拆成了几个小表，其中一个小表的标题${heading ? `“${heading.trim().slice(0, 30)}”` : '缺失'}${key ? '与另一小表重复' : '不能确定是行政复议还是哪一类行政诉讼'}，该小表的数字不取`,
        }),
      );
      continue;
    }
    filled.add(key);
    const gi = TABLE4_GROUPS.findIndex((g) => g.key === key);
    subTableCells(rows).forEach((c, i) => (positioned[gi * G + i] = c));
  }
  const resolved = resolveNumericTable(SPEC, new Map([[LINE, { positioned }]]));
  return toTable(resolved, findings);
}

function toTable(resolved: ReturnType<typeof resolveNumericTable>, findings: Finding[]): MappedTable<Table4> {
  const line = resolved.values.get(LINE)! as (number | null)[];
  const table = Object.fromEntries(TABLE4_GROUPS.map((g, gi) => [g.key, line.slice(gi * G, gi * G + G)])) as unknown as Table4;
  return { table, shape: null, provenance: resolved.provenance, findings: [...findings, ...resolved.findings] };
}

/** Whether every group total of a reading of the 15 cells holds. */
function groupTotalsHold(cells: readonly (SourceCell | undefined)[]): boolean {
  const values = cells.map(printedCount);
  return TABLE4_GROUPS.every((_, gi) => totalHolds(values, gi * G + TABLE4_TOTAL_COLUMN, [0, 1, 2, 3].map((j) => gi * G + j)));
}

export function mapTable4(found: FoundRows | null): MappedTable<Table4> {
  if (!found) return { table: null, shape: null, provenance: [], findings: [] };
  const parts = subTables(found);
  if (parts) return mapSubTables(parts);
  // the data row: the first row after the header labels with printed numbers
  const data = found.rows.find(printed);
  if (!data) return { table: null, shape: null, provenance: [], findings: [] };
  const findings: Finding[] = [];
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
    // the 15 values printed straight after the row's label may say otherwise than the columns
    const straight = [...data.values].sort((a, b) => a.column! - b.column!);
    if (straight.length === N && straight.some((c, i) => c !== positioned[i])) {
      const choice = chooseReading(groupTotalsHold(straight), groupTotalsHold(positioned));
      if (choice === 'straight') input = { positioned: straight };
      else if (choice === null) {
        const why = '按表头列位置和按数字顺序读出的各格不同，两种读法的各组合计关系都成立或都不成立，无法确定各数属于哪一列';
        input = { rejected: why };
        findings.push(ingestFinding('ingest.columns-ambiguous', { cells: Array.from({ length: N }, (_, i) => SPEC.cellName(LINE, i)), message: `表四的数据行${why}，记为 null` }));
      }
    }
  } else {
    input = { sequence: data.values };
  }
  const resolved = resolveNumericTable(SPEC, new Map([[LINE, input]]));
  return toTable(resolved, findings);
}
