// Changes to the task breakdown and rectification items: each exported function is one transaction
// that locks, checks the policy (when a staff member acts), checks the transition, writes and appends
// one audit entry. The office's entries go to the office's chain, the agency's to the agency's.
import { createHash } from 'node:crypto';
import { appendAudit } from '../../core/audit/log.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { today } from '../../core/today.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import { closeInputSchema, progressInputSchema, reasonSchema, rectificationInputSchema, taskInputSchema, type Progress, type Task } from './model.ts';
import { assessmentPolicy } from './policy.ts';
import { concernedAgencies, outsideOffice } from './rules/agencies.ts';
import { evidenceDocumentType } from './rules/document.ts';
import { parseEvidenceLinks } from './rules/evidence.ts';
import { progressTransition, rectificationTransition, taskTransition } from './rules/transitions.ts';
import * as store from './store.ts';

export interface UploadedDocument {
  fileName: string;
  content: Buffer;
}

const MANAGE = '只有政府办公室的系统管理员或监督员可以发布任务、验收和管理整改事项';
const WORK = '只有本部门的信息发布员、机关负责人或系统管理员可以报送完成情况';

async function orgOrFail(tx: Queryable, id: number): Promise<Organization> {
  const org = await findOrgById(tx, id);
  if (!org) throw notFound('该机构');
  return org;
}

async function authorizeOffice(tx: Queryable, ctx: CommandContext, officeId: number): Promise<Organization> {
  const office = await orgOrFail(tx, officeId);
  if (ctx.staff && !assessmentPolicy.manage(ctx.staff, office)) throw forbidden(MANAGE);
  if (office.kind !== 'government') throw invalid('任务分解和整改事项由政府办公室发布');
  return office;
}

async function authorizeAgency(tx: Queryable, ctx: CommandContext, agencyId: number): Promise<void> {
  if (!ctx.staff) return;
  const agency = await orgOrFail(tx, agencyId);
  if (!assessmentPolicy.work(ctx.staff, agency)) throw forbidden(WORK);
}

const refuse = (r: { error: string } | { to: unknown }) => {
  if ('error' in r) throw conflict(r.error);
  return r.to;
};

/** The agencies of a task: below the office, each once, the lead first. */
async function checkAgencies(tx: Queryable, office: Organization, leadOrgId: number, otherOrgIds: number[]) {
  const concerned = concernedAgencies(leadOrgId, otherOrgIds);
  const orgs = await store.orgsByIds(tx, concerned.map((c) => c.orgId));
  if (orgs.length !== concerned.length || outsideOffice(office, orgs).length > 0) {
    throw invalid(`任务只能分解给${office.fullName}所属的部门`, { field: orgs.some((o) => o.id === leadOrgId) ? 'otherOrgIds' : 'leadOrgId' });
  }
  return concerned;
}

const taskAudit = (t: { year: number; title: string; deadline: string; evidenceExpected: string }, agencies: { orgId: number; lead: boolean }[]) => ({
  year: t.year, title: t.title, deadline: t.deadline, evidenceExpected: t.evidenceExpected,
  lead: agencies.find((a) => a.lead)?.orgId ?? null, others: agencies.filter((a) => !a.lead).map((a) => a.orgId),
});

export async function createTask(db: Database, ctx: CommandContext, officeId: number, raw: unknown): Promise<number> {
  const input = taskInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const office = await authorizeOffice(tx, ctx, officeId);
    const agencies = await checkAgencies(tx, office, input.leadOrgId, input.otherOrgIds);
    const id = await store.insertTask(tx, officeId, input, agencies);
    await appendAudit(tx, ctx.actor, { orgId: officeId, action: 'assessment.task.create', targetType: 'assessment_task', targetId: id, summary: { after: taskAudit(input, agencies) } });
    return id;
  });
}

async function lockTaskOrFail(tx: Queryable, id: number): Promise<Task> {
  const t = await store.lockTask(tx, id);
  if (!t) throw notFound('该任务');
  return t;
}

export async function updateTask(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = taskInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const before = await lockTaskOrFail(tx, id);
    const office = await authorizeOffice(tx, ctx, before.orgId);
    refuse(taskTransition(before.state, 'edit', 'office'));
    const agencies = await checkAgencies(tx, office, input.leadOrgId, input.otherOrgIds);
    await store.updateTaskRow(tx, id, input, agencies);
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.task.update', targetType: 'assessment_task', targetId: id,
      summary: { before: taskAudit(before, before.agencies), after: taskAudit(input, agencies) },
    });
  });
}

export async function deleteTask(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockTaskOrFail(tx, id);
    await authorizeOffice(tx, ctx, before.orgId);
    refuse(taskTransition(before.state, 'delete', 'office'));
    await store.deleteTaskRow(tx, id);
    await appendAudit(tx, ctx.actor, { orgId: before.orgId, action: 'assessment.task.delete', targetType: 'assessment_task', targetId: id, summary: { before: taskAudit(before, before.agencies) } });
  });
}

export async function publishTask(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockTaskOrFail(tx, id);
    await authorizeOffice(tx, ctx, before.orgId);
    refuse(taskTransition(before.state, 'publish', 'office'));
    await store.publishTaskRow(tx, id);
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.task.publish', targetType: 'assessment_task', targetId: id,
      summary: { title: before.title, year: before.year, deadline: before.deadline, agencies: before.agencies.map((a) => a.orgId) },
    });
  });
}

/** Evidence links checked: an item link must name a published item of the agency itself. */
async function checkedLinks(tx: Queryable, agencyId: number, raw: string | string[], field = 'links'): Promise<string[]> {
  const { links, errors } = parseEvidenceLinks(raw);
  if (errors.length) throw invalid(errors.join('；'), { field });
  const itemIds = links.flatMap((l) => (l.kind === 'item' ? [l.itemId] : []));
  const found = await store.publishedItemsOf(tx, agencyId, itemIds);
  const missing = itemIds.filter((id) => !found.has(id));
  if (missing.length) throw invalid(`本部门没有已发布的条目 ${missing.join('、')}：请链接本部门已发布的公开信息`, { field });
  return links.map((l) => l.text);
}

async function storeDocument(tx: Queryable, orgId: number, document: UploadedDocument | null, mediaType: string | null): Promise<number | null> {
  if (!document || !mediaType) return null;
  const sha256 = createHash('sha256').update(document.content).digest('hex');
  return store.insertDocument(tx, orgId, { fileName: document.fileName, contentType: mediaType, sha256, content: document.content });
}

function documentType(document: UploadedDocument | null): string | null {
  if (!document || document.content.length === 0) return null;
  const t = evidenceDocumentType(document.fileName, document.content);
  if ('error' in t) throw invalid(t.error, { field: 'document' });
  return t.mediaType;
}

/**
 * The agency's progress on its part of a task: a note, evidence links and a file; `submit` reports it
 * as done (the office then accepts or returns it), otherwise it is saved for later.
 */
export async function saveProgress(db: Database, ctx: CommandContext, progressId: number, raw: unknown, submit: boolean, document: UploadedDocument | null = null): Promise<void> {
  const input = progressInputSchema.parse(raw);
  const mediaType = documentType(document);
  await db.transaction(async (tx) => {
    const before = await store.lockProgress(tx, progressId);
    if (!before) throw notFound('该任务');
    await authorizeAgency(tx, ctx, before.orgId);
    const task = await lockTaskOrFail(tx, before.taskId);
    const state = refuse(progressTransition(before.state, submit ? 'submit' : 'save', 'agency', task.state)) as Progress['state'];
    const links = await checkedLinks(tx, before.orgId, input.links);
    if (submit && !input.note && links.length === 0 && !document && !before.document) throw invalid('报送完成前请填写完成情况说明或提供佐证材料', { field: 'note' });
    const documentId = await storeDocument(tx, before.orgId, document, mediaType);
    await store.saveProgressRow(tx, progressId, { state, note: input.note, links, documentId, submitted: submit });
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: submit ? 'assessment.progress.submit' : 'assessment.progress.save', targetType: 'assessment_task_agency', targetId: progressId,
      summary: {
        task: { id: task.id, title: task.title }, before: { state: before.state, note: before.note, links: before.evidenceLinks }, after: { state, note: input.note, links },
        ...(documentId !== null ? { document: { id: documentId, fileName: document!.fileName, size: document!.content.length } } : {}),
      },
    });
  });
}

/** The office accepts an agency's report (验收) or returns it with a reason (退回). */
export async function decideProgress(db: Database, ctx: CommandContext, progressId: number, decision: 'accept' | 'return', raw: unknown = {}): Promise<void> {
  const reason = decision === 'return' ? reasonSchema.parse(raw).reason : '';
  await db.transaction(async (tx) => {
    const before = await store.lockProgress(tx, progressId);
    if (!before) throw notFound('该任务');
    const task = await lockTaskOrFail(tx, before.taskId);
    await authorizeOffice(tx, ctx, task.orgId);
    const state = refuse(progressTransition(before.state, decision, 'office', task.state)) as Progress['state'];
    await store.decideProgressRow(tx, progressId, state, reason);
    await appendAudit(tx, ctx.actor, {
      orgId: task.orgId, action: decision === 'accept' ? 'assessment.progress.accept' : 'assessment.progress.return', targetType: 'assessment_task_agency', targetId: progressId,
      summary: { task: { id: task.id, title: task.title }, agency: before.orgId, before: { state: before.state }, after: { state }, ...(reason ? { reason } : {}) },
    });
  });
}

// --- 整改

export async function createRectification(db: Database, ctx: CommandContext, officeId: number, raw: unknown): Promise<number> {
  const input = rectificationInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const office = await authorizeOffice(tx, ctx, officeId);
    const [agency] = await store.orgsByIds(tx, [input.orgId]);
    if (!agency || outsideOffice(office, [agency]).length) throw invalid(`整改事项只能发给${office.fullName}所属的部门`, { field: 'orgId' });
    const id = await store.insertRectification(tx, officeId, input);
    await appendAudit(tx, ctx.actor, { orgId: officeId, action: 'assessment.rectification.create', targetType: 'assessment_rectification', targetId: id, summary: { after: input } });
    return id;
  });
}

export async function closeRectification(db: Database, ctx: CommandContext, id: number, raw: unknown, document: UploadedDocument | null = null): Promise<void> {
  const input = closeInputSchema.parse(raw);
  const mediaType = documentType(document);
  await db.transaction(async (tx) => {
    const before = await store.lockRectification(tx, id);
    if (!before) throw notFound('该整改事项');
    await authorizeAgency(tx, ctx, before.orgId);
    refuse(rectificationTransition(before.state, 'close', 'agency'));
    const links = await checkedLinks(tx, before.orgId, input.links);
    const documentId = await storeDocument(tx, before.orgId, document, mediaType);
    await store.closeRectificationRow(tx, id, { note: input.note, links, documentId });
    await appendAudit(tx, ctx.actor, {
      orgId: before.orgId, action: 'assessment.rectification.close', targetType: 'assessment_rectification', targetId: id,
      summary: {
        finding: before.finding, before: { state: before.state }, after: { state: 'closed', note: input.note, links },
        ...(documentId !== null ? { document: { id: documentId, fileName: document!.fileName, size: document!.content.length } } : {}),
      },
    });
  });
}

/** The office confirms the closing (确认整改完成) or reopens the item with a reason. */
export async function decideRectification(db: Database, ctx: CommandContext, id: number, decision: 'confirm' | 'reopen', raw: unknown = {}): Promise<void> {
  const reason = decision === 'reopen' ? reasonSchema.parse(raw).reason : '';
  await db.transaction(async (tx) => {
    const before = await store.lockRectification(tx, id);
    if (!before) throw notFound('该整改事项');
    await authorizeOffice(tx, ctx, before.officeOrgId);
    const state = refuse(rectificationTransition(before.state, decision, 'office')) as 'confirmed' | 'open';
    await store.decideRectificationRow(tx, id, state, reason);
    await appendAudit(tx, ctx.actor, {
      orgId: before.officeOrgId, action: decision === 'confirm' ? 'assessment.rectification.confirm' : 'assessment.rectification.reopen', targetType: 'assessment_rectification', targetId: id,
      summary: { finding: before.finding, agency: before.orgId, before: { state: before.state }, after: { state }, ...(reason ? { reason } : {}) },
    });
  });
}

