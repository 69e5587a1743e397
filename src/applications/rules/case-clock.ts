// The clock of one case as the console and the API show it: the reply deadline from the events
// and its status today (逾期, 即将到期) — computed on every read, never stored.
import type { DateString } from '../../core/date.ts';
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../../calendar/rules.ts';
import type { ClockConventions } from '../clock-conventions/rules.ts';
import { DomainError } from '../../core/errors.ts';
import type { CaseState } from '../model.ts';
import { clockEventsOf, repliedOnOf, type StoredEvent } from './case-events.ts';
import { computeReplyDeadline, deadlineStatus, dueDateOn, replyDueIfReceivedOn, type DeadlineStatusResult, type ReplyDeadline } from './deadline.ts';

export interface CaseClock {
  deadline: ReplyDeadline | null;
  status: DeadlineStatusResult | null;
  /** The reply is due on this day, as of today (dueDateOn). */
  dueDate: DateString | null;
  /** Why the clock could not be computed (a calendar year without data, impossible dates). */
  error: string | null;
  /** The year whose holiday arrangement is missing, when that is why (the console links the 工作日历). */
  missingCalendarYear: number | null;
}

/** Cases that ended without a reply have no deadline left to watch. */
const ENDED_WITHOUT_REPLY: readonly CaseState[] = ['abandoned', 'unpaid', 'withdrawn'];

/** What the clock counts on: the organization's working-day calendar and its conventions (clock-conventions-store.ts). */
export interface ClockRules {
  cal: WorkingDayCalendar;
  conventions: ClockConventions;
}

export function caseClock(rules: ClockRules, c: { state: CaseState; receivedOn: DateString | null }, events: readonly StoredEvent[], today: DateString): CaseClock {
  const { cal, conventions } = rules;
  const input = clockEventsOf(c.receivedOn, events);
  if (!input) return { deadline: null, status: null, dueDate: null, error: null, missingCalendarYear: null };
  try {
    const deadline = computeReplyDeadline(cal, input, conventions);
    const ended = ENDED_WITHOUT_REPLY.includes(c.state) || (c.state === 'closed' && !repliedOnOf(events));
    const status = ended ? null : deadlineStatus(cal, deadline, today, repliedOnOf(events), conventions);
    return { deadline, status, dueDate: dueDateOn(deadline, today), error: null, missingCalendarYear: null };
  } catch (err) {
    if (err instanceof DomainError) {
      return { deadline: null, status: null, dueDate: null, error: err.message, missingCalendarYear: err instanceof CalendarNotCoveredError ? err.year : null };
    }
    throw err;
  }
}

/**
 * What the applicant of a case not yet received (条例第三十一条) may expect: the due date were it
 * confirmed `on` (today, the earliest it still can be), or null when that year has no calendar.
 */
export function provisionalDueDate(rules: ClockRules, c: { state: CaseState; receivedOn: DateString | null }, on: DateString): DateString | null {
  if (c.state !== 'submitted' || c.receivedOn !== null) return null;
  try {
    return replyDueIfReceivedOn(rules.cal, on, rules.conventions);
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return null;
    throw err;
  }
}

export const STATUS_LABELS: Record<DeadlineStatusResult['status'], string> = {
  awaiting_correction: '待补正（暂不计时）',
  paused: '暂停计时',
  on_time: '办理中',
  due_soon: '即将到期',
  overdue: '已逾期',
  replied_on_time: '按期答复',
  replied_late: '逾期答复',
};
