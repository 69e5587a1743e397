// Every SQL statement about staff accounts and sessions.
import type { Queryable } from '../../core/db/database.ts';
import type { ThrottleState } from './lockout.ts';
import type { Role, User } from './model.ts';

interface UserRow {
  id: number;
  org_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  failed_logins: number;
  throttled_until: Date | null;
  last_login_at: Date | null;
  roles: Role[] | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toUser(r: UserRow): User {
  return {
    id: r.id,
    orgId: r.org_id,
    username: r.username,
    displayName: r.display_name,
    roles: (r.roles ?? []).slice().sort(),
    mustChangePassword: r.must_change_password,
    disabled: r.disabled,
    failedLogins: r.failed_logins,
    lockedUntil: iso(r.throttled_until),
    lastLoginAt: iso(r.last_login_at),
  };
}

const SELECT_USER = `select u.*, (select array_agg(role order by role) from user_roles r where r.user_id = u.id) as roles,
  (select max(t.blocked_until) from login_throttle t where t.name_key = lower(u.username) and t.blocked_until > now()) as throttled_until
  from users u`;

export async function findUserByUsername(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | undefined> {
  const [r] = await db.query<UserRow>(`${SELECT_USER} where u.username = $1`, [username]);
  return r && { ...toUser(r), passwordHash: r.password_hash };
}

export async function findUserById(db: Queryable, id: number, lock = false): Promise<(User & { passwordHash: string }) | undefined> {
  const [r] = await db.query<UserRow>(`${SELECT_USER} where u.id = $1${lock ? ' for update of u' : ''}`, [id]);
  return r && { ...toUser(r), passwordHash: r.password_hash };
}

/** Users of the organizations in the subtree at `path`. */
export async function listUsersUnder(db: Queryable, path: string): Promise<(User & { orgName: string })[]> {
  const rows = await db.query<UserRow & { org_name: string }>(
    `${SELECT_USER.replace('from users u', ', o.short_name as org_name from users u join organizations o on o.id = u.org_id')}
     where o.path like $1 || '%' order by o.path, u.username`,
    [path],
  );
  return rows.map((r) => ({ ...toUser(r), orgName: r.org_name }));
}

/** The active (not disabled) users of one organization, with their roles: who can do its work. */
export async function listActiveUsersOf(db: Queryable, orgId: number): Promise<User[]> {
  return (await db.query<UserRow>(`${SELECT_USER} where u.org_id = $1 and not u.disabled order by u.username`, [orgId])).map(toUser);
}

/**
 * Active administrators who manage the organization at `path` (theirs or one above it), except
 * `exceptUserId`. Changes of administrators in one tree are serialized on its top organization's
 * row first, so two administrators removing each other at once cannot both see the other remain
 * (each statement after the lock reads what the other committed).
 */
export async function otherManagingAdmins(tx: Queryable, path: string, exceptUserId: number): Promise<number[]> {
  await tx.query('select id from organizations where path = $1 for update', [/^\/\d+\//.exec(path)?.[0] ?? path]);
  const rows = await tx.query<{ id: number }>(
    `select u.id from users u join organizations o on o.id = u.org_id
     where not u.disabled and u.id <> $2 and $1 like o.path || '%'
       and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'admin')
     order by u.id`,
    [path, exceptUserId],
  );
  return rows.map((r) => r.id);
}

export async function insertUser(
  tx: Queryable,
  u: { orgId: number; username: string; displayName: string; passwordHash: string; roles: Role[]; mustChangePassword: boolean },
): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into users (org_id, username, display_name, password_hash, must_change_password) values ($1, $2, $3, $4, $5) returning id`,
    [u.orgId, u.username, u.displayName, u.passwordHash, u.mustChangePassword],
  );
  await setRoles(tx, r!.id, u.roles);
  return r!.id;
}

export async function setRoles(tx: Queryable, userId: number, roles: Role[]): Promise<void> {
  await tx.query('delete from user_roles where user_id = $1', [userId]);
  for (const role of roles) await tx.query('insert into user_roles (user_id, role) values ($1, $2)', [userId, role]);
}

/** The user must set a new password before anything else (the password no longer meets the policy). */
export async function requirePasswordChange(tx: Queryable, userId: number): Promise<void> {
  await tx.query('update users set must_change_password = true, updated_at = now() where id = $1', [userId]);
}

export async function setPassword(tx: Queryable, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await tx.query(
    `update users set password_hash = $2, must_change_password = $3, updated_at = now() where id = $1`,
    [userId, passwordHash, mustChange],
  );
}

/** A successful login: when it happened (the user list shows it). */
export async function recordLogin(tx: Queryable, userId: number): Promise<void> {
  await tx.query('update users set last_login_at = now() where id = $1', [userId]);
}

export async function setDisabled(tx: Queryable, userId: number, disabled: boolean): Promise<void> {
  await tx.query('update users set disabled = $2, updated_at = now() where id = $1', [userId, disabled]);
}

// Sessions: the cookie holds a random token; the database keeps only its SHA-256.

export interface SessionRow {
  user_id: number;
  org_id: number;
  expires_at: Date;
  last_seen_at: Date;
}

export async function insertSession(tx: Queryable, tokenHash: string, userId: number, orgId: number, expiresAt: Date): Promise<void> {
  await tx.query('insert into sessions (token_hash, user_id, org_id, expires_at) values ($1, $2, $3, $4)', [
    tokenHash,
    userId,
    orgId,
    expiresAt.toISOString(),
  ]);
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const [r] = await db.query<SessionRow>('select user_id, org_id, expires_at, last_seen_at from sessions where token_hash = $1', [tokenHash]);
  return r;
}

export async function touchSession(db: Queryable, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.query('update sessions set last_seen_at = now(), expires_at = $2 where token_hash = $1', [tokenHash, expiresAt.toISOString()]);
}

export async function setSessionOrg(db: Queryable, tokenHash: string, orgId: number): Promise<void> {
  await db.query('update sessions set org_id = $2 where token_hash = $1', [tokenHash, orgId]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOf(db: Queryable, userId: number, exceptTokenHash?: string): Promise<void> {
  await db.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, exceptTokenHash ?? '']);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('delete from sessions where expires_at < now() returning 1');
  return rows.length;
}

// ── Login throttling (migration 0015) ───────────────────────────────────────

interface ThrottleRow {
  name_key: string;
  address: string;
  failures: number;
  blocked_until: Date | null;
  last_failure_at: Date;
}

/** The wrong-password count of a name from an address, locked for the change. */
export async function lockThrottle(tx: Queryable, nameKey: string, address: string): Promise<ThrottleState> {
  const [r] = await tx.query<ThrottleRow>('select * from login_throttle where name_key = $1 and address = $2 for update', [nameKey, address]);
  return r ? { failures: r.failures, blockedUntil: r.blocked_until && new Date(r.blocked_until), lastFailureAt: new Date(r.last_failure_at) } : { failures: 0, blockedUntil: null, lastFailureAt: null };
}

export async function saveThrottle(tx: Queryable, nameKey: string, address: string, s: ThrottleState): Promise<void> {
  await tx.query(
    `insert into login_throttle (name_key, address, failures, blocked_until, last_failure_at) values ($1, $2, $3, $4, coalesce($5, now()))
     on conflict (name_key, address) do update set failures = excluded.failures, blocked_until = excluded.blocked_until, last_failure_at = excluded.last_failure_at`,
    [nameKey, address, s.failures, s.blockedUntil?.toISOString() ?? null, s.lastFailureAt?.toISOString() ?? null],
  );
}

/** Forgets the failures of a name from an address; true when there were any. */
export async function clearThrottle(tx: Queryable, nameKey: string, address: string): Promise<boolean> {
  const rows = await tx.query('delete from login_throttle where name_key = $1 and address = $2 returning 1', [nameKey, address]);
  return rows.length > 0;
}

export interface ActiveThrottle {
  nameKey: string;
  address: string;
  failures: number;
  blockedUntil: string;
}

/** Addresses paused now, for the given names (null: every name, known or not). */
export async function listActiveThrottles(db: Queryable, nameKeys: readonly string[] | null): Promise<ActiveThrottle[]> {
  const rows = await db.query<ThrottleRow>(
    `select * from login_throttle where blocked_until > now() ${nameKeys ? 'and name_key = any($1::text[])' : ''} order by blocked_until desc limit 500`,
    nameKeys ? [nameKeys] : [],
  );
  return rows.map((r) => ({ nameKey: r.name_key, address: r.address, failures: r.failures, blockedUntil: new Date(r.blocked_until!).toISOString() }));
}
