// Table 3 (收到和处理政府信息公开申请情况) from the found rows: which layout
// (（六）其他处理 in three rows = 2021, one row = 2019), which grid column is
// which applicant column (by the header labels, else the last seven columns),
// then the numbers through resolveNumericTable with the table's arithmetic:
// row totals, （七）总计 = Σ results and 勾稽 一 + 二 = （七）总计 + 四, per column.
// A grid row whose seven numbers straight after its label say otherwise than
// the columns (a converter that prints only the cells starting in a row) is
// read the way whose row total holds, or null when the total cannot tell. The
// blank second line of a wrapped label never becomes a row of its own.
import {
  TABLE3_COLUMNS,
  TABLE3_SECTIONS,
  TABLE3_TOTAL_COLUMN,
  table3OutcomeRows,
  table3Rows,
  type ReportFormat,
} from '../../report/model/layout.ts';
import { table3CellName, table3Locator, table3RowLocator } from '../../report/model/cells.ts';
import type { Table3 } from '../../report/model/report.ts';
import type { Finding } from '../../report/rules/rule.ts';
import type { SourceCell } from '../read/document.ts';
import type { CellProvenance } from '../provenance.ts';
import { ingestFinding } from '../findings.ts';
import { chooseReading, totalHolds } from './arithmetic.ts';
import type { FoundRow, FoundRows } from './find-table.ts';
import { TABLE_LABELS, matchLabel } from './labels.ts';
import type { FoundLabel, LabelledRow } from './rows.ts';
import { printedCount, resolveNumericTable, type EquationUnit, type LineInput, type NumericTableSpec } from './numeric-table.ts';

export interface MappedTable<T> {
  table: T | null;
  /** The layout whose shape the table has; null when the table was not found. */
  shape: ReportFormat | null;
  /**
   * The layout that the printed labels themselves show (rows or columns only one layout has);
   * null when they show neither and `shape` is only the default. Tables 2 and 3.
   */
  printedShape?: ReportFormat | null;
  provenance: CellProvenance[];
  findings: Finding[];
}

const N = TABLE3_COLUMNS.length;
const ONLY_2021 = new Set(['other.noCorrection', 'other.feeNotPaid', 'other.other']);

function spec(format: ReportFormat): NumericTableSpec {
  const lines = table3Rows(format).map((r) => ({ key: r.key, width: N }));
  const c = (key: string, i: number) => table3CellName(key, i);
  const units: EquationUnit[] = [];
  table3Rows(format).forEach((r, i) => {
    units.push({
      name: `表三第${i + 1}行合计（“总计”等于六类申请人之和）`,
      equations: [{ kind: 'row-total', left: [c(r.key, TABLE3_TOTAL_COLUMN)], right: [0, 1, 2, 3, 4, 5].map((j) => c(r.key, j)) }],
    });
  });
  const outcomes = table3OutcomeRows(format);
  TABLE3_COLUMNS.forEach((label, j) => {
    units.push({
      name: `表三“${label}”列的勾稽关系（${TABLE3_SECTIONS.total} = 各项办理结果之和；一 + 二 = ${TABLE3_SECTIONS.total} + 四）`,
      equations: [
        { kind: 'outcome-sum', left: [c('total', j)], right: outcomes.map((r) => c(r.key, j)) },
        { kind: 'balance', left: [c('newReceived', j), c('carriedOver', j)], right: [c('total', j), c('carriedForward', j)] },
      ],
    });
  });
  return {
    lines,
    units,
    cellName: c,
    locator: (key, pos) => table3Locator(format, key, pos),
    lineLocator: (key) => table3RowLocator(format, key),
    columnLabel: (_key, pos) => TABLE3_COLUMNS[pos] ?? String(pos),
    blankIsZero: false,
  };
}

/** Grid column → data column (0…6, or -1 for a column the official form lacks), from the header labels. */
function headerColumns(found: FoundRows): Map<number, number> | null {
  const map = new Map<number, number>();
  for (const row of found.rows) {
    if (!row.header || row.mode !== 'grid') continue;
    for (const l of row.labels) {
      if (l.cell.column === undefined) continue;
      if (l.entry.role === 'column') map.set(l.cell.column, Number(l.entry.key));
      if (l.entry.role === 'extra-column') map.set(l.cell.column, -1);
    }
  }
  const covered = new Set(map.values());
  return TABLE3_COLUMNS.every((_, i) => covered.has(i)) ? map : null;
}

/** A row read from a PDF: cells without text there are printed blank. */
export function fromPdf(row: LabelledRow): boolean {
  return [...row.labels.map((l) => l.cell), ...row.values].some((c) => c.where.kind === 'pdf');
}

function hasExtraColumn(found: FoundRows): boolean {
  return found.rows.some((r) => r.header && r.labels.some((l) => l.entry.role === 'extra-column'));
}

const hasValues = (row: LabelledRow) => row.values.some((v) => v.text.trim());

/** A row's value cells in printed order when they are exactly one per column (小计 dropped); else null. */
function straightCells(row: LabelledRow, extra: boolean): SourceCell[] | null {
  const cells = [...row.values].sort((a, b) => (a.column ?? 0) - (b.column ?? 0));
  // empty cells under the label column, or padding after the last column
  while (cells.length > N && !cells[0]!.text.trim()) cells.shift();
  while (cells.length > N && !cells.at(-1)!.text.trim()) cells.pop();
  if (extra && cells.length === N + 1) cells.splice(N - 1, 1);
  return cells.length === N ? cells : null;
}

const rowTotalHolds = (cells: readonly (SourceCell | undefined)[]) =>
  totalHolds(cells.map(printedCount), TABLE3_TOTAL_COLUMN, [0, 1, 2, 3, 4, 5]);

/**
 * Whether a row of blank cells continues the row above: the same grid, the row above has
 * numbers, and either the same row key or no row key of its own (a label wrapped over lines).
 */
function continues(previous: FoundRow, row: FoundRow, previousKey: string | null): boolean {
  if (previous.table !== row.table || !hasValues(previous)) return false;
  if (row.mode === 'grid' && previous.mode === 'grid' && row.index !== previous.index + 1) return false;
  return previousKey === null || previousKey === rowLabelKey(row);
}

/** The row key that the unrecognised text of a row and the label of the next row read together name. */
function wrappedLabel(row: FoundRow, next: FoundRow): string | null {
  const head = row.other.map((c) => c.text.trim()).join('');
  const tail = next.labels.filter((l) => l.entry.role === 'row').at(-1)?.cell.text.trim() ?? '';
  if (!head || !tail) return null;
  const m = matchLabel(head + tail, TABLE_LABELS[3]);
  return m && m.entry.role === 'row' ? m.entry.key : null;
}

/** Whether `next`, the row after the label-only `row`, holds only numbers whose row total holds. */
function numbersOnly(row: FoundRow, next: FoundRow, extra: boolean): boolean {
  if (!unlabelledNumbers(row, next)) return false;
  const cells = straightCells(next, extra);
  return cells !== null && rowTotalHolds(cells);
}

/** Whether `next`, the row after the label-only `row`, is numbers and nothing else, straight below it. */
function unlabelledNumbers(row: FoundRow, next: FoundRow): boolean {
  if (next.table !== row.table || next.labels.length > 0 || next.other.some((c) => c.text.trim()) || !hasValues(next)) return false;
  return !(row.mode === 'grid' && next.mode === 'grid' && next.index !== row.index + 1);
}

/**
 * Whether a label of a PDF row stands over a value column: a PDF row's own label is laid left
 * of its values (column 0), so this is a column header repeated at the top of a continued page
 * (其他, 总计), never a row label.
 */
const overValues = (l: FoundLabel): boolean => l.cell.where.kind === 'pdf' && (l.cell.column ?? 0) > 0;

/**
 * Whether the cells after a stream row's first seven are a page number the PDF printed between
 * two rows (a bare 3 of its text export): the seven are all printed and keep the row total, and
 * what follows is blank but for one number of up to three digits that is not the row's total
 * (a total printed again would mean a column the header did not show, e.g. 小计).
 */
export function pageNumberAfter(sequence: readonly SourceCell[]): boolean {
  if (sequence.length <= N) return false;
  const head = sequence.slice(0, N);
  const tail = sequence.slice(N).filter((c) => c.text.trim());
  if (tail.length !== 1 || !/^\d{1,3}$/.test(tail[0]!.text.trim())) return false;
  if (!head.every((c) => c.text.trim()) || !rowTotalHolds(head)) return false;
  return Number(tail[0]!.text.trim()) !== printedCount(head[TABLE3_TOTAL_COLUMN]);
}

/** The key of a row's last row label, if any. */
const rowLabelKey = (row: FoundRow): string | null =>
  row.labels.filter((l) => l.entry.role === 'row' && !overValues(l)).at(-1)?.entry.key ?? null;

export function mapTable3(found: FoundRows | null, defaultFormat: ReportFormat): MappedTable<Table3> {
  const body = found?.rows.filter((r) => !r.header) ?? [];
  if (!found || body.length === 0) return { table: null, shape: null, provenance: [], findings: [] };
  const findings: Finding[] = [];

  // row key of each body row: its last row label; （六）其他处理 with values of its own is the 2019 row
  const extra = hasExtraColumn(found);
  const keyed: { key: string; row: (typeof body)[number] }[] = [];
  // rows printed blank above a line of numbers without a label that cannot be theirs by the total
  const undecided = new Set<string>();
  // in a 2019 report the row may print every cell blank (zeros left blank, Shanghai 2019): a grid
  // row with a cell under every column is the row, not a label over sub-rows
  const ownRow = (row: FoundRow) => hasValues(row) || (defaultFormat === '2019' && row.mode === 'grid' && row.values.length >= N);
  const keyOf = (row: FoundRow): string | null =>
    rowLabelKey(row) ?? (row.labels.some((l) => l.entry.key === 'other') && ownRow(row) ? 'other' : null);
  for (const [i, row] of body.entries()) {
    const key = keyOf(row);
    if (key) {
      // the second line of a wrapped label (its cells blank) is part of the row above, never a row of its own
      const previous = body[i - 1];
      if (!hasValues(row) && previous && continues(previous, row, keyOf(previous))) continue;
      // a label printed above its numbers (a row cut by a page break, a label centred over two lines):
      // the next row has the numbers and nothing else, and its row total holds
      const next = body[i + 1];
      if (!hasValues(row) && next && numbersOnly(row, next, extra)) {
        keyed.push({ key, row: next });
        continue;
      }
      // the same shape whose total breaks: the blanks may be zeros, or the numbers printed below
      if (!hasValues(row) && next && unlabelledNumbers(row, next)) undecided.add(key);
      keyed.push({ key, row });
      continue;
    }
    // a row of numbers whose label was not recognised, followed by the rest of the label that is:
    // the label wrapped over two lines, the numbers printed on the first
    const next = body[i + 1];
    const nextKey = next ? keyOf(next) : null;
    if (next && nextKey && hasValues(row) && !hasValues(next) && !keyed.some((k) => k.key === nextKey) && wrappedLabel(row, next) === nextKey) {
      keyed.push({ key: nextKey, row });
    }
  }
  const keys = new Set(keyed.map((k) => k.key));
  const printedShape: ReportFormat | null = [...keys].some((k) => ONLY_2021.has(k)) ? '2021' : keys.has('other') ? '2019' : null;
  const shape: ReportFormat = printedShape ?? defaultFormat;

  const map = headerColumns(found);
  // without header labels for every column the data columns are the last ones of the table
  // a loop, not Math.max(...cells): a spread of a long document's cells overflows the stack
  let width = 0;
  for (const r of found.rows) for (const c of [...r.labels.map((l) => l.cell), ...r.values, ...r.other]) width = Math.max(width, (c.column ?? -1) + 1);
  const firstData = width - N - (extra && !map ? 1 : 0);
  const dataIndex = (column: number): number => {
    if (map) return map.get(column) ?? -1;
    const i = column - firstData;
    // a 小计 column the official form lacks sits before 总计
    if (extra) return i === N - 1 ? -1 : i === N ? N - 1 : i >= 0 && i < N - 1 ? i : -1;
    return i >= 0 && i < N ? i : -1;
  };

  const inputs = new Map<string, LineInput>();
  const used = new Map<string, LabelledRow>();
  for (const { key, row } of keyed) {
    const earlier = used.get(key);
    // a label without numbers met first (a heading, a line of text) gives way to the row with numbers
    if (earlier && !hasValues(earlier) && hasValues(row)) inputs.delete(key);
    if (inputs.has(key)) {
      findings.push(
        ingestFinding('ingest.row-duplicate', {
          cells: [table3CellName(key, 0)],
          message: `${table3RowLocator(shape, key)}在文档中出现不止一次，只取第一次`,
        }),
      );
      continue;
    }
    if (undecided.has(key)) {
      const why = '各格印为空白，下一行是没有标签的一行数字但其合计不成立，不能确定本行是 0 还是数字印在了下一行';
      inputs.set(key, { rejected: why });
      findings.push(ingestFinding('ingest.cell-blank', { cells: TABLE3_COLUMNS.map((_, i) => table3CellName(key, i)), message: `${table3RowLocator(shape, key)}${why}，记为 null` }));
      used.set(key, row);
      continue;
    }
    if (row.mode === 'grid') {
      const positioned: (SourceCell | undefined)[] = new Array(N);
      for (const cell of [...row.values, ...row.other]) {
        if (cell.column === undefined) continue;
        const i = dataIndex(cell.column);
        if (i >= 0 && i < N && !positioned[i]) positioned[i] = cell;
      }
      inputs.set(key, { positioned, blankHoles: fromPdf(row) });
      // the numbers printed straight after the row's label may say otherwise than the columns
      // (a converter prints only the cells that start in a row, so rows are shifted differently)
      const straight = straightCells(row, extra);
      if (straight && straight.some((c, i) => c !== positioned[i])) {
        const choice = chooseReading(rowTotalHolds(straight), rowTotalHolds(positioned));
        if (choice === 'straight') inputs.set(key, { positioned: straight });
        else if (choice === null) {
          const why = rowTotalHolds(straight)
            ? '按表头列位置和按数字顺序读出的各格不同，两种读法的本行合计都成立'
            : '按表头列位置和按数字顺序读出的各格不同，两种读法的本行合计（总计 = 六类申请人之和）都不成立';
          inputs.set(key, { rejected: why });
          findings.push(
            ingestFinding('ingest.columns-ambiguous', {
              cells: TABLE3_COLUMNS.map((_, i) => table3CellName(key, i)),
              message: `${table3RowLocator(shape, key)}${why}，无法确定各数属于哪一列，记为 null`,
            }),
          );
        }
      }
    } else {
      const sequence = [...row.values];
      while (sequence.length > 0 && !sequence.at(-1)!.text.trim()) sequence.pop();
      if (!extra && pageNumberAfter(sequence)) sequence.splice(N);
      // a column the official form lacks (小计), printed before 总计
      if (extra && sequence.length === N + 1) sequence.splice(N - 1, 1);
      inputs.set(key, { sequence });
    }
    used.set(key, row);
  }

  const resolved = resolveNumericTable(spec(shape), inputs);
  const table = Object.fromEntries([...resolved.values].map(([k, v]) => [k, v])) as unknown as Table3;
  return { table, shape, printedShape, provenance: resolved.provenance, findings: [...findings, ...resolved.findings] };
}

const OTHER_SUB_ROWS = table3Rows('2021').filter((r) => ONLY_2021.has(r.key));

/**
 * A table 3 read in the 2019 shape, for a report of the 2021 layout that prints （六）其他处理
 * as one row (the year and table 2 say 2021): the table in the 2021 shape. The one row is the
 * sum of the three 2021 sub-rows, and counts are never negative, so a row that is 0 in every
 * column makes each sub-row 0; any other row cannot be split (国办公开办函〔2021〕30号 asks
 * for the three figures, the page gives their sum), so the sub-rows are null. Either way a
 * finding says so. The other rows keep what was read, resolved with the 2019 arithmetic the
 * page was printed in.
 */
export function otherRowAs2021(mapped: MappedTable<Table3>, year: number): MappedTable<Table3> {
  if (!mapped.table || mapped.shape !== '2019') return mapped;
  const rows = mapped.table as unknown as Record<string, (number | null)[]>;
  const single = rows['other'] ?? TABLE3_COLUMNS.map(() => null);
  const zero = single.every((v) => v === 0);
  const byName = new Map(mapped.provenance.map((p) => [p.cell, p]));
  const subNames = (i: number) => OTHER_SUB_ROWS.map((r) => table3CellName(r.key, i));

  const table: Record<string, (number | null)[]> = {};
  const provenance: CellProvenance[] = [];
  const printed = table3RowLocator('2019', 'other');
  for (const r of table3Rows('2021')) {
    if (!ONLY_2021.has(r.key)) {
      table[r.key] = rows[r.key] ?? TABLE3_COLUMNS.map(() => null);
      TABLE3_COLUMNS.forEach((_, i) => {
        const p = byName.get(table3CellName(r.key, i));
        if (p) provenance.push(p);
      });
      continue;
    }
    table[r.key] = TABLE3_COLUMNS.map(() => (zero ? 0 : null));
    TABLE3_COLUMNS.forEach((_, i) => {
      const from = byName.get(table3CellName('other', i));
      provenance.push({
        cell: table3CellName(r.key, i),
        value: zero ? 0 : null,
        confidence: zero ? 'derived' : 'uncertain',
        raw: from?.raw ?? null,
        where: from?.where ?? null,
        note: zero
          ? `原文按 2019 格式将“（六）其他处理”印为一行，该列为 0，三个子项均为 0`
          : `原文按 2019 格式将“（六）其他处理”印为一行（该列${single[i] === null ? '无法确定' : `为 ${single[i]}`}），无法分到三个子项，记为 null`,
      });
    });
  }
  // the parser's findings about the one row name the three cells it stands for
  const findings = mapped.findings.map((f) => {
    if (!f.cells.some((c) => c.startsWith('table3.other['))) return f;
    return {
      ...f,
      cells: f.cells.flatMap((c) => {
        const m = /^table3\.other\[(\d+)\]$/.exec(c);
        return m ? subNames(Number(m[1])) : [c];
      }),
    };
  });
  const values = single.map((v) => (v === null ? '无法确定' : String(v))).join('、');
  const why = `报告年度（${year} 年）和表二的栏目都是 2021 格式，表三却按 2019 格式将“（六）其他处理”印为一行`;
  findings.push(
    ingestFinding('ingest.other-single-row', {
      cells: TABLE3_COLUMNS.flatMap((_, i) => subNames(i)),
      message: zero
        ? `${why}（${printed}）；该行各列均为 0，三个子项均记为 0`
        : `${why}（${printed}，各列为 ${values}）；该行${single.some((v) => v !== null && v !== 0) ? '不全为 0' : '有的格无法确定'}，无法分到“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三个子项，三行记为 null`,
    }),
  );
  return { table: table as unknown as Table3, shape: '2021', printedShape: mapped.printedShape, provenance, findings };
}
