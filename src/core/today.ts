// Today's date for the procedure (China time). Procedural dates are checked against it (no event in
// the future) and overdue / due-soon are computed from it. Tests fix it to replay a case on known
// calendar days; each test file runs in its own process.
import { todayInChina, type DateString } from '../calendar/date.ts';

let source: () => DateString = () => todayInChina();

export const today = (): DateString => source();

/** Tests only: make `today()` return a fixed or moving date; `null` restores the real clock. */
export function setTodayForTests(fn: (() => DateString) | null): void {
  source = fn ?? (() => todayInChina());
}
