// Reading cells of a report by layout key, and naming them: a machine name
// (`table3.newReceived[0]`, `table4.review[4]`, `table2.fees.amountWanYuan`)
// and a Chinese locator a clerk can find on the printed table.
import {
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Rows,
  table3Rows,
  table3RowFullLabel,
  table4GroupFullLabel,
  type ReportFormat,
  type Table4GroupKey,
} from './layout.ts';
import { type AnnualReport, type Cell, type Table2, type Table3, type Table3Line, type Table4, type Table4Line } from './report.ts';

/** The value of a table-2 cell, or undefined when the table has no such row/column. */
export function table2Value(t: Table2, row: string, column: string): Cell | string | undefined {
  const r = (t as unknown as Record<string, Record<string, Cell | string> | undefined>)[row];
  return r?.[column];
}

/** A row of table 3, or undefined when the table (of the other format) has no such row. */
export function table3Line(t: Table3, key: string): Table3Line | undefined {
  return (t as unknown as Record<string, Table3Line | undefined>)[key];
}

export function table4Line(t: Table4, group: Table4GroupKey): Table4Line {
  return t[group];
}

export const table2CellName = (row: string, column: string): string => `table2.${row}.${column}`;
export const table3CellName = (key: string, column: number): string => `table3.${key}[${column}]`;
export const table4CellName = (group: string, column: number): string => `table4.${group}[${column}]`;

/** 表二“规章”行“本年制发件数” */
export function table2Locator(format: ReportFormat, row: string, column: string): string {
  const found = table2Rows(format).find((x) => x.row.key === row);
  const col = found?.section.columns.find((c) => c.key === column);
  return `表二“${found?.row.label ?? row}”行“${col?.label ?? column}”`;
}

/** 表三第1行“一、本年新收政府信息公开申请数量” (row number counts data rows, from 1) */
export function table3RowLocator(format: ReportFormat, key: string): string {
  const rows = table3Rows(format);
  const i = rows.findIndex((r) => r.key === key);
  const r = rows[i];
  return r ? `表三第${i + 1}行“${table3RowFullLabel(r)}”` : `表三“${key}”行`;
}

/** 表三第1行“一、本年新收政府信息公开申请数量”“自然人”列 */
export function table3Locator(format: ReportFormat, key: string, column: number): string {
  return `${table3RowLocator(format, key)}“${TABLE3_COLUMNS[column] ?? column}”列`;
}

/** 表四“行政复议”组 */
export function table4GroupLocator(group: Table4GroupKey): string {
  const g = TABLE4_GROUPS.find((x) => x.key === group);
  return `表四“${g ? table4GroupFullLabel(g) : group}”`;
}

/** 表四“行政复议”组“结果维持”列 */
export function table4Locator(group: Table4GroupKey, column: number): string {
  return `${table4GroupLocator(group)}“${TABLE4_COLUMNS[column] ?? column}”列`;
}

const CELL_NAME = /^(table2)\.([A-Za-z]+)\.([A-Za-z]+)$|^(table3|table4)\.([A-Za-z.]+)\[(\d+)\]$/;

/** The value of a cell by its machine name (table2.licensing.decisions, table3.granted[6]); undefined when the report has no such cell. */
export function cellValue(report: AnnualReport, name: string): Cell | string | undefined {
  const m = CELL_NAME.exec(name);
  if (!m) return undefined;
  if (m[1]) return report.table2 ? table2Value(report.table2, m[2]!, m[3]!) : undefined;
  const line = m[4] === 'table3' ? report.table3 && table3Line(report.table3, m[5]!) : report.table4 && (report.table4 as unknown as Record<string, Table4Line>)[m[5]!];
  return line ? line[Number(m[6])] : undefined;
}

/** A copy of the report with one numeric cell set; throws when the report has no such cell. */
export function withCellValue(report: AnnualReport, name: string, value: number): AnnualReport {
  const current = cellValue(report, name);
  if (current === undefined || typeof current === 'string') throw new Error(`报告中没有数字单元格 ${name}`);
  const copy = structuredClone(report);
  const m = CELL_NAME.exec(name)!;
  if (m[1]) (copy.table2 as unknown as Record<string, Record<string, Cell>>)[m[2]!]![m[3]!] = value;
  else ((copy[m[4] as 'table3' | 'table4'] as unknown as Record<string, Cell[]>)[m[5]!]!)[Number(m[6])] = value;
  return copy;
}

