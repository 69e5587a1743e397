// 办理时限提醒: once a day (China time), per organization and handler, the cases due within 3
// working days and the overdue ones, stored as digests and shown in the console; e-mailed when SMTP
// is configured. Runs as a scheduled job (src/core/jobs) under its advisory lock, and from the CLI
// under the same lock: whichever process comes first makes the day's digests, the others find them.
import type { DateString } from '../../core/date.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../core/audit/log.ts';
import { LOCK, withAdvisoryLock, type Database, type Queryable } from '../../core/db/database.ts';
import { jobLockKey, type Job, type JobLog } from '../../core/jobs/runner.ts';
import { loadClockRules } from '../clock-conventions/store.ts';
import { caseClock } from '../rules/case-clock.ts';
import { listCases, listEventsOfCases } from '../store.ts';
import { today } from '../../core/today.ts';
import { digestEmail, type Mailer } from './mail.ts';
import { digestsOf } from './rules.ts';
import {
  claimEmail,
  digestsToEmail,
  findRun,
  insertDigest,
  insertRun,
  listDigests,
  listReminderStaff,
  markEmailed,
  markEmailFailed,
  orgsWithOpenCases,
  type StoredDigest,
} from './store.ts';

export const REMINDER_JOB = 'application-reminders';

export interface PreparedRun {
  onDate: DateString;
  /** false: the day's digests had been made before (by this or another process). */
  created: boolean;
}

/**
 * Makes the digests of the day unless they exist. The run row is inserted first: its primary key
 * keeps the day's digests single even without the job lock (a second transaction waits for the
 * first and then finds the row).
 */
export async function prepareReminders(tx: Queryable, onDate: DateString): Promise<PreparedRun> {
  if (await findRun(tx, onDate)) return { onDate, created: false };
  if (!(await insertRun(tx, onDate, 0, 0))) return { onDate, created: false };
  let digests = 0;
  const cases = new Set<number>();
  for (const orgId of await orgsWithOpenCases(tx)) {
    const open = await listCases(tx, orgId, { state: 'open', limit: null });
    const rules = await loadClockRules(tx, orgId);
    const staff = await listReminderStaff(tx, orgId);
    const events = await listEventsOfCases(tx, open.map((c) => c.id));
    const queue = open.map((c) => ({ case: c, clock: caseClock(rules, c, events.get(c.id) ?? [], onDate) }));
    const drafts = digestsOf(orgId, queue, staff);
    if (!drafts.length) continue;
    for (const d of drafts) {
      await insertDigest(tx, onDate, d);
      for (const i of [...d.dueSoon, ...d.overdue]) cases.add(i.caseId);
    }
    digests += drafts.length;
    const count = (key: 'dueSoon' | 'overdue') => new Set(drafts.flatMap((d) => d[key].map((i) => i.caseId))).size;
    await appendAudit(tx, SYSTEM_ACTOR, {
      orgId, action: 'application.reminders', targetType: 'reminder_run', targetId: onDate,
      summary: { onDate, handlers: drafts.length, dueSoon: count('dueSoon'), overdue: count('overdue') },
    });
  }
  await tx.query('update reminder_runs set digests = $2, cases = $3 where on_date = $1', [onDate, digests, cases.size]);
  return { onDate, created: true };
}

export interface EmailResult {
  sent: number;
  failed: number;
}

/** Sends the day's digests not sent yet to the handlers who set an address; each at most once. */
export async function sendReminderEmails(db: Database, onDate: DateString, mailer: Mailer, log?: JobLog): Promise<EmailResult> {
  const result: EmailResult = { sent: 0, failed: 0 };
  for (const d of await digestsToEmail(db, onDate)) {
    if (!d.address || !(await claimEmail(db, d.id, d.address))) continue;
    try {
      await mailer.send({ to: d.address, ...digestEmail(d) });
      await markEmailed(db, d.id);
      result.sent++;
    } catch (err) {
      await markEmailFailed(db, d.id, String((err as Error)?.message ?? err));
      log?.error(`reminder e-mail ${d.id} failed`, err);
      result.failed++;
    }
  }
  return result;
}

/** The scheduled job: every `intervalMinutes`, make today's digests if not yet made, then send pending e-mails. */
export function reminderJob(db: Database, opts: { intervalMinutes: number; mailer: Mailer | null; log?: JobLog }): Job<PreparedRun> {
  return {
    name: REMINDER_JOB,
    intervalMs: opts.intervalMinutes * 60_000,
    run: (tx) => prepareReminders(tx, today()),
    afterCommit: async (run) => {
      if (opts.mailer) await sendReminderEmails(db, run.onDate, opts.mailer, opts.log);
    },
  };
}

export interface ReminderReport extends PreparedRun {
  digests: StoredDigest[];
  emails: EmailResult | null;
}

/** Runs the reminders once for a date (the CLI): waits for the job's lock if a server is running it. */
export async function runRemindersNow(db: Database, onDate: DateString, mailer: Mailer | null): Promise<ReminderReport> {
  const run = await withAdvisoryLock(db, LOCK.jobs, jobLockKey(REMINDER_JOB), (tx) => prepareReminders(tx, onDate));
  const emails = mailer ? await sendReminderEmails(db, onDate, mailer) : null;
  return { ...run, digests: await listDigests(db, onDate), emails };
}
