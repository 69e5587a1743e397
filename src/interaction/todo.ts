// 待办 of messages from the public for the console home: replies waiting for the head's signature, and
// open messages past or near their reply deadline (rules/deadline.ts).
import { today } from '../core/today.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { TodoSource } from '../orgs/shell/todo.ts';
import { interactionPolicy } from './policy.ts';
import { replyDueDate } from './rules/deadline.ts';
import { openCounts } from './store.ts';

/** Due soon: within this many working days. */
const SOON_WORKING_DAYS = 1;

export const interactionTodos: TodoSource = async ({ db }, { staff, org }) => {
  if (!interactionPolicy.handle(staff, org)) return [];
  const now = today();
  const soon = replyDueDate(await loadCalendar(db, org.id), now, SOON_WORKING_DAYS) ?? now;
  const c = await openCounts(db, org.id, now, soon);
  const items = [];
  if (interactionPolicy.sign(staff, org) && c.drafted) items.push({ label: '留言答复待您审核签发', count: c.drafted, href: '/console/letters?state=reply_drafted', urgent: true });
  if (c.overdue) items.push({ label: '留言已超过答复期限', count: c.overdue, href: '/console/letters?state=overdue', urgent: true });
  if (c.dueSoon) items.push({ label: '留言即将到期', count: c.dueSoon, href: '/console/letters?state=open', detail: `${soon} 前须答复` });
  return items;
};
