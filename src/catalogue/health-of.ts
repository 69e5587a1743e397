// The column health of one agency today (rules/health.ts over its columns, their activity with the
// published annual reports, its live items' dates and its working-day calendar): the health page and
// the region dashboard read the same.
import type { Queryable } from '../core/db/database.ts';
import { loadCalendar } from '../calendar/store.ts';
import { columnActivityWithReports } from './column-activity.ts';
import { columnHealth, healthSince, type HealthReport } from './rules/health.ts';
import { listColumns, liveVersionDates } from './store.ts';

export async function healthOf(db: Queryable, orgId: number, now: string): Promise<HealthReport> {
  const columns = await listColumns(db, orgId);
  const [activity, items, calendar] = await Promise.all([
    columnActivityWithReports(db, orgId, columns),
    liveVersionDates(db, orgId, healthSince(now)),
    loadCalendar(db, orgId),
  ]);
  return columnHealth({ columns, activity, items, calendar, today: now });
}
