// 待办 of 主动公开 for the console home: review stages waiting for this reviewer's signature
// (三审制: “谁审核、谁负责”); for the head and administrators, a review the organization's people
// cannot complete — its settings, and items in review nobody may sign any more (to be returned).
import type { TodoItem, TodoSource } from '../orgs/shell/todo.ts';
import { cataloguePolicy } from './policy.ts';
import { reviewQueueFor } from './review-queue.ts';
import { reviewStaffing } from './staffing.ts';

export const catalogueTodos: TodoSource = async ({ db }, { staff, org }) => {
  const todos: TodoItem[] = [];
  if (cataloguePolicy.review(staff, org)) {
    const mine = (await reviewQueueFor(db, staff, org)).rows.filter((r) => r.mine).length;
    if (mine) todos.push({ label: '主动公开信息待您审核', count: mine, href: '/console/catalogue/review' });
  }
  if (cataloguePolicy.returnFromReview(staff, org)) {
    const { settingsProblem, stuck } = await reviewStaffing(db, org);
    if (settingsProblem) todos.push({ label: '主动公开审核设置无法完成', count: null, href: '/console/catalogue/settings', urgent: true, detail: settingsProblem });
    if (stuck.length) todos.push({ label: '审核无法完成、待您退回的主动公开信息', count: stuck.length, href: '/console/catalogue?state=in_review', urgent: true });
  }
  return todos;
};
