// Each column's live items and newest publication, the 年报 column counting the organization's
// published annual reports (rules/report-column.ts): what the console's column list and the health
// page show.
import type { Queryable } from '../core/db/database.ts';
import { todayInChina, type DateString } from '../core/date.ts';
import { listPublishedReports } from '../report/store.ts';
import type { Column } from './model.ts';
import { withPublishedReports, type ColumnActivity } from './rules/report-column.ts';
import { columnActivity } from './store.ts';

export async function columnActivityWithReports(db: Queryable, orgId: number, columns: readonly Column[]): Promise<Map<number, ColumnActivity>> {
  const [activity, reports] = await Promise.all([columnActivity(db, orgId), listPublishedReports(db, orgId)]);
  const dates = reports.map((r) => todayInChina(new Date(r.publishedAt!))).sort();
  return withPublishedReports(columns, activity, { count: reports.length, lastPublished: (dates.at(-1) as DateString | undefined) ?? null });
}
