// 待办 of 依申请公开 for the console home: replies waiting for the head's signature (条例第三十六条 答复
// 由机关负责人签发), online applications waiting to be confirmed (条例第三十一条: not received until
// confirmed, so the clock has not started), and extension requests waiting for the head's approval
// (条例第三十三条第二款). Overdue and due-soon cases are the 提醒 panel's.
import type { TodoSource } from '../orgs/shell/todo.ts';
import { applicationPolicy } from './policy.ts';
import { countCasesByState, countPendingExtensions } from './store.ts';

export const applicationTodos: TodoSource = async ({ db }, { staff, org }) => {
  if (!applicationPolicy.handle(staff, org)) return [];
  const [states, extensions] = await Promise.all([countCasesByState(db, org.id), applicationPolicy.approveExtension(staff, org) ? countPendingExtensions(db, org.id) : 0]);
  const items = [];
  if (applicationPolicy.signReply(staff, org) && states.reply_drafted) {
    items.push({ label: '依申请公开答复待您审核签发', count: states.reply_drafted, href: '/console/applications?state=reply_drafted', urgent: true });
  }
  if (extensions) items.push({ label: '延长答复期限的申请待您批准', count: extensions, href: '/console/applications?state=open', urgent: true });
  if (states.submitted) {
    items.push({ label: '网上提交的申请待确认收到', count: states.submitted, href: '/console/applications?state=submitted', detail: '确认之日为收到申请之日，答复期限由此起算' });
  }
  return items;
};
