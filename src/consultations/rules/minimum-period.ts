// The minimum period of a public consultation (征求意见期限), per kind of draft. Pure functions over
// the working-day calendar (src/calendar/rules.ts). Sources and how sure they are: docs/consultations.md.
//
// 《重大行政决策程序暂行条例》（国务院令第713号，2019）第十四条：决策承办单位…公开征求意见的期限
//   一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。
// 国办发〔2018〕37号《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》：对涉及群众
//   切身利益或者对公民、法人和其他组织权利义务有重大影响的行政规范性文件，要向社会公开征求意见，
//   期限一般不少于7个工作日。
// 其他 drafts: no rule sets a period; the platform's default is 7 日 (a choice, configurable).
//
// Counting: 《民法典》第二百零一条 — a period in days starts the day after (开始的当日不计入), so a
// consultation starting on D has n 日 when it ends on D + n, and n 个工作日 when it ends on the n-th
// working day after D (addWorkingDays, as every working-day period of the platform).
import { addDays, daysBetween, type DateString } from '../../core/date.ts';
import { addWorkingDays, workingDaysBetween, type WorkingDayCalendar } from '../../calendar/rules.ts';
import type { ConsultationKind, DayUnit } from '../model.ts';
import { DAY_UNIT_LABELS } from '../model.ts';

export interface MinimumPeriod {
  days: number;
  unit: DayUnit;
}

export const DEFAULT_MINIMUM_PERIODS: Readonly<Record<ConsultationKind, MinimumPeriod>> = {
  // 国办发〔2018〕37号：期限一般不少于7个工作日
  normative: { days: 7, unit: 'working' },
  // 《重大行政决策程序暂行条例》第十四条：期限一般不少于30日
  major_decision: { days: 30, unit: 'calendar' },
  // no rule: the platform's choice
  other: { days: 7, unit: 'calendar' },
};

export const describePeriod = (p: MinimumPeriod) => `${p.days}${DAY_UNIT_LABELS[p.unit]}`;

/** The last day a consultation starting on `start` must reach to last the minimum period. */
export function minimumEndDate(cal: WorkingDayCalendar, start: DateString, min: MinimumPeriod): DateString {
  return min.unit === 'working' ? addWorkingDays(cal, start, min.days) : addDays(start, min.days);
}

/** The length of the period from `start` to `end`, in the unit of the minimum (start day not counted). */
export function periodLength(cal: WorkingDayCalendar, start: DateString, end: DateString, unit: DayUnit): number {
  return unit === 'working' ? workingDaysBetween(cal, start, end) : daysBetween(start, end);
}

export interface PeriodCheck {
  /** The period is at least the minimum. */
  long: boolean;
  /** Its length in the minimum's unit when shorter than the minimum; -1 when long enough (not counted). */
  length: number;
  minimum: MinimumPeriod;
  minimumEnd: DateString;
  /** Why it is refused, in Chinese; null when the period may be used (long enough, or a reason given). */
  problem: string | null;
}

/**
 * “一般不少于”: a shorter period is allowed with a stated reason (第十四条：因情况紧急等原因需要缩短期限的，
 * 公开征求意见时应当予以说明), which the portal shows with the consultation.
 */
export function checkPeriod(cal: WorkingDayCalendar, start: DateString, end: DateString, min: MinimumPeriod, shortReason: string): PeriodCheck {
  const minimumEnd = minimumEndDate(cal, start, min);
  const long = end >= minimumEnd;
  // a long period's length is not counted: its end may lie in a year the calendar does not cover yet
  const length = long ? -1 : periodLength(cal, start, end, min.unit);
  const problem = long || shortReason.trim()
    ? null
    : `征求意见期限一般不少于${describePeriod(min)}（自开始日期次日起算，截止日期不早于 ${minimumEnd}）；本次为${length}${DAY_UNIT_LABELS[min.unit]}。确需缩短的，请填写缩短期限的理由，理由将随征求意见一并公布`;
  return { long, length, minimum: min, minimumEnd, problem };
}
