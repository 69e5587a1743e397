// Changes to messages from the public: each exported function is one transaction that checks the policy
// (when a staff member acts), writes, and appends one audit entry. The writer's contact details and the
// texts are personal data and never go into the audit log: entries name categories, states, dates and
// organizations.
import { appendAudit, type Actor } from '../core/audit/log.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../core/errors.ts';
import { today } from '../core/today.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgById } from '../orgs/store.ts';
import type { InteractionHooks } from './hooks.ts';
import {
  convertApplicationSchema, deadlineSettingsSchema, mergeInputSchema, messageInputSchema, ratingInputSchema, reasonSchema, registerInputSchema,
  replyInputSchema, signInputSchema, splitInputSchema, transferInputSchema, type Category, type Message,
} from './model.ts';
import { interactionPolicy } from './policy.ts';
import { replyDueDate, replyWorkingDays } from './rules/deadline.ts';
import { hashQueryCode, newQueryCode } from './rules/query-code.ts';
import { publication, publicationRefusal } from './rules/redaction.ts';
import { answersMessages, canDo, mergeRefusal, transferRefusal, type Action } from './rules/routing.ts';
import {
  findByQueryCodeHash, findBySubmissionKey, insertAttachment, insertMessage, insertTransfer, loadDeadlineOverrides, lockMessage,
  saveDeadlineSettings, updateMessage, type MessagePatch,
} from './store.ts';

/** The writer acting through the portal (with the query code). */
export const writerActor = (requestId: string | null = null): Actor => ({ userId: null, name: '留言人（网上）', requestId });

export interface NewAttachment {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

type Rule = keyof typeof interactionPolicy;
const POLICY_MESSAGES: Partial<Record<Rule, string>> = {
  handle: '只有本机关的依申请办理人或负责人可以办理留言',
  sign: '留言答复须经机关负责人审核签发：办理人请提交答复草稿，由负责人签发或退回',
  editSettings: '只有本机关负责人或系统管理员可以设置留言答复期限',
};

async function authorize(tx: Queryable, ctx: CommandContext, orgId: number, rule: Rule = 'handle'): Promise<Organization> {
  const org = await findOrgById(tx, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !interactionPolicy[rule](ctx.staff, org)) throw forbidden(POLICY_MESSAGES[rule]);
  return org;
}

/** The due date of a message of `category` whose clock at `orgId` starts on `start` (null: calendar not covered). */
async function dueFor(tx: Queryable, orgId: number, category: Category, start: string): Promise<string | null> {
  const [cal, overrides] = await Promise.all([loadCalendar(tx, orgId), loadDeadlineOverrides(tx, orgId)]);
  return replyDueDate(cal, start, replyWorkingDays(category, overrides));
}

const STATE_REFUSALS: Record<Action, string> = {
  transfer: '只有办理中的留言可以转办', merge: '只有办理中的留言可以合并', split: '已答复或已办结的留言不能拆分',
  draft: '该留言已答复或已办结，不能再起草答复', sign: '没有待签发的答复草稿', return: '没有待签发的答复草稿',
  convert: '只有办理中（尚未起草答复）的留言可以转为其他程序', invalid: '只有办理中的留言可以标记为无效留言', close: '只有已答复的留言可以办结',
  rate: '留言答复后才能评价', publish: '答复经负责人签发后才能公开',
};

/** The day of an act: `on` when given (not before the message's clock, not after today), else today. */
function dayOf(on: string, m: Message): string {
  const now = today();
  if (!on) return now;
  if (on > now) throw invalid('日期不能晚于今天', { field: 'on' });
  if (on < m.clockStartOn) throw invalid(`日期不能早于 ${m.clockStartOn}`, { field: 'on' });
  return on;
}

async function lockOrFail(tx: Queryable, id: number, action?: Action): Promise<Message> {
  const m = await lockMessage(tx, id);
  if (!m) throw notFound('该留言');
  if (action && !canDo(m.state, action)) throw conflict(STATE_REFUSALS[action]);
  return m;
}

// ── Intake ──────────────────────────────────────────────────────────────────

export interface SubmitResult {
  id: number;
  /** Shown once to the writer; null when this was the same form sent again (the code was shown the first time). */
  queryCode: string | null;
}

async function intake(
  db: Database, actor: Actor, org: Organization, raw: unknown,
  facts: { channel: 'website' | 'hotline' | 'letter'; receivedOn: string; submissionKey: string | null; action: string },
  attachments: readonly NewAttachment[],
): Promise<SubmitResult> {
  const input = messageInputSchema.parse(raw);
  if (!answersMessages(org)) throw invalid('只能向行政机关留言');
  if (facts.receivedOn > today()) throw invalid('收到日期不能晚于今天', { field: 'receivedOn' });
  const key = facts.submissionKey?.trim() || null;
  if (key) {
    const earlier = await findBySubmissionKey(db, key);
    if (earlier !== null) return { id: earlier, queryCode: null };
  }
  const queryCode = newQueryCode();
  try {
    const id = await db.transaction(async (tx) => {
      const dueOn = await dueFor(tx, org.id, input.category, facts.receivedOn);
      const id = await insertMessage(tx, {
        orgId: org.id, category: input.category, box: input.box, channel: facts.channel, subject: input.subject, content: input.content,
        contact: { name: input.name, phone: input.phone, email: input.email.toLowerCase() }, consentPublish: input.consentPublish,
        queryCodeHash: hashQueryCode(queryCode), submissionKey: key, receivedOn: facts.receivedOn, dueOn,
      });
      for (const a of attachments) await insertAttachment(tx, org.id, id, a);
      await appendAudit(tx, actor, {
        orgId: org.id, action: facts.action, targetType: 'letter', targetId: id,
        summary: { category: input.category, box: input.box, channel: facts.channel, receivedOn: facts.receivedOn, dueOn, consentPublish: input.consentPublish, attachments: attachments.length },
      });
      return id;
    });
    return { id, queryCode };
  } catch (err) {
    // the same form sent twice at once: the second insert meets the unique submission key
    if (key && !(err instanceof DomainError)) {
      const earlier = await findBySubmissionKey(db, key);
      if (earlier !== null) return { id: earlier, queryCode: null };
    }
    throw err;
  }
}

/** A message written on the portal: received today, its clock starts today. */
export function submitOnline(db: Database, org: Organization, raw: unknown, submissionKey: string | null, attachments: readonly NewAttachment[] = [], requestId: string | null = null): Promise<SubmitResult> {
  return intake(db, writerActor(requestId), org, raw, { channel: 'website', receivedOn: today(), submissionKey, action: 'letter.submit' }, attachments);
}

/** A clerk registers a 12345 work order or a letter, with the day it was received; the clerk passes the query code on. */
export async function registerMessage(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<SubmitResult> {
  const facts = registerInputSchema.parse(raw);
  const org = await authorize(db, ctx, orgId);
  return intake(db, ctx.actor, org, raw, { channel: facts.channel, receivedOn: facts.receivedOn, submissionKey: null, action: 'letter.register' }, []);
}

// ── Routing ─────────────────────────────────────────────────────────────────

/** Transfers the message to the competent agency, with a record; the receiving agency's clock starts today (rules/routing.ts). */
export async function transferMessage(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = transferInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id);
    await authorize(tx, ctx, m.orgId);
    const to = await findOrgById(tx, input.toOrgId);
    const refusal = transferRefusal(m.orgId, to ?? null, m.state);
    if (refusal) throw invalid(refusal, { field: 'toOrgId' });
    const on = dayOf(input.on, m);
    const dueOn = await dueFor(tx, to!.id, m.category, on);
    await insertTransfer(tx, { messageId: id, fromOrgId: m.orgId, toOrgId: to!.id, reason: input.reason, on, byName: ctx.actor.name });
    await updateMessage(tx, id, { orgId: to!.id, clockStartOn: on, dueOn });
    await appendAudit(tx, ctx.actor, {
      orgId: m.orgId, action: 'letter.transfer', targetType: 'letter', targetId: id,
      summary: { fromOrgId: m.orgId, toOrgId: to!.id, transferredOn: on, before: { dueOn: m.dueOn }, after: { dueOn } },
    });
  });
}

/** A duplicate becomes part of another open message of the agency: answered with it, not counted on its own. */
export async function mergeMessage(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = mergeInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id);
    await authorize(tx, ctx, m.orgId);
    const into = input.intoId === id ? m : await lockMessage(tx, input.intoId);
    const refusal = mergeRefusal(m, into ?? null);
    if (refusal) throw invalid(refusal, { field: 'intoId' });
    const on = today();
    await updateMessage(tx, id, { state: 'merged', mergedIntoId: input.intoId, closedOn: on });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.merge', targetType: 'letter', targetId: id, summary: { intoId: input.intoId, on } });
  });
}

/** A message raising several matters: one is split off as a message of its own (same writer, same clock start). */
export async function splitMessage(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<number> {
  const input = splitInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'split');
    await authorize(tx, ctx, m.orgId);
    const dueOn = await dueFor(tx, m.orgId, input.category, m.clockStartOn);
    const part = await insertMessage(tx, {
      orgId: m.orgId, category: input.category, box: m.box, channel: m.channel, subject: input.subject, content: input.content, contact: m.contact,
      consentPublish: m.consentPublish, queryCodeHash: null, submissionKey: null, receivedOn: m.receivedOn, dueOn, splitFromId: id,
    });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.split', targetType: 'letter', targetId: id, summary: { partId: part, category: input.category, dueOn } });
    return part;
  });
}

// ── Reply: drafted by the handler, signed by the head ───────────────────────

export async function draftReply(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = replyInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'draft');
    await authorize(tx, ctx, m.orgId);
    const on = dayOf(input.on, m);
    await updateMessage(tx, id, { state: 'reply_drafted', replyText: input.reply, replyDraftedBy: ctx.actor.name, replyDraftedOn: on, replyReturnedReason: null });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.draft', targetType: 'letter', targetId: id, summary: { on, length: input.reply.length } });
  });
}

export async function returnReply(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = reasonSchema('退回理由').parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'return');
    await authorize(tx, ctx, m.orgId, 'sign');
    await updateMessage(tx, id, { state: 'received', replyReturnedReason: input.reason });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.return', targetType: 'letter', targetId: id, summary: { on: today() } });
  });
}

function publicationPatch(m: Message, hooks: InteractionHooks, on: string): MessagePatch {
  const p = publication(m, hooks.scanPersonalData);
  return { published: true, publishedOn: on, publishedSubject: p.subject, publishedContent: p.content, publishedReply: p.reply };
}

/**
 * The head signs the reply: the message is answered today. With the writer's consent and `publish`
 * (the default), the reply and message are published on the portal, redacted (rules/redaction.ts).
 */
export async function signReply(db: Database, ctx: CommandContext, id: number, opts: { publish?: boolean; on?: string }, hooks: InteractionHooks): Promise<void> {
  const { on: given } = signInputSchema.parse({ on: opts.on ?? '' });
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'sign');
    await authorize(tx, ctx, m.orgId, 'sign');
    const on = dayOf(given, m);
    if (m.replyDraftedOn && on < m.replyDraftedOn) throw invalid(`签发日期不能早于起草日期 ${m.replyDraftedOn}`, { field: 'on' });
    const signed: Message = { ...m, state: 'answered', answeredOn: on };
    const publish = (opts.publish ?? true) && m.consentPublish;
    await updateMessage(tx, id, { state: 'answered', replySignedBy: ctx.actor.name, answeredOn: on, ...(publish ? publicationPatch(signed, hooks, on) : {}) });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.sign', targetType: 'letter', targetId: id, summary: { answeredOn: on, dueOn: m.dueOn, published: publish } });
  });
}

/** Publishes (with consent, once signed) or takes down a published reply. */
export async function setPublication(db: Database, ctx: CommandContext, id: number, publish: boolean, hooks: InteractionHooks): Promise<void> {
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id);
    await authorize(tx, ctx, m.orgId, 'sign');
    const on = today();
    if (publish) {
      const refusal = publicationRefusal(m);
      if (refusal) throw conflict(refusal);
      await updateMessage(tx, id, publicationPatch(m, hooks, on));
    } else {
      if (!m.published) throw conflict('该留言答复未公开');
      await updateMessage(tx, id, { published: false, publishedOn: null, publishedSubject: null, publishedContent: null, publishedReply: null });
    }
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: publish ? 'letter.publish' : 'letter.unpublish', targetType: 'letter', targetId: id, summary: { on } });
  });
}

// ── Other procedures ────────────────────────────────────────────────────────

/**
 * A message that is really a 依申请公开 request becomes an application of the same agency (through the
 * applications module's intake, `hooks.convertToApplication`, in this transaction): the writer's lookup
 * page then names the receipt number. The identity document the application needs (条例第二十九条) is
 * what the handler obtained from the writer.
 */
export async function convertToApplication(db: Database, ctx: CommandContext, id: number, raw: unknown, hooks: InteractionHooks): Promise<{ caseId: number; receiptNo: string }> {
  const input = convertApplicationSchema.parse(raw);
  if (!hooks.convertToApplication) throw new Error('interaction: convertToApplication hook not given (src/app/interaction-hooks.ts)');
  return db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'convert');
    await authorize(tx, ctx, m.orgId);
    const on = today();
    const made = await hooks.convertToApplication!(tx, ctx, {
      orgId: m.orgId, submittedOn: m.clockStartOn,
      applicant: { name: m.contact.name, phone: m.contact.phone, email: m.contact.email, idType: input.idType, idNumber: input.idNumber },
      infoTitle: input.infoTitle || m.subject, infoDescription: m.content, formWanted: input.formWanted, delivery: input.delivery,
    });
    await updateMessage(tx, id, {
      state: 'converted_application', convertedCaseId: made.caseId, convertedReceiptNo: made.receiptNo, answeredOn: on, closedOn: on,
      closeReason: '您的留言属于政府信息公开申请，已按《中华人民共和国政府信息公开条例》登记为申请办理。',
    });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.convert_application', targetType: 'letter', targetId: id, summary: { caseId: made.caseId, receiptNo: made.receiptNo, on } });
    return made;
  });
}

/** A 信访 matter goes to the 信访 channel (条例第三十九条 by analogy): closed, the reason shown to the writer. */
export async function convertToPetition(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = reasonSchema('转信访的理由').parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'convert');
    await authorize(tx, ctx, m.orgId);
    const on = today();
    await updateMessage(tx, id, { state: 'converted_petition', answeredOn: on, closedOn: on, closeReason: input.reason });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.convert_petition', targetType: 'letter', targetId: id, summary: { on } });
  });
}

/** 无效留言 (advertising, abuse, no content): not a valid message for the statistics and §D.4. */
export async function markInvalid(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<void> {
  const input = reasonSchema('无效的理由').parse(raw);
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'invalid');
    await authorize(tx, ctx, m.orgId);
    const on = today();
    await updateMessage(tx, id, { state: 'invalid', closedOn: on, closeReason: input.reason });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.invalid', targetType: 'letter', targetId: id, summary: { on } });
  });
}

export async function closeMessage(db: Database, ctx: CommandContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const m = await lockOrFail(tx, id, 'close');
    await authorize(tx, ctx, m.orgId);
    const on = today();
    await updateMessage(tx, id, { state: 'closed', closedOn: on });
    await appendAudit(tx, ctx.actor, { orgId: m.orgId, action: 'letter.close', targetType: 'letter', targetId: id, summary: { on } });
  });
}

/** The writer rates the answer with the query code (once). */
export async function rateMessage(db: Database, queryCode: string, raw: unknown, requestId: string | null = null): Promise<void> {
  const input = ratingInputSchema.parse(raw);
  await db.transaction(async (tx) => {
    const found = await findByQueryCodeHash(tx, hashQueryCode(queryCode));
    if (!found) throw notFound('该留言');
    const m = await lockOrFail(tx, found.id, 'rate');
    if (m.rating) throw conflict('您已评价过本次答复');
    const on = today();
    await updateMessage(tx, m.id, { rating: input.rating, ratedOn: on });
    await appendAudit(tx, writerActor(requestId), { orgId: m.orgId, action: 'letter.rate', targetType: 'letter', targetId: m.id, summary: { rating: input.rating, on } });
  });
}

/** The organization's reply periods per category (open messages keep the due date they have). */
export async function saveDeadlines(db: Database, ctx: CommandContext, orgId: number, raw: unknown): Promise<void> {
  const days = deadlineSettingsSchema.parse(raw) as Record<Category, number>;
  await db.transaction(async (tx) => {
    await authorize(tx, ctx, orgId, 'editSettings');
    const before = await loadDeadlineOverrides(tx, orgId);
    await saveDeadlineSettings(tx, orgId, days);
    await appendAudit(tx, ctx.actor, { orgId, action: 'letter.deadlines', targetType: 'organization', targetId: orgId, summary: { before, after: days } });
  });
}
