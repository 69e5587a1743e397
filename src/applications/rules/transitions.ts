// The states of an application and the transitions between them — pure functions of the case's
// snapshot (case-events.ts), the clerk's input and today's date. Each returns the next state,
// the events to record and the case columns that change, or throws a DomainError with a
// Chinese message. The commands apply them in one transaction with the audit entry.
//
//   submitted → received → [correction_requested → corrected | abandoned]
//             → [consulting → consulted] → [fee_notified → paid | unpaid] → [extended]
//             → reply_drafted (handler) → replied (head signs; or sends the draft back) → closed;
//             withdrawn at any point before the reply. Steps that keep the state: telling a third
//             party that objected of the decision to disclose (第三十二条), asking for the reasons
//             of a flood of applications and setting a later reply date (第三十五条).
import { dayNumber, isValidDate, type DateString } from '../../core/date.ts';
import { conflict, invalid } from '../../core/errors.ts';
import { STATE_LABELS, type CaseState } from '../model.ts';
import type { CaseSnapshot, NewEvent } from './case-events.ts';
import { MAX_EXTENSION_WORKING_DAYS } from './deadline.ts';
import type { FeeQuote } from './fees.ts';
import { OUTCOMES, REPLY_OUTCOMES, WITHDRAWN_OUTCOME, type Outcome, type ReplyOutcome } from './outcome.ts';
import { legalReceiptDate, type SubmissionChannel } from './receipt.ts';
import { checkTemplate } from '../letters/rules.ts';

export interface Transition {
  next: CaseState;
  events: NewEvent[];
  /** Case columns that change with the state. */
  set: { receivedOn?: DateString; concludedOn?: DateString; outcome?: Outcome };
}

/** States in which the agency works on the request (the clock runs unless paused). */
export const PROCESSING_STATES: readonly CaseState[] = ['received', 'corrected', 'consulted', 'paid', 'extended'];
/** States after which nothing but closing remains. */
export const CONCLUDED_STATES: readonly CaseState[] = ['replied', 'abandoned', 'unpaid', 'withdrawn', 'closed'];
/** 撤回: possible at any point before the reply. */
export const WITHDRAWABLE_STATES: readonly CaseState[] = ['submitted', 'received', 'correction_requested', 'corrected', 'consulting', 'consulted', 'fee_notified', 'paid', 'extended', 'reply_drafted'];

function requireState(s: CaseSnapshot, allowed: readonly CaseState[], action: string): void {
  if (!allowed.includes(s.state)) throw conflict(`该申请当前状态为“${STATE_LABELS[s.state]}”，不能${action}`);
}

const cmp = (a: DateString, b: DateString) => dayNumber(a) - dayNumber(b);

/** A procedural date: valid, not in the future, not before the case's previous step. */
function checkDate(s: CaseSnapshot, on: DateString, today: DateString, what: string): DateString {
  if (!isValidDate(on)) throw invalid(`${what}无效，请使用 YYYY-MM-DD 格式`);
  if (cmp(on, today) > 0) throw invalid(`${what}（${on}）不能晚于今天（${today}）`);
  if (cmp(on, s.lastEventOn) < 0) throw invalid(`${what}（${on}）不能早于上一办理环节的日期（${s.lastEventOn}）`);
  return on;
}

const requireText = (text: string | undefined, message: string) => {
  const t = (text ?? '').trim();
  if (!t) throw invalid(message);
  return t;
};

// ── Intake ────────────────────────────────────────────────────────────────

export interface SubmitInput {
  channel: SubmissionChannel;
  submittedOn: DateString;
  /** post_signed registered by a clerk: the day the agency signed for it. */
  signedForOn?: DateString | null;
}

/**
 * 条例第二十九条、第三十一条: a new application. Handed in (当面提交, 口头提出) it is received on
 * the day; a signed-for post item on the day signed; online, fax and ordinary letters wait for
 * confirmation (confirmReceipt).
 */
export function submit(input: SubmitInput, today: DateString): Transition {
  if (!isValidDate(input.submittedOn)) throw invalid('提交日期无效，请使用 YYYY-MM-DD 格式');
  if (cmp(input.submittedOn, today) > 0) throw invalid(`提交日期（${input.submittedOn}）不能晚于今天（${today}）`);
  if (input.signedForOn != null && !isValidDate(input.signedForOn)) throw invalid('签收日期无效，请使用 YYYY-MM-DD 格式');
  if (input.signedForOn != null && cmp(input.signedForOn, today) > 0) throw invalid(`签收日期（${input.signedForOn}）不能晚于今天（${today}）`);
  const receivedOn = legalReceiptDate({ channel: input.channel, submittedOn: input.submittedOn, signedForOn: input.signedForOn ?? null });
  const events: NewEvent[] = [{ kind: 'submitted', onDate: input.submittedOn, data: { channel: input.channel } }];
  if (receivedOn === null) return { next: 'submitted', events, set: {} };
  events.push({ kind: 'received', onDate: receivedOn, data: { receivedOn, ...(input.signedForOn ? { signedForOn: input.signedForOn } : {}) } });
  return { next: 'received', events, set: { receivedOn } };
}

export interface ConfirmInput {
  /** online, fax, ordinary letter: the day both sides confirmed (双方确认之日). */
  confirmedOn?: DateString | null;
  /** ordinary letter: the day it arrived (the office must confirm that same day). */
  arrivedOn?: DateString | null;
  /** post_signed: the day the agency signed for it. */
  signedForOn?: DateString | null;
  note?: string;
}

/** 条例第三十一条: the legal receipt date is fixed — a submission is not received until then. */
export function confirmReceipt(s: CaseSnapshot, input: ConfirmInput, today: DateString): Transition {
  requireState(s, ['submitted'], '确认收到');
  const dates = { signedForOn: input.signedForOn ?? null, arrivedOn: input.arrivedOn ?? null, confirmedOn: input.confirmedOn ?? null };
  for (const [k, label] of [['signedForOn', '签收日期'], ['arrivedOn', '信件到达日期'], ['confirmedOn', '确认日期']] as const) {
    if (dates[k] !== null) checkDate(s, dates[k], today, label);
  }
  const receivedOn = legalReceiptDate({ channel: s.channel, submittedOn: s.submittedOn, ...dates });
  if (receivedOn === null) {
    throw invalid(s.channel === 'post_signed' ? '请填写签收日期（条例第三十一条第（二）项）' : '请填写与申请人确认的日期（条例第三十一条）');
  }
  const data = { receivedOn, ...Object.fromEntries(Object.entries(dates).filter(([, v]) => v !== null)) };
  return { next: 'received', events: [{ kind: 'received', onDate: receivedOn, data, note: input.note ?? '' }], set: { receivedOn } };
}

// ── 补正 (条例第三十条) ─────────────────────────────────────────────────────

export interface CorrectionRequestInput {
  on: DateString;
  /** 说明需要补正的事项 — every defect in one notice (一次性告知). */
  items: string;
  /** 合理的补正期限: the applicant's deadline. */
  dueOn: DateString;
}

/** 条例第三十条: one notice listing every defect, with a reasonable deadline; the clock stops. */
export function requestCorrection(s: CaseSnapshot, input: CorrectionRequestInput, today: DateString): Transition {
  requireState(s, ['received'], '告知补正');
  if (s.correctionRequested) throw conflict('补正应当一次性告知（条例第三十条），本申请已告知过补正');
  const on = checkDate(s, input.on, today, '补正告知日期');
  const items = requireText(input.items, '请写明需要补正的事项（条例第三十条）');
  if (!isValidDate(input.dueOn) || cmp(input.dueOn, on) <= 0) throw invalid('补正期限应为告知日期之后的日期');
  return { next: 'correction_requested', events: [{ kind: 'correction_requested', onDate: on, data: { items, dueOn: input.dueOn } }], set: {} };
}

/** 条例第三十条：答复期限自行政机关收到补正的申请之日起计算. */
export function recordCorrection(s: CaseSnapshot, input: { on: DateString; description?: string; by: 'applicant' | 'staff' }, today: DateString): Transition {
  requireState(s, ['correction_requested'], '登记补正');
  const on = checkDate(s, input.on, today, '收到补正日期');
  const description = requireText(input.description, '请填写补正后的申请内容');
  return { next: 'corrected', events: [{ kind: 'corrected', onDate: on, data: { by: input.by, description } }], set: {} };
}

/** 条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请 — only after the stated deadline. */
export function abandon(s: CaseSnapshot, input: { on: DateString; note?: string }, today: DateString): Transition {
  requireState(s, ['correction_requested'], '按逾期未补正处理');
  const on = checkDate(s, input.on, today, '处理日期');
  if (s.correctionDueOn && cmp(on, s.correctionDueOn) <= 0) throw conflict(`补正期限（${s.correctionDueOn}）尚未届满，不能视为放弃申请`);
  return {
    next: 'abandoned',
    events: [{ kind: 'abandoned', onDate: on, data: {}, note: input.note ?? '' }],
    set: { concludedOn: on, outcome: 'other.noCorrection' },
  };
}

// ── 征求意见 (条例第三十二条、第三十四条) ──────────────────────────────────────

export interface ConsultationInput {
  on: DateString;
  party: 'third_party' | 'agency';
  partyName: string;
}

/** 第三十二条（第三方）、第三十四条（其他机关）: written consultation; 第三十三条第三款 pauses the clock. */
export function startConsultation(s: CaseSnapshot, input: ConsultationInput, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '征求意见');
  const on = checkDate(s, input.on, today, '发出征求意见书日期');
  if (input.party !== 'third_party' && input.party !== 'agency') throw invalid('请选择征求意见的对象（第三方或其他机关）');
  const partyName = requireText(input.partyName, '请填写被征求意见的第三方或机关名称');
  return { next: 'consulting', events: [{ kind: 'consultation_sent', onDate: on, data: { party: input.party, partyName } }], set: {} };
}

/**
 * 第三十二条、第三十四条：自收到征求意见书之日起15个工作日 — the day the consulted party received the
 * letter (a delivery receipt, a signature for the post), once, while the consultation is open.
 */
export function recordConsultationDelivery(s: CaseSnapshot, input: { letterReceivedOn: DateString }, today: DateString): Transition {
  requireState(s, ['consulting'], '登记征求意见书送达日期');
  if (s.consultationDeliveredOn) throw conflict(`已登记征求意见书于 ${s.consultationDeliveredOn} 送达`);
  const on = checkDate(s, input.letterReceivedOn, today, '征求意见书送达日期');
  return { next: 'consulting', events: [{ kind: 'consultation_delivered', onDate: on, data: { letterReceivedOn: on } }], set: {} };
}

export interface ConsultationEnd {
  on: DateString;
  result: 'agreed' | 'objected' | 'no_reply';
  note?: string;
  /** The last day of the consulted party's 15 working days (consultationOpinionDue). */
  lapsesOn: DateString;
}

/**
 * The opinion arrived, or the 15 working days lapsed (第三十二条: the agency decides; 第三十四条:
 * silence counts as consent) — which cannot be recorded before they have. The clock resumes
 * (and the pause never outlasts the 15 days: deadline.ts).
 */
export function endConsultation(s: CaseSnapshot, input: ConsultationEnd, today: DateString): Transition {
  requireState(s, ['consulting'], '结束征求意见');
  const on = checkDate(s, input.on, today, '征求意见结束日期');
  if (!['agreed', 'objected', 'no_reply'].includes(input.result)) throw invalid('请选择征求意见的结果');
  if (input.result === 'no_reply' && cmp(on, input.lapsesOn) <= 0) {
    throw invalid(`征求意见期限至 ${input.lapsesOn} 届满（15个工作日），届满后方可按“逾期未提出意见”结束`);
  }
  return { next: 'consulted', events: [{ kind: 'consultation_closed', onDate: on, data: { result: input.result }, note: input.note ?? '' }], set: {} };
}

/**
 * 条例第三十二条：第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开可能对公共利益造成
 * 重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方 — before the reply.
 */
export function notifyDisclosure(s: CaseSnapshot, input: { on: DateString; content: string; reasons: string }, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '告知第三方决定公开');
  if (!s.thirdPartyObjection) throw conflict('第三方不同意公开时，才需将决定公开的内容和理由书面告知第三方（条例第三十二条）');
  if (s.disclosureNotified) throw conflict('已将决定公开的内容和理由书面告知第三方');
  const on = checkDate(s, input.on, today, '告知第三方日期');
  const content = requireText(input.content, '请写明决定公开的政府信息内容');
  const reasons = requireText(input.reasons, '请写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）');
  return { next: s.state, events: [{ kind: 'disclosure_notified', onDate: on, data: { partyName: s.thirdPartyObjection.partyName, content, reasons } }], set: {} };
}

// ── 说明理由、延迟答复 (条例第三十五条) ───────────────────────────────────────

export interface ReasonsRequestInput {
  on: DateString;
  /** Why the number or frequency of the applications is clearly beyond reason. */
  grounds: string;
  /** The applicant's deadline to explain. */
  dueOn: DateString;
  /** The reply due date in force today (caseClock), null while it cannot be known. */
  replyDueOn: DateString | null;
}

/**
 * 条例第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由
 * — once, with a deadline before the reply is due. The Regulation does not stop the clock for it;
 * if the reasons are accepted and time is short, the head sets a later date (delayReply).
 */
export function requestReasons(s: CaseSnapshot, input: ReasonsRequestInput, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '要求说明理由');
  if (s.reasonsRequest) throw conflict('本申请已要求过申请人说明理由');
  const on = checkDate(s, input.on, today, '告知日期');
  const grounds = requireText(input.grounds, '请写明申请数量、频次明显超过合理范围的情况（条例第三十五条）');
  if (!isValidDate(input.dueOn) || cmp(input.dueOn, on) <= 0) throw invalid('说明理由的期限应为告知日期之后的日期');
  if (input.replyDueOn && cmp(input.dueOn, input.replyDueOn) >= 0) throw invalid(`说明理由的期限应早于答复期限 ${input.replyDueOn}，以便按期答复`);
  return { next: s.state, events: [{ kind: 'reasons_requested', onDate: on, data: { grounds, dueOn: input.dueOn } }], set: {} };
}

/** The applicant's explanation: online until the stated deadline, or registered by a clerk. */
export function recordReasons(s: CaseSnapshot, input: { on: DateString; reasons: string; by: 'applicant' | 'staff' }, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '登记申请人说明的理由');
  if (!s.reasonsRequest) throw conflict('本申请没有要求申请人说明理由');
  if (s.reasonsGiven) throw conflict('申请人已说明过理由');
  const on = checkDate(s, input.on, today, '收到说明日期');
  if (input.by === 'applicant' && cmp(on, s.reasonsRequest.dueOn) > 0) throw conflict(`说明理由的期限（${s.reasonsRequest.dueOn}）已过，请与本机关联系`);
  const reasons = requireText(input.reasons, '请填写申请人说明的理由');
  return { next: s.state, events: [{ kind: 'reasons_given', onDate: on, data: { by: input.by, reasons } }], set: {} };
}

export interface DelayedReplyInput {
  /** The later reply date the agency set. */
  dueDate: DateString;
  notifiedOn: DateString;
  reason: string;
  /** The reply due date in force today (caseClock), null while it cannot be known. */
  dueOn: DateString | null;
}

/**
 * 条例第三十五条: the applicant's volume or frequency of applications is clearly beyond reason,
 * the reasons they gave are accepted, but the reply cannot be made within 第三十三条's period —
 * the agency sets a reasonable later date and tells the applicant before the period ends. Once.
 */
export function delayReply(s: CaseSnapshot, input: DelayedReplyInput, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '确定延迟答复期限');
  if (s.replyDelayed) throw conflict('该申请已确定过延迟答复期限');
  if (!s.reasonsGiven) throw conflict('应先要求申请人说明理由；申请人说明理由、本机关认为理由合理的，方可确定延迟答复期限（条例第三十五条）');
  const notifiedOn = checkDate(s, input.notifiedOn, today, '告知申请人日期');
  if (!isValidDate(input.dueDate)) throw invalid('延迟答复日期无效，请使用 YYYY-MM-DD 格式');
  const reason = requireText(input.reason, '请写明无法在法定期限内答复的原因（条例第三十五条）');
  if (!input.dueOn) throw conflict('答复期限尚未确定（待补正或暂停计时中），不能确定延迟答复期限');
  if (cmp(notifiedOn, input.dueOn) > 0) throw invalid(`延迟答复须在答复期限 ${input.dueOn} 届满前告知申请人，已经逾期`);
  if (cmp(input.dueDate, input.dueOn) <= 0) throw invalid(`延迟答复日期（${input.dueDate}）应晚于现在的答复期限 ${input.dueOn}`);
  return { next: s.state, events: [{ kind: 'reply_delayed', onDate: notifiedOn, data: { dueDate: input.dueDate, notifiedOn, reason } }], set: {} };
}

// ── 信息处理费 (条例第四十二条, 国办函〔2020〕109号) ───────────────────────────

/** A fee notice (收费通知书) with the amount and the payment deadline; the clock stops until payment. */
export function noticeFee(s: CaseSnapshot, input: { on: DateString; quote: FeeQuote; paymentDueOn: DateString }, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '发出收费通知');
  if (s.feeNotified) throw conflict('本申请已发出过收费通知');
  const on = checkDate(s, input.on, today, '收费通知日期');
  if (input.quote.amountYuan <= 0) throw invalid(`${input.quote.explanation}，无需收费`);
  if (!isValidDate(input.paymentDueOn) || cmp(input.paymentDueOn, on) <= 0) throw invalid('缴费期限应为通知日期之后的日期');
  const { basis, quantity, amountYuan, explanation } = input.quote;
  return { next: 'fee_notified', events: [{ kind: 'fee_notified', onDate: on, data: { basis, quantity, amountYuan, paymentDueOn: input.paymentDueOn, explanation } }], set: {} };
}

export function recordPayment(s: CaseSnapshot, input: { on: DateString }, today: DateString): Transition {
  requireState(s, ['fee_notified'], '登记缴费');
  const on = checkDate(s, input.on, today, '缴费日期');
  return { next: 'paid', events: [{ kind: 'fee_paid', onDate: on, data: {} }], set: {} };
}

/** 逾期未按收费通知要求缴纳费用、行政机关不再处理 — only after the payment deadline. */
export function recordNonPayment(s: CaseSnapshot, input: { on: DateString }, today: DateString): Transition {
  requireState(s, ['fee_notified'], '按逾期未缴费处理');
  const on = checkDate(s, input.on, today, '处理日期');
  if (s.feePaymentDueOn && cmp(on, s.feePaymentDueOn) <= 0) throw conflict(`缴费期限（${s.feePaymentDueOn}）尚未届满`);
  return { next: 'unpaid', events: [{ kind: 'fee_unpaid', onDate: on, data: {} }], set: { concludedOn: on, outcome: 'other.feeNotPaid' } };
}

// ── 延期 (条例第三十三条第二款) ──────────────────────────────────────────────

const EXTENSION_ASKABLE: readonly CaseState[] = [...PROCESSING_STATES, 'consulting', 'fee_notified'];

/** The handler asks for an extension of at most 20 working days, with the reason. */
export function requestExtension(s: CaseSnapshot, input: { on: DateString; workingDays: number; reason: string }, today: DateString): Transition {
  requireState(s, EXTENSION_ASKABLE, '申请延期');
  if (s.extended) throw conflict('本申请已延期一次，延长的期限最长不得超过20个工作日（条例第三十三条第二款）');
  if (s.extensionRequest) throw conflict('已有待负责人审批的延期申请');
  const on = checkDate(s, input.on, today, '申请日期');
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw invalid(`延长的期限应为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（条例第三十三条第二款）`);
  }
  const reason = requireText(input.reason, '请填写延期理由');
  return { next: s.state, events: [{ kind: 'extension_requested', onDate: on, data: { workingDays: input.workingDays, reason } }], set: {} };
}

/**
 * 条例第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人.
 * The state becomes extended unless a consultation or a fee notice is still open.
 */
export function approveExtension(s: CaseSnapshot, input: { approvedOn: DateString; notifiedOn: DateString }, today: DateString): Transition {
  requireState(s, EXTENSION_ASKABLE, '批准延期');
  if (!s.extensionRequest) throw conflict('没有待审批的延期申请');
  const approvedOn = checkDate(s, input.approvedOn, today, '批准日期');
  const notifiedOn = checkDate(s, input.notifiedOn, today, '告知申请人日期');
  if (cmp(notifiedOn, approvedOn) < 0) throw invalid('应先经负责人同意，再告知申请人：告知日期不能早于批准日期');
  const { workingDays, reason } = s.extensionRequest;
  return {
    next: PROCESSING_STATES.includes(s.state) ? 'extended' : s.state,
    events: [{ kind: 'extended', onDate: notifiedOn, data: { workingDays, approvedOn, notifiedOn, reason } }],
    set: {},
  };
}

export function rejectExtension(s: CaseSnapshot, input: { on: DateString; reason: string }, today: DateString): Transition {
  requireState(s, EXTENSION_ASKABLE, '审批延期');
  if (!s.extensionRequest) throw conflict('没有待审批的延期申请');
  const on = checkDate(s, input.on, today, '审批日期');
  return { next: s.state, events: [{ kind: 'extension_rejected', onDate: on, data: { reason: requireText(input.reason, '请填写不予批准的理由') } }], set: {} };
}

// ── 答复、办结、撤回 ──────────────────────────────────────────────────────────

export interface ReplyInput {
  on: DateString;
  outcome: string;
  /** The reasons (required for every outcome but full disclosure: 第三十六条第（三）项、第三十七条). */
  reasons: string;
  /** How the reply reached the applicant. */
  deliveredBy: string;
  /** The letter text for this case (a reply template with placeholders); empty: the organization's template. */
  template?: string | null;
  /** The head who signs the reply (absent for replies imported from a ledger). */
  signedBy?: string | null;
  /** Replayed from a ledger (依申请公开台账), which records neither a request for reasons (第三十五条) nor a notice to a third party (第三十二条). */
  fromLedger?: boolean;
}

/** The content of a reply, checked: exactly one table 3 outcome, the reasons, the delivery, the letter text. */
function replyContent(s: CaseSnapshot, on: DateString, input: Omit<ReplyInput, 'on' | 'signedBy'>) {
  if (!(REPLY_OUTCOMES as readonly string[]).includes(input.outcome)) throw invalid('请从年度报告表三的办理结果中选择一项答复结果');
  const outcome = input.outcome as ReplyOutcome;
  if (outcome === 'unavailable.unclearAfterCorrection' && !s.corrected) throw conflict('“补正后申请内容仍不明确”只适用于已补正的申请（条例第三十条）');
  // 条例第三十二条: full disclosure over the third party's objection only once it has been told why
  if (outcome === 'granted' && s.thirdPartyObjection && !s.disclosureNotified && !input.fromLedger) {
    throw conflict('第三方不同意公开：决定全部公开的，应先将决定公开的政府信息内容和理由书面告知第三方（条例第三十二条）；否则请以“部分公开”或“不予公开——保护第三方合法权益”答复');
  }
  // 条例第三十五条：理由不合理的，告知申请人不予处理 — so the reasons were asked for, and given or overdue
  if (outcome === 'notProcessed.massRepeated' && !input.fromLedger) {
    if (!s.reasonsRequest) throw conflict('以“无正当理由大量反复申请”不予处理，应先要求申请人说明理由（条例第三十五条）');
    if (!s.reasonsGiven && cmp(on, s.reasonsRequest.dueOn) <= 0) throw conflict(`申请人说明理由的期限（${s.reasonsRequest.dueOn}）尚未届满，须待申请人说明理由或期限届满后再作答复`);
  }
  const reasons = (input.reasons ?? '').trim();
  if (outcome !== 'granted' && !reasons) throw invalid(`“${OUTCOMES[outcome].label}”须说明理由（条例第三十六条、第三十七条）`);
  const deliveredBy = requireText(input.deliveredBy, '请填写答复的送达方式');
  const own = (input.template ?? '').trim();
  const template = own ? checkTemplate('reply', outcome, own) : null;
  return { outcome, reasons, deliveredBy, template };
}

/**
 * 条例第三十六条、第三十七条: the reply, with exactly one table 3 outcome, in one step — by the
 * head, who signs it at once, or replayed from a ledger.
 */
export function reply(s: CaseSnapshot, input: ReplyInput, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '作出答复');
  const on = checkDate(s, input.on, today, '答复日期');
  const { outcome, reasons, deliveredBy, template } = replyContent(s, on, input);
  const signed = input.signedBy ? { signedBy: input.signedBy } : {};
  return { next: 'replied', events: [{ kind: 'replied', onDate: on, data: { outcome, reasons, deliveredBy, ...(template ? { template } : {}), ...signed } }], set: { concludedOn: on, outcome } };
}

/** The handler drafts the reply (outcome, reasons, letter text) for the head to review and sign. */
export function draftReply(s: CaseSnapshot, input: Omit<ReplyInput, 'signedBy'>, today: DateString): Transition {
  requireState(s, PROCESSING_STATES, '提交答复草稿');
  const on = checkDate(s, input.on, today, '拟稿日期');
  const content = replyContent(s, on, input);
  return { next: 'reply_drafted', events: [{ kind: 'reply_drafted', onDate: on, data: { ...content, fromState: s.state } }], set: {} };
}

/**
 * The head reviews and signs the drafted reply (签发): the case is replied on the signing date,
 * which is the legal date of the reply (条例第三十三条 counts to it).
 */
export function signReply(s: CaseSnapshot, input: { on: DateString; signedBy: string }, today: DateString): Transition {
  requireState(s, ['reply_drafted'], '签发答复');
  const draft = s.replyDraft;
  if (!draft) throw conflict('没有待签发的答复草稿');
  const on = checkDate(s, input.on, today, '签发日期');
  const signedBy = requireText(input.signedBy, '签发人不能为空');
  const { outcome, reasons, deliveredBy, template } = draft;
  return {
    next: 'replied',
    events: [{ kind: 'replied', onDate: on, data: { outcome, reasons, deliveredBy, ...(template ? { template } : {}), signedBy } }],
    set: { concludedOn: on, outcome },
  };
}

/** The head sends the draft back with the reason; the case returns to the state it was drafted in. */
export function returnReply(s: CaseSnapshot, input: { on: DateString; reason: string }, today: DateString): Transition {
  requireState(s, ['reply_drafted'], '退回答复草稿');
  if (!s.replyDraft) throw conflict('没有待签发的答复草稿');
  const on = checkDate(s, input.on, today, '退回日期');
  const reason = requireText(input.reason, '请填写退回修改的理由');
  return { next: s.replyDraft.fromState, events: [{ kind: 'reply_returned', onDate: on, data: { reason } }], set: {} };
}

/** 条例第四十五条: the case is archived (办结归档). */
export function close(s: CaseSnapshot, input: { on: DateString }, today: DateString): Transition {
  requireState(s, ['replied', 'abandoned', 'unpaid', 'withdrawn'], '办结归档');
  const on = checkDate(s, input.on, today, '办结日期');
  return { next: 'closed', events: [{ kind: 'closed', onDate: on, data: {} }], set: {} };
}

/**
 * The applicant withdraws before the reply. A received application ends with outcome
 * （六）其他处理 3.其他 (domain-reference §B.8); one never received is not counted at all.
 */
export function withdraw(s: CaseSnapshot, input: { on: DateString; by: 'applicant' | 'staff'; note?: string }, today: DateString): Transition {
  requireState(s, WITHDRAWABLE_STATES, '撤回');
  const on = checkDate(s, input.on, today, '撤回日期');
  const set: Transition['set'] = s.receivedOn ? { concludedOn: on, outcome: WITHDRAWN_OUTCOME } : {};
  return { next: 'withdrawn', events: [{ kind: 'withdrawn', onDate: on, data: { by: input.by }, note: input.note ?? '' }], set };
}

// ── 重新答复 (复议决定、判决责令重新答复) ──────────────────────────────────────

/** States a decision ordering a new reply can reopen: an answer was given (or the case ended on the agency's act). */
export const REOPENABLE_STATES: readonly CaseState[] = ['replied', 'closed', 'abandoned', 'unpaid'];

export interface ReopenInput {
  /** The day the agency received the decision or judgment that orders the new reply. */
  on: DateString;
  appeal: { id: number; kindLabel: string; caseNumber: string; body: string; decidedOn: DateString };
  /** The deadline the decision states (在…日内重新答复), if it states one. */
  dueOn?: DateString | null;
}

/**
 * 重新答复: a 行政复议 decision (行政复议法第六十四条: 撤销…并责令重新作出) or a judgment (行政诉讼法
 * 第七十条) sets the answer aside and orders a new one. The case goes back to work (received) and a
 * new clock runs. The Regulation has no period for a new reply; gongkai applies 条例第三十三条 by
 * analogy — 20 working days from the day the agency received the decision, as if the application
 * were received that day: the decision is what puts the request before the agency again, and the
 * applicant should not wait longer than for a first answer (nor get less time from the agency). A
 * period the decision itself states binds instead (deadline.ts orderedDueDate). Extension, fee and
 * consultation start afresh (case-events.ts); the first answer stays in the record and in the table 3
 * of its year (the case keeps its outcome until the new reply replaces it).
 */
export function reopenForNewReply(s: CaseSnapshot, input: ReopenInput, today: DateString): Transition {
  requireState(s, REOPENABLE_STATES, '因复议决定或判决重新答复');
  const on = checkDate(s, input.on, today, '收到复议决定或判决的日期');
  if (cmp(on, input.appeal.decidedOn) < 0) throw invalid(`收到决定的日期（${on}）不能早于决定或判决作出的日期（${input.appeal.decidedOn}）`);
  const dueOn = input.dueOn ?? null;
  if (dueOn !== null && (!isValidDate(dueOn) || cmp(dueOn, on) <= 0)) throw invalid('决定书限定的重新答复期限应为收到决定之日以后的日期');
  const a = input.appeal;
  return {
    next: 'received',
    events: [{ kind: 'reopened_for_new_reply', onDate: on, data: { appealId: a.id, appealKind: a.kindLabel, caseNumber: a.caseNumber, body: a.body, decidedOn: a.decidedOn, dueOn, fromState: s.state } }],
    set: {},
  };
}

/** The actions a case allows in its state (for the console and the API). */
export type CaseAction =
  | 'confirm' | 'requestCorrection' | 'recordCorrection' | 'abandon' | 'consult' | 'recordConsultationDelivery' | 'endConsultation'
  | 'noticeFee' | 'recordPayment' | 'recordNonPayment' | 'requestExtension' | 'approveExtension'
  | 'notifyDisclosure' | 'requestReasons' | 'recordReasons' | 'delayReply'
  | 'draftReply' | 'reply' | 'signReply' | 'returnReply' | 'close' | 'withdraw';

export function allowedActions(s: CaseSnapshot): CaseAction[] {
  const a: CaseAction[] = [];
  const st = s.state;
  if (st === 'submitted') a.push('confirm');
  if (st === 'received' && !s.correctionRequested) a.push('requestCorrection');
  if (st === 'correction_requested') a.push('recordCorrection', 'abandon');
  if (PROCESSING_STATES.includes(st)) a.push('consult');
  if (st === 'consulting' && !s.consultationDeliveredOn) a.push('recordConsultationDelivery');
  if (st === 'consulting') a.push('endConsultation');
  if (PROCESSING_STATES.includes(st) && !s.feeNotified) a.push('noticeFee');
  if (st === 'fee_notified') a.push('recordPayment', 'recordNonPayment');
  if (EXTENSION_ASKABLE.includes(st) && !s.extended && !s.extensionRequest) a.push('requestExtension');
  if (EXTENSION_ASKABLE.includes(st) && s.extensionRequest) a.push('approveExtension');
  if (PROCESSING_STATES.includes(st) && s.thirdPartyObjection && !s.disclosureNotified) a.push('notifyDisclosure');
  if (PROCESSING_STATES.includes(st) && !s.reasonsRequest) a.push('requestReasons');
  if (PROCESSING_STATES.includes(st) && s.reasonsRequest && !s.reasonsGiven) a.push('recordReasons');
  if (PROCESSING_STATES.includes(st) && s.reasonsGiven && !s.replyDelayed) a.push('delayReply');
  if (PROCESSING_STATES.includes(st)) a.push('draftReply', 'reply');
  if (st === 'reply_drafted') a.push('signReply', 'returnReply');
  if (['replied', 'abandoned', 'unpaid', 'withdrawn'].includes(st)) a.push('close');
  if (WITHDRAWABLE_STATES.includes(st)) a.push('withdraw');
  return a;
}
