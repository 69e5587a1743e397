// The annual report of an organization and year assembled from its records (issue 16 §3): a blank
// report of the year's layout, the cells each domain computes (ReportPart), the hand overrides on
// top, and sections 一 and 六 drafted from the result — so the text states the published numbers.
// Nothing comes from tables typed earlier: a cell no record speaks of is 0 (no record, no case).
import type { Queryable } from '../../core/db/database.ts';
import { blankReport } from '../model/blank-report.ts';
import { cellValue, withCellValue } from '../model/cells.ts';
import { formatForYear } from '../model/layout.ts';
import type { AnnualReport, Table2 } from '../model/report.ts';
import type { NarrativeFacts } from '../narrative/facts.ts';
import { draftNarrative } from '../narrative/draft.ts';
import type { ReportNarrative } from '../store.ts';
import type { CellOverride } from './override.ts';
import type { CellSource, ReportPart, ReportPartResult } from './part.ts';

export interface AssembledReport {
  report: AnnualReport;
  narrative: ReportNarrative;
  /** Every source the parts gave, in the order of the parts. */
  cellSources: CellSource[];
  /** The overrides applied, each with what the records give now. */
  overrides: CellOverride[];
  facts: NarrativeFacts;
}

export const NO_FACTS: NarrativeFacts = {
  publishedByColumn: [],
  interpretations: 0,
  applicationsByChannel: [],
  processingFeesYuan: '0',
  administrativeFeesYuan: null,
  assessment: null,
};

/** The blank report of the year with the parts' cells in it (pure). */
export function combineParts(agency: string, year: number, results: readonly ReportPartResult[]): { report: AnnualReport; cellSources: CellSource[]; facts: NarrativeFacts } {
  const format = formatForYear(year);
  const report: AnnualReport = format === '2021' ? blankReport('2021', year, agency) : blankReport('2019', year, agency);
  let facts: NarrativeFacts = { ...NO_FACTS };
  for (const r of results) {
    if (r.table2) report.table2 = { ...report.table2!, ...r.table2 } as Table2;
    if (r.table3) report.table3 = r.table3;
    if (r.table4) report.table4 = r.table4;
    facts = { ...facts, ...r.facts };
  }
  return { report, cellSources: results.flatMap((r) => r.sources), facts };
}

/** The report with the overrides applied; each override notes what the records give now (pure). */
export function applyOverrides(report: AnnualReport, overrides: readonly CellOverride[]): { report: AnnualReport; overrides: CellOverride[] } {
  let out = report;
  const applied: CellOverride[] = [];
  for (const o of overrides) {
    const computed = cellValue(report, o.cell);
    if (computed === undefined || typeof computed === 'string') continue; // a cell of another layout: no longer applies
    out = withCellValue(out, o.cell, o.value);
    applied.push({ ...o, computed });
  }
  return { report: out, overrides: applied };
}

/**
 * Assembles the report: parts computed in order, overrides applied, then the narrative drafted from the
 * final tables; section 五 (the agency's own judgement) is kept from `keep`.
 */
export async function assembleReport(
  db: Queryable,
  input: { orgId: number; agency: string; year: number; parts: readonly ReportPart[]; overrides?: readonly CellOverride[]; keep?: ReportNarrative },
): Promise<AssembledReport> {
  const format = formatForYear(input.year);
  const results: ReportPartResult[] = [];
  for (const part of input.parts) results.push(await part.compute(db, input.orgId, input.year, format));
  const combined = combineParts(input.agency, input.year, results);
  const { report, overrides } = applyOverrides(combined.report, input.overrides ?? []);
  const drafted = draftNarrative(report, combined.facts);
  const narrative: ReportNarrative = { ...drafted, ...(input.keep?.五 ? { 五: input.keep.五 } : {}) };
  return { report, narrative, cellSources: combined.cellSources, overrides, facts: combined.facts };
}
