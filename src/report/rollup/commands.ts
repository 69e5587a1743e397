// Changes of the region roll-up, each one transaction: including or excluding an agency for a year
// (with its audit entry), and storing the sum as the office's own report draft through the report
// commands (which record the version, its findings and their own audit entries).
import { appendAudit } from '../../core/audit/log.ts';
import type { Database } from '../../core/db/database.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { z } from '../../core/validation.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { findOrgById } from '../../orgs/store.ts';
import { canEnterOrg } from '../../orgs/staff/scope.ts';
import { createReportIn, reportYearSchema, saveReportVersionIn } from '../commands.ts';
import { findReportByOrgYear } from '../store.ts';
import { assertRollupOffice, loadRollup, rollupNote } from './rollup.ts';
import { rollupPolicy } from './policy.ts';
import { findRollupInclusion, upsertRollupInclusion } from './store.ts';

export const inclusionSchema = z.object({
  year: reportYearSchema,
  included: z.boolean(),
  reason: z.string().trim().max(500, { error: '不计入的理由不能超过 500 字' }).default(''),
});

/**
 * Includes or excludes an agency (directly under the office) in the office's roll-up of a year.
 * Excluding needs a reason. A staff member must be an administrator of the office or of the agency.
 */
export async function setRollupInclusion(
  db: Database,
  ctx: CommandContext,
  input: { officeId: number; orgId: number; year: unknown; included: boolean; reason?: string },
): Promise<{ changed: boolean }> {
  const { year, included, reason } = inclusionSchema.parse({ year: input.year, included: input.included, reason: input.reason ?? '' });
  if (!included && !reason) throw invalid('请填写不计入汇总的理由');
  return db.transaction(async (tx) => {
    const office = await findOrgById(tx, input.officeId);
    const agency = await findOrgById(tx, input.orgId);
    if (!office || !agency) throw notFound('该机构');
    if (ctx.staff && !canEnterOrg(ctx.staff, agency) && !canEnterOrg(ctx.staff, office)) throw notFound('该机构');
    assertRollupOffice(office);
    if (agency.parentId !== office.id) throw invalid(`${agency.fullName}不在${office.fullName}之下，不参加其地区汇总`);
    if (ctx.staff && !rollupPolicy.setInclusion(ctx.staff, agency)) throw forbidden('只有本机关或该机构的系统管理员可以设置是否计入地区汇总');
    const before = await findRollupInclusion(tx, office.id, agency.id, year, { lock: true });
    const wasIncluded = before?.included ?? true;
    if (wasIncluded === included && (included || before?.reason === reason)) return { changed: false };
    await upsertRollupInclusion(tx, {
      officeOrgId: office.id, orgId: agency.id, year, included, reason: included ? '' : reason,
      changedBy: ctx.actor.userId, changedByName: ctx.actor.name,
    });
    await appendAudit(tx, ctx.actor, {
      orgId: office.id, action: 'report.rollup-inclusion', targetType: 'organization', targetId: agency.id,
      summary: {
        year, agency: agency.code,
        before: { included: wasIncluded, reason: before?.reason ?? '' },
        after: { included, reason: included ? '' : reason },
      },
    });
    return { changed: true };
  });
}

/**
 * Stores the office's roll-up of a year as its own report draft: one new version (the report is
 * created first when the office has none for the year) whose tables are the sum, sources 'computed',
 * with a note naming the agencies summed. The office's narrative is kept. One transaction.
 */
export async function storeRollupAsDraft(
  db: Database,
  ctx: CommandContext,
  input: { officeId: number; year: unknown },
): Promise<{ reportId: number; version: number; note: string }> {
  const year = reportYearSchema.parse(input.year);
  return db.transaction(async (tx) => {
    const office = await findOrgById(tx, input.officeId);
    if (!office || (ctx.staff && !canEnterOrg(ctx.staff, office))) throw notFound('该机构');
    assertRollupOffice(office);
    if (ctx.staff && !rollupPolicy.storeDraft(ctx.staff, office)) throw forbidden('只有本机关的信息发布员或系统管理员可以保存年度报告草稿');
    const rollup = await loadRollup(tx, office, year);
    const existing = await findReportByOrgYear(tx, office.id, year, { lock: true });
    const report = existing ?? (await createReportIn(tx, ctx, { orgId: office.id, year })).report;
    const note = rollupNote(rollup);
    const saved = await saveReportVersionIn(tx, ctx, report.id, {
      report: { ...rollup.sum.report, agency: office.fullName },
      sources: { table2: 'computed', table3: 'computed', table4: 'computed' },
      note,
      baseVersion: report.currentVersion,
    });
    return { reportId: saved.report.id, version: saved.version.version, note };
  });
}
