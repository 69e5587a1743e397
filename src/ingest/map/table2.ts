// Table 2 (主动公开政府信息情况): which layout (2021 本年制发件数 … 本年收费金额;
// 2019 本年新制作数量 … 政府集中采购, by the labels found), then each row's values
// in order under the columns of its sub-table (in a grid, under the header
// that covers the cell). Table 2 has no arithmetic of its own: a row that lost
// cells keeps only what both placements agree on.
import { table2Layout, table2Rows, type ReportFormat } from '../../report/model/layout.ts';
import { table2CellName, table2Locator } from '../../report/model/cells.ts';
import type { Table2 } from '../../report/model/report.ts';
import type { Finding } from '../../report/rules/rule.ts';
import type { SourceCell } from '../read/document.ts';
import { ingestFinding } from '../findings.ts';
import type { FoundRows } from './find-table.ts';
import { resolveNumericTable, type LineInput, type NumericTableSpec } from './numeric-table.ts';
import { fromPdf, type MappedTable } from './table3.ts';
import type { LabelledRow } from './rows.ts';

function spec(format: ReportFormat): NumericTableSpec {
  const rows = table2Rows(format);
  const columnsOf = (key: string) => rows.find((r) => r.row.key === key)!.section.columns;
  return {
    lines: rows.map((r) => ({ key: r.row.key, width: r.section.columns.length })),
    units: [],
    cellName: (key, pos) => table2CellName(key, columnsOf(key)[pos]!.key),
    locator: (key, pos) => table2Locator(format, key, columnsOf(key)[pos]!.key),
    lineLocator: (key) => `表二“${rows.find((r) => r.row.key === key)!.row.label}”行`,
    columnLabel: (key, pos) => columnsOf(key)[pos]!.label,
    kindOf: (key, pos) => columnsOf(key)[pos]!.kind,
  };
}

/** The layout the labels belong to: votes of labels that only one layout has; null on a tie. */
export function shapeOf(found: FoundRows): ReportFormat | null {
  const votes = { '2019': 0, '2021': 0 };
  for (const row of found.rows) for (const l of row.labels) if (l.entry.format) votes[l.entry.format]++;
  return votes['2019'] > votes['2021'] ? '2019' : votes['2021'] > votes['2019'] ? '2021' : null;
}

export function mapTable2(found: FoundRows | null, defaultFormat: ReportFormat): MappedTable<Table2> {
  const body = found?.rows.filter((r) => r.labels.some((l) => l.entry.role === 'row')) ?? [];
  if (!found || body.length === 0) return { table: null, shape: null, provenance: [], findings: [] };
  const printedShape = shapeOf(found);
  const shape = printedShape ?? defaultFormat;
  const findings: Finding[] = [];
  const layoutRows = table2Rows(shape);
  const inputs = new Map<string, LineInput>();
  // the column headers in force (grid): grid column → column key, from the last header row seen
  let headerColumns = new Map<number, string>();
  const used = new Map<string, LabelledRow>();
  for (const row of found.rows) {
    const columnLabels = row.labels.filter((l) => l.entry.role === 'column' && l.cell.column !== undefined);
    if (columnLabels.length > 0 && !row.labels.some((l) => l.entry.role === 'row')) {
      headerColumns = new Map(columnLabels.map((l) => [l.cell.column!, l.entry.key]));
      continue;
    }
    const label = row.labels.filter((l) => l.entry.role === 'row').at(-1);
    if (!label) continue;
    const key = label.entry.key;
    const layoutRow = layoutRows.find((r) => r.row.key === key);
    if (!layoutRow) continue; // a row of the other layout (e.g. 其他对外管理服务事项 in a 2021 table)
    const earlier = used.get(key);
    // a label without numbers met first (a heading, a line of text) gives way to the row with numbers
    if (earlier && !earlier.values.some((v) => v.text.trim()) && row.values.some((v) => v.text.trim())) inputs.delete(key);
    if (inputs.has(key)) {
      findings.push(
        ingestFinding('ingest.row-duplicate', {
          cells: [table2CellName(key, layoutRow.section.columns[0]!.key)],
          message: `表二“${layoutRow.row.label}”行在文档中出现不止一次，只取第一次`,
        }),
      );
      continue;
    }
    const columns = layoutRow.section.columns;
    if (row.mode === 'grid') {
      const cells = [...row.values, ...row.other].filter((c) => c.column !== undefined).sort((a, b) => a.column! - b.column!);
      const positioned: (SourceCell | undefined)[] = new Array(columns.length);
      const byHeader = cells.every((c) => columns.some((col) => col.key === headerColumns.get(c.column!)));
      cells.forEach((cell, i) => {
        const pos = byHeader ? columns.findIndex((col) => col.key === headerColumns.get(cell.column!)) : i;
        if (pos >= 0 && pos < columns.length && !positioned[pos]) positioned[pos] = cell;
      });
      // in a PDF a column under its header without text is printed blank
      inputs.set(key, { positioned, blankHoles: byHeader && fromPdf(row) });
    } else {
      inputs.set(key, { sequence: row.values });
    }
    used.set(key, row);
  }
  const resolved = resolveNumericTable(spec(shape), inputs);
  const table: Record<string, Record<string, number | string | null>> = {};
  for (const section of table2Layout(shape)) {
    for (const r of section.rows) {
      const values = resolved.values.get(r.key)!;
      table[r.key] = Object.fromEntries(section.columns.map((c, i) => [c.key, values[i] ?? null]));
    }
  }
  return { table: table as unknown as Table2, shape, printedShape, provenance: resolved.provenance, findings: [...findings, ...resolved.findings] };
}
