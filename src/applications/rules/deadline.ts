// The statutory clock of an application (答复期限): pure functions of the case's dated events
// on the working-day calendar. Nothing here is stored: due dates, overdue and due-soon are
// recomputed from the events whenever they are needed.
//
// domain-reference §A.6–A.9, §C, §F.2:
//   start = legal receipt date (第三十一条), or the day the corrected application arrives (第三十条)
//   due   = the (20 + extension + paused)-th working day after start (第三十三条)
// Counting details the Regulation leaves open are ClockConventions, with documented defaults.
import { addDays, dayNumber, type DateString } from '../../core/date.ts';
import { isWorkingDay, workingDaysBetween, type WorkingDayCalendar } from '../../calendar/rules.ts';
import { ClockInputError } from './clock-input.ts';
import { DEFAULT_CLOCK_CONVENTIONS, type ClockConventions } from '../clock-conventions/rules.ts';

// 条例第三十三条第二款：应当自收到申请之日起20个工作日内予以答复
export const REPLY_WORKING_DAYS = 20;
// 条例第三十三条第二款：延长的期限最长不得超过20个工作日
export const MAX_EXTENSION_WORKING_DAYS = 20;
// 条例第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
// 条例第三十二条、第三十四条：自收到征求意见书之日起15个工作日内提出意见
export const CONSULTATION_WORKING_DAYS = 15;

/** Why the clock stops: 第三十三条第三款 (consultations) and the fee notice (国办函〔2020〕109号). */
export type PauseKind =
  | 'third_party_consultation' // 第三十二条 征求第三方意见
  | 'agency_consultation' // 第三十四条 征求其他机关意见
  | 'fee_notice'; // 收费通知 → 缴费

export interface ClockPause {
  kind: PauseKind;
  /** The day the consultation letter or the fee notice was sent. */
  from: DateString;
  /**
   * A consultation: the day the consulted party received the letter, when recorded — its 15
   * working days run from it (第三十二条、第三十四条); until then from the day it was sent.
   */
  letterReceivedOn?: DateString | null;
  /**
   * The day the opinion arrived, or the consultation period lapsed without one (record the
   * lapse as an event: see consultationOpinionDue), or the fee was paid. Absent = still open.
   */
  to?: DateString | null;
}

/** The dated events of one case that move its clock. */
export interface ClockEvents {
  /** 条例第三十一条: the legal receipt date (see legalReceiptDate in receipt.ts). */
  receivedOn: DateString;
  /** 条例第三十条 补正: the notice, and the day the corrected application was received. */
  correction?: { noticeSentOn: DateString; correctedOn?: DateString | null } | null;
  /** 条例第三十三条第二款 延期: approved by the office head and notified to the applicant. */
  extension?: { workingDays: number; approvedOn: DateString; notifiedOn: DateString } | null;
  /** Periods not counted (第三十三条第三款, fee notice). May overlap. */
  pauses?: readonly ClockPause[];
  /** 条例第三十五条: a reasonable later reply date the agency set and notified. */
  delayedReply?: { dueDate: DateString; notifiedOn: DateString } | null;
  /** 重新答复: the deadline a 复议决定 or judgment ordering a new reply states; it binds instead of the count. */
  orderedDueDate?: DateString | null;
}

export type ClockProblemCode =
  | 'correction_notice_late'
  | 'extension_out_of_range'
  | 'extension_notified_late'
  | 'extension_approved_after_notice'
  | 'delayed_reply_notified_late'
  | 'delayed_reply_not_later';

/** A breach of the rules visible in the events; the clerk and the reviewer should see it. */
export interface ClockProblem {
  code: ClockProblemCode;
  message: string;
}

export type ClockState =
  | 'awaiting_correction' // 补正 requested, corrected application not yet received: no clock
  | 'paused' // a consultation or fee notice is open
  | 'running'; // the due date is known

export interface ReplyDeadline {
  state: ClockState;
  receivedOn: DateString;
  /** 第三十条: last day to send the 补正 notice. */
  correctionNoticeDue: DateString;
  /** The day the 20 working days run from: the receipt date, or the corrected application's. */
  clockStartsOn: DateString | null;
  /** 20 working days plus pauses, before any extension or Art. 35 date: the extension notice is due by then. */
  originalDueDate: DateString | null;
  /** Working days of the extension applied (0 when none or when it is not valid). */
  extendedDays: number;
  /** Working days inside pauses that fell within the running clock. */
  pausedWorkingDays: number;
  /** The reply is due on this day at the latest; null while awaiting correction or paused. */
  dueDate: DateString | null;
  /** While paused: the open pause, and the working days still left on the clock. */
  pausedSince: DateString | null;
  workingDaysLeftWhenPaused: number | null;
  /**
   * While a consultation is open: the day its 15 working days lapse (第三十二条、第三十四条) and the
   * due date if it ends then. Past that day the clock runs again whether or not the lapse is recorded.
   */
  consultationLapse: { on: DateString; dueDate: DateString | null } | null;
  problems: ClockProblem[];
}

const before = (a: DateString, b: DateString) => dayNumber(a) < dayNumber(b);
const after = (a: DateString, b: DateString) => dayNumber(a) > dayNumber(b);

/**
 * The last day of a period of n working days running from `start` (start excluded unless
 * conventions.startDayCounts). With the defaults this is addWorkingDays(start, n).
 */
export function periodEnd(cal: WorkingDayCalendar, start: DateString, n: number, conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS): DateString {
  const r = walk(cal, start, n, [], conventions);
  return r.due!;
}

/**
 * 条例第三十一条、第三十三条第二款: an application sent online, by fax or by ordinary letter has no
 * receipt date until the agency and the applicant confirm it; were it received on `receivedOn`, the
 * reply would be due on this day (20 working days, before any 补正, pause or extension).
 */
export function replyDueIfReceivedOn(cal: WorkingDayCalendar, receivedOn: DateString, conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS): DateString {
  return periodEnd(cal, receivedOn, REPLY_WORKING_DAYS, conventions);
}

/** 条例第三十条: the 补正 notice must go out within 7 working days of receipt, once. */
export function correctionNoticeDue(cal: WorkingDayCalendar, receivedOn: DateString, conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS): DateString {
  return periodEnd(cal, receivedOn, CORRECTION_NOTICE_WORKING_DAYS, conventions);
}

/**
 * 条例第三十二条、第三十四条: the consulted third party or agency has 15 working days from
 * receiving the letter. When it lapses, a third party's silence leaves the decision to the
 * agency (第三十二条) and an agency's silence counts as consent (第三十四条); either way the
 * consultation — and the pause of the reply clock — ends on this day.
 */
export function consultationOpinionDue(cal: WorkingDayCalendar, letterReceivedOn: DateString, conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS): DateString {
  return periodEnd(cal, letterReceivedOn, CONSULTATION_WORKING_DAYS, conventions);
}

/** 国办函〔2020〕109号: the payment period after the applicant receives the fee notice (length unverified: configurable). */
export function feePaymentDue(cal: WorkingDayCalendar, noticeReceivedOn: DateString, conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS): DateString {
  return periodEnd(cal, noticeReceivedOn, conventions.feePaymentWorkingDays, conventions);
}

/** The days a pause actually stops the clock: [first, last], last null = open. */
interface PauseWindow {
  first: DateString;
  last: DateString | null;
}

/**
 * 第三十二条、第三十四条: a consultation stops the clock for the consulted party's 15 working days
 * at most — counted from the day it received the letter, or from the day the letter was sent
 * while its receipt is not recorded — and an opinion that arrives later does not stretch the
 * pause. The fee notice has no such bound.
 */
function consultationLapseOf(cal: WorkingDayCalendar, p: ClockPause, c: ClockConventions): DateString | null {
  return p.kind === 'fee_notice' ? null : consultationOpinionDue(cal, consultationPeriodStart(p), c);
}

/** 自收到征求意见书之日起: the letter's recorded receipt, else the day it was sent (never later). */
export const consultationPeriodStart = (p: Pick<ClockPause, 'from' | 'letterReceivedOn'>): DateString => p.letterReceivedOn ?? p.from;

/** The pause as counted; `lapsed`: an open consultation taken as ended on its lapse day. */
function windowOf(cal: WorkingDayCalendar, p: ClockPause, c: ClockConventions, lapsed = false): PauseWindow | null {
  const first = c.pauseStartDayCounts ? addDays(p.from, 1) : p.from;
  const lapse = consultationLapseOf(cal, p, c);
  const to = p.to == null ? (lapsed ? lapse : null) : lapse !== null && after(p.to, lapse) ? lapse : p.to;
  if (to == null) return { first, last: null };
  const last = c.pauseEndDayCounts ? addDays(to, -1) : to;
  return before(last, first) ? null : { first, last };
}

interface WalkResult {
  /** The target-th counted day; null when an open pause stopped the walk first. */
  due: DateString | null;
  counted: number;
  paused: number;
  openPauseSince: DateString | null;
}

/**
 * Walks the calendar from `start`, counting working days outside the pauses, until `target`
 * days are counted or an open pause is reached. Only the days walked over need calendar data.
 * A pause that starts after the target is reached changes nothing: an expired deadline cannot
 * be revived by consulting afterwards.
 */
function walk(cal: WorkingDayCalendar, start: DateString, target: number, windows: readonly PauseWindow[], c: ClockConventions): WalkResult {
  let counted = 0;
  let paused = 0;
  let day = c.startDayCounts ? start : addDays(start, 1);
  if (target === 0) return { due: start, counted, paused, openPauseSince: null };
  for (;;) {
    const n = dayNumber(day);
    const inside = windows.filter((w) => n >= dayNumber(w.first) && (w.last === null || n <= dayNumber(w.last)));
    const open = inside.find((w) => w.last === null);
    if (open) return { due: null, counted, paused, openPauseSince: open.first };
    if (isWorkingDay(cal, day)) {
      if (inside.length) paused++;
      else if (++counted === target) return { due: day, counted, paused, openPauseSince: null };
    }
    day = addDays(day, 1);
  }
}

function checkEvents(e: ClockEvents): void {
  dayNumber(e.receivedOn);
  if (e.correction) {
    if (before(e.correction.noticeSentOn, e.receivedOn)) throw new ClockInputError(`补正通知日期（${e.correction.noticeSentOn}）早于收到申请日期（${e.receivedOn}）`);
    const corrected = e.correction.correctedOn;
    if (corrected != null && before(corrected, e.correction.noticeSentOn)) {
      throw new ClockInputError(`收到补正申请日期（${corrected}）早于补正通知日期（${e.correction.noticeSentOn}）`);
    }
  }
  for (const p of e.pauses ?? []) {
    dayNumber(p.from);
    if (p.to != null && before(p.to, p.from)) throw new ClockInputError(`暂停结束日期（${p.to}）早于开始日期（${p.from}）`);
  }
  if (e.extension) {
    dayNumber(e.extension.approvedOn);
    dayNumber(e.extension.notifiedOn);
  }
  if (e.delayedReply) {
    dayNumber(e.delayedReply.dueDate);
    dayNumber(e.delayedReply.notifiedOn);
  }
}

/**
 * 条例第三十条、第三十一条、第三十三条、第三十四条 and 国办函〔2020〕109号: the reply deadline
 * of a case from its dated events. Throws CalendarNotCoveredError when the count runs into a
 * year the calendar has no data for, and ClockInputError for impossible event dates.
 */
export function computeReplyDeadline(
  cal: WorkingDayCalendar,
  events: ClockEvents,
  conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS,
): ReplyDeadline {
  checkEvents(events);
  const c = conventions;
  const problems: ClockProblem[] = [];
  const noticeDue = correctionNoticeDue(cal, events.receivedOn, c);
  const base = {
    receivedOn: events.receivedOn,
    correctionNoticeDue: noticeDue,
    extendedDays: 0,
    pausedWorkingDays: 0,
    problems,
  };

  // 第三十条：补正 — notice within 7 working days; the clock runs from the corrected application.
  let start = events.receivedOn;
  if (events.correction) {
    if (after(events.correction.noticeSentOn, noticeDue)) {
      problems.push({
        code: 'correction_notice_late',
        message: `补正通知应于 ${noticeDue} 前发出（收到申请之日起${CORRECTION_NOTICE_WORKING_DAYS}个工作日内），实际 ${events.correction.noticeSentOn} 发出`,
      });
    }
    if (events.correction.correctedOn == null) {
      return {
        ...base, state: 'awaiting_correction', clockStartsOn: null, originalDueDate: null, dueDate: null, pausedSince: null, workingDaysLeftWhenPaused: null,
        consultationLapse: null,
      };
    }
    start = events.correction.correctedOn;
  }

  const windowsOf = (lapsed: boolean) => (events.pauses ?? []).map((p) => windowOf(cal, p, c, lapsed)).filter((w): w is PauseWindow => w !== null);
  const windows = windowsOf(false);
  const original = walk(cal, start, REPLY_WORKING_DAYS, windows, c);

  // 第三十三条第二款：延期 — at most 20 working days, head's approval, applicant told in time.
  let extension = 0;
  const ext = events.extension;
  if (ext) {
    const inRange = Number.isInteger(ext.workingDays) && ext.workingDays >= 1 && ext.workingDays <= MAX_EXTENSION_WORKING_DAYS;
    if (!inRange) {
      problems.push({ code: 'extension_out_of_range', message: `延长答复期限应为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 个工作日，记录为 ${ext.workingDays} 个工作日，未予计入` });
    }
    const late = original.due !== null && after(ext.notifiedOn, original.due);
    if (late) {
      problems.push({ code: 'extension_notified_late', message: `延期须在原答复期限 ${original.due} 届满前告知申请人，实际 ${ext.notifiedOn} 告知，延期未予计入` });
    }
    if (after(ext.approvedOn, ext.notifiedOn)) {
      problems.push({ code: 'extension_approved_after_notice', message: `延期应先经政府信息公开工作机构负责人同意（${ext.approvedOn}）再告知申请人（${ext.notifiedOn}）` });
    }
    if (inRange && !late) extension = ext.workingDays;
  }
  const final = extension ? walk(cal, start, REPLY_WORKING_DAYS + extension, windows, c) : original;

  let dueDate = final.due;
  // 第三十五条：延迟答复的合理期限 — set by the agency and notified to the applicant.
  const delayed = events.delayedReply;
  if (delayed && dueDate !== null) {
    if (after(delayed.notifiedOn, dueDate)) {
      problems.push({ code: 'delayed_reply_notified_late', message: `延迟答复须在答复期限 ${dueDate} 届满前告知申请人，实际 ${delayed.notifiedOn} 告知，未予计入` });
    } else if (!after(delayed.dueDate, dueDate)) {
      problems.push({ code: 'delayed_reply_not_later', message: `延迟答复日期 ${delayed.dueDate} 不晚于法定答复期限 ${dueDate}，以法定期限为准` });
    } else dueDate = delayed.dueDate;
  }
  // 重新答复 within the period the decision or judgment fixed (行政复议法第六十四条、行政诉讼法第七十条:
  // 责令…在一定期限内重新作出): that period, not the Regulation's count, is the one to keep.
  if (events.orderedDueDate && dueDate !== null) dueDate = events.orderedDueDate;

  const paused = final.due === null;
  const openConsultations = (events.pauses ?? []).filter((p) => p.to == null && p.kind !== 'fee_notice');
  const consultationLapse =
    paused && openConsultations.length
      ? {
          on: openConsultations.map((p) => consultationLapseOf(cal, p, c)!).reduce((a, b) => (after(a, b) ? a : b)), // the last to lapse
          dueDate: walk(cal, start, REPLY_WORKING_DAYS + extension, windowsOf(true), c).due,
        }
      : null;
  return {
    ...base,
    state: paused ? 'paused' : 'running',
    clockStartsOn: start,
    originalDueDate: original.due,
    extendedDays: extension,
    pausedWorkingDays: final.paused,
    dueDate,
    pausedSince: final.openPauseSince,
    workingDaysLeftWhenPaused: paused ? REPLY_WORKING_DAYS + extension - final.counted : null,
    consultationLapse,
  };
}

export type DeadlineStatus =
  | 'awaiting_correction'
  | 'paused'
  | 'on_time' // due later than the due-soon window
  | 'due_soon' // due within conventions.dueSoonWorkingDays working days (including today)
  | 'overdue' // not replied and the due date has passed (逾期)
  | 'replied_on_time'
  | 'replied_late';

export interface DeadlineStatusResult {
  status: DeadlineStatus;
  /** Working days from today to the due date (0 = due today); null when not running or overdue. */
  workingDaysLeft: number | null;
  /** Calendar days past the due date, for overdue and late replies; else 0. */
  daysOverdue: number;
}

/**
 * The day the reply is due, as of today: the deadline's, or — an open consultation past its 15
 * working days no longer stopping the clock (第三十二条、第三十四条) — the one counted as if it ended then.
 */
export function dueDateOn(deadline: ReplyDeadline, today: DateString): DateString | null {
  const lapse = deadline.consultationLapse;
  return deadline.dueDate ?? (lapse && after(today, lapse.on) ? lapse.dueDate : null);
}

/**
 * 逾期 / 即将到期, derived from the dates (never stored). `repliedOn` is the day the reply went
 * out, if it has. Overdue is decided by date alone, so it never needs calendar data past the
 * due date.
 */
export function deadlineStatus(
  cal: WorkingDayCalendar,
  deadline: ReplyDeadline,
  today: DateString,
  repliedOn: DateString | null = null,
  conventions: ClockConventions = DEFAULT_CLOCK_CONVENTIONS,
): DeadlineStatusResult {
  const due = dueDateOn(deadline, today);
  const overdueBy = (d: DateString) => (due !== null && after(d, due) ? dayNumber(d) - dayNumber(due) : 0);
  if (repliedOn !== null) {
    const late = overdueBy(repliedOn);
    return { status: late ? 'replied_late' : 'replied_on_time', workingDaysLeft: null, daysOverdue: late };
  }
  if (due === null) return { status: deadline.state === 'awaiting_correction' ? 'awaiting_correction' : 'paused', workingDaysLeft: null, daysOverdue: 0 };
  const late = overdueBy(today);
  if (late) return { status: 'overdue', workingDaysLeft: null, daysOverdue: late };
  const left = workingDaysBetween(cal, today, due);
  return { status: left <= conventions.dueSoonWorkingDays ? 'due_soon' : 'on_time', workingDaysLeft: left, daysOverdue: 0 };
}
