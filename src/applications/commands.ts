// Changes to applications: each exported function is one transaction that locks the case row,
// checks the policy, applies a pure transition (rules/transitions.ts), writes its events and
// the audit entry. Personal data never goes into the audit log: entries name the receipt number.
import { createHash } from 'node:crypto';
import { appendAudit, appendAuditEntries, lockAuditChain, type Actor, type AuditEntryInput } from '../core/audit/log.ts';
import { GroupCommit, type Settled } from '../core/db/group-commit.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { DomainError, forbidden, invalid, notFound } from '../core/errors.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgById } from '../orgs/store.ts';
import { applicationInputSchema, type Applicant, type ApplicationInput, type Case } from './model.ts';
import { applicationPolicy } from './policy.ts';
import { caseClock } from './rules/case-clock.ts';
import { snapshotOf, type CaseSnapshot, type NewEvent } from './rules/case-events.ts';
import { consultationOpinionDue, consultationPeriodStart, feePaymentDue } from './rules/deadline.ts';
import { quoteFee, type FeeBasis } from './rules/fees.ts';
import { normalizeEmail, phoneDigits } from './rules/identity.ts';
import type { SubmissionChannel } from './rules/receipt.ts';
import * as rules from './rules/transitions.ts';
import { checkTemplate, isTemplateKey, type LetterKind } from './letters/rules.ts';
import {
  deleteTemplate,
  lockTemplate,
  upsertTemplate,
  findCase,
  findCases,
  lockReceiptCounter,
  insertAttachment,
  insertCaseUnlessDuplicate,
  type IntakeRow,
  insertEvent,
  listCaseHandlers,
  listEvents,
  lockCase,
  placeInApplicantMonth,
  setHandler,
  updateCaseState,
  type NewAttachment,
} from './store.ts';
import { today } from '../core/today.ts';
import { issueLetters } from './letters/files.ts';
import { letterJobsQueued } from './letters/letter-jobs.ts';

/** The applicant acting through the portal (after proving receipt number and phone or e-mail). */
export const applicantActor = (requestId: string | null = null): Actor => ({ userId: null, name: '申请人（网上）', requestId });

/** Online submissions per applicant and organization in 24 hours before they are refused (abuse, not a legal limit). */
export const APPLICANT_DAILY_LIMIT = Number(process.env.GONGKAI_APPLICANT_DAILY_LIMIT) || 20;

// ── Intake ──────────────────────────────────────────────────────────────────

function applicantOf(input: ApplicationInput): Applicant {
  const natural = input.applicantKind === 'natural';
  return {
    kind: input.applicantKind,
    name: natural ? input.name : input.orgName,
    idType: natural ? input.idType : '',
    idNumber: natural ? input.idNumber.toUpperCase() : '',
    creditCode: natural ? '' : input.creditCode.toUpperCase(),
    legalRepresentative: natural ? '' : input.legalRepresentative,
    contactPerson: natural ? '' : input.contactPerson,
    phone: input.phone,
    email: input.email ? normalizeEmail(input.email) : '',
    address: input.address,
    postalCode: input.postalCode,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * “同一申请人”: the identity document or credit code, else the phone number, else (ledger imports
 * without either) the name.
 */
export function applicantKeyOf(a: Applicant): string {
  const identity = a.kind === 'natural' ? (a.idNumber ? `${a.idType}:${a.idNumber}` : '') : a.creditCode ? `uscc:${a.creditCode}` : '';
  const phone = phoneDigits(a.phone);
  return sha256(`gongkai-applicant|${identity || (phone ? `phone:${phone}` : `name:${a.kind}:${a.name}`)}`);
}

/** The content of an application, for recognizing the same one sent twice. */
export const fingerprintOf = (applicantKey: string, c: Pick<ApplicationInput, 'infoTitle' | 'infoDocNumber' | 'infoDescription' | 'formWanted' | 'delivery'>) =>
  sha256(JSON.stringify([applicantKey, c.infoTitle, c.infoDocNumber, c.infoDescription, c.formWanted, c.delivery]));

export interface IntakeFacts {
  channel: SubmissionChannel;
  submittedOn: string;
  signedForOn?: string | null;
  /** The one-time key of the form: the same key twice is one application. */
  submissionKey?: string | null;
}

export interface IntakeResult {
  case: Case;
  /** True when this was a double submission: the application stored before is returned. */
  duplicate: boolean;
}

/** One application on its way in: checked and prepared, waiting for its group's transaction. */
interface PendingIntake {
  actor: Actor;
  org: Organization;
  year: number;
  transition: rules.Transition;
  input: ApplicationInput;
  applicant: Applicant;
  applicantKey: string;
  applicantColumn: Exclude<ApplicationInput['orgColumn'], ''> | 'natural';
  fingerprint: string;
  submissionKey: string | null;
  facts: IntakeFacts;
  attachments: readonly NewAttachment[];
  limit: number | null;
}

/** The case stored, or the one stored before when this was a duplicate, and the letters queued. */
type IntakeOutcome = { case: Case; duplicate: boolean; letters: number };

async function intake(
  db: Database,
  actor: Actor,
  org: Organization,
  raw: unknown,
  facts: IntakeFacts,
  attachments: readonly NewAttachment[],
  limitPerApplicant: boolean,
): Promise<IntakeResult> {
  const input = applicationInputSchema.parse(raw);
  const now = today();
  const transition = rules.submit({ channel: facts.channel, submittedOn: facts.submittedOn, signedForOn: facts.signedForOn ?? null }, now);
  const applicant = applicantOf(input);
  const applicantKey = applicantKeyOf(applicant);
  const year = Number(now.slice(0, 4));
  const pending: PendingIntake = {
    actor, org, year, transition, input, applicant, applicantKey,
    applicantColumn: input.applicantKind === 'natural' ? 'natural' : (input.orgColumn as Exclude<typeof input.orgColumn, ''>),
    fingerprint: fingerprintOf(applicantKey, input),
    submissionKey: facts.submissionKey?.trim() || null,
    facts, attachments,
    limit: limitPerApplicant ? APPLICANT_DAILY_LIMIT : null,
  };
  const outcome = await intakeGroups(db).submit(`${org.id}:${year}`, pending);
  if (outcome.letters > 0) letterJobsQueued();
  return { case: outcome.case, duplicate: outcome.duplicate };
}

const groupsOfDatabase = new WeakMap<Database, GroupCommit<PendingIntake, IntakeOutcome>>();

/** The group commit of a database's intake: submissions to one organization in one year share a transaction. */
function intakeGroups(db: Database): GroupCommit<PendingIntake, IntakeOutcome> {
  let groups = groupsOfDatabase.get(db);
  if (!groups) {
    groups = new GroupCommit((_key, items) => intakeTogether(db, items));
    groupsOfDatabase.set(db, groups);
  }
  return groups;
}

/**
 * Applications to one organization in one year, stored in one transaction. Only what must be
 * durable before the receipt number is shown is written: each case, its applicant, its events, its
 * attachments and its audit entry. Letters of a step received at once are frozen here too, but
 * rendered after commit (letters/letter-jobs.ts). The counter's row lock is held from the first
 * statement to commit, so that numbers have no gaps; a duplicate or a refused application takes no
 * number, and the next one gets it.
 *
 * The statements that need no earlier answer are sent together (on PostgreSQL, pipelined: one round
 * trip for the group, not one per application) and run in the order sent: the counter's lock, each
 * application's statement, which draws its own number, then the audit chain's lock with the ids of
 * the group's audit entries. Then the entries, the chain's head and the read of the cases go
 * together. On PostgreSQL, with BEGIN sent along with the first ones and then COMMIT, that is three
 * round trips whatever the group's size.
 */
async function intakeTogether(db: Database, items: readonly PendingIntake[]): Promise<Settled<IntakeOutcome>[]> {
  const { org, year } = items[0]!;
  return db.transaction(async (tx) => {
    const sent = [
      lockReceiptCounter(tx, org.id, year),
      ...items.map((p) => {
        const first = p.transition.events[0]!;
        return insertCaseUnlessDuplicate(tx, {
          orgId: org.id, orgCode: org.code, year, state: p.transition.next, channel: p.facts.channel, submittedOn: p.facts.submittedOn,
          receivedOn: p.transition.set.receivedOn ?? null, input: p.input, applicantColumn: p.applicantColumn, submissionKey: p.submissionKey,
          fingerprint: p.fingerprint, applicant: p.applicant, applicantKey: p.applicantKey, event: first, actor: p.actor, limit: p.limit,
        });
      }),
    ];
    const chain = lockAuditChain(tx, org.id, items.length);
    const answers = await Promise.allSettled(sent);
    const failed = answers.find((a) => a.status === 'rejected');
    if (failed) throw failed.reason; // the group is tried again one application at a time
    const rows = answers.slice(1).map((a) => (a as PromiseFulfilledResult<IntakeRow>).value);

    const settled: Settled<{ caseId: number; duplicate: boolean; letters: number }>[] = [];
    const audits: { actor: Actor; input: AuditEntryInput }[] = [];
    for (const [i, p] of items.entries()) {
      const row = rows[i]!;
      if (row.duplicateId !== null) {
        settled.push({ ok: true, value: { caseId: row.duplicateId, duplicate: true, letters: 0 } });
        continue;
      }
      if (row.caseId === null) {
        settled.push({ ok: false, error: new DomainError('RATE_LIMITED', `同一申请人 24 小时内向本机关在线提交的申请已达 ${APPLICANT_DAILY_LIMIT} 件，请稍后再提交，或联系政府信息公开工作机构`) });
        continue;
      }
      const id = row.caseId;
      const [first, ...more] = p.transition.events;
      const inserted = [{ id: row.eventId!, kind: first!.kind, onDate: first!.onDate }];
      for (const e of more) inserted.push({ id: await insertEvent(tx, org.id, id, e, p.actor), kind: e.kind, onDate: e.onDate });
      for (const a of p.attachments) await insertAttachment(tx, org.id, id, a);
      // 当面提交 and the like are received at once: the 接收回执 is issued with them.
      const letters = await issueLetters(tx, org.id, id, inserted);
      audits.push({
        actor: p.actor,
        input: {
          orgId: org.id, action: 'application.submit', targetType: 'application', targetId: id,
          summary: { receiptNo: row.receiptNo, channel: p.facts.channel, state: p.transition.next, attachments: p.attachments.length },
        },
      });
      settled.push({ ok: true, value: { caseId: id, duplicate: false, letters } });
    }
    // The audit entries, and the cases as stored, read in one statement for the whole group.
    const [, cases] = await Promise.all([
      appendAuditEntries(tx, audits, [chain]),
      findCases(tx, settled.flatMap((s) => (s.ok ? [s.value.caseId] : []))),
    ]);
    return settled.map((s) => (s.ok ? { ok: true as const, value: { case: cases.get(s.value.caseId)!, duplicate: s.value.duplicate, letters: s.value.letters } } : s));
  });
}

/** 条例第二十九条: an application sent through the portal (互联网渠道), received once confirmed (第三十一条). */
export function submitOnline(db: Database, org: Organization, raw: unknown, submissionKey: string | null, attachments: readonly NewAttachment[] = [], requestId: string | null = null): Promise<IntakeResult> {
  return intake(db, applicantActor(requestId), org, raw, { channel: 'online', submittedOn: today(), submissionKey }, attachments, true);
}

/** A clerk registers an application that came in person, orally (代为填写), by post or fax. */
export async function registerApplication(db: Database, ctx: CommandContext, orgId: number, raw: unknown, facts: IntakeFacts): Promise<IntakeResult> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !applicationPolicy.handle(ctx.staff, org)) throw forbidden('只有本机关的依申请办理人或负责人可以登记申请');
  return intake(db, ctx.actor, org, raw, facts, [], false);
}

// ── Transitions ─────────────────────────────────────────────────────────────

type Policy = 'handle' | 'approveExtension' | 'overrideObjection' | 'delayReply' | 'signReply';
const POLICY_MESSAGES: Record<Policy, string> = {
  handle: '只有本机关的依申请办理人或负责人可以办理申请',
  approveExtension: '延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款），只有机关负责人可以批准',
  overrideObjection: '第三方不同意公开时决定予以公开（条例第三十二条）须由机关负责人决定',
  delayReply: '确定延迟答复期限（条例第三十五条）须由机关负责人决定',
  signReply: '答复书须经机关负责人审核签发：依申请办理人请提交答复草稿，由机关负责人签发或退回',
};

/** Keys of event data that may go into the audit log: dates, codes and amounts, never free text. */
const AUDIT_KEYS = new Set(['channel', 'receivedOn', 'letterReceivedOn', 'signedForOn', 'arrivedOn', 'confirmedOn', 'dueOn', 'by', 'party', 'result', 'basis', 'quantity', 'amountYuan', 'paymentDueOn', 'workingDays', 'approvedOn', 'notifiedOn', 'dueDate', 'outcome', 'handlerUserId', 'fromState', 'signedBy', 'appealId', 'decidedOn']);
export const auditView = (e: NewEvent) => ({
  kind: e.kind,
  onDate: e.onDate,
  ...Object.fromEntries(Object.entries(e.data).filter(([k]) => AUDIT_KEYS.has(k))),
});

async function transition(
  db: Database,
  ctx: CommandContext,
  caseId: number,
  action: string,
  policy: Policy,
  run: (s: CaseSnapshot, today: string, tx: Queryable, c: Case) => rules.Transition | Promise<rules.Transition>,
): Promise<Case> {
  const c = await db.transaction((tx) => transitionIn(tx, ctx, caseId, action, policy, run));
  // A step that issued a letter queued its DOCX: render it now rather than at the next poll.
  letterJobsQueued();
  return c;
}

/** A transition inside the caller's transaction: lock, policy, events, state, letters, audit. */
async function transitionIn(
  tx: Queryable,
  ctx: CommandContext,
  caseId: number,
  action: string,
  policy: Policy,
  run: (s: CaseSnapshot, today: string, tx: Queryable, c: Case) => rules.Transition | Promise<rules.Transition>,
): Promise<Case> {
  const c = await lockCase(tx, caseId);
  if (!c) throw notFound('该申请');
  if (ctx.staff) {
    const org = (await findOrgById(tx, c.orgId))!;
    if (!applicationPolicy[policy](ctx.staff, org)) throw forbidden(POLICY_MESSAGES[policy]);
  }
  const s = snapshotOf(c, await listEvents(tx, caseId));
  const t = await run(s, today(), tx, c);
  const inserted = [];
  for (const e of t.events) inserted.push({ id: await insertEvent(tx, c.orgId, caseId, e, ctx.actor), kind: e.kind, onDate: e.onDate });
  await updateCaseState(tx, caseId, t.next, t.set);
  // The letter of the step is issued and kept with the case in the same transaction.
  await issueLetters(tx, c.orgId, caseId, inserted);
  await appendAudit(tx, ctx.actor, {
    orgId: c.orgId, action: `application.${action}`, targetType: 'application', targetId: caseId,
    summary: { receiptNo: c.receiptNo, from: c.state, to: t.next, events: t.events.map(auditView) },
  });
  return (await findCase(tx, caseId))!;
}

const dateOr = (d: string | null | undefined, fallback: string) => (d && d.trim() ? d.trim() : fallback);

/** The reply due date in force today, on the organization's calendar and conventions (null while paused or awaiting 补正). */
const replyDueOn = async (tx: Queryable, c: Case, now: string) => caseClock(await loadClockRules(tx, c.orgId), c, await listEvents(tx, c.id), now).dueDate;

/** 条例第三十一条: confirm the legal receipt date. */
export const confirmReceipt = (db: Database, ctx: CommandContext, caseId: number, input: rules.ConfirmInput) =>
  transition(db, ctx, caseId, 'confirm', 'handle', (s, now) =>
    rules.confirmReceipt(s, s.channel === 'post_signed' ? { ...input, signedForOn: dateOr(input.signedForOn, now) } : { ...input, confirmedOn: dateOr(input.confirmedOn, now) }, now),
  );

/** 条例第三十条: the one 补正 notice. */
export const requestCorrection = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; items: string; dueOn: string }) =>
  transition(db, ctx, caseId, 'correction.request', 'handle', (s, now) => rules.requestCorrection(s, { ...input, on: dateOr(input.on, now) }, now));

/** A corrected application handed in or posted, registered by the clerk. */
export const recordCorrection = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; description: string }) =>
  transition(db, ctx, caseId, 'correction.record', 'handle', (s, now) => rules.recordCorrection(s, { on: dateOr(input.on, now), description: input.description, by: 'staff' }, now));

/** The applicant answers the 补正 notice online: received the day it arrives. */
export const correctOnline = (db: Database, caseId: number, description: string, requestId: string | null = null) =>
  transition(db, { actor: applicantActor(requestId), staff: null }, caseId, 'correction.online', 'handle', (s, now) => rules.recordCorrection(s, { on: now, description, by: 'applicant' }, now));

export const abandon = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; note?: string }) =>
  transition(db, ctx, caseId, 'abandon', 'handle', (s, now) => rules.abandon(s, { on: dateOr(input.on, now), note: input.note }, now));

export const startConsultation = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; party: 'third_party' | 'agency'; partyName: string }) =>
  transition(db, ctx, caseId, 'consultation.start', 'handle', (s, now) => rules.startConsultation(s, { ...input, on: dateOr(input.on, now) }, now));

/** The day the consulted party received the letter: its 15 working days run from it. */
export const recordConsultationDelivery = (db: Database, ctx: CommandContext, caseId: number, input: { letterReceivedOn?: string }) =>
  transition(db, ctx, caseId, 'consultation.delivered', 'handle', (s, now) => rules.recordConsultationDelivery(s, { letterReceivedOn: dateOr(input.letterReceivedOn, now) }, now));

/** 第三十二条、第三十四条: the 15 working days of the consulted party, on the organization's calendar and conventions. */
export const endConsultation = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; result: 'agreed' | 'objected' | 'no_reply'; note?: string }) =>
  transition(db, ctx, caseId, 'consultation.end', 'handle', async (s, now, tx, c) => {
    const { cal, conventions } = await loadClockRules(tx, c.orgId);
    const lapsesOn = s.consultationSentOn
      ? consultationOpinionDue(cal, consultationPeriodStart({ from: s.consultationSentOn, letterReceivedOn: s.consultationDeliveredOn }), conventions)
      : now;
    return rules.endConsultation(s, { ...input, on: dateOr(input.on, now), lapsesOn }, now);
  });

/**
 * 国办函〔2020〕109号: a fee notice. 按件: the case's place among the applicant's applications of
 * the month; 按量: the pages. The payment deadline is counted on the organization's calendar.
 */
export const noticeFee = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; basis: FeeBasis; pages?: number }) =>
  transition(db, ctx, caseId, 'fee.notice', 'handle', async (s, now, tx, c) => {
    if (input.basis !== 'by_count' && input.basis !== 'by_pages') throw invalid('请选择计费方式（按件计收或按量计收）');
    const on = dateOr(input.on, now);
    const quantity = input.basis === 'by_count' ? (await placeInApplicantMonth(tx, caseId)).place : Number(input.pages);
    if (input.basis === 'by_pages' && (!Number.isInteger(quantity) || quantity < 1)) throw invalid('请填写页数（正整数）');
    const { cal, conventions } = await loadClockRules(tx, c.orgId);
    const paymentDueOn = feePaymentDue(cal, on, conventions);
    return rules.noticeFee(s, { on, quote: quoteFee(input.basis, quantity), paymentDueOn }, now);
  });

/** 条例第三十二条: the head decides to disclose over the third party's objection; the third party is told in writing. */
export const notifyDisclosure = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; content: string; reasons: string }) =>
  transition(db, ctx, caseId, 'disclosure.notify', 'overrideObjection', (s, now) => rules.notifyDisclosure(s, { on: dateOr(input.on, now), content: input.content, reasons: input.reasons }, now));

/** 条例第三十五条: ask the applicant to explain, by a date before the reply is due (on the organization's calendar and conventions). */
export const requestReasons = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; grounds: string; dueOn: string }) =>
  transition(db, ctx, caseId, 'reasons.request', 'handle', async (s, now, tx, c) =>
    rules.requestReasons(s, { on: dateOr(input.on, now), grounds: input.grounds, dueOn: input.dueOn, replyDueOn: await replyDueOn(tx, c, now) }, now),
  );

/** The applicant's reasons handed in or posted, registered by the clerk. */
export const recordReasons = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; reasons: string }) =>
  transition(db, ctx, caseId, 'reasons.record', 'handle', (s, now) => rules.recordReasons(s, { on: dateOr(input.on, now), reasons: input.reasons, by: 'staff' }, now));

/** The applicant explains online: received the day it arrives. */
export const reasonsOnline = (db: Database, caseId: number, reasons: string, requestId: string | null = null) =>
  transition(db, { actor: applicantActor(requestId), staff: null }, caseId, 'reasons.online', 'handle', (s, now) => rules.recordReasons(s, { on: now, reasons, by: 'applicant' }, now));

/** 条例第三十五条: a later reply date, checked against the due date in force (on the organization's calendar and conventions). */
export const delayReply = (db: Database, ctx: CommandContext, caseId: number, input: { notifiedOn?: string; dueDate: string; reason: string }) =>
  transition(db, ctx, caseId, 'reply.delay', 'delayReply', async (s, now, tx, c) =>
    rules.delayReply(s, { dueDate: input.dueDate, reason: input.reason, notifiedOn: dateOr(input.notifiedOn, now), dueOn: await replyDueOn(tx, c, now) }, now),
  );

export const recordPayment = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string }) =>
  transition(db, ctx, caseId, 'fee.paid', 'handle', (s, now) => rules.recordPayment(s, { on: dateOr(input.on, now) }, now));

export const recordNonPayment = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string }) =>
  transition(db, ctx, caseId, 'fee.unpaid', 'handle', (s, now) => rules.recordNonPayment(s, { on: dateOr(input.on, now) }, now));

export const requestExtension = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; workingDays: number; reason: string }) =>
  transition(db, ctx, caseId, 'extension.request', 'handle', (s, now) => rules.requestExtension(s, { ...input, on: dateOr(input.on, now) }, now));

/** 条例第三十三条第二款: the head approves; the applicant is told (notifiedOn). */
export const approveExtension = (db: Database, ctx: CommandContext, caseId: number, input: { approvedOn?: string; notifiedOn?: string }) =>
  transition(db, ctx, caseId, 'extension.approve', 'approveExtension', (s, now) =>
    rules.approveExtension(s, { approvedOn: dateOr(input.approvedOn, now), notifiedOn: dateOr(input.notifiedOn, now) }, now),
  );

export const rejectExtension = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; reason: string }) =>
  transition(db, ctx, caseId, 'extension.reject', 'approveExtension', (s, now) => rules.rejectExtension(s, { on: dateOr(input.on, now), reason: input.reason }, now));

type ReplyCommandInput = { on?: string; outcome: string; reasons?: string; deliveredBy?: string; template?: string | null };
const replyInput = (input: ReplyCommandInput, now: string) => ({
  on: dateOr(input.on, now), outcome: input.outcome, reasons: input.reasons ?? '', deliveredBy: input.deliveredBy ?? '', template: input.template ?? null,
});

/** The handler drafts the reply (outcome, reasons, letter text): it waits for the head's signature. */
export const draftReply = (db: Database, ctx: CommandContext, caseId: number, input: ReplyCommandInput) =>
  transition(db, ctx, caseId, 'reply.draft', 'handle', (s, now) => rules.draftReply(s, replyInput(input, now), now));

/** The head signs the drafted reply: replied on the signing date, the letter issued and kept. */
export const signReply = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string }) =>
  transition(db, ctx, caseId, 'reply.sign', 'signReply', (s, now) => rules.signReply(s, { on: dateOr(input.on, now), signedBy: ctx.actor.name }, now));

/** The head sends the draft back to the handler with the reason. */
export const returnReply = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; reason: string }) =>
  transition(db, ctx, caseId, 'reply.return', 'signReply', (s, now) => rules.returnReply(s, { on: dateOr(input.on, now), reason: input.reason }, now));

/**
 * 条例第三十六条: the reply with its table 3 outcome in one step — only the head (who drafts and
 * signs at once); a handler drafts (draftReply).
 */
export const reply = (db: Database, ctx: CommandContext, caseId: number, input: ReplyCommandInput) =>
  transition(db, ctx, caseId, 'reply', 'signReply', (s, now) => rules.reply(s, { ...replyInput(input, now), signedBy: ctx.actor.name }, now));

export const closeCase = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string }) =>
  transition(db, ctx, caseId, 'close', 'handle', (s, now) => rules.close(s, { on: dateOr(input.on, now) }, now));

/** The clerk records a withdrawal (by letter, in person). */
export const withdraw = (db: Database, ctx: CommandContext, caseId: number, input: { on?: string; note?: string }) =>
  transition(db, ctx, caseId, 'withdraw', 'handle', (s, now) => rules.withdraw(s, { on: dateOr(input.on, now), by: 'staff', note: input.note }, now));

/** The applicant withdraws online. */
export const withdrawOnline = (db: Database, caseId: number, requestId: string | null = null) =>
  transition(db, { actor: applicantActor(requestId), staff: null }, caseId, 'withdraw.online', 'handle', (s, now) => rules.withdraw(s, { on: now, by: 'applicant' }, now));

/**
 * 重新答复 ordered by a decision recorded in the appeals register (rules/transitions.ts
 * reopenForNewReply): runs in the caller's transaction, so that the appeal's outcome and the case's
 * reopening commit or fail together. The appeals module cannot call it (domains do not import each
 * other); src/app hands it to the appeals commands as their onNewReplyOrdered hook.
 */
export const reopenForNewReplyIn = (tx: Queryable, ctx: CommandContext, caseId: number, input: rules.ReopenInput) =>
  transitionIn(tx, ctx, caseId, 'reopen_for_new_reply', 'handle', (s, now) => rules.reopenForNewReply(s, input, now));

// ── Assignment and notes (no state change) ──────────────────────────────────

export const assignHandler = (db: Database, ctx: CommandContext, caseId: number, handlerUserId: number | null) =>
  transition(db, ctx, caseId, 'assign', 'handle', async (s, now, tx, c) => {
    const handlers = await listCaseHandlers(tx, c.orgId);
    const handler = handlerUserId === null ? null : handlers.find((h) => h.id === handlerUserId);
    if (handlerUserId !== null && !handler) throw invalid('只能分配给本机关的依申请办理人或负责人');
    await setHandler(tx, caseId, handlerUserId);
    return { next: s.state, events: [{ kind: 'assigned', onDate: now, data: { handlerUserId, handlerName: handler?.displayName ?? null } }], set: {} };
  });

export const addNote = (db: Database, ctx: CommandContext, caseId: number, note: string) =>
  transition(db, ctx, caseId, 'note', 'handle', (s, now) => {
    const text = (note ?? '').trim();
    if (!text) throw invalid('请填写备注内容');
    if (text.length > 2000) throw invalid('备注不能超过 2000 个字');
    return { next: s.state, events: [{ kind: 'noted', onDate: now, data: {}, note: text }], set: {} };
  });

// ── Letter templates (no case involved) ─────────────────────────────────────

const TEMPLATE_FORBIDDEN = '只有本机关的机关负责人或系统管理员可以修改文书模板';

async function templateOrg(db: Queryable, ctx: CommandContext, orgId: number): Promise<Organization> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !applicationPolicy.editTemplates(ctx.staff, org)) throw forbidden(TEMPLATE_FORBIDDEN);
  return org;
}

function templateKey(kind: string, variant: string): LetterKind {
  if (!isTemplateKey(kind, variant ?? '')) throw notFound('该文书模板');
  return kind;
}

/** The organization's own wording of one letter, checked (placeholders known and required ones kept). */
export async function saveLetterTemplate(db: Database, ctx: CommandContext, orgId: number, input: { kind: string; variant?: string; text: string }): Promise<void> {
  const variant = input.variant ?? '';
  const kind = templateKey(input.kind, variant);
  const body = checkTemplate(kind, variant, input.text);
  await db.transaction(async (tx) => {
    const org = await templateOrg(tx, ctx, orgId);
    const before = await lockTemplate(tx, org.id, kind, variant);
    await upsertTemplate(tx, org.id, kind, variant, body, ctx.actor);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'letter_template.save', targetType: 'letter_template', targetId: `${kind}:${variant}`,
      summary: { kind, variant, before: before?.body ?? null, after: body },
    });
  });
}

/** Back to the built-in wording (letter-defaults.ts). */
export async function resetLetterTemplate(db: Database, ctx: CommandContext, orgId: number, input: { kind: string; variant?: string }): Promise<void> {
  const variant = input.variant ?? '';
  const kind = templateKey(input.kind, variant);
  await db.transaction(async (tx) => {
    const org = await templateOrg(tx, ctx, orgId);
    const before = await lockTemplate(tx, org.id, kind, variant);
    if (!before) return;
    await deleteTemplate(tx, org.id, kind, variant);
    await appendAudit(tx, ctx.actor, {
      orgId: org.id, action: 'letter_template.reset', targetType: 'letter_template', targetId: `${kind}:${variant}`,
      summary: { kind, variant, before: before.body, after: null },
    });
  });
}
