// 栏目更新情况: the portal inspection rules of domain-reference §D.4 ([W19] 国办秘函〔2019〕19号,
// 单项否决指标“栏目不更新”) and late publication (条例第二十六条). Pure: columns, their activity,
// the live items' dates and the calendar in; per-rule counts with the reference's thresholds out.
//
// [W19] 栏目不更新，上述情况出现任意一种，即单项否决:
//   1. 监测时间点前2周内的动态、要闻类栏目，以及监测时间点前6个月内的通知公告、政策文件类一级栏目，
//      累计超过（含）5个未更新;
//   2. 应更新但长期未更新的栏目数量超过（含）10个;
//   3. 空白栏目数量超过（含）5个.
// [W15] 未注明信息发布时间的视为不更新.
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../../calendar/rules.ts';
import { addDays, daysBetween, type DateString } from '../../core/date.ts';
import { publicationTimeliness } from './timeliness.ts';

/** 动态、要闻类: expected at least every 2 weeks. */
export const NEWS_WINDOW_DAYS = 14;
/** 通知公告、政策文件类: expected at least every 6 months (here 180 days, the standard columns' interval). */
export const NOTICE_WINDOW_DAYS = 180;
/**
 * 长期未更新: [W19] gives no number of days; a year, the check practice applies to 人事、规划计划类
 * columns (domain-reference §D.5, vendor monitoring tool), or the column's own interval when longer.
 */
export const LONG_UNUPDATED_DAYS = 365;

export const HEALTH_THRESHOLDS = { notUpdated: 5, longUnupdated: 10, empty: 5 } as const;

export type HealthRule = 'notUpdated' | 'longUnupdated' | 'empty' | 'undated' | 'late';

export interface HealthColumn {
  id: number;
  name: string;
  parentId: number | null;
  kind: string;
  /** Expected update interval in days; null = updated as needed. */
  updateDays: number | null;
}

export interface ColumnStatus {
  column: HealthColumn;
  count: number;
  lastPublished: DateString | null;
  /** Days since the last publication; null when there is none. */
  age: number | null;
  /** The [W19] class the column's interval puts it in, if any. */
  window: 'news' | 'notice' | null;
  empty: boolean;
  /** Rule 1: a 2-week or 6-month column not updated within its interval (empty columns excluded). */
  notUpdated: boolean;
  /** Rule 2: a column that should be updated and has not been for a long time (empty columns excluded). */
  longUnupdated: boolean;
}

export interface RuleCount {
  rule: HealthRule;
  label: string;
  count: number;
  /** Count at which the indicator is 单项否决; null where the reference sets none. */
  threshold: number | null;
  veto: boolean;
  source: string;
}

export interface LatePublication {
  itemId: number;
  title: string;
  deadline: DateString;
  publishedDate: DateString | null;
  workingDaysLate: number;
}

export interface HealthReport {
  columns: ColumnStatus[];
  undated: { itemId: number; title: string }[];
  late: LatePublication[];
  /** Set when the calendar does not cover a date the Art. 26 check needs. */
  calendarProblem: string | null;
  rules: RuleCount[];
}

export interface LiveDates {
  itemId: number;
  title: string;
  columnId: number;
  formedDate: DateString | null;
  publishedDate: DateString | null;
  deadlineBasis: string;
}

/** The [W19] class of a column from its expected interval. */
export function windowOf(updateDays: number | null): ColumnStatus['window'] {
  if (updateDays === null) return null;
  if (updateDays <= NEWS_WINDOW_DAYS) return 'news';
  if (updateDays <= NOTICE_WINDOW_DAYS) return 'notice';
  return null;
}

/** The columns that are inspected: those that hold items (not the generated 指南, not a column of columns). */
export function inspectedColumns<C extends HealthColumn>(columns: readonly C[]): C[] {
  return columns.filter((c) => c.kind !== 'guide' && !columns.some((x) => x.parentId === c.id));
}

export function columnStatus(c: HealthColumn, activity: { count: number; lastPublished: DateString | null } | undefined, today: DateString): ColumnStatus {
  const count = activity?.count ?? 0;
  const lastPublished = activity?.lastPublished ?? null;
  const empty = count === 0;
  const age = lastPublished ? daysBetween(lastPublished, today) : null;
  const window = windowOf(c.updateDays);
  // An item without a publication date does not count as an update ([W15]); lastPublished is the newest dated one.
  const stale = (days: number) => !empty && (age === null || age > days);
  return {
    column: c,
    count,
    lastPublished,
    age,
    window,
    empty,
    notUpdated: window !== null && stale(c.updateDays!),
    longUnupdated: c.updateDays !== null && stale(Math.max(c.updateDays, LONG_UNUPDATED_DAYS)),
  };
}

/** Art. 26 for the live items that record a 形成或变更日期 (other deadlines, `deadlineBasis`, are left out). */
export function latePublications(cal: WorkingDayCalendar, items: readonly LiveDates[], today: DateString): LatePublication[] {
  return items.flatMap((r) => {
    const t = publicationTimeliness(cal, r, today);
    return t?.late ? [{ itemId: r.itemId, title: r.title, deadline: t.deadline, publishedDate: r.publishedDate, workingDaysLate: t.workingDaysLate }] : [];
  });
}

export function columnHealth(input: {
  columns: readonly HealthColumn[];
  activity: ReadonlyMap<number, { count: number; lastPublished: DateString | null }>;
  /** Live items (the last year's and every undated one). */
  items: readonly LiveDates[];
  calendar: WorkingDayCalendar | null;
  today: DateString;
}): HealthReport {
  const columns = inspectedColumns(input.columns).map((c) => columnStatus(c, input.activity.get(c.id), input.today));
  const undated = input.items.filter((i) => !i.publishedDate).map((i) => ({ itemId: i.itemId, title: i.title }));
  let late: LatePublication[] = [];
  let calendarProblem: string | null = null;
  if (input.calendar) {
    try {
      late = latePublications(input.calendar, input.items, input.today);
    } catch (e) {
      if (!(e instanceof CalendarNotCoveredError)) throw e;
      calendarProblem = e.message;
    }
  } else calendarProblem = '没有工作日历，无法检查逾期公开';
  const rule = (rule: HealthRule, label: string, count: number, threshold: number | null, source: string): RuleCount => ({
    rule, label, count, threshold, veto: threshold !== null && count >= threshold, source,
  });
  const rules = [
    rule('notUpdated', `动态、要闻类栏目 ${NEWS_WINDOW_DAYS} 天内、通知公告和政策文件类栏目 ${NOTICE_WINDOW_DAYS} 天内未更新`, columns.filter((c) => c.notUpdated).length, HEALTH_THRESHOLDS.notUpdated, '国办秘函〔2019〕19号 栏目不更新 第1项'),
    rule('longUnupdated', `应更新但长期（${LONG_UNUPDATED_DAYS} 天以上，或超过栏目更新周期）未更新的栏目`, columns.filter((c) => c.longUnupdated).length, HEALTH_THRESHOLDS.longUnupdated, '国办秘函〔2019〕19号 栏目不更新 第2项'),
    rule('empty', '空白栏目（不计入以上两项）', columns.filter((c) => c.empty).length, HEALTH_THRESHOLDS.empty, '国办秘函〔2019〕19号 栏目不更新 第3项'),
    rule('undated', '未注明发布日期的信息（视为不更新）', undated.length, null, '2015年全国政府网站普查 评分表注'),
    rule('late', '近一年逾期公开（超过形成或变更之日起 20 个工作日）', late.length, null, '条例第二十六条'),
  ];
  return { columns, undated, late, calendarProblem, rules };
}

/** The first day of the period the health page looks at for late publications. */
export const healthSince = (today: DateString) => addDays(today, -365);
