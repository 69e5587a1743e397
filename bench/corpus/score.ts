// Scoring a parsed report against the truth, cell by cell: right (the same
// value), null (not given), wrong (a different value given with confidence).
// A truth cell that is null (cannot be known from the page) is right when the
// parser leaves it null and wrong when it gives a number.
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Rows, table3Rows } from '../../src/report/model/layout.ts';
import { cellValue, table2CellName, table3CellName, table4CellName } from '../../src/report/model/cells.ts';
import { table2Shape, table3Shape, type AnnualReport } from '../../src/report/model/report.ts';

export type Verdict = 'right' | 'null' | 'wrong';

/** Every cell name of the report's tables (table 2 includes the 2019 采购总金额 text), in printed order. */
export function cellNames(report: AnnualReport): string[] {
  const names: string[] = [];
  if (report.table2) for (const { section, row } of table2Rows(table2Shape(report.table2))) for (const c of section.columns) names.push(table2CellName(row.key, c.key));
  if (report.table3) for (const r of table3Rows(table3Shape(report.table3))) TABLE3_COLUMNS.forEach((_, i) => names.push(table3CellName(r.key, i)));
  if (report.table4) for (const g of TABLE4_GROUPS) TABLE4_COLUMNS.forEach((_, i) => names.push(table4CellName(g.key, i)));
  return names;
}

function same(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return String(a).replace(/\s/g, '') === String(b).replace(/\s/g, '');
}

export interface CellScore {
  name: string;
  verdict: Verdict;
  expected: number | string | null;
  got: number | string | null;
}

/** Each cell of the truth with its verdict; `parsed` null when the document did not parse to a report. */
export function scoreCells(truth: AnnualReport, parsed: AnnualReport | null): CellScore[] {
  return cellNames(truth).map((name) => {
    const expected = cellValue(truth, name) ?? null;
    const got = parsed ? (cellValue(parsed, name) ?? null) : null;
    let verdict: Verdict;
    if (got === null) verdict = expected === null ? 'right' : 'null';
    else verdict = expected !== null && same(expected, got) ? 'right' : 'wrong';
    return { name, verdict, expected, got };
  });
}
