// Table 3 of the annual report from the cases (issue 5 §6): one SQL aggregate per organization and
// year (store.ts table3Counts), folded by the same rule as the pure computeTable3 (rules/table3.ts),
// and stored into that year's report draft through the report module's own commands.
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { createReport, saveReportVersion } from '../report/commands.ts';
import { formatForYear, type ReportFormat } from '../report/model/layout.ts';
import type { Table3 } from '../report/model/report.ts';
import { findReportByOrgYear, findVersion } from '../report/store.ts';
import { table3FromCounts } from './rules/table3.ts';
import { table3Counts } from './store.ts';

export async function table3ForYear(db: Queryable, orgId: number, year: number, format: ReportFormat = formatForYear(year)): Promise<{ format: ReportFormat; table3: Table3 }> {
  return { format, table3: table3FromCounts(await table3Counts(db, orgId, year), format) };
}

/**
 * Writes table 3 computed from the cases into the organization's report of `year` (creating the
 * report when there is none) as a new version whose table 3 source is 'computed'. The report
 * module checks its own policy (信息发布员 or 系统管理员) and records the findings and the audit entry.
 */
export async function storeTable3InDraft(db: Database, ctx: CommandContext, orgId: number, year: number): Promise<{ reportId: number; version: number }> {
  const existing = await findReportByOrgYear(db, orgId, year);
  const report = existing ?? (await createReport(db, ctx, { orgId, year })).report;
  const current = (await findVersion(db, report.id, report.currentVersion))!;
  const { table3 } = await table3ForYear(db, orgId, year, current.report.format);
  const saved = await saveReportVersion(db, ctx, report.id, {
    report: { ...current.report, table3 },
    sources: { table3: 'computed' },
    note: '表三由依申请公开案件自动计算',
    baseVersion: current.version,
  });
  return { reportId: saved.report.id, version: saved.version.version };
}
