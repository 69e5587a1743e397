// The region roll-up (地区汇总) of annual reports: a government office's report for its whole area
// is the sum of its departments' reports of the same year (as the Pingtan and Shuyang county
// reports do), cell by cell for tables 2, 3 and 4, in the layout of that year (formatForYear).
// Pure: the database, the inclusion choices and the rendering are elsewhere (rollup.ts).
//   - a cell that is null (unreadable) in any summed report makes the sum's cell null, and the
//     agency is named for that cell: never silently 0;
//   - a table a summed report does not contain makes every cell of that table null (one entry);
//   - amounts (万元, decimals) are summed as scaled integers: 0.1 + 0.2 gives 0.3 exactly;
//   - table-2 2019 采购总金额 is text: summed when every one reads as an amount in 元 (or 万元),
//     else null with the reason;
//   - a report whose tables have the other layout's shape, or of another year, is not summed
//     and is listed with the reason.
import { formatForYear, FORMAT_SOURCES, TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Layout, table3Rows, type ReportFormat } from '../model/layout.ts';
import {
  table2CellName,
  table2Locator,
  table2Value,
  table3CellName,
  table3Line,
  table3Locator,
  table4CellName,
  table4Locator,
} from '../model/cells.ts';
import { REPORT_SCHEMA_ID, table2Shape, table3Shape, type AnnualReport, type Cell, type Table2, type Table3, type Table4 } from '../model/report.ts';

/** One report offered to the sum: `key` identifies its agency (e.g. the organization code), `name` is printed. */
export interface RollupInput {
  key: string;
  name: string;
  report: AnnualReport;
}

/** Why a cell (or a whole table, `cell` = 'table2' …) of the sum is null: which agency, and why. */
export interface UnknownCell {
  /** Machine name of the cell (table3.newReceived[0]) or of the whole table (table3). */
  cell: string;
  /** Where a reader finds it on the printed form, in Chinese. */
  locator: string;
  key: string;
  name: string;
  /** Chinese. */
  reason: string;
}

export interface RollupSum {
  /** The summed report, in the layout of the year; `agency` as given. */
  report: AnnualReport;
  /** Keys of the reports summed, in the order given. */
  summed: string[];
  /** Reports not summed, with the reason (Chinese). */
  excluded: { key: string; name: string; reason: string }[];
  /** The cells of the sum that are null, with the agency that made them so. */
  unknown: UnknownCell[];
}

const TABLE_TITLES = { table2: '表二', table3: '表三', table4: '表四' } as const;

// ── Exact decimal sums ──────────────────────────────────────────────────────

/** A finite number as an integer and a decimal scale: 0.35 → 35n, 2 (from its shortest decimal form). */
function scaled(n: number): { digits: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`not a finite number: ${n}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = `${int}${frac}`;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { digits: BigInt(`${sign}${digits}`), scale };
}

/** digits × 10^-scale in plain decimal notation: 35n, 2 → "0.35". */
function decimalText(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, '0');
    text = `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  }
  return `${negative ? '-' : ''}${text}`;
}

/** digits × 10^-scale as a number (through its decimal text, so no binary noise is added). */
const unscaled = (digits: bigint, scale: number): number => Number(decimalText(digits, scale));

/** The exact decimal sum of numbers as printed: 0.1 + 0.2 = 0.3, never 0.30000000000000004. */
export function exactSum(values: readonly number[]): number {
  const parts = values.map(scaled);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  const total = parts.reduce((acc, p) => acc + p.digits * 10n ** BigInt(scale - p.scale), 0n);
  return unscaled(total, scale);
}

// ── 采购总金额 (text) ─────────────────────────────────────────────────────────

/** A printed empty cell (the form's convention for none): 0. */
const ZERO_TEXT = /^(|0|\/|-|—|－|无)$/;

/**
 * 采购总金额 as printed → an amount in 元 (as a number, exact), or the reason it is not one.
 * Accepts "251000元", "251,000.50 元", "25.1万元" and an empty cell (0); a bare number has no unit.
 */
export function procurementYuan(text: string | null): { yuan: number } | { reason: string } {
  if (text === null) return { reason: '采购总金额无法读取' };
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (ZERO_TEXT.test(t)) return { yuan: 0 };
  const m = /^(\d+(?:\.\d+)?)(万?)元$/.exec(t);
  if (!m) return { reason: /^\d+(?:\.\d+)?$/.test(t) ? `采购总金额“${text}”未注明单位（元）` : `采购总金额“${text}”不是以元为单位的金额` };
  const { digits, scale } = scaled(Number(m[1]));
  // 万元 → 元: shift by four places, exactly
  return { yuan: m[2] ? unscaled(digits * 10000n, scale) : unscaled(digits, scale) };
}

// ── The sum ─────────────────────────────────────────────────────────────────

/** Why a report cannot be summed in the layout of `format` for `year`, or null when it can. */
export function layoutMismatch(report: AnnualReport, year: number, format: ReportFormat = formatForYear(year)): string | null {
  if (report.year !== year) return `报告年度为 ${report.year}，不是 ${year}`;
  const other = (shape: ReportFormat, title: string) =>
    `${title}为 ${shape} 格式（${FORMAT_SOURCES[shape]}），与 ${year} 年度适用的 ${format} 格式（${FORMAT_SOURCES[format]}）不一致，无法逐格相加`;
  if (report.table2 && table2Shape(report.table2) !== format) return other(table2Shape(report.table2), TABLE_TITLES.table2);
  if (report.table3 && table3Shape(report.table3) !== format) return other(table3Shape(report.table3), TABLE_TITLES.table3);
  return null;
}

interface CellSum {
  values: number[];
  nullIn: RollupInput[];
}

/**
 * The sum of the reports of `year`, cell by cell, in that year's layout. Reports of another year or
 * layout are listed in `excluded` and not summed. With no report to sum, every cell is 0.
 */
export function sumReports(inputs: readonly RollupInput[], year: number, agency: string | null): RollupSum {
  const format = formatForYear(year);
  const excluded: RollupSum['excluded'] = [];
  const sources: RollupInput[] = [];
  for (const input of inputs) {
    const reason = layoutMismatch(input.report, year, format);
    if (reason) excluded.push({ key: input.key, name: input.name, reason });
    else sources.push(input);
  }
  const unknown: UnknownCell[] = [];

  // A whole table missing from a report: one entry per agency and table.
  for (const t of ['table2', 'table3', 'table4'] as const) {
    for (const s of sources) {
      if (s.report[t] === null) {
        unknown.push({ cell: t, locator: `${TABLE_TITLES[t]}（整表）`, key: s.key, name: s.name, reason: `报告未包含${TABLE_TITLES[t]}` });
      }
    }
  }

  /** Adds one cell over the sources that have the table; null when a value is null or a table is missing. */
  const add = (cell: string, locator: string, table: 'table2' | 'table3' | 'table4', read: (s: RollupInput) => Cell | undefined): Cell => {
    const acc: CellSum = { values: [], nullIn: [] };
    let missingTable = false;
    for (const s of sources) {
      if (s.report[table] === null) {
        missingTable = true;
        continue;
      }
      const v = read(s);
      if (v === null || v === undefined) acc.nullIn.push(s);
      else acc.values.push(v);
    }
    for (const s of acc.nullIn) unknown.push({ cell, locator, key: s.key, name: s.name, reason: '该单元格无法读取' });
    return missingTable || acc.nullIn.length ? null : exactSum(acc.values);
  };

  // Table 2
  const table2: Record<string, Record<string, Cell | string | null>> = {};
  for (const section of table2Layout(format)) {
    for (const r of section.rows) {
      const row: Record<string, Cell | string | null> = {};
      for (const c of section.columns) {
        const name = table2CellName(r.key, c.key);
        const locator = table2Locator(format, r.key, c.key);
        if (c.kind === 'text') {
          row[c.key] = sumProcurement(sources, name, locator, r.key, c.key, unknown);
        } else {
          row[c.key] = add(name, locator, 'table2', (s) => table2Value(s.report.table2 as Table2, r.key, c.key) as Cell | undefined);
        }
      }
      table2[r.key] = row;
    }
  }

  // Table 3
  const table3: Record<string, Cell[]> = {};
  for (const r of table3Rows(format)) {
    table3[r.key] = TABLE3_COLUMNS.map((_, i) =>
      add(table3CellName(r.key, i), table3Locator(format, r.key, i), 'table3', (s) => table3Line(s.report.table3 as Table3, r.key)?.[i]),
    );
  }

  // Table 4 (the same in both layouts)
  const table4: Record<string, Cell[]> = {};
  for (const g of TABLE4_GROUPS) {
    table4[g.key] = TABLE4_COLUMNS.map((_, i) =>
      add(table4CellName(g.key, i), table4Locator(g.key, i), 'table4', (s) => (s.report.table4 as Table4)[g.key][i]),
    );
  }

  const report = {
    schema: REPORT_SCHEMA_ID,
    format,
    agency,
    year,
    table2,
    table3,
    table4,
  } as unknown as AnnualReport;
  return { report, summed: sources.map((s) => s.key), excluded, unknown };
}

function sumProcurement(
  sources: readonly RollupInput[],
  name: string,
  locator: string,
  row: string,
  column: string,
  unknown: UnknownCell[],
): string | null {
  const amounts: number[] = [];
  let failed = false;
  for (const s of sources) {
    if (s.report.table2 === null) {
      failed = true;
      continue;
    }
    const text = table2Value(s.report.table2, row, column);
    const read = procurementYuan(typeof text === 'string' ? text : null);
    if ('reason' in read) {
      failed = true;
      unknown.push({ cell: name, locator, key: s.key, name: s.name, reason: read.reason });
    } else amounts.push(read.yuan);
  }
  return failed ? null : `${formatPlain(exactSum(amounts))}元`;
}

/** A number in plain decimal notation (no exponent). */
function formatPlain(n: number): string {
  const { digits, scale } = scaled(n);
  return decimalText(digits, scale);
}
