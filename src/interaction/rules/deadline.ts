// Reply deadlines of messages from the public, in working days (工作日) from the day the handling
// agency received the message (the day itself not counted, as for applications: domain-reference §F.2).
//
// No national rule sets them (domain-reference §E.5: “No national day-limits for answering were found”).
// The defaults are Guangdong's 12345 rules [GD], the one concrete set the reference gives:
//   咨询类 2 个工作日内办理并答复；求助、建议类 10 个工作日；投诉、举报类 15 个工作日（自受理之日起）.
// They are short for 咨询 and proportionate for the rest, and an agency elsewhere sets its own province's
// periods per category (interaction_deadline_settings; docs/interaction.md says why these defaults).
import { addWorkingDays, CalendarNotCoveredError, type WorkingDayCalendar } from '../../calendar/rules.ts';
import type { DateString } from '../../core/date.ts';
import type { Category } from '../model.ts';

/** [GD] 广东省 12345 热线: 咨询 2, 求助、建议 10, 投诉、举报 15 working days. */
export const DEFAULT_REPLY_WORKING_DAYS: Readonly<Record<Category, number>> = { consult: 2, help: 10, suggest: 10, complain: 15 };

/** An organization's period for a category: its own setting, else the default. */
export function replyWorkingDays(category: Category, overrides: Partial<Record<Category, number>> = {}): number {
  return overrides[category] ?? DEFAULT_REPLY_WORKING_DAYS[category];
}

/**
 * The due date: the n-th working day after the clock's start. null when the calendar does not cover
 * the days the count walks over (a message is still received; its due date is computed once the year's
 * holidays are entered — the console says so).
 */
export function replyDueDate(cal: WorkingDayCalendar, clockStartOn: DateString, workingDays: number): DateString | null {
  try {
    return addWorkingDays(cal, clockStartOn, workingDays);
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return null;
    throw err;
  }
}

/** Answered on time: on or before the due date (a message without a due date counts as on time). */
export const answeredOnTime = (answeredOn: DateString, dueOn: DateString | null): boolean => dueOn === null || answeredOn <= dueOn;

export type DueStatus = 'overdue' | 'due_soon' | 'running';

/** Overdue after the due date; due soon within `soonWorkingDays` working days of it (today included). */
export function dueStatus(cal: WorkingDayCalendar, today: DateString, dueOn: DateString | null, soonWorkingDays = 1): DueStatus {
  if (dueOn === null) return 'running';
  if (today > dueOn) return 'overdue';
  const soon = replyDueDate(cal, today, soonWorkingDays);
  return soon !== null && soon >= dueOn ? 'due_soon' : 'running';
}
