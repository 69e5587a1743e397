// Export of the canonical JSON (spec/annual-report-json.md): keys in the order
// of the spec and of the printed form, rows of numbers on one line, so that two
// exports of the same report are byte-identical and diff well.
import { TABLE4_GROUPS, table2Layout, table3Rows } from './layout.ts';
import { table2Value, table3Line } from './cells.ts';
import { table2Shape, table3Shape, type AnnualReport, type CanonicalNarrative, type Table2, type Table3, type Table4 } from './report.ts';

type Json = null | number | string | Json[] | { [key: string]: Json };

/** The report as canonical JSON text (2-space indent, trailing newline), with its narrative when given. */
export function toCanonicalJson(report: AnnualReport, narrative?: CanonicalNarrative | null): string {
  return `${render(toCanonicalObject(report, narrative), '')}\n`;
}

/** The report as a plain object whose key order is the canonical one. */
export function toCanonicalObject(report: AnnualReport, narrative?: CanonicalNarrative | null): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    schema: report.schema,
    format: report.format,
    agency: report.agency,
    year: report.year,
    table2: report.table2 && orderTable2(report.table2),
    table3: report.table3 && orderTable3(report.table3),
    table4: report.table4 && orderTable4(report.table4),
  };
  if (narrative) out['narrative'] = { overview: narrative.overview, problems: narrative.problems, other: narrative.other };
  return out;
}

function orderTable2(t: Table2): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const section of table2Layout(table2Shape(t))) {
    for (const r of section.rows) {
      const row: { [key: string]: Json } = {};
      for (const c of section.columns) row[c.key] = table2Value(t, r.key, c.key) ?? null;
      out[r.key] = row;
    }
  }
  return out;
}

function orderTable3(t: Table3): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const r of table3Rows(table3Shape(t))) out[r.key] = [...(table3Line(t, r.key) ?? [])];
  return out;
}

function orderTable4(t: Table4): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const g of TABLE4_GROUPS) out[g.key] = [...t[g.key]];
  return out;
}

function render(v: Json, indent: string): string {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${v.map((x) => inner + render(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}
