// 待办 of 主动公开 for the console home: review stages waiting for this reviewer's signature
// (三审制: “谁审核、谁负责”).
import type { TodoSource } from '../orgs/shell/todo.ts';
import { cataloguePolicy } from './policy.ts';
import { reviewQueueFor } from './review-queue.ts';

export const catalogueTodos: TodoSource = async ({ db }, { staff, org }) => {
  if (!cataloguePolicy.review(staff, org)) return [];
  const mine = (await reviewQueueFor(db, staff, org)).rows.filter((r) => r.mine).length;
  return mine ? [{ label: '主动公开信息待您审核', count: mine, href: '/console/catalogue/review' }] : [];
};
