// Loads the shipped national calendar (data/cn-holidays.json, 2019–2026) into the database.
// Safe to run at every start-up, twice, and from several processes at once: a year already
// covered is never touched again (an administrator's later changes stay), and the writes hold
// an advisory lock so that two processes cannot both insert the same year.
import { readFileSync } from 'node:fs';
import { withAdvisoryLock, type Database } from '../core/db/database.ts';
import { parseYearArrangement, specialDaysOf, type YearArrangement } from './arrangement.ts';
import { workingDayCalendar, type WorkingDayCalendar } from './rules.ts';
import { CALENDAR_LOCK, coveredYears, insertCoveredYear, insertNationalDays } from './store.ts';

export const SHIPPED_CALENDAR_PATH = new URL('./data/cn-holidays.json', import.meta.url);

/** Who the shipped rows are recorded as created by. */
export const SEED_CREATOR = '系统（随软件发布的数据）';

let shipped: YearArrangement[] | undefined;

/** The reviewed arrangements shipped with the software, one per year. */
export function shippedArrangements(): YearArrangement[] {
  shipped ??= (JSON.parse(readFileSync(SHIPPED_CALENDAR_PATH, 'utf8')) as { years: unknown[] }).years.map(parseYearArrangement);
  return shipped;
}

/** The shipped national calendar as a snapshot, without a database (tests, tools). */
export function shippedCalendar(): WorkingDayCalendar {
  const arrangements = shippedArrangements();
  return workingDayCalendar(
    arrangements.map((a) => a.year),
    arrangements.flatMap(specialDaysOf),
  );
}

/** Seeds the years not yet covered; returns the years seeded now. */
export async function seedCalendar(db: Database, arrangements: YearArrangement[] = shippedArrangements()): Promise<number[]> {
  const missing = (have: Set<number>) => arrangements.filter((a) => !have.has(a.year));
  // Fast path without a lock: the usual start-up finds everything in place.
  if (missing(new Set((await coveredYears(db)).map((y) => y.year))).length === 0) return [];
  return withAdvisoryLock(db, CALENDAR_LOCK, 0, async (tx) => {
    const todo = missing(new Set((await coveredYears(tx)).map((y) => y.year)));
    for (const a of todo) {
      await insertNationalDays(tx, specialDaysOf(a), SEED_CREATOR, { replace: false });
      await insertCoveredYear(tx, { year: a.year, source: a.source, url: a.url ?? null, createdBy: SEED_CREATOR });
    }
    return todo.map((a) => a.year);
  });
}
