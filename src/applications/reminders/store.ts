// Every SQL statement of the reminders, with the row-to-object mapping.
import type { DateString } from '../../core/date.ts';
import type { Queryable } from '../../core/db/database.ts';
import type { Role } from '../../orgs/staff/model.ts';
import type { CaseState } from '../model.ts';
import type { DigestDraft, ReminderItem, ReminderStaff } from './rules.ts';

const OPEN = `state not in ('replied', 'closed', 'withdrawn', 'abandoned', 'unpaid')`;

/** Organizations with at least one case still running (the others have nothing to remind of). */
export async function orgsWithOpenCases(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ org_id: number }>(`select distinct org_id from applications where ${OPEN} and received_on is not null order by org_id`);
  return rows.map((r) => r.org_id);
}

/** Active staff of the organization who may handle cases (办理人, 负责人), with those roles. */
export async function listReminderStaff(db: Queryable, orgId: number): Promise<ReminderStaff[]> {
  const rows = await db.query<{ id: number; roles: Role[] }>(
    `select u.id, array_agg(r.role order by r.role) as roles from users u join user_roles r on r.user_id = u.id
     where u.org_id = $1 and r.role in ('handler', 'head') and not u.disabled group by u.id order by u.id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, roles: r.roles }));
}

// ── Runs and digests ─────────────────────────────────────────────────────────

export interface ReminderRun {
  onDate: DateString;
  createdAt: Date;
  digests: number;
  cases: number;
}

export async function findRun(db: Queryable, onDate: DateString): Promise<ReminderRun | undefined> {
  const [r] = await db.query<{ on_date: string; created_at: Date; digests: number; cases: number }>('select * from reminder_runs where on_date = $1', [onDate]);
  return r && { onDate: r.on_date, createdAt: new Date(r.created_at), digests: r.digests, cases: r.cases };
}

/** The latest run on or before the date (the console shows what the job found that day). */
export async function latestRunDate(db: Queryable, upTo: DateString): Promise<DateString | null> {
  const [r] = await db.query<{ on_date: string }>('select on_date from reminder_runs where on_date <= $1 order by on_date desc limit 1', [upTo]);
  return r?.on_date ?? null;
}

/** Records the day's run; false when another run of that day was recorded first (nothing is inserted then). */
export async function insertRun(tx: Queryable, onDate: DateString, digests: number, cases: number): Promise<boolean> {
  const rows = await tx.query('insert into reminder_runs (on_date, digests, cases) values ($1, $2, $3) on conflict do nothing returning on_date', [onDate, digests, cases]);
  return rows.length === 1;
}

export async function insertDigest(tx: Queryable, onDate: DateString, d: DigestDraft): Promise<void> {
  await tx.query(
    `insert into reminder_digests (org_id, user_id, on_date, due_soon, overdue) values ($1, $2, $3, $4, $5)
     on conflict (org_id, user_id, on_date) do nothing`,
    [d.orgId, d.userId, onDate, d.dueSoon, d.overdue],
  );
}

export interface StoredDigest extends DigestDraft {
  id: number;
  onDate: DateString;
  orgCode: string;
  orgName: string;
  username: string;
  displayName: string;
  /** The address set by the handler now (null: no e-mail wanted). */
  address: string | null;
  emailTo: string | null;
  emailedAt: Date | null;
  emailAttempts: number;
  emailError: string | null;
}

interface DigestRow {
  id: number;
  org_id: number;
  user_id: number;
  on_date: string;
  due_soon: ReminderItem[];
  overdue: ReminderItem[];
  org_code: string;
  org_name: string;
  username: string;
  display_name: string;
  address: string | null;
  email_to: string | null;
  emailed_at: Date | null;
  email_attempts: number;
  email_error: string | null;
}

const DIGEST_SELECT = `select d.*, o.code as org_code, o.full_name as org_name, u.username, u.display_name, a.email as address
  from reminder_digests d join organizations o on o.id = d.org_id join users u on u.id = d.user_id
  left join reminder_addresses a on a.user_id = d.user_id`;

const toDigest = (r: DigestRow): StoredDigest => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  onDate: r.on_date,
  dueSoon: r.due_soon,
  overdue: r.overdue,
  orgCode: r.org_code,
  orgName: r.org_name,
  username: r.username,
  displayName: r.display_name,
  address: r.address,
  emailTo: r.email_to,
  emailedAt: r.emailed_at ? new Date(r.emailed_at) : null,
  emailAttempts: r.email_attempts,
  emailError: r.email_error,
});

export async function listDigests(db: Queryable, onDate: DateString): Promise<StoredDigest[]> {
  const rows = await db.query<DigestRow>(`${DIGEST_SELECT} where d.on_date = $1 order by d.org_id, d.user_id`, [onDate]);
  return rows.map(toDigest);
}

export async function findDigestOf(db: Queryable, userId: number, orgId: number, onDate: DateString): Promise<StoredDigest | undefined> {
  const rows = await db.query<DigestRow>(`${DIGEST_SELECT} where d.user_id = $1 and d.org_id = $2 and d.on_date = $3`, [userId, orgId, onDate]);
  return rows[0] && toDigest(rows[0]);
}

// ── E-mail: each digest is claimed by one process, sent at most once ─────────

export const MAX_EMAIL_ATTEMPTS = 3;

/** Digests of the day whose handler wants e-mail and that are not sent yet (nor given up on). */
export async function digestsToEmail(db: Queryable, onDate: DateString): Promise<StoredDigest[]> {
  const rows = await db.query<DigestRow>(
    `${DIGEST_SELECT} where d.on_date = $1 and a.email is not null and d.emailed_at is null and d.email_attempts < $2 order by d.id`,
    [onDate, MAX_EMAIL_ATTEMPTS],
  );
  return rows.map(toDigest);
}

/**
 * Takes the digest for sending, in one statement: false when it was sent, given up on, or taken by
 * another process within the last 10 minutes (a process that died while sending is retried later).
 */
export async function claimEmail(db: Queryable, digestId: number, to: string): Promise<boolean> {
  const rows = await db.query(
    `update reminder_digests set email_claimed_at = now(), email_attempts = email_attempts + 1, email_to = $2
     where id = $1 and emailed_at is null and email_attempts < $3
       and (email_claimed_at is null or email_claimed_at < now() - interval '10 minutes')
     returning id`,
    [digestId, to, MAX_EMAIL_ATTEMPTS],
  );
  return rows.length === 1;
}

export async function markEmailed(db: Queryable, digestId: number): Promise<void> {
  await db.query('update reminder_digests set emailed_at = now(), email_error = null, email_claimed_at = null where id = $1', [digestId]);
}

export async function markEmailFailed(db: Queryable, digestId: number, error: string): Promise<void> {
  await db.query('update reminder_digests set email_error = $2, email_claimed_at = null where id = $1', [digestId, error.slice(0, 500)]);
}

// ── Addresses ────────────────────────────────────────────────────────────────

export async function findAddress(db: Queryable, userId: number): Promise<string | null> {
  const [r] = await db.query<{ email: string }>('select email from reminder_addresses where user_id = $1', [userId]);
  return r?.email ?? null;
}

export async function setAddress(tx: Queryable, userId: number, orgId: number, email: string | null): Promise<void> {
  if (email === null) await tx.query('delete from reminder_addresses where user_id = $1', [userId]);
  else {
    await tx.query(
      `insert into reminder_addresses (user_id, org_id, email) values ($1, $2, $3)
       on conflict (user_id) do update set email = excluded.email, org_id = excluded.org_id, updated_at = now()`,
      [userId, orgId, email],
    );
  }
}

/** Current states of cases named in a digest (a case replied since the digest was made is marked so). */
export async function caseStates(db: Queryable, ids: readonly number[]): Promise<Map<number, CaseState>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: number; state: CaseState }>('select id, state from applications where id = any($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.state]));
}
