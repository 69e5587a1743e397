// Working days (工作日) on the Chinese calendar: pure functions over an in-memory snapshot of
// the calendar table (src/calendar/store.ts loads it).
//
// domain-reference §F.2: isWorkingDay(d) = d is a 调休 makeup workday, or d is Mon–Fri and
// not a holiday. Holidays follow the lunar calendar and yearly State Council notices, so they
// cannot be computed: a calculation that needs a year without data fails, it never guesses.
import { DomainError } from '../core/errors.ts';
import { assertDate, dayNumber, fromDayNumber, isWeekend, yearOf, type DateString } from '../core/date.ts';

export type SpecialDayKind = 'holiday' | 'makeup_workday';

/** A day that differs from the Mon–Fri rule: 放假 (holiday) or 调休上班 (makeup workday). */
export interface SpecialDay {
  date: DateString;
  kind: SpecialDayKind;
  name: string;
}

export interface WorkingDayCalendar {
  /** Years whose holiday arrangement is known (the notice for that year has been entered). */
  readonly coveredYears: ReadonlySet<number>;
  /** Special days by date (national days, overridden by an organization's local days). */
  readonly specialDays: ReadonlyMap<DateString, SpecialDay>;
}

export class CalendarNotCoveredError extends DomainError {
  constructor(readonly year: number) {
    // Read by handlers and clerks in the console: it says whom to ask and where, not a command to run
    // (the CLI adds its own command, cli.ts). National holidays are entered at the top of the tree.
    super('CALENDAR_NOT_COVERED',
      `工作日历未包含 ${year} 年的节假日安排，请联系系统管理员（最上级机构的管理员）在管理后台“工作日历”中` +
        `录入该年的放假和调休安排（依据国务院办公厅关于 ${year} 年部分节假日安排的通知）后再计算`,
    );
    this.name = 'CalendarNotCoveredError';
  }
}

/**
 * Builds a snapshot. `localDays` (an organization's own holidays or workdays) override the
 * national days on the same date.
 */
export function workingDayCalendar(
  coveredYears: Iterable<number>,
  days: Iterable<SpecialDay>,
  localDays: Iterable<SpecialDay> = [],
): WorkingDayCalendar {
  const specialDays = new Map<DateString, SpecialDay>();
  for (const d of days) specialDays.set(assertDate(d.date), d);
  for (const d of localDays) specialDays.set(assertDate(d.date), d);
  return { coveredYears: new Set(coveredYears), specialDays };
}

export function isCovered(cal: WorkingDayCalendar, date: DateString): boolean {
  return cal.coveredYears.has(yearOf(date));
}

export function lastCoveredYear(cal: WorkingDayCalendar): number | null {
  return cal.coveredYears.size ? Math.max(...cal.coveredYears) : null;
}

function requireCovered(cal: WorkingDayCalendar, date: DateString): void {
  const year = yearOf(date);
  if (!cal.coveredYears.has(year)) throw new CalendarNotCoveredError(year);
}

export type DayKind = 'workday' | 'weekend' | SpecialDayKind;

export interface DayInfo {
  date: DateString;
  workingDay: boolean;
  kind: DayKind;
  /** Name of the holiday or makeup workday, e.g. 春节 / 春节调休上班; null for ordinary days. */
  name: string | null;
}

/** What kind of day `date` is; throws CalendarNotCoveredError for a year without data. */
export function dayInfo(cal: WorkingDayCalendar, date: DateString): DayInfo {
  requireCovered(cal, date);
  const special = cal.specialDays.get(date);
  if (special) return { date, workingDay: special.kind === 'makeup_workday', kind: special.kind, name: special.name };
  const weekend = isWeekend(date);
  return { date, workingDay: !weekend, kind: weekend ? 'weekend' : 'workday', name: null };
}

/** §F.2: a makeup workday, or Mon–Fri and not a holiday. */
export function isWorkingDay(cal: WorkingDayCalendar, date: DateString): boolean {
  return workingOn(cal, date, dayNumber(date));
}

/**
 * dayInfo(cal, date).workingDay for a valid `date` whose day number is `n`, without building the
 * DayInfo: the walks below call it for every day they pass (a region's clocks, thousands of items).
 */
function workingOn(cal: WorkingDayCalendar, date: DateString, n: number): boolean {
  const year = Number(date.slice(0, 4));
  if (!cal.coveredYears.has(year)) throw new CalendarNotCoveredError(year);
  const special = cal.specialDays.get(date);
  if (special) return special.kind === 'makeup_workday';
  const w = (((n + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday), as core/date.ts weekday
  return w !== 0 && w !== 6;
}

function requireCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`工作日天数须为非负整数，收到：${n}`);
}

/** addWorkingDays' answers per calendar snapshot, dropped with it; at most MAX_ANSWERS each. */
const answers = new WeakMap<WorkingDayCalendar, Map<string, DateString>>();
const MAX_ANSWERS = 100_000;

/**
 * The n-th working day after `start`; `start` itself is not counted (§A.9, §F.2), so
 * addWorkingDays(cal, friday, 1) is the next Monday. n = 0 returns `start`.
 * Only the days walked over need data: a walk into a year without data throws.
 */
export function addWorkingDays(cal: WorkingDayCalendar, start: DateString, n: number): DateString {
  let day = dayNumber(start);
  requireCount(n);
  // A snapshot never changes (its fields are read-only), so its answers are kept with it: a region's
  // thousands of items and cases ask the same few hundred (start, n) again and again.
  const known = answers.get(cal) ?? answers.set(cal, new Map()).get(cal)!;
  const key = `${start}+${n}`;
  const answer = known.get(key);
  if (answer !== undefined) return answer;
  let date = start;
  let left = n;
  while (left > 0) {
    date = fromDayNumber(++day);
    if (workingOn(cal, date, day)) left--;
  }
  if (known.size < MAX_ANSWERS) known.set(key, date);
  return date;
}

/**
 * Working days after `a` up to and including `b`, so that
 * workingDaysBetween(cal, a, addWorkingDays(cal, a, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(cal: WorkingDayCalendar, a: DateString, b: DateString): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (to < from) return -workingDaysBetween(cal, b, a);
  let count = 0;
  for (let day = from + 1; day <= to; day++) {
    if (workingOn(cal, fromDayNumber(day), day)) count++;
  }
  return count;
}


/**
 * The years whose arrangement should be entered by now: the current year when it is not covered,
 * and next year from November on (the 国务院办公厅 notice comes out each November, domain-reference
 * §F.1) when it is not covered. Reply deadlines falling in these years cannot be computed.
 */
export function yearsToEnter(today: DateString, coveredYears: ReadonlySet<number>): number[] {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const due = month >= 11 ? [year, year + 1] : [year];
  return due.filter((y) => !coveredYears.has(y));
}
