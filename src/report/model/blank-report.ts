// An annual report with every table present and every cell 0: the starting
// point when a report is computed from records, and a base for tests.
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Layout, table3Rows, type ReportFormat } from './layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport2019, type AnnualReport2021 } from './report.ts';

export function blankReport(format: '2021', year: number, agency?: string | null): AnnualReport2021;
export function blankReport(format: '2019', year: number, agency?: string | null): AnnualReport2019;
export function blankReport(
  format: ReportFormat,
  year: number,
  agency: string | null = null,
): AnnualReport2021 | AnnualReport2019 {
  const table2: Record<string, Record<string, number | string>> = {};
  for (const section of table2Layout(format)) {
    for (const r of section.rows) {
      table2[r.key] = Object.fromEntries(section.columns.map((c) => [c.key, c.kind === 'text' ? '0' : 0]));
    }
  }
  const table3 = Object.fromEntries(table3Rows(format).map((r) => [r.key, TABLE3_COLUMNS.map(() => 0)]));
  const table4 = Object.fromEntries(TABLE4_GROUPS.map((g) => [g.key, TABLE4_COLUMNS.map(() => 0)]));
  return { schema: REPORT_SCHEMA_ID, format, agency, year, table2, table3, table4 } as unknown as
    | AnnualReport2021
    | AnnualReport2019;
}
