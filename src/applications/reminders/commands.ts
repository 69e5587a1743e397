// Changes a handler makes to their own reminders: the address for the daily e-mail.
import { appendAudit } from '../../core/audit/log.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Database } from '../../core/db/database.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { hasRole } from '../../orgs/staff/scope.ts';
import { setAddress } from './store.ts';

/** Staff who get reminders: 依申请办理人 and 机关负责人 (rules.ts). */
export const receivesReminders = (s: Staff) => hasRole(s, 'handler', 'head');

const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Sets (or, with an empty value, removes) the signed-in handler's reminder address. */
export async function setReminderAddress(db: Database, ctx: CommandContext & { staff: Staff }, raw: string): Promise<string | null> {
  const staff = ctx.staff;
  if (!receivesReminders(staff)) throw forbidden('只有依申请办理人和机关负责人接收办理时限提醒');
  const email = raw.trim() || null;
  if (email !== null && (email.length > 200 || !EMAIL_RE.test(email))) throw invalid('邮箱地址格式不正确');
  await db.transaction(async (tx) => {
    await setAddress(tx, staff.userId, staff.homeOrgId, email);
    await appendAudit(tx, ctx.actor, {
      orgId: staff.homeOrgId, action: 'user.reminder-address', targetType: 'user', targetId: staff.userId,
      summary: { reminderEmail: email === null ? 'removed' : 'set' },
    });
  });
  return email;
}
