// The one "today" of the system: the date in China (UTC+8), whatever the server's time zone,
// and its year. Procedural dates are checked against it (no event in the future), overdue and
// due-soon are computed from it, and the year decides which annual report is due. Tests pin it
// to replay a case on known calendar days; each test file runs in its own process.
import { CHINA_UTC_OFFSET_MS, todayInChina, type DateString } from './date.ts';

const DAY_MS = 86_400_000;
/** The real clock's date, worked out once a day, until Beijing midnight (it is asked on every portal view). */
let day = { date: '' as DateString, until: 0 };
function realToday(): DateString {
  const now = Date.now();
  if (now >= day.until) day = { date: todayInChina(new Date(now)), until: (Math.floor((now + CHINA_UTC_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_UTC_OFFSET_MS };
  return day.date;
}

let source: () => DateString = realToday;

export const today = (): DateString => source();

/** The current year in China: on 1 January before 08:00 Beijing time a server on UTC still says last year. */
export const currentYear = (): number => Number(today().slice(0, 4));

/** Tests only: make `today()` return a fixed or moving date; `null` restores the real clock. */
export function setTodayForTests(fn: (() => DateString) | null): void {
  source = fn ?? realToday;
}
