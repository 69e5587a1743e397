// Changes to public consultation: each exported function is one transaction that checks the policy
// (when a staff member acts), writes, and appends one audit entry. A comment's name and contact are
// personal data and never go into the audit log: entries name the comment by id and length.
import { createHash } from 'node:crypto';
import { appendAudit, type Actor } from '../core/audit/log.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import { today } from '../core/today.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { CommandContext } from '../orgs/context.ts';
import { findOrgById } from '../orgs/store.ts';
import type { ConsultationHooks } from './hooks.ts';
import {
  commentInputSchema, consultationInputSchema, feedbackInputSchema, KIND_LABELS, minimumPeriodInputSchema, moderationInputSchema, offlineCommentInputSchema,
  type Consultation, type ConsultationInput, type ConsultationKind,
} from './model.ts';
import { consultationPolicy, REFUSALS } from './policy.ts';
import { attachmentType } from './rules/attachment.ts';
import { itemIdFromReference } from './rules/final-document.ts';
import { checkPeriod, DEFAULT_MINIMUM_PERIODS, type MinimumPeriod, type PeriodCheck } from './rules/minimum-period.ts';
import { mayWriteFeedback, phaseOn, PHASE_LABELS, takesComments } from './rules/phase.ts';
import {
  countComments, findComment, findConsultation, findMinimumPeriods, insertAttachment, insertComment, insertConsultation, replaceFeedbackPoints, setConcluded, setFeedbackSummary,
  setFinalDocument, setModeration, setPublished, updateConsultationRecord, upsertMinimumPeriod,
} from './store.ts';

/** Who writes a comment on the portal (no account): the audit log's actor. */
export const publicActor = (requestId: string | null = null): Actor => ({ userId: null, name: '公众（网上）', requestId });

type Rule = keyof typeof REFUSALS;

async function authorize(tx: Queryable, ctx: CommandContext, orgId: number, rule: Exclude<Rule, 'read'>): Promise<void> {
  if (!ctx.staff) return; // the trusted CLI operator and the demo
  const org = await findOrgById(tx, orgId);
  if (!org || !consultationPolicy[rule](ctx.staff, org)) throw forbidden(REFUSALS[rule]);
}

async function lockOrFail(tx: Queryable, id: number): Promise<Consultation> {
  const c = await findConsultation(tx, id, { lock: true });
  if (!c) throw notFound('该意见征集');
  return c;
}

/** The organization's minimum period for a kind: its own setting, else the default. */
export async function minimumPeriodOf(db: Queryable, orgId: number, kind: ConsultationKind): Promise<MinimumPeriod> {
  return (await findMinimumPeriods(db, orgId))[kind] ?? DEFAULT_MINIMUM_PERIODS[kind];
}

/** The period of the input against the organization's minimum, on its working-day calendar. */
export async function periodCheckOf(db: Queryable, orgId: number, c: Pick<ConsultationInput, 'kind' | 'startsOn' | 'endsOn' | 'shortPeriodReason'>): Promise<PeriodCheck> {
  const [min, cal] = await Promise.all([minimumPeriodOf(db, orgId, c.kind), loadCalendar(db, orgId)]);
  return checkPeriod(cal, c.startsOn, c.endsOn, min, c.shortPeriodReason);
}

async function requirePeriod(tx: Queryable, orgId: number, c: ConsultationInput): Promise<PeriodCheck> {
  const check = await periodCheckOf(tx, orgId, c);
  if (check.problem) throw invalid(check.problem, { field: 'shortPeriodReason' });
  return check;
}

/** What the audit log keeps of a consultation (no text of the draft: it is on the record). */
const auditView = (c: Pick<Consultation, 'kind' | 'title' | 'startsOn' | 'endsOn' | 'shortPeriodReason'>) => ({
  kind: c.kind, title: c.title, startsOn: c.startsOn, endsOn: c.endsOn, ...(c.shortPeriodReason ? { shortPeriodReason: c.shortPeriodReason } : {}),
});

export async function createConsultation(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<number> {
  const input = consultationInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'prepare');
    await requirePeriod(tx, orgId, input);
    const id = await insertConsultation(tx, orgId, input);
    await appendAudit(tx, ctx.actor, { orgId, action: 'consultation.create', targetType: 'consultation', targetId: id, summary: { after: auditView(input) } });
    return id;
  });
}

/** A draft is edited freely; once published, only before it starts (the public has not seen it open). */
export async function updateConsultation(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = consultationInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const before = await lockOrFail(tx, id);
    await authorize(tx, ctx, before.orgId, 'prepare');
    const phase = phaseOn(before, today());
    if (phase !== 'draft' && phase !== 'scheduled') throw conflict(`该意见征集${PHASE_LABELS[phase]}，不能再修改；如需延长期限或更正内容，请另行发布说明`);
    if (phase === 'scheduled' && input.startsOn < today()) throw invalid('已发布的意见征集，开始日期不能早于今天', { field: 'startsOn' });
    await requirePeriod(tx, before.orgId, input);
    await updateConsultationRecord(tx, id, input);
    await appendAudit(tx, ctx.actor, { orgId: before.orgId, action: 'consultation.update', targetType: 'consultation', targetId: id, summary: { before: auditView(before), after: auditView(input) } });
  });
}

/** The draft as a file (PDF, OFD, Word), besides its text: while it may be edited; a new upload replaces it. */
export async function attachDraftFile(db: Database, ctx: CommandContext, id: number, file: { fileName: string; content: Buffer }): Promise<number> {
  const type = attachmentType(file.fileName, file.content);
  if ('error' in type) throw invalid(type.error, { field: 'file' });
  return db.transaction(async (tx) => {
    const c = await lockOrFail(tx, id);
    await authorize(tx, ctx, c.orgId, 'prepare');
    const phase = phaseOn(c, today());
    if (phase !== 'draft' && phase !== 'scheduled') throw conflict(`该意见征集${PHASE_LABELS[phase]}，不能再更换征求意见稿文件`);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const attachmentId = await insertAttachment(tx, c, { fileName: file.fileName, contentType: type.mediaType, sha256, content: file.content });
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.attachment', targetType: 'consultation', targetId: id,
      summary: { after: { attachmentId, fileName: file.fileName, size: file.content.length, sha256 } },
    });
    return attachmentId;
  });
}

/**
 * 发布: the consultation appears on the portal and takes comments from its start date. The start may
 * not be before the day of publication (the public must have the whole period). `opts.on` — a past
 * publication day — is for the trusted operator only (the demo).
 */
export async function publishConsultation(db: Database, ctx: CommandContext, id: number, opts: { on?: string } = {}): Promise<void> {
  if (opts.on && ctx.staff) throw forbidden('发布日期即为今天');
  const on = opts.on ?? today();
  await db.transaction(async (tx) => {
    const c = await lockOrFail(tx, id);
    await authorize(tx, ctx, c.orgId, 'publish');
    if (c.status !== 'draft') throw conflict('该意见征集已经发布');
    if (c.startsOn < on) throw invalid(`开始日期 ${c.startsOn} 早于发布之日 ${on}，请先把开始日期改为今天或以后`, { field: 'startsOn' });
    await requirePeriod(tx, c.orgId, c);
    await setPublished(tx, id, on, ctx.actor.name);
    await appendAudit(tx, ctx.actor, { orgId: c.orgId, action: 'consultation.publish', targetType: 'consultation', targetId: id, summary: { after: { ...auditView(c), publishedOn: on } } });
  });
}

/**
 * A comment from the portal: taken only while the consultation is open (start to end day). `on` is
 * the day of receipt: today, except for the trusted demo.
 */
export async function submitComment(db: Database, consultationId: number, raw: unknown, requestId: string | null = null, on: string = today()): Promise<number> {
  const input = commentInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const c = await lockOrFail(tx, consultationId);
    const phase = phaseOn(c, on);
    if (!takesComments(phase)) {
      throw conflict(phase === 'scheduled' ? `本次征求意见自 ${c.startsOn} 开始，届时可提交意见` : phase === 'draft' ? '该意见征集尚未发布' : `本次征求意见已于 ${c.endsOn} 截止，不再接收意见`);
    }
    const id = await insertComment(tx, c, input, 'online', on);
    await appendAudit(tx, publicActor(requestId), {
      orgId: c.orgId, action: 'consultation.comment', targetType: 'consultation', targetId: c.id,
      summary: { after: { commentId: id, receivedOn: on, length: input.body.length, named: Boolean(input.name), withContact: Boolean(input.contact) } },
    });
    return id;
  });
}

/** A written comment received by post, fax or in person (公布的联系方式), entered with its day of receipt. */
export async function recordOfflineComment(db: Database, ctx: CommandContext, consultationId: number, raw: unknown): Promise<number> {
  const input = offlineCommentInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const c = await lockOrFail(tx, consultationId);
    await authorize(tx, ctx, c.orgId, 'prepare');
    if (c.status === 'draft') throw conflict('该意见征集尚未发布');
    if (c.status === 'concluded') throw conflict('结果反馈已经公布，不能再登记意见');
    if (input.receivedOn < c.startsOn || input.receivedOn > today()) throw invalid(`收到日期应在 ${c.startsOn} 至今天之间`, { field: 'receivedOn' });
    // a letter posted by the last day may arrive after it: kept, and the clerk says so in the feedback
    const id = await insertComment(tx, c, input, 'offline', input.receivedOn);
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.comment_offline', targetType: 'consultation', targetId: c.id,
      summary: { after: { commentId: id, receivedOn: input.receivedOn, length: input.body.length } },
    });
    return id;
  });
}

/** 审核: approve (shown on the portal, without name or contact) or reject with a reason. */
export async function moderateComment(db: Database, ctx: CommandContext, consultationId: number, raw: unknown): Promise<void> {
  const v = moderationInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const c = await lockOrFail(tx, consultationId);
    const comment = await findComment(tx, v.commentId, { lock: true });
    if (!comment || comment.consultationId !== c.id) throw notFound('该意见');
    await authorize(tx, ctx, c.orgId, 'moderate');
    if (c.status === 'concluded') throw conflict('结果反馈已经公布，意见的审核结果不能再改');
    const status = v.decision === 'approve' ? 'approved' : 'rejected';
    const reason = status === 'rejected' ? v.reason : '';
    await setModeration(tx, comment.id, status, reason, ctx.actor.name);
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.moderate', targetType: 'consultation', targetId: c.id,
      summary: { commentId: comment.id, before: { status: comment.status }, after: { status, ...(reason ? { reason } : {}) } },
    });
  });
}

/** The 结果反馈 as drafted: its summary and points; written once the consultation has closed. */
export async function saveFeedback(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = feedbackInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const c = await lockOrFail(tx, id);
    await authorize(tx, ctx, c.orgId, 'prepare');
    const phase = phaseOn(c, today());
    if (!mayWriteFeedback(phase)) throw conflict(phase === 'concluded' ? '结果反馈已经公布' : `征求意见截止（${c.endsOn}）后才能撰写结果反馈`);
    await setFeedbackSummary(tx, id, input.summary);
    await replaceFeedbackPoints(tx, id, input.points);
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.feedback_save', targetType: 'consultation', targetId: id,
      summary: { after: { points: input.points.length, adopted: input.points.filter((p) => p.result === 'adopted').length } },
    });
  });
}

/**
 * 公布结果反馈: every comment moderated, the feedback written. The number of comments is counted from
 * the records as it stands now and shown with the feedback.
 */
export async function publishFeedback(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOrFail(tx, id);
    await authorize(tx, ctx, c.orgId, 'publish');
    const now = today();
    const phase = phaseOn(c, now);
    if (!mayWriteFeedback(phase)) throw conflict(phase === 'concluded' ? '结果反馈已经公布' : `征求意见截止（${c.endsOn}）后才能公布结果反馈`);
    if (!c.feedbackSummary) throw invalid('请先撰写并保存结果反馈', { field: 'summary' });
    const counts = await countComments(tx, id);
    if (counts.pending) throw conflict(`还有 ${counts.pending} 条意见待审核，请审核后再公布结果反馈`);
    await setConcluded(tx, id, now, ctx.actor.name);
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.feedback_publish', targetType: 'consultation', targetId: id,
      summary: { after: { publishedOn: now, comments: counts.total, approved: counts.approved, rejected: counts.rejected } },
    });
  });
}

/**
 * Links the final document once it is published in the catalogue (by item number or portal address),
 * checked through `hooks.findPublishedDocument`; an empty reference removes the link.
 */
export async function linkFinalDocument(db: Database, ctx: CommandContext, id: number, reference: string, hooks: ConsultationHooks): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOrFail(tx, id);
    await authorize(tx, ctx, c.orgId, 'prepare');
    if (c.status === 'draft') throw conflict('该意见征集尚未发布');
    let doc = null;
    if (reference.trim()) {
      const itemId = itemIdFromReference(reference);
      if (itemId === null) throw invalid('请填写正式文件在主动公开目录中的信息编号，或其门户网址（如 /items/123）', { field: 'finalDocument' });
      if (!hooks.findPublishedDocument) throw new Error('consultations: findPublishedDocument hook not given (src/app/consultation-hooks.ts)');
      doc = await hooks.findPublishedDocument(tx, c.orgId, itemId);
      if (!doc) throw invalid(`本机关主动公开目录中没有已发布的第 ${itemId} 号信息`, { field: 'finalDocument' });
    }
    await setFinalDocument(tx, id, doc);
    await appendAudit(tx, ctx.actor, {
      orgId: c.orgId, action: 'consultation.final_document', targetType: 'consultation', targetId: id,
      summary: { before: c.finalDocument, after: doc },
    });
  });
}

/** An organization's minimum period for a kind of document (issue 20: configurable). */
export async function setMinimumPeriod(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<void> {
  const v = minimumPeriodInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'manage');
    const before = await minimumPeriodOf(tx, orgId, v.kind);
    const after = { days: v.days, unit: v.unit };
    await upsertMinimumPeriod(tx, orgId, v.kind, after, ctx.actor.name);
    await appendAudit(tx, ctx.actor, { orgId, action: 'consultation.settings', targetType: 'organization', targetId: orgId, summary: { kind: KIND_LABELS[v.kind], before, after } });
  });
}
