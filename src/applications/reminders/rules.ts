// Who is reminded of which case (pure). A case due soon (即将到期: 3 working days unless 计时规则 say otherwise; 条例第三十三条
// 答复期限 on the working-day calendar) or overdue (逾期) goes to its assigned handler; a case without
// one — or whose handler can no longer handle cases — goes to every 依申请办理人 of the organization,
// and to its 机关负责人 when it has no 办理人, so that no case is forgotten.
import type { DateString } from '../../core/date.ts';
import type { Role } from '../../orgs/staff/model.ts';
import type { Case } from '../model.ts';
import type { CaseClock } from '../rules/case-clock.ts';

export interface ReminderItem {
  caseId: number;
  receiptNo: string;
  /** 所需信息的名称: the title of the information sought (no personal data). */
  infoTitle: string;
  dueDate: DateString;
  /** Due soon: working days from today to the due date (0 = due today). */
  workingDaysLeft: number | null;
  /** Overdue: calendar days past the due date. */
  daysOverdue: number;
  /** false: the case has no (active) handler and is sent to all the organization's handlers. */
  assigned: boolean;
}

export interface DigestDraft {
  orgId: number;
  userId: number;
  dueSoon: ReminderItem[];
  overdue: ReminderItem[];
}

/** Staff of the organization who may handle cases (active, role 办理人 or 负责人). */
export interface ReminderStaff {
  id: number;
  roles: readonly Role[];
}

/** The digests of one organization on one day, one per staff member with at least one case. */
export function digestsOf(orgId: number, queue: readonly { case: Case; clock: CaseClock }[], staff: readonly ReminderStaff[]): DigestDraft[] {
  const active = new Set(staff.map((s) => s.id));
  const handlers = staff.filter((s) => s.roles.includes('handler')).map((s) => s.id);
  const fallback = handlers.length ? handlers : staff.filter((s) => s.roles.includes('head')).map((s) => s.id);
  const byUser = new Map<number, DigestDraft>();
  for (const { case: c, clock } of queue) {
    const status = clock.status?.status;
    if ((status !== 'due_soon' && status !== 'overdue') || !clock.dueDate) continue;
    const assigned = c.handlerUserId !== null && active.has(c.handlerUserId);
    const item: ReminderItem = {
      caseId: c.id,
      receiptNo: c.receiptNo,
      infoTitle: c.infoTitle,
      dueDate: clock.dueDate,
      workingDaysLeft: status === 'due_soon' ? clock.status!.workingDaysLeft : null,
      daysOverdue: status === 'overdue' ? clock.status!.daysOverdue : 0,
      assigned,
    };
    for (const userId of assigned ? [c.handlerUserId!] : fallback) {
      let d = byUser.get(userId);
      if (!d) byUser.set(userId, (d = { orgId, userId, dueSoon: [], overdue: [] }));
      (status === 'overdue' ? d.overdue : d.dueSoon).push(item);
    }
  }
  for (const d of byUser.values()) {
    d.overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.receiptNo.localeCompare(b.receiptNo));
    d.dueSoon.sort((a, b) => (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0) || a.receiptNo.localeCompare(b.receiptNo));
  }
  return [...byUser.values()].sort((a, b) => a.userId - b.userId);
}

/** One line per case, as the console, the CLI and the e-mail show it. */
export function reminderLine(item: ReminderItem): string {
  const when = item.workingDaysLeft === null ? `已逾期 ${item.daysOverdue} 天` : item.workingDaysLeft === 0 ? '今日到期' : `还剩 ${item.workingDaysLeft} 个工作日`;
  return `${item.receiptNo}　${item.infoTitle}　答复期限 ${item.dueDate}（${when}）${item.assigned ? '' : '　[未分配办理人]'}`;
}
