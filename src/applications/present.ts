// What the portal and the staff API may show of a case: explicit allow-lists. The portal never
// sees the applicant's personal data (name, identity document, phone, e-mail, address), nor the
// handler, internal notes, third parties consulted or the clerk's free text.
import type { Applicant, Attachment, Case, CaseEvent } from './model.ts';
import { CHANNEL_LABELS, STATE_LABELS } from './model.ts';
import { EVENT_LABELS, snapshotOf, type EventKind } from './rules/case-events.ts';
import type { CaseClock } from './rules/case-clock.ts';
import { STATUS_LABELS } from './rules/case-clock.ts';
import { OUTCOMES, isOutcome } from './rules/outcome.ts';
import { allowedActions, type CaseAction } from './rules/transitions.ts';

const eventLabel = (kind: string) => EVENT_LABELS[kind as EventKind] ?? kind;

export function presentClock(clock: CaseClock) {
  const d = clock.deadline;
  return {
    state: d?.state ?? null,
    receivedOn: d?.receivedOn ?? null,
    correctionNoticeDue: d?.correctionNoticeDue ?? null,
    clockStartsOn: d?.clockStartsOn ?? null,
    originalDueDate: d?.originalDueDate ?? null,
    extendedDays: d?.extendedDays ?? 0,
    pausedWorkingDays: d?.pausedWorkingDays ?? 0,
    dueDate: clock.dueDate,
    consultationLapsesOn: d?.consultationLapse?.on ?? null,
    workingDaysLeftWhenPaused: d?.workingDaysLeftWhenPaused ?? null,
    problems: d?.problems.map((p) => p.message) ?? [],
    status: clock.status?.status ?? null,
    statusLabel: clock.status ? STATUS_LABELS[clock.status.status] : null,
    workingDaysLeft: clock.status?.workingDaysLeft ?? null,
    daysOverdue: clock.status?.daysOverdue ?? 0,
    error: clock.error,
  };
}

/** A case in staff lists (no personal data). */
export function presentCaseSummary(c: Case, clock: CaseClock) {
  return {
    id: c.id,
    receiptNo: c.receiptNo,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    channel: c.channel,
    submittedOn: c.submittedOn,
    receivedOn: c.receivedOn,
    concludedOn: c.concludedOn,
    outcome: c.outcome,
    outcomeLabel: isOutcome(c.outcome) ? OUTCOMES[c.outcome].label : null,
    applicantKind: c.applicantKind,
    applicantColumn: c.applicantColumn,
    infoTitle: c.infoTitle,
    handlerUserId: c.handlerUserId,
    handlerName: c.handlerName,
    clock: presentClock(clock),
  };
}

export function presentApplicant(a: Applicant) {
  return {
    kind: a.kind,
    name: a.name,
    idType: a.idType,
    idNumber: a.idNumber,
    creditCode: a.creditCode,
    legalRepresentative: a.legalRepresentative,
    contactPerson: a.contactPerson,
    phone: a.phone,
    email: a.email,
    address: a.address,
    postalCode: a.postalCode,
  };
}

/** A case for staff: the request, the timeline, the clock, the actions its state allows. */
export function presentCaseDetail(
  c: Case,
  clock: CaseClock,
  events: readonly CaseEvent[],
  actions: readonly CaseAction[],
  attachments: readonly Attachment[],
  applicant: Applicant | null,
) {
  return {
    ...presentCaseSummary(c, clock),
    infoDocNumber: c.infoDocNumber,
    infoDescription: c.infoDescription,
    formWanted: c.formWanted,
    delivery: c.delivery,
    applicant: applicant ? presentApplicant(applicant) : null,
    events: events.map((e) => ({ id: e.id, kind: e.kind, label: eventLabel(e.kind), onDate: e.onDate, at: e.at, actorName: e.actorName, data: e.data, note: e.note })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size })),
    actions: [...actions],
  };
}

/** Events the applicant sees on the portal, with dates only (no clerk's notes, no third parties). */
const PUBLIC_EVENTS: readonly string[] = [
  'submitted', 'received', 'correction_requested', 'corrected', 'abandoned', 'consultation_sent', 'consultation_closed',
  'fee_notified', 'fee_paid', 'fee_unpaid', 'extended', 'reasons_requested', 'reasons_given', 'reply_delayed', 'replied', 'closed', 'withdrawn', 'reopened_for_new_reply',
];

/**
 * A case on the portal, for the applicant who proved the receipt number and phone or e-mail.
 * `provisionalDueDate`: for a case not yet received, the due date were it confirmed today (case-clock.ts).
 */
export function presentCasePublic(c: Case, orgName: string, events: readonly CaseEvent[], clock: CaseClock, provisionalDueDate: string | null = null) {
  const correction = [...events].reverse().find((e) => e.kind === 'correction_requested');
  const fee = [...events].reverse().find((e) => e.kind === 'fee_notified');
  // 条例第三十五条: open while the transitions would take the applicant's answer
  const reasons = allowedActions(snapshotOf(c, events)).includes('recordReasons') ? events.find((e) => e.kind === 'reasons_requested') : undefined;
  return {
    receiptNo: c.receiptNo,
    orgName,
    // A drafted reply is an internal step until the head signs it: the applicant sees the case in progress.
    state: c.state === 'reply_drafted' ? 'in_progress' : c.state,
    stateLabel: c.state === 'reply_drafted' ? '办理中' : STATE_LABELS[c.state],
    submittedOn: c.submittedOn,
    channelLabel: CHANNEL_LABELS[c.channel],
    receivedOn: c.receivedOn,
    infoTitle: c.infoTitle,
    dueDate: clock.dueDate,
    provisionalDueDate,
    outcomeLabel: isOutcome(c.outcome) ? OUTCOMES[c.outcome].label : null,
    correction: c.state === 'correction_requested' && correction ? { items: String(correction.data.items ?? ''), dueOn: String(correction.data.dueOn ?? '') } : null,
    reasons: reasons ? { grounds: String(reasons.data.grounds ?? ''), dueOn: String(reasons.data.dueOn ?? '') } : null,
    fee: c.state === 'fee_notified' && fee ? { amountYuan: Number(fee.data.amountYuan ?? 0), paymentDueOn: String(fee.data.paymentDueOn ?? '') } : null,
    timeline: events.filter((e) => PUBLIC_EVENTS.includes(e.kind)).map((e) => ({ onDate: e.onDate, label: eventLabel(e.kind) })),
  };
}
export type PublicCase = ReturnType<typeof presentCasePublic>;
