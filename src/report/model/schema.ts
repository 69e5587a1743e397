// zod 4 schemas of the canonical JSON (spec/annual-report-json.md), built from
// the layouts in layout.ts so that keys cannot drift from the printed form.
// Structure only: arithmetic, signs and decimals are the validator's job
// (a published report that breaks a rule is still imported as printed).
import { z } from 'zod';
import {
  REPORT_FORMATS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  table3Rows,
  type ReportFormat,
  type Table2CellKind,
} from './layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport, type CanonicalNarrative, type Table2_2019, type Table2_2021, type Table3_2019, type Table3_2021, type Table4 } from './report.ts';

/** Earliest and latest plausible report years (条例 first in force 2008-05-01). */
export const MIN_REPORT_YEAR = 2008;
export const MAX_REPORT_YEAR = 2100;

export const cellSchema = z.number().nullable();

function table2CellSchema(kind: Table2CellKind) {
  return kind === 'text' ? z.string().nullable() : cellSchema;
}

function table2Schema(format: ReportFormat) {
  const shape: Record<string, z.ZodType> = {};
  for (const section of table2Layout(format)) {
    const rowShape: Record<string, z.ZodType> = {};
    for (const c of section.columns) rowShape[c.key] = table2CellSchema(c.kind);
    for (const r of section.rows) shape[r.key] = z.strictObject(rowShape);
  }
  return z.strictObject(shape);
}

const table3LineSchema = z.array(cellSchema).length(TABLE3_COLUMNS.length);

function table3Schema(format: ReportFormat) {
  const shape: Record<string, z.ZodType> = {};
  for (const r of table3Rows(format)) shape[r.key] = table3LineSchema;
  return z.strictObject(shape);
}

const table4LineSchema = z.array(cellSchema).length(TABLE4_COLUMNS.length);

/** The shapes of each table by format. */
export const table2Schemas = {
  '2021': table2Schema('2021') as unknown as z.ZodType<Table2_2021>,
  '2019': table2Schema('2019') as unknown as z.ZodType<Table2_2019>,
};
export const table3Schemas = {
  '2021': table3Schema('2021') as unknown as z.ZodType<Table3_2021>,
  '2019': table3Schema('2019') as unknown as z.ZodType<Table3_2019>,
};
export const table4Schema = z.strictObject(
  Object.fromEntries(TABLE4_GROUPS.map((g) => [g.key, table4LineSchema])),
) as unknown as z.ZodType<Table4>;

/** The optional text sections (spec: "narrative"), each a string or null. */
export const narrativeSchema = z.strictObject({
  overview: z.string().nullable(),
  problems: z.string().nullable(),
  other: z.string().nullable(),
}) as unknown as z.ZodType<CanonicalNarrative>;

/** Order of the branches in the table unions below (parse.ts relies on it). */
export const UNION_FORMATS: readonly ReportFormat[] = ['2021', '2019'];

/**
 * The whole report. Each table may have the shape of either format: a mismatch
 * with the declared `format` is reported by the validator (layout.format-mismatch),
 * not rejected here. Unknown keys are rejected.
 */
export const annualReportSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_ID),
  format: z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]),
  agency: z.string().min(1).nullable(),
  year: z.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR),
  table2: z.union(UNION_FORMATS.map((f) => table2Schemas[f]) as [z.ZodType<Table2_2021>, z.ZodType<Table2_2019>]).nullable(),
  table3: z.union(UNION_FORMATS.map((f) => table3Schemas[f]) as [z.ZodType<Table3_2021>, z.ZodType<Table3_2019>]).nullable(),
  table4: table4Schema.nullable(),
  narrative: narrativeSchema.optional(),
}) as unknown as z.ZodType<AnnualReport & { narrative?: CanonicalNarrative }>;
