// 生成年度报告 and 修改单元格 (issue 16 §3): each one transaction with its audit entry. Generating
// stores the assembled report as a new version (origin 'compute', every table 'computed', with where
// each cell came from); an override is a new generation with one more hand override, so that the
// text of section 一 is drafted again from the overridden number and cannot contradict it.
import { appendAudit } from '../../core/audit/log.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { currentYear } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { cellValue } from '../model/cells.ts';
import { formatForYear } from '../model/layout.ts';
import { authorizedOrg, findingsFor, reportYearSchema } from '../commands.ts';
import { findReportById, findReportByOrgYear, findVersion, insertReport, insertVersion, setCurrentVersion, type ReportVersion, type StoredReport } from '../store.ts';
import { assembleReport } from './assemble.ts';
import { overrideInputSchema, withOverride, type CellOverride } from './override.ts';
import type { ReportPart } from './part.ts';

type Generated = { report: StoredReport; version: ReportVersion };

/** Generates the report of `year` from the records: a new version of it, created when there is none. */
export async function generateReport(db: Database, ctx: CommandContext, orgId: number, rawYear: unknown, parts: readonly ReportPart[]): Promise<Generated> {
  const year = reportYearSchema.parse(rawYear);
  return db.transaction((tx) => generateIn(tx, ctx, orgId, year, parts, null));
}

/** Overrides one cell of the current generated version with a reason, and generates the report again. */
export async function overrideCell(db: Database, ctx: CommandContext, reportId: number, raw: unknown, parts: readonly ReportPart[]): Promise<Generated> {
  const input = overrideInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const stored = await findReportById(tx, reportId, { lock: true });
    if (!stored) throw notFound('该年度报告');
    const current = (await findVersion(tx, stored.id, stored.currentVersion))!;
    // an override changes a generated report; a report typed by hand is simply edited
    if (current.origin !== 'compute' && current.cellSources.length === 0) throw invalid('本报告当前版本不是由记录生成的，请先“生成年度报告”，或直接在报告中修改');
    const was = cellValue(current.report, input.cell);
    if (was === undefined || typeof was === 'string') throw invalid(`报告中没有可修改的数字单元格“${input.cell}”`);
    const computed = current.overrides.find((o) => o.cell === input.cell)?.computed ?? was;
    const next: CellOverride = { ...input, computed, byName: ctx.actor.name, at: new Date().toISOString() };
    return generateIn(tx, ctx, stored.orgId, stored.year, parts, next);
  });
}

async function generateIn(tx: Queryable, ctx: CommandContext, orgId: number, year: number, parts: readonly ReportPart[], added: CellOverride | null): Promise<Generated> {
  if (year > currentYear()) throw invalid(`${year} 年尚未开始，不能生成该年度的报告`);
  const org = await authorizedOrg(tx, ctx, orgId, 'generate');
  const format = formatForYear(year);
  const existing = await findReportByOrgYear(tx, org.id, year);
  const reportId = existing ? existing.id : await insertReport(tx, { orgId: org.id, year, format });
  if (reportId === null) throw invalid(`${org.shortName} ${year} 年度报告正在由他人创建，请稍后重试`);
  const stored = (await findReportById(tx, reportId, { lock: true }))!;
  const before = existing ? await findVersion(tx, stored.id, stored.currentVersion) : undefined;
  const overrides = added ? withOverride(before?.overrides ?? [], added) : (before?.overrides ?? []);
  const assembled = await assembleReport(tx, { orgId: org.id, agency: org.fullName, year, parts, overrides, keep: before?.narrative ?? {} });
  const findings = await findingsFor(tx, org.id, assembled.report, assembled.narrative);
  const version = existing ? stored.currentVersion + 1 : 1;
  const note = added ? `修改 ${added.cell}：${added.computed ?? '空'} → ${added.value}（${added.reason}）` : `由台账和案件记录生成（${parts.map((p) => p.name).join('、')}）`;
  await insertVersion(tx, {
    reportId, orgId: org.id, version, report: assembled.report, narrative: assembled.narrative,
    sources: { table2: 'computed', table3: 'computed', table4: 'computed' }, findings, origin: 'compute',
    createdBy: ctx.actor.userId, createdByName: ctx.actor.name, note,
    cellSources: assembled.cellSources, overrides: assembled.overrides,
  });
  if (existing) await setCurrentVersion(tx, reportId, version, format);
  const errors = findings.filter((f) => f.severity === 'error').length;
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: added ? 'report.override' : 'report.generate', targetType: 'report', targetId: reportId,
    summary: {
      year, version, parts: parts.map((p) => p.name), overrides: assembled.overrides.length, errors, warnings: findings.length - errors,
      ...(added ? { cell: added.cell, before: added.computed, after: added.value, reason: added.reason } : {}),
    },
  });
  return { report: (await findReportById(tx, reportId))!, version: (await findVersion(tx, reportId, version))! };
}
