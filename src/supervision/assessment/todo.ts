// 待办 of the task breakdown and rectification items: for the agency's editor, head and administrator,
// its tasks not yet reported (urgent when overdue) and its open rectification items; for the office's
// administrators and supervisors, the reports and closings waiting for their decision.
import type { TodoItem, TodoSource } from '../../orgs/shell/todo.ts';
import { today } from '../../core/today.ts';
import { assessmentPolicy } from './policy.ts';
import { selfAssessmentTodos } from './self-assessment/todo.ts';
import { agencyOpenCounts, officeWaitingCounts } from './store.ts';

export const assessmentTodos: TodoSource = async (deps, view) => {
  const items: TodoItem[] = [];
  if (assessmentPolicy.work(view.staff, view.org)) {
    const c = await agencyOpenCounts(deps.db, view.org.id, today());
    if (c.tasks > 0 || c.overdueTasks > 0) {
      items.push({ label: '政务公开任务待报送完成情况', count: c.tasks, href: '/console/assessment', urgent: c.overdueTasks > 0, ...(c.overdueTasks > 0 ? { detail: `其中 ${c.overdueTasks} 项已逾期` } : {}) });
    }
    if (c.items > 0 || c.overdueItems > 0) {
      items.push({ label: '整改事项待完成', count: c.items, href: '/console/assessment/rectifications', urgent: c.overdueItems > 0, ...(c.overdueItems > 0 ? { detail: `其中 ${c.overdueItems} 项已逾期` } : {}) });
    }
  }
  if (assessmentPolicy.manage(view.staff, view.org)) {
    const c = await officeWaitingCounts(deps.db, view.org.id);
    if (c.submitted > 0) items.push({ label: '部门报送的任务完成情况待验收', count: c.submitted, href: '/console/assessment' });
    if (c.closed > 0) items.push({ label: '部门报送的整改完成情况待确认', count: c.closed, href: '/console/assessment/rectifications' });
  }
  items.push(...(await selfAssessmentTodos(deps.db, view)));
  return items;
};
