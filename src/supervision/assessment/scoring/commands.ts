// Changes to the scoring scheme and the scores, each one transaction with one audit entry on the
// office's chain: the office writes or deletes an indicator, computes the computed indicators of every
// agency (the data each count came from is stored with the score), and scores the others by hand
// with a reason.
import { appendAudit } from '../../../core/audit/log.ts';
import type { Database, Queryable } from '../../../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { today } from '../../../core/today.ts';
import type { CommandContext } from '../../../orgs/context.ts';
import type { Organization } from '../../../orgs/model.ts';
import type { AgencyFactSource } from '../../../orgs/shell/agency-facts.ts';
import { findOrgById, listOrgs } from '../../../orgs/store.ts';
import { AGENCY_KINDS } from '../../store.ts';
import { assessmentPolicy } from '../policy.ts';
import { computedIndicatorScore, manualScoreProblem } from '../rules/scoring.ts';
import { indicatorInputSchema, manualScoreSchema, type Indicator, type Score } from './model.ts';
import * as store from './store.ts';

const MANAGE = '只有政府办公室的系统管理员或监督员可以制定考核指标和评分';

async function authorizeOffice(tx: Queryable, ctx: CommandContext, officeId: number): Promise<Organization> {
  const office = await findOrgById(tx, officeId);
  if (!office) throw notFound('该机构');
  if (ctx.staff && !assessmentPolicy.manage(ctx.staff, office)) throw forbidden(MANAGE);
  if (office.kind !== 'government') throw invalid('考核指标由政府办公室制定');
  return office;
}

/** The agencies an office assesses: those below it that report (not the office itself), in tree order. */
export async function assessedAgencies(db: Queryable, office: Pick<Organization, 'id' | 'path'>): Promise<Organization[]> {
  return (await listOrgs(db, office.path)).filter((o) => o.id !== office.id && (AGENCY_KINDS as readonly string[]).includes(o.kind));
}

export async function addIndicator(db: Database, ctx: CommandContext, officeId: number, raw: unknown, sources: readonly AgencyFactSource[]): Promise<number> {
  const input = indicatorInputSchema.parse(raw);
  if (input.source !== null && !sources.some((s) => s.key === input.source)) throw invalid('没有这种计算方法', { field: 'source' });
  if (input.deduction !== null && input.deduction > input.points && input.points > 0) throw invalid('每处扣分不能超过该指标的分值', { field: 'deduction' });
  if (input.points === 0 && !input.veto) throw invalid('分值为 0 的指标应为单项否决指标', { field: 'points' });
  return db.transaction(async (tx) => {
    await authorizeOffice(tx, ctx, officeId);
    const id = await store.insertIndicator(tx, officeId, input);
    await appendAudit(tx, ctx.actor, { orgId: officeId, action: 'assessment.indicator.create', targetType: 'assessment_indicator', targetId: id, summary: { after: input } });
    return id;
  });
}

export async function deleteIndicator(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const indicator = await store.lockIndicator(tx, id);
    if (!indicator) throw notFound('该考核指标');
    await authorizeOffice(tx, ctx, indicator.orgId);
    const scores = await store.deleteIndicatorRow(tx, id);
    await appendAudit(tx, ctx.actor, { orgId: indicator.orgId, action: 'assessment.indicator.delete', targetType: 'assessment_indicator', targetId: id, summary: { before: indicator, scoresDeleted: scores } });
  });
}

/**
 * Computes every computed indicator of the office's year for every agency it assesses, from the
 * sources' counts as of today, replacing the earlier computed scores; scores given by hand stay.
 */
export async function computeScores(db: Database, ctx: CommandContext, officeId: number, year: number, sources: readonly AgencyFactSource[]): Promise<{ indicators: number; agencies: number }> {
  return db.transaction(async (tx) => {
    const office = await authorizeOffice(tx, ctx, officeId);
    const indicators = (await store.listIndicators(tx, officeId, year)).filter((i) => i.source !== null);
    if (indicators.length === 0) throw conflict(`${year} 年没有自动计算的考核指标`);
    const agencies = await assessedAgencies(tx, office);
    const context = { region: office, agencies, year, today: today() };
    const facts = new Map<string, Awaited<ReturnType<AgencyFactSource['factsOf']>>>();
    for (const key of new Set(indicators.map((i) => i.source!))) {
      const source = sources.find((s) => s.key === key);
      if (source) facts.set(key, await source.factsOf(tx, context));
    }
    const byHand = new Set((await store.listScores(tx, indicators.map((i) => i.id))).filter((s) => !s.computed).map((s) => `${s.indicatorId}:${s.orgId}`));
    for (const indicator of indicators) {
      for (const a of agencies) {
        const fact = facts.get(indicator.source!)?.get(a.id) ?? { faults: null, threshold: null, detail: '该计算方法已不可用，无法计算' };
        // Where the records still give nothing, a person's score (byHandAllowed) stays.
        if (fact.faults === null && byHand.has(`${indicator.id}:${a.id}`)) continue;
        const { score, veto } = computedIndicatorScore(indicator, fact);
        await store.upsertScore(tx, { indicatorId: indicator.id, orgId: a.id, score, veto, faults: fact.faults, detail: fact.detail, href: fact.href ?? null, computed: true, scoredByName: ctx.actor.name });
      }
    }
    await appendAudit(tx, ctx.actor, {
      orgId: officeId, action: 'assessment.scores.compute', targetType: 'assessment_year', targetId: `${officeId}:${year}`,
      summary: { year, on: context.today, indicators: indicators.map((i) => i.title), agencies: agencies.length },
    });
    return { indicators: indicators.length, agencies: agencies.length };
  });
}

/**
 * A person scores an indicator that is not computed, and a computed one for an agency whose records
 * gave nothing to count (e.g. its site is not on the platform), once computing has said so.
 */
export function byHandAllowed(indicator: Pick<Indicator, 'source'>, current: Pick<Score, 'score' | 'computed'> | undefined): boolean {
  if (indicator.source === null) return true;
  return current !== undefined && (!current.computed || current.score === null);
}

/** A person's score with the reason (byHandAllowed). */
export async function scoreByHand(db: Database, ctx: CommandContext, indicatorId: number, agencyId: number, raw: unknown): Promise<void> {
  const input = manualScoreSchema.parse(raw);
  await db.transaction(async (tx) => {
    const indicator = await store.lockIndicator(tx, indicatorId);
    if (!indicator) throw notFound('该考核指标');
    const office = await authorizeOffice(tx, ctx, indicator.orgId);
    if (!(await assessedAgencies(tx, office)).some((a) => a.id === agencyId)) throw invalid(`只能为${office.fullName}所属的机关评分`);
    const before = await store.findScore(tx, indicatorId, agencyId);
    if (!byHandAllowed(indicator, before)) throw conflict('该指标根据平台数据自动计算；只有平台没有可计算的数据时才能人工评分');
    const problem = manualScoreProblem(indicator, input.score);
    if (problem) throw invalid(problem, { field: 'score' });
    if (input.veto && !indicator.veto) throw invalid('该指标不是单项否决指标', { field: 'veto' });
    await store.upsertScore(tx, { indicatorId, orgId: agencyId, score: input.score, veto: input.veto, faults: null, detail: input.reason, href: null, computed: false, scoredByName: ctx.actor.name });
    await appendAudit(tx, ctx.actor, {
      orgId: indicator.orgId, action: 'assessment.score.manual', targetType: 'assessment_score', targetId: `${indicatorId}:${agencyId}`,
      summary: { indicator: indicator.title, agencyId, before: before ? { score: before.score, veto: before.veto, reason: before.detail } : null, after: input },
    });
  });
}
