// The console's entry form of an annual report: every cell of tables 2, 3 and 4 as a form
// field named after the validator's cell name (`table2.fees.amountWanYuan`,
// `table3.withheld.stateSecret[0]`, `table4.review[4]`), laid out on the grids of the
// official layout, and the way back from the submitted fields to a report.
import { blankReport } from './model/blank-report.ts';
import { table2CellName, table2Locator, table3CellName, table3Locator, table4CellName, table4Locator } from './model/cells.ts';
import type { ReportFormat, Table4GroupKey } from './model/layout.ts';
import { table2Shape, table3Shape, type AnnualReport, type Table2, type Table3, type Table4 } from './model/report.ts';
import { table2Grid, table3Grid, table4Grid, type GridCell, type TableGrid } from './render/grid.ts';
import type { TableKey } from './store.ts';

export interface EntryGrids {
  table2: TableGrid;
  table3: TableGrid;
  table4: TableGrid;
}

/** The layout each table is entered in: its own shape, or the report's format when it is absent. */
export function entryShapes(report: AnnualReport): { table2: ReportFormat; table3: ReportFormat } {
  return {
    table2: report.table2 ? table2Shape(report.table2) : report.format,
    table3: report.table3 ? table3Shape(report.table3) : report.format,
  };
}

/** The grids of the three tables (an absent table as a blank one of the report's format). */
export function entryGrids(report: AnnualReport): EntryGrids {
  const shapes = entryShapes(report);
  const blank2 = blankReport(shapes.table2 as '2021', report.year);
  const blank3 = blankReport(shapes.table3 as '2021', report.year);
  return {
    table2: table2Grid(report.table2 ?? (blank2.table2 as Table2)),
    table3: table3Grid(report.table3 ?? (blank3.table3 as Table3)),
    table4: table4Grid(report.table4 ?? (blank2.table4 as Table4)),
  };
}

/** The field name of a data cell: the validator's cell name. */
export function cellName(table: TableKey, ref: NonNullable<GridCell['ref']>): string {
  if (table === 'table2') return table2CellName(ref.row, String(ref.column));
  if (table === 'table3') return table3CellName(ref.row, Number(ref.column));
  return table4CellName(ref.row, Number(ref.column));
}

/** Where a clerk finds the cell on the printed table, e.g. 表三第1行“一、本年新收…”“自然人”列. */
export function cellLocator(table: TableKey, shape: ReportFormat, ref: NonNullable<GridCell['ref']>): string {
  if (table === 'table2') return table2Locator(shape, ref.row, String(ref.column));
  if (table === 'table3') return table3Locator(shape, ref.row, Number(ref.column));
  return table4Locator(ref.row as Table4GroupKey, Number(ref.column));
}

/** Every data cell of a grid with its field name. */
export function entryCells(table: TableKey, grid: TableGrid): { name: string; cell: GridCell }[] {
  return grid.rows.flat().flatMap((cell) => (cell.header || !cell.ref ? [] : [{ name: cellName(table, cell.ref), cell }]));
}

/** The report's cells as form values ('' for an unreadable cell or an absent table). */
export function formValues(report: AnnualReport): Record<string, string> {
  const grids = entryGrids(report);
  const values: Record<string, string> = {};
  for (const table of ['table2', 'table3', 'table4'] as const) {
    for (const { name, cell } of entryCells(table, grids[table])) {
      values[name] = report[table] === null || cell.value === null || cell.value === undefined ? '' : String(cell.value);
    }
  }
  return values;
}

export type EntryResult = { ok: true; report: AnnualReport } | { ok: false; errors: string[] };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_CELL = 1e12;

/** A typed number: full-width digits and the minus sign are accepted; '' is an unreadable cell. */
export function parseCellInput(raw: string): { value: number | null } | { error: string } {
  const s = raw.normalize('NFKC').replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (s === '') return { value: null };
  if (!NUMBER.test(s)) return { error: `“${raw.trim()}”不是数字` };
  const value = Number(s);
  if (Math.abs(value) > MAX_CELL) return { error: `${raw.trim()} 超出了可填写的范围` };
  return { value };
}

/**
 * The submitted fields as a report, on the layout of `base` (the version the clerk started
 * from): year and format from it, the agency and every cell from the form. A blank cell is
 * an unreadable cell (null); a table left entirely blank is a table the report does not
 * contain (null). Anything that is not a number is listed, with where the cell is.
 */
export function reportFromForm(base: AnnualReport, form: Record<string, unknown>): EntryResult {
  const shapes = entryShapes(base);
  const grids = entryGrids(base);
  const errors: string[] = [];
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const tables: Partial<Record<TableKey, Record<string, unknown> | null>> = {};
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const shape = table === 'table4' ? base.format : shapes[table];
    const out: Record<string, Record<string, unknown> | unknown[]> = {};
    let filled = false;
    for (const { name, cell } of entryCells(table, grids[table])) {
      const ref = cell.ref!;
      const raw = text(name);
      let value: number | string | null;
      if (cell.kind === 'text') value = raw.trim() === '' ? null : raw.trim();
      else {
        const parsed = parseCellInput(raw);
        if ('error' in parsed) {
          errors.push(`${cellLocator(table, shape, ref)}：${parsed.error}`);
          continue;
        }
        value = parsed.value;
      }
      if (value !== null) filled = true;
      if (table === 'table2') ((out[ref.row] ??= {}) as Record<string, unknown>)[String(ref.column)] = value;
      else ((out[ref.row] ??= []) as unknown[])[Number(ref.column)] = value;
    }
    tables[table] = filled ? out : null;
  }
  if (errors.length) return { ok: false, errors };
  const agency = text('agency').trim();
  return {
    ok: true,
    report: {
      ...base,
      agency: agency || null,
      table2: tables.table2 as unknown as Table2 | null,
      table3: tables.table3 as unknown as Table3 | null,
      table4: tables.table4 as unknown as Table4 | null,
    },
  };
}
