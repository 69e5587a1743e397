// Changes to a self-assessment (自评报告): each exported function is one transaction that locks, checks
// the policy (when a staff member acts), checks the transition, writes and appends one audit entry. The
// agency's actions (draft, redraft, save, submit) go to the agency's chain, the office's (return,
// accept) to the office's. The audit keeps the text's length and sha256, not the text.
import { createHash } from 'node:crypto';
import { appendAudit } from '../../../core/audit/log.ts';
import type { Database, Queryable } from '../../../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { today } from '../../../core/today.ts';
import type { CommandContext } from '../../../orgs/context.ts';
import type { Organization } from '../../../orgs/model.ts';
import { ancestorsOf, findOrgById } from '../../../orgs/store.ts';
import { assessmentPolicy } from '../policy.ts';
import { draftSelfAssessment } from './draft.ts';
import { agencyScoreLines } from '../scoring/agency-scores.ts';
import { selfAssessmentFacts } from './facts.ts';
import { reasonInputSchema, textInputSchema, yearInputSchema, type SelfAssessment } from './model.ts';
import { officeAbove, selfAssessmentTransition, type SelfAssessmentAction, type SelfAssessmentState } from './rules.ts';
import * as store from './store.ts';

const WORK = '只有本部门的信息发布员、机关负责人或系统管理员可以起草和报送自评报告';
const MANAGE = '只有政府办公室的系统管理员或监督员可以退回或通过自评报告';


async function orgOrFail(tx: Queryable, id: number): Promise<Organization> {
  const org = await findOrgById(tx, id);
  if (!org) throw notFound('该机构');
  return org;
}

async function authorizeAgency(tx: Queryable, ctx: CommandContext, agencyId: number): Promise<Organization> {
  const agency = await orgOrFail(tx, agencyId);
  if (ctx.staff && !assessmentPolicy.work(ctx.staff, agency)) throw forbidden(WORK);
  return agency;
}

async function authorizeOffice(tx: Queryable, ctx: CommandContext, officeId: number): Promise<Organization> {
  const office = await orgOrFail(tx, officeId);
  if (ctx.staff && !assessmentPolicy.manage(ctx.staff, office)) throw forbidden(MANAGE);
  return office;
}

async function lockOrFail(tx: Queryable, id: number): Promise<SelfAssessment> {
  const s = await store.lockSelfAssessment(tx, id);
  if (!s) throw notFound('该自评报告');
  return s;
}

function next(state: SelfAssessmentState, action: SelfAssessmentAction, side: 'agency' | 'office'): SelfAssessmentState {
  const r = selfAssessmentTransition(state, action, side);
  if ('error' in r) throw conflict(r.error);
  return r.to;
}

const digest = (state: SelfAssessmentState, text: string) => ({ state, length: text.length, sha256: createHash('sha256').update(text).digest('hex') });

/** The draft from the agency's facts and its scores of the office's scheme (scoring/agency-scores.ts). */
async function draftText(tx: Queryable, agency: Organization, office: Organization, year: number): Promise<string> {
  return draftSelfAssessment(await selfAssessmentFacts(tx, agency, office, year, today(), await agencyScoreLines(tx, agency.id, office.id, year)));
}

/** The agency's self-assessment of a year, drafted from its facts, addressed to the government office above it. */
export async function createSelfAssessment(db: Database, ctx: CommandContext, agencyId: number, raw: unknown): Promise<number> {
  const { year } = yearInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const agency = await authorizeAgency(tx, ctx, agencyId);
    const office = officeAbove(await ancestorsOf(tx, agency));
    if (!office) throw invalid('本机构上级没有政府办公室，自评报告无处报送', { field: 'year' });
    const text = await draftText(tx, agency, office, year);
    const id = await store.insertSelfAssessment(tx, { orgId: agency.id, officeOrgId: office.id, year, text }, ctx.actor);
    if (id === undefined) throw conflict(`本机构已有 ${year} 年度的自评报告`);
    await appendAudit(tx, ctx.actor, {
      orgId: agency.id, action: 'assessment.self_assessment.create', targetType: 'assessment_self_assessment', targetId: id,
      summary: { year, office: office.fullName, after: digest('draft', text) },
    });
    return id;
  });
}

/** A fresh draft from today's facts, replacing the text (a draft or a returned one only). */
export async function redraftSelfAssessment(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    const agency = await authorizeAgency(tx, ctx, before.orgId);
    const state = next(before.state, 'redraft', 'agency');
    const text = await draftText(tx, agency, await orgOrFail(tx, before.officeOrgId), before.year);
    await store.setText(tx, id, text, true, ctx.actor);
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.self_assessment.redraft', targetType: 'assessment_self_assessment', targetId: id,
      summary: { year: before.year, before: digest(before.state, before.text), after: digest(state, text) },
    });
  });
}

/** The agency's edit of the text. */
export async function saveSelfAssessment(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const { text } = textInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorizeAgency(tx, ctx, before.orgId);
    const state = next(before.state, 'save', 'agency');
    await store.setText(tx, id, text, false, ctx.actor);
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.self_assessment.save', targetType: 'assessment_self_assessment', targetId: id,
      summary: { year: before.year, before: digest(before.state, before.text), after: digest(state, text) },
    });
  });
}

/** Submitted to the office (with the text as last edited, when given); again after a return. */
export async function submitSelfAssessment(db: Database, ctx: CommandContext, id: number, raw: unknown = {}): Promise<void> {
  const edited = (raw as { text?: unknown } | null)?.text === undefined ? null : textInputSchema.parse(raw).text;
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorizeAgency(tx, ctx, before.orgId);
    const state = next(before.state, 'submit', 'agency');
    const text = edited ?? before.text;
    if (!text) throw invalid('请填写自评报告后再报送', { field: 'text' });
    if (text !== before.text) await store.setText(tx, id, text, false, ctx.actor);
    await store.submitRow(tx, id, ctx.actor);
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.self_assessment.submit', targetType: 'assessment_self_assessment', targetId: id,
      summary: { year: before.year, office: before.officeName, before: digest(before.state, before.text), after: digest(state, text) },
    });
  });
}

/** The office accepts (通过) a submitted self-assessment or returns it (退回) with a reason. */
export async function decideSelfAssessment(db: Database, ctx: CommandContext, id: number, decision: 'accept' | 'return', raw: unknown = {}): Promise<void> {
  const reason = decision === 'return' ? reasonInputSchema.parse(raw).reason : '';
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorizeOffice(tx, ctx, before.officeOrgId);
    const state = next(before.state, decision, 'office') as 'accepted' | 'returned';
    await store.decideRow(tx, id, state, reason, ctx.actor);
    await appendAudit(tx, ctx.actor, {
      orgId: before.officeOrgId, action: decision === 'accept' ? 'assessment.self_assessment.accept' : 'assessment.self_assessment.return', targetType: 'assessment_self_assessment', targetId: id,
      summary: { year: before.year, agency: before.orgName, before: { state: before.state }, after: { state }, ...(reason ? { reason } : {}) },
    });
  });
}
