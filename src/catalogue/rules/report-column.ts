// The 政府信息公开年报 column (条例第四十九条、第五十条) holds the agency's published annual reports,
// which the report module keeps, not catalogue items. They are its items: a column whose reports are
// published is neither 空白 nor 未更新 for the inspection rules ([W19] 栏目不更新), and counts them.
import { maxDate, type DateString } from '../../core/date.ts';

export interface ColumnActivity {
  count: number;
  lastPublished: DateString | null;
}

export function withPublishedReports(
  columns: readonly { id: number; kind: string }[],
  activity: ReadonlyMap<number, ColumnActivity>,
  reports: ColumnActivity,
): Map<number, ColumnActivity> {
  const merged = new Map(activity);
  if (reports.count === 0) return merged;
  for (const c of columns.filter((x) => x.kind === 'report')) {
    const own = activity.get(c.id);
    const last = [own?.lastPublished, reports.lastPublished].filter((d): d is DateString => !!d);
    merged.set(c.id, { count: (own?.count ?? 0) + reports.count, lastPublished: last.length ? last.reduce(maxDate) : null });
  }
  return merged;
}
