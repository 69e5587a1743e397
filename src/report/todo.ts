// 待办 of the annual report for the console home: last year's report until it is published, with its
// deadline (条例第四十九条: 每年1月31日前公布; 政府 3月31日, domain reference A.11), for those who
// edit or publish it.
import type { Queryable } from '../core/db/database.ts';
import type { Organization } from '../orgs/model.ts';
import type { TodoItem, TodoSource } from '../orgs/shell/todo.ts';
import { addDays, dayNumber } from '../core/date.ts';
import { annualReportDeadline } from '../orgs/rules.ts';
import { reportPolicy } from './policy.ts';
import { findReportByOrgYear, findVersion } from './store.ts';
import { today } from '../core/today.ts';

/** Within this many days of the deadline the matter is urgent. */
const URGENT_DAYS = 30;

/** This year's report is a 待办 from this many days before its deadline (December for 1月31日). */
const UPCOMING_DAYS = 60;

export const reportTodos: TodoSource = async (deps, { staff, org }) => {
  if (!reportPolicy.edit(staff, org) && !reportPolicy.publish(staff, org)) return [];
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  // Last year's until published (overdue after its deadline); this year's as its deadline comes near.
  const upcoming = dayNumber(addDays(now, UPCOMING_DAYS)) >= dayNumber(annualReportDeadline(org, thisYear)) ? [thisYear] : [];
  return (await Promise.all([thisYear - 1, ...upcoming].map((year) => reportTodo(deps.db, org, year, now)))).flat();
};

async function reportTodo(db: Queryable, org: Organization, year: number, now: string): Promise<TodoItem[]> {
  const deadline = annualReportDeadline(org, year);
  const stored = await findReportByOrgYear(db, org.id, year);
  if (stored?.publishedVersion) return [];
  const late = dayNumber(now) > dayNumber(deadline);
  const urgent = late || dayNumber(addDays(now, URGENT_DAYS)) >= dayNumber(deadline);
  const when = late ? `已过公布截止日 ${deadline}` : `公布截止日 ${deadline}`;
  if (!stored) return [{ label: `${year} 年度报告尚未创建`, count: null, href: '/console/reports', urgent, detail: when }];
  const version = await findVersion(db, stored.id, stored.currentVersion);
  const errors = version?.errorCount ?? 0;
  return [{ label: `${year} 年度报告尚未发布`, count: null, href: `/console/reports/${stored.id}`, urgent, detail: `${when}${errors ? `；当前版本有 ${errors} 处错误` : ''}` }];
}
