// 条例第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内
// 及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。
// (domain-reference §A.3: flag published_date > addWorkingDays(formed_or_changed_date, 20)
// unless another time limit is recorded.)
import { addWorkingDays, workingDaysBetween, type WorkingDayCalendar } from '../../calendar/rules.ts';
import type { DateString } from '../../core/date.ts';

export const PUBLICATION_WORKING_DAYS = 20;

export interface Timeliness {
  /** The last day to publish: the 20th working day after 形成或变更之日. */
  deadline: DateString;
  /** Published (or, not yet published, today) after the deadline. */
  late: boolean;
  /** Working days past the deadline (0 when on time). */
  workingDaysLate: number;
}

/**
 * The Art. 26 deadline and whether publication on `publishedOn` (or not yet by `today`) is late.
 * Null when there is nothing to check: no 形成或变更日期 recorded, or another law's time limit
 * applies (`deadlineBasis`). Throws CalendarNotCoveredError for years without calendar data.
 */
export function publicationTimeliness(
  cal: WorkingDayCalendar,
  v: { formedDate: DateString | null; publishedDate: DateString | null; deadlineBasis: string },
  today: DateString,
): Timeliness | null {
  if (!v.formedDate || v.deadlineBasis.trim()) return null;
  const deadline = addWorkingDays(cal, v.formedDate, PUBLICATION_WORKING_DAYS);
  const on = v.publishedDate ?? today;
  const over = on > deadline ? workingDaysBetween(cal, deadline, on) : 0;
  return { deadline, late: on > deadline, workingDaysLate: over };
}
