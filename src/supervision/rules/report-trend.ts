// Pure rules of the dashboard's trend over years (issue 17 §1 “year over year”): for each year, how many
// agencies published their annual report on time, late, or not at all (条例第四十九条, the deadline per
// organization as in the report table), and the region's applications received by its reports' figures.
import { annualReportDeadline } from '../../orgs/rules.ts';
import type { OrgKind } from '../../orgs/model.ts';
import { publishedOnTime } from './report-standing.ts';

export interface TrendInput {
  kind: string;
  reportDeadline: string | null;
  year: number;
  hasReport: boolean;
  firstPublishedOn: string | null;
  received: number | null;
}

export interface YearTrend {
  year: number;
  onTime: number;
  late: number;
  /** The deadline passed without a publication. */
  unpublished: number;
  /** Not published, the deadline still ahead. */
  notDue: number;
  /** 本年新收 summed over the agencies whose report of the year gives it; null when none does. */
  received: number | null;
  /** How many reports the sum is made of. */
  receivedReports: number;
}

/** One entry per year from `fromYear` to `toYear`, counting the agencies as the report table does. */
export function yearTrends(records: readonly TrendInput[], fromYear: number, toYear: number, today: string): YearTrend[] {
  const out = new Map<number, YearTrend>();
  for (let y = fromYear; y <= toYear; y++) out.set(y, { year: y, onTime: 0, late: 0, unpublished: 0, notDue: 0, received: null, receivedReports: 0 });
  for (const r of records) {
    const t = out.get(r.year);
    if (!t) continue;
    const deadline = annualReportDeadline({ kind: r.kind as OrgKind, reportDeadline: r.reportDeadline }, r.year);
    const onTime = publishedOnTime(r.firstPublishedOn, deadline, today);
    if (onTime === true) t.onTime++;
    else if (onTime === null) t.notDue++;
    else if (r.firstPublishedOn) t.late++;
    else t.unpublished++;
    if (r.hasReport && r.received !== null) {
      t.received = (t.received ?? 0) + r.received;
      t.receivedReports++;
    }
  }
  return [...out.values()];
}
