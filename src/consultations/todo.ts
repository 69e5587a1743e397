// 待办 of public consultation for the console home: comments waiting for moderation (for those who
// moderate), and closed consultations whose 结果反馈 is not published (for those who write or publish it).
import { today } from '../core/today.ts';
import type { TodoItem, TodoSource } from '../orgs/shell/todo.ts';
import { consultationPolicy } from './policy.ts';
import { countAwaitingFeedback, pendingByConsultation } from './store.ts';

export const consultationTodos: TodoSource = async (deps, { staff, org }) => {
  const items: TodoItem[] = [];
  if (consultationPolicy.moderate(staff, org)) {
    const pending = [...(await pendingByConsultation(deps.db, org.id)).values()].reduce((a, b) => a + b, 0);
    if (pending) items.push({ label: '公众意见待审核', count: pending, href: '/console/consultations/moderation', detail: '审核通过后在门户公开' });
  }
  if (consultationPolicy.prepare(staff, org) || consultationPolicy.publish(staff, org)) {
    const n = await countAwaitingFeedback(deps.db, org.id, today());
    if (n) items.push({ label: '意见征集已截止、结果反馈待公布', count: n, href: '/console/consultations?phase=closed', detail: '说明意见采纳情况及理由' });
  }
  return items;
};
