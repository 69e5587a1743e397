// 待办 of the self-assessment: for the agency's editor, head and administrator, its returned
// self-assessments (to edit and submit again); for the office's administrators and supervisors, the
// submitted ones waiting for their decision. Added to the module's 待办 by ../todo.ts.
import type { Queryable } from '../../../core/db/database.ts';
import type { ConsoleView } from '../../../orgs/shell/console-layout.ts';
import type { TodoItem } from '../../../orgs/shell/todo.ts';
import { assessmentPolicy } from '../policy.ts';
import { returnedCount, submittedCount } from './store.ts';

export async function selfAssessmentTodos(db: Queryable, view: Pick<ConsoleView, 'staff' | 'org'>): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  if (assessmentPolicy.work(view.staff, view.org)) {
    const r = await returnedCount(db, view.org.id);
    if (r.count > 0) items.push({ label: '自评报告被退回，待修改后重新提交', count: r.count, href: `/console/assessment/self-assessment?year=${r.year}`, urgent: true });
  }
  if (assessmentPolicy.manage(view.staff, view.org)) {
    const n = await submittedCount(db, view.org.id);
    if (n > 0) items.push({ label: '部门提交的自评报告待审核', count: n, href: '/console/assessment/self-assessments' });
  }
  return items;
}
