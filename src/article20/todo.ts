// 待办 of the Article 20 ledgers for the console home: the years with entries still 录入, for those
// who confirm them (机关负责人, 系统管理员): until confirmed they do not count in table 2.
import type { TodoSource } from '../orgs/shell/todo.ts';
import { article20Policy } from './policy.ts';
import { unconfirmedByYear } from './store.ts';

export const article20Todos: TodoSource = async (deps, { staff, org }) => {
  if (!article20Policy.confirm(staff, org)) return [];
  const years = await unconfirmedByYear(deps.db, org.id);
  return years.map(({ year, n }) => ({ label: `${year} 年第二十条事项台账待确认`, count: n, href: `/console/article20?year=${year}`, detail: '确认后计入年度报告表二' }));
};
