// 待办 of the working-day calendar for the console home: the year whose holiday arrangement is
// missing (rules.ts yearsToEnter: the current year, or next year from November on), for the
// administrators who may enter it. Without it every reply deadline in that year fails.
import type { TodoSource } from '../orgs/shell/todo.ts';
import { today } from '../core/today.ts';
import { calendarYearEntryHref } from './links.ts';
import { calendarPolicy } from './policy.ts';
import { yearsToEnter } from './rules.ts';
import { coveredYears } from './store.ts';

export const calendarTodos: TodoSource = async ({ db }, { staff }) => {
  if (!calendarPolicy.editNational(staff)) return [];
  const covered = new Set((await coveredYears(db)).map((y) => y.year));
  return yearsToEnter(today(), covered).map((year) => ({
    label: `${year} 年节假日安排尚未录入`,
    count: null,
    href: calendarYearEntryHref(year),
    urgent: true,
    detail: `答复期限等落在 ${year} 年的工作日无法计算，请依据国务院办公厅关于 ${year} 年部分节假日安排的通知录入`,
  }));
};
