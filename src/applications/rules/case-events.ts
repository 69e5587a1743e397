// The dated events of a case, and what follows from them: the facts the transitions check
// (a 补正 notice goes out once, an extension is approved once, …) and the inputs of the
// statutory clock (deadline.ts). Nothing derived here is stored.
import { dayNumber, type DateString } from '../../core/date.ts';
import type { CaseState } from '../model.ts';
import type { ClockEvents, ClockPause } from './deadline.ts';
import type { FeeBasis } from './fees.ts';
import type { Outcome } from './outcome.ts';
import type { SubmissionChannel } from './receipt.ts';

/** The data each kind of event carries (application_events.data). */
export interface EventData {
  submitted: { channel: SubmissionChannel };
  received: { receivedOn: DateString; signedForOn?: DateString; arrivedOn?: DateString; confirmedOn?: DateString };
  correction_requested: { items: string; dueOn: DateString };
  corrected: { by: 'applicant' | 'staff'; description: string };
  abandoned: Record<string, never>;
  consultation_sent: { party: 'third_party' | 'agency'; partyName: string };
  /** The day the consulted party received the letter (送达回证, 签收): its 15 working days run from it. */
  consultation_delivered: { letterReceivedOn: DateString };
  consultation_closed: { result: 'agreed' | 'objected' | 'no_reply' };
  /**
   * 条例第三十二条: the third party objected, the agency decides to disclose for the public interest
   * and tells the third party in writing what it will disclose and why.
   */
  disclosure_notified: { partyName: string; content: string; reasons: string };
  fee_notified: { basis: FeeBasis; quantity: number; amountYuan: number; paymentDueOn: DateString; explanation: string };
  fee_paid: Record<string, never>;
  fee_unpaid: Record<string, never>;
  extension_requested: { workingDays: number; reason: string };
  extension_rejected: { reason: string };
  extended: { workingDays: number; approvedOn: DateString; notifiedOn: DateString; reason: string };
  /** 条例第三十五条: the agency asks the applicant to explain the volume or frequency of the applications. */
  reasons_requested: { grounds: string; dueOn: DateString };
  /** 条例第三十五条: the applicant's explanation, given online or recorded by a clerk. */
  reasons_given: { by: 'applicant' | 'staff'; reasons: string };
  /** 条例第三十五条: the later reply date the agency set, decided by the head, and the day the applicant was told. */
  reply_delayed: { dueDate: DateString; notifiedOn: DateString; reason: string };
  /** The handler's draft: what the head reviews; `template` is the letter text if the handler wrote one. */
  reply_drafted: { outcome: Outcome; reasons: string; deliveredBy: string; template: string | null; fromState: CaseState };
  reply_returned: { reason: string };
  /** `signedBy`: the head who signed the reply (签发); absent on imported replies. */
  replied: { outcome: Outcome; reasons: string; deliveredBy: string; template?: string | null; signedBy?: string };
  closed: Record<string, never>;
  withdrawn: { by: 'applicant' | 'staff' };
  /**
   * A 行政复议 decision or a judgment (recorded in the appeals register) revoked the answer or ordered
   * the agency to answer again (责令重新答复): the case is back in work from `onDate`, the day the
   * agency received the decision, with a new reply period (transitions.ts reopenForNewReply).
   * `dueOn`: the deadline the decision states, if it states one.
   */
  reopened_for_new_reply: { appealId: number; appealKind: string; caseNumber: string; body: string; decidedOn: DateString; dueOn: DateString | null; fromState: CaseState };
  assigned: { handlerUserId: number | null; handlerName: string | null };
  noted: Record<string, never>;
}
export type EventKind = keyof EventData;

export const EVENT_LABELS: Record<EventKind, string> = {
  submitted: '提交申请',
  received: '确认收到申请',
  correction_requested: '告知补正',
  corrected: '收到补正',
  abandoned: '逾期未补正，视为放弃',
  consultation_sent: '发出征求意见书',
  consultation_delivered: '征求意见书送达',
  consultation_closed: '征求意见结束',
  disclosure_notified: '决定予以公开并书面告知第三方（条例第三十二条）',
  fee_notified: '发出收费通知',
  fee_paid: '已缴费',
  fee_unpaid: '逾期未缴费',
  extension_requested: '申请延期答复',
  extension_rejected: '延期未获批准',
  reasons_requested: '要求申请人说明理由（条例第三十五条）',
  reasons_given: '收到申请人说明的理由',
  reply_delayed: '确定延迟答复期限（条例第三十五条）',
  extended: '负责人批准延期并告知申请人',
  reply_drafted: '提交答复草稿（待负责人签发）',
  reply_returned: '负责人退回答复草稿',
  replied: '作出答复',
  closed: '办结归档',
  withdrawn: '申请人撤回申请',
  reopened_for_new_reply: '因复议决定或判决重新答复',
  assigned: '分配办理人',
  noted: '备注',
};

/** An event to be written: its kind, legal date, data and free note. */
export type NewEvent = { [K in EventKind]: { kind: K; onDate: DateString; data: EventData[K]; note?: string } }[EventKind];

/** An event as stored (data untyped until narrowed by kind). */
export interface StoredEvent {
  kind: string;
  onDate: DateString;
  data: Record<string, unknown>;
}

/** Events that are not steps of the procedure: they do not move the clock or bound later dates. */
const BOOKKEEPING: readonly string[] = ['assigned', 'noted', 'extension_requested', 'extension_rejected'];

/** What the transitions need to know about a case beyond its state. */
export interface CaseSnapshot {
  state: CaseState;
  channel: SubmissionChannel;
  submittedOn: DateString;
  receivedOn: DateString | null;
  /** The latest date of a procedural event: a new one may not be dated earlier. */
  lastEventOn: DateString;
  /** 第三十条 一次性告知: at most one 补正 notice. */
  correctionRequested: boolean;
  corrected: boolean;
  /** The applicant's deadline stated in the 补正 notice. */
  correctionDueOn: DateString | null;
  /** An extension asked for and not yet decided by the head. */
  extensionRequest: { workingDays: number; reason: string } | null;
  extended: boolean;
  /** 条例第三十五条: the applicant was asked to explain (once), with this deadline. */
  reasonsRequest: { dueOn: DateString } | null;
  /** 条例第三十五条: the applicant's explanation has been received. */
  reasonsGiven: boolean;
  /** 条例第三十五条: a later reply date has been set (once). */
  replyDelayed: boolean;
  /** The day the open consultation letter was sent (its 15 working days run from it). */
  consultationSentOn: DateString | null;
  /** The day the consulted party received the open consultation's letter, once recorded. */
  consultationDeliveredOn: DateString | null;
  /** 条例第三十二条: the third party of the latest third-party consultation did not agree, and who it is. */
  thirdPartyObjection: { partyName: string } | null;
  /** 条例第三十二条: the third party has been told in writing of the decision to disclose. */
  disclosureNotified: boolean;
  feeNotified: boolean;
  /** The payment deadline stated in the fee notice. */
  feePaymentDueOn: DateString | null;
  /** A reply drafted by the handler and not yet signed or sent back by the head. */
  replyDraft: EventData['reply_drafted'] | null;
}

const of = <K extends EventKind>(e: StoredEvent, _k: K) => e.data as unknown as EventData[K];

export function snapshotOf(c: { state: CaseState; channel: SubmissionChannel; submittedOn: DateString; receivedOn: DateString | null }, events: readonly StoredEvent[]): CaseSnapshot {
  const s: CaseSnapshot = {
    state: c.state,
    channel: c.channel,
    submittedOn: c.submittedOn,
    receivedOn: c.receivedOn,
    lastEventOn: c.submittedOn,
    correctionRequested: false,
    corrected: false,
    correctionDueOn: null,
    extensionRequest: null,
    extended: false,
    reasonsRequest: null,
    reasonsGiven: false,
    replyDelayed: false,
    consultationSentOn: null,
    consultationDeliveredOn: null,
    thirdPartyObjection: null,
    disclosureNotified: false,
    feeNotified: false,
    feePaymentDueOn: null,
    replyDraft: null,
  };
  let consulted: EventData['consultation_sent'] | null = null;
  for (const e of events) {
    if (!BOOKKEEPING.includes(e.kind) && dayNumber(e.onDate) > dayNumber(s.lastEventOn)) s.lastEventOn = e.onDate;
    switch (e.kind) {
      case 'correction_requested':
        s.correctionRequested = true;
        s.correctionDueOn = of(e, 'correction_requested').dueOn;
        break;
      case 'corrected':
        s.corrected = true;
        break;
      case 'extension_requested':
        s.extensionRequest = { workingDays: of(e, 'extension_requested').workingDays, reason: of(e, 'extension_requested').reason };
        break;
      case 'extension_rejected':
        s.extensionRequest = null;
        break;
      case 'extended':
        s.extensionRequest = null;
        s.extended = true;
        break;
      case 'reasons_requested':
        s.reasonsRequest = { dueOn: of(e, 'reasons_requested').dueOn };
        break;
      case 'reasons_given':
        s.reasonsGiven = true;
        break;
      case 'reply_delayed':
        s.replyDelayed = true;
        break;
      case 'consultation_sent':
        s.consultationSentOn = e.onDate;
        s.consultationDeliveredOn = null;
        consulted = of(e, 'consultation_sent');
        break;
      case 'consultation_closed':
        s.consultationSentOn = null;
        s.consultationDeliveredOn = null;
        if (consulted?.party === 'third_party') {
          s.thirdPartyObjection = of(e, 'consultation_closed').result === 'objected' ? { partyName: consulted.partyName } : null;
          s.disclosureNotified = false;
        }
        break;
      case 'consultation_delivered':
        s.consultationDeliveredOn = of(e, 'consultation_delivered').letterReceivedOn;
        break;
      case 'disclosure_notified':
        s.disclosureNotified = true;
        break;
      case 'fee_notified':
        s.feeNotified = true;
        s.feePaymentDueOn = of(e, 'fee_notified').paymentDueOn;
        break;
      case 'reply_drafted':
        s.replyDraft = of(e, 'reply_drafted');
        break;
      case 'reply_returned':
      case 'replied':
        s.replyDraft = null;
        break;
      // 重新答复: a new round of the procedure — its own extension, consultation, fee and draft
      // (the application and its 补正 stay as they were: 第三十条's one notice was given)
      case 'reopened_for_new_reply':
        Object.assign(s, {
          extensionRequest: null, extended: false, reasonsRequest: null, reasonsGiven: false, replyDelayed: false,
          consultationSentOn: null, consultationDeliveredOn: null, thirdPartyObjection: null, disclosureNotified: false,
          feeNotified: false, feePaymentDueOn: null, replyDraft: null,
        } satisfies Partial<CaseSnapshot>);
        consulted = null;
        break;
    }
  }
  return s;
}

/**
 * The inputs of the statutory clock (deadline.ts) from the events, or null while the
 * application is not legally received (第三十一条).
 */
export function clockEventsOf(receivedOn: DateString | null, events: readonly StoredEvent[]): ClockEvents | null {
  if (receivedOn === null) return null;
  let clock: ClockEvents & { pauses: ClockPause[] } = { receivedOn, pauses: [] };
  let openConsultation: ClockPause | null = null;
  let openFee: ClockPause | null = null;
  for (const e of events) {
    switch (e.kind) {
      case 'correction_requested':
        clock.correction = { noticeSentOn: e.onDate, correctedOn: null };
        break;
      case 'corrected':
        if (clock.correction) clock.correction = { ...clock.correction, correctedOn: e.onDate };
        break;
      case 'extended': {
        const d = of(e, 'extended');
        clock.extension = { workingDays: d.workingDays, approvedOn: d.approvedOn, notifiedOn: d.notifiedOn };
        break;
      }
      // 条例第三十五条：确定延迟答复的合理期限并告知申请人
      case 'reply_delayed': {
        const d = of(e, 'reply_delayed');
        clock.delayedReply = { dueDate: d.dueDate, notifiedOn: d.notifiedOn };
        break;
      }
      // 条例第三十三条第三款：征求第三方和其他机关意见所需时间不计算在答复期限内
      case 'consultation_sent': {
        const kind = of(e, 'consultation_sent').party === 'agency' ? 'agency_consultation' : 'third_party_consultation';
        openConsultation = { kind, from: e.onDate, to: null };
        clock.pauses.push(openConsultation);
        break;
      }
      case 'consultation_delivered':
        if (openConsultation) openConsultation.letterReceivedOn = of(e, 'consultation_delivered').letterReceivedOn;
        break;
      case 'consultation_closed':
        if (openConsultation) openConsultation.to = e.onDate;
        openConsultation = null;
        break;
      // 国办函〔2020〕109号: from the fee notice to payment the clock stands still (unverified rule, §C)
      case 'fee_notified':
        openFee = { kind: 'fee_notice', from: e.onDate, to: null };
        clock.pauses.push(openFee);
        break;
      case 'fee_paid':
      case 'fee_unpaid':
        if (openFee) openFee.to = e.onDate;
        openFee = null;
        break;
      // 重新答复: a new clock from the day the decision ordering it was received (transitions.ts
      // reopenForNewReply says why); what paused or extended the first one is history.
      case 'reopened_for_new_reply': {
        const d = of(e, 'reopened_for_new_reply');
        clock = { receivedOn: e.onDate, pauses: [], orderedDueDate: d.dueOn };
        openConsultation = null;
        openFee = null;
        break;
      }
    }
  }
  return clock;
}

/** The day the reply went out, if it has. */
export function repliedOnOf(events: readonly StoredEvent[]): DateString | null {
  // after a 重新答复, only the new reply answers the new period
  const from = events.map((e) => e.kind).lastIndexOf('reopened_for_new_reply') + 1;
  return events.slice(from).find((e) => e.kind === 'replied')?.onDate ?? null;
}
