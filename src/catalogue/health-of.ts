// The column health of one agency today (rules/health.ts over its columns, their activity with the
// published annual reports, its live items' dates and its working-day calendar): the health page and
// the region dashboard read the same. healthOfOrgs gives the same for many agencies in a fixed number
// of statements (the region dashboard of a thousand agencies).
import type { Queryable } from '../core/db/database.ts';
import { todayInChina, type DateString } from '../core/date.ts';
import { loadCalendar, loadCalendarsOf } from '../calendar/store.ts';
import { publishedReportCountsOf } from '../report/store.ts';
import { columnActivityWithReports } from './column-activity.ts';
import { columnHealth, healthSince, type HealthReport } from './rules/health.ts';
import { withPublishedReports } from './rules/report-column.ts';
import { columnActivityOfOrgs, listColumns, listColumnsOfOrgs, liveVersionDates, liveVersionDatesOfOrgs } from './store.ts';

export async function healthOf(db: Queryable, orgId: number, now: string): Promise<HealthReport> {
  const columns = await listColumns(db, orgId);
  const [activity, items, calendar] = await Promise.all([
    columnActivityWithReports(db, orgId, columns),
    liveVersionDates(db, orgId, healthSince(now)),
    loadCalendar(db, orgId),
  ]);
  return columnHealth({ columns, activity, items, calendar, today: now });
}

/** healthOf of each agency, null for one without columns (its catalogue not opened); six statements in all. */
export async function healthOfOrgs(db: Queryable, orgIds: readonly number[], now: string): Promise<Map<number, HealthReport | null>> {
  const [columns, activity, reports, items, calendars] = await Promise.all([
    listColumnsOfOrgs(db, orgIds),
    columnActivityOfOrgs(db, orgIds),
    publishedReportCountsOf(db, orgIds),
    liveVersionDatesOfOrgs(db, orgIds, healthSince(now)),
    loadCalendarsOf(db, orgIds),
  ]);
  return new Map(
    orgIds.map((id) => {
      const own = columns.get(id);
      if (!own?.length) return [id, null];
      const r = reports.get(id);
      const merged = withPublishedReports(own, activity.get(id) ?? new Map(), {
        count: r?.count ?? 0,
        lastPublished: r?.lastPublishedAt ? (todayInChina(new Date(r.lastPublishedAt)) as DateString) : null,
      });
      return [id, columnHealth({ columns: own, activity: merged, items: items.get(id) ?? [], calendar: calendars.get(id)!, today: now })];
    }),
  );
}
