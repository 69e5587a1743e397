// Every numeric cell of a report with its name, where to find it, and what it
// may hold (layout.ts Table2CellKind; table 3 and table 4 cells are counts).
import { TABLE4_GROUPS, table2Rows, table3Rows, type Table2CellKind } from '../model/layout.ts';
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
import { table2Shape, table3Shape, type AnnualReport } from '../model/report.ts';

export interface NumericCell {
  name: string;
  locator: string;
  value: number;
  kind: Exclude<Table2CellKind, 'text'>;
}

/** The readable (non-null) numeric cells of all tables, in printed order. */
export function numericCells(report: AnnualReport): NumericCell[] {
  const out: NumericCell[] = [];
  const t2 = report.table2;
  if (t2) {
    const f = table2Shape(t2);
    for (const { section, row } of table2Rows(f)) {
      for (const c of section.columns) {
        const v = table2Value(t2, row.key, c.key);
        if (c.kind === 'text' || typeof v !== 'number') continue;
        out.push({ name: table2CellName(row.key, c.key), locator: table2Locator(f, row.key, c.key), value: v, kind: c.kind });
      }
    }
  }
  const t3 = report.table3;
  if (t3) {
    const f = table3Shape(t3);
    for (const r of table3Rows(f)) {
      (table3Line(t3, r.key) ?? []).forEach((v, i) => {
        if (v !== null) out.push({ name: table3CellName(r.key, i), locator: table3Locator(f, r.key, i), value: v, kind: 'count' });
      });
    }
  }
  const t4 = report.table4;
  if (t4) {
    for (const g of TABLE4_GROUPS) {
      t4[g.key].forEach((v, i) => {
        if (v !== null) out.push({ name: table4CellName(g.key, i), locator: table4Locator(g.key, i), value: v, kind: 'count' });
      });
    }
  }
  return out;
}
