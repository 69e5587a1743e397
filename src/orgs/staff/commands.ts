// Changes to staff accounts and sessions: each exported function is one transaction with its audit entry.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAudit, type Actor } from '../../core/audit/log.ts';
import type { CommandContext } from '../context.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../core/errors.ts';
import { findOrgByCode, findOrgById } from '../store.ts';
import { afterFailedLogin, isBlocked, nameKeyOf, type LockoutPolicy } from './lockout.ts';
import { accountChangeProblem, type AccountState } from './account-changes.ts';
import { ROLE_LABELS, ROLES, type Staff, type User } from './model.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { staffPolicy } from './policy.ts';
import { canEnterOrg } from './scope.ts';
import * as store from './store.ts';

export const userInputSchema = z.object({
  orgCode: z.string().trim().min(1, { error: '请选择所属机构' }),
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: '用户名为 3 到 32 位小写字母、数字、点、下划线或连字符' }),
  displayName: z.string().trim().min(1, { error: '请填写姓名' }).max(40),
  password: z.string().min(1, { error: '请设置初始密码' }),
  roles: z.array(z.enum(ROLES)).min(1, { error: '至少选择一个角色' }),
});

/** The names a password of the organization's staff must not contain (full and short name). */
async function orgNamesOf(db: Queryable, find: () => ReturnType<typeof findOrgById>): Promise<string[]> {
  const org = await find();
  return org ? [org.fullName, org.shortName] : [];
}

export async function createUser(db: Database, ctx: CommandContext, raw: unknown): Promise<number> {
  const input = userInputSchema.parse(raw);
  const problem = passwordProblem(input.password, input.username, await orgNamesOf(db, () => findOrgByCode(db, input.orgCode)));
  if (problem) throw invalid(problem.replace('新密码', '初始密码'));
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const org = await findOrgByCode(tx, input.orgCode);
    if (!org) throw notFound(`机构（代码 ${input.orgCode}）`);
    if (ctx.staff && !staffPolicy.manageUsers(ctx.staff, org)) throw forbidden('只有系统管理员可以为本机构及下级机构添加用户');
    if (await store.findUserByUsername(tx, input.username)) throw conflict(`用户名 ${input.username} 已被使用`);
    const id = await store.insertUser(tx, { ...input, orgId: org.id, passwordHash, mustChangePassword: true });
    await appendAudit(tx, ctx.actor, {
      orgId: org.id,
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      summary: { after: { username: input.username, displayName: input.displayName, roles: input.roles } },
    });
    return id;
  });
}

/** An administrator (or the CLI) sets a new password; the user must change it at next login. */
export async function resetPassword(db: Database, ctx: CommandContext, username: string, password: string): Promise<void> {
  const known = await store.findUserByUsername(db, username);
  const problem = passwordProblem(password, username, known ? await orgNamesOf(db, () => findOrgById(db, known.orgId)) : []);
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await store.findUserByUsername(tx, username);
    if (!user) throw notFound(`用户 ${username}`);
    const org = (await findOrgById(tx, user.orgId))!;
    if (ctx.staff && !staffPolicy.manageUsers(ctx.staff, org)) throw forbidden();
    await store.setPassword(tx, user.id, passwordHash, true);
    await store.deleteSessionsOf(tx, user.id);
    await appendAudit(tx, ctx.actor, { orgId: user.orgId, action: 'user.password.reset', targetType: 'user', targetId: user.id, summary: { username } });
  });
}

export const rolesInputSchema = z.object({
  roles: z.array(z.enum(ROLES, { error: '角色无效' })).min(1, { error: '至少选择一个角色；不再需要该账号时请停用' }),
});

/** A user named by id (console, API) or by user name (CLI). */
export type UserRef = { id: number } | { username: string };

/**
 * Changes a user's roles or disabled state in one transaction: the policy, the separation rules
 * (account-changes.ts), the write, and its audit entry. Disabling ends the user's sessions at once;
 * a role change applies from the next request (sessions read the roles each time).
 */
async function changeAccount(db: Database, ctx: CommandContext, ref: UserRef, next: (u: User) => AccountState): Promise<User> {
  return db.transaction(async (tx) => {
    const found = 'id' in ref ? await store.findUserById(tx, ref.id) : await store.findUserByUsername(tx, ref.username);
    if (!found) throw notFound('id' in ref ? '该用户' : `用户 ${ref.username}`);
    const user = (await store.findUserById(tx, found.id, true))!;
    const org = (await findOrgById(tx, user.orgId))!;
    if (ctx.staff && !staffPolicy.manageUsers(ctx.staff, org)) throw forbidden('只有该用户所在机构或上级机构的系统管理员可以修改用户');
    const after = next(user);
    const losesAdmin = !user.disabled && user.roles.includes('admin') && (after.disabled || !after.roles.includes('admin'));
    const otherAdmins = losesAdmin ? (await store.otherManagingAdmins(tx, org.path, user.id)).length : 0;
    const problem = accountChangeProblem({ actorUserId: ctx.staff?.userId ?? null, target: user, next: after, otherAdmins });
    if (problem) throw conflict(problem);
    const rolesChanged = after.roles.length !== user.roles.length || after.roles.some((r) => !user.roles.includes(r));
    if (rolesChanged) {
      await store.setRoles(tx, user.id, [...after.roles]);
      await appendAudit(tx, ctx.actor, {
        orgId: user.orgId, action: 'user.roles.update', targetType: 'user', targetId: user.id,
        summary: { username: user.username, before: user.roles.map((r) => ROLE_LABELS[r]), after: after.roles.map((r) => ROLE_LABELS[r]) },
      });
    }
    if (after.disabled !== user.disabled) {
      await store.setDisabled(tx, user.id, after.disabled);
      if (after.disabled) await store.deleteSessionsOf(tx, user.id);
      await appendAudit(tx, ctx.actor, {
        orgId: user.orgId, action: after.disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: user.id, summary: { username: user.username },
      });
    }
    return (await store.findUserById(tx, user.id))!;
  });
}

/** An administrator (or the CLI) sets a user's roles. */
export async function setUserRoles(db: Database, ctx: CommandContext, ref: UserRef, raw: unknown): Promise<User> {
  const { roles } = rolesInputSchema.parse(raw);
  return changeAccount(db, ctx, ref, (u) => ({ roles: [...new Set(roles)].sort(), disabled: u.disabled }));
}

/** An administrator (or the CLI) disables (停用) a user, who can no longer sign in, or enables them again. */
export async function setUserDisabled(db: Database, ctx: CommandContext, ref: UserRef, disabled: boolean): Promise<User> {
  return changeAccount(db, ctx, ref, (u) => ({ roles: u.roles, disabled }));
}

/** The user changes its own password (required after first login or a reset). */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  staff: Staff,
  current: string,
  next: string,
  keepSessionHash: string,
): Promise<void> {
  const user = await store.findUserById(db, staff.userId);
  if (!user) throw notFound('该用户');
  if (!(await verifyPassword(current, user.passwordHash))) throw invalid('当前密码不正确');
  if (current === next) throw invalid('新密码不能与当前密码相同');
  const problem = passwordProblem(next, user.username, await orgNamesOf(db, () => findOrgById(db, user.orgId)));
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await store.setPassword(tx, user.id, passwordHash, false);
    await store.deleteSessionsOf(tx, user.id, keepSessionHash); // sign out other devices
    await appendAudit(tx, actor, { orgId: user.orgId, action: 'user.password.change', targetType: 'user', targetId: user.id, summary: {} });
  });
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  userId: number;
  mustChangePassword: boolean;
  /** Why the password no longer meets the policy (set before the policy was, or weakened since): it must be changed now. */
  weakPassword: string | null;
}

/**
 * Checks the password, throttling wrong ones per name and client address (lockout.ts); on success
 * opens a session. Unknown names, disabled accounts and wrong passwords give the same answers,
 * the pause included, so nothing tells which names exist.
 */
export async function login(
  db: Database,
  requestId: string,
  username: string,
  password: string,
  address: string,
  policy: LockoutPolicy & { sessionIdleMinutes: number },
): Promise<LoginResult> {
  const wrong = new DomainError('UNAUTHENTICATED', '用户名或密码不正确');
  const nameKey = nameKeyOf(username);
  const found = await store.findUserByUsername(db, username.trim());
  const user = found && !found.disabled ? found : null;
  // Same work either way: no timing oracle for unknown names.
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await hashPassword(password), false);
  // A password set before the policy (or one that became common since) must be changed at this login.
  const weakPassword = user && ok ? passwordProblem(password, user.username, await orgNamesOf(db, () => findOrgById(db, user.orgId))) : null;
  const now = new Date();
  // The failure count must be saved even though the answer is an error, so the
  // transaction returns an outcome and the error is thrown after it commits.
  type Outcome = { kind: 'ok'; result: LoginResult } | { kind: 'wrong' } | { kind: 'paused'; until: Date };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const state = await store.lockThrottle(tx, nameKey, address);
    if (isBlocked(state, now)) return { kind: 'paused', until: state.blockedUntil! };
    if (!user || !ok) {
      const next = afterFailedLogin(state, now, policy);
      await store.saveThrottle(tx, nameKey, address, next);
      if (!isBlocked(next, now)) return { kind: 'wrong' };
      await appendAudit(tx, { userId: null, name: '登录限制', requestId }, {
        orgId: user?.orgId ?? null, action: 'login.throttle', targetType: 'login', targetId: nameKey,
        summary: { address, failures: next.failures, blockedUntil: next.blockedUntil!.toISOString() },
      });
      return { kind: 'paused', until: next.blockedUntil! };
    }
    await store.clearThrottle(tx, nameKey, address);
    await store.recordLogin(tx, user.id);
    if (weakPassword && !user.mustChangePassword) await store.requirePasswordChange(tx, user.id);
    const token = randomBytes(32).toString('base64url');
    await store.insertSession(tx, hashToken(token), user.id, user.orgId, new Date(now.getTime() + policy.sessionIdleMinutes * 60_000));
    await appendAudit(tx, { userId: user.id, name: user.displayName, requestId }, { orgId: user.orgId, action: 'user.login', targetType: 'user', targetId: user.id, summary: {} });
    return { kind: 'ok', result: { token, userId: user.id, mustChangePassword: user.mustChangePassword || weakPassword !== null, weakPassword } };
  });
  if (outcome.kind === 'wrong') throw wrong;
  if (outcome.kind === 'paused') {
    throw new DomainError('ACCOUNT_LOCKED', `从您所在的网络登录该账号失败次数过多，已暂停至 ${formatTime(outcome.until)}，请稍后再试或联系管理员`);
  }
  return outcome.result;
}

/** An administrator lifts the pause of an address for a name (a user who mistyped, a shared office address). */
export async function clearLoginThrottle(db: Database, ctx: CommandContext, nameKey: string, address: string): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await store.findUserByUsername(tx, nameKey);
    const org = user ? await findOrgById(tx, user.orgId) : null;
    // Names nobody has are the top administrators' to clear; a user's, those who manage its organization.
    const allowed = !ctx.staff || (org ? staffPolicy.manageUsers(ctx.staff, org) : staffPolicy.manageAllLogins(ctx.staff));
    if (!allowed) throw forbidden('只有该用户所在机构或上级机构的系统管理员可以解除登录限制');
    if (!(await store.clearThrottle(tx, nameKey, address))) throw notFound('该登录限制');
    await appendAudit(tx, ctx.actor, { orgId: user?.orgId ?? null, action: 'login.throttle.clear', targetType: 'login', targetId: nameKey, summary: { address } });
  });
}

const formatTime = (d: Date) =>
  d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export async function logout(db: Database, actor: Actor, staff: Staff, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await store.deleteSession(tx, tokenHash);
    await appendAudit(tx, actor, { orgId: staff.homeOrgId, action: 'user.logout', targetType: 'user', targetId: staff.userId, summary: {} });
  });
}

/** Organization switcher: only organizations the staff member may enter. */
export async function switchOrg(db: Database, staff: Staff, tokenHash: string, orgId: number): Promise<void> {
  const org = await findOrgById(db, orgId);
  if (!org || !canEnterOrg(staff, org)) throw forbidden('您无权进入该机构');
  await store.setSessionOrg(db, tokenHash, org.id);
}

/** Resolves a session cookie to the staff member, sliding the idle expiry. */
export async function staffFromSession(db: Database, token: string, idleMinutes: number): Promise<Staff | null> {
  const tokenHash = hashToken(token);
  const session = await store.findSession(db, tokenHash);
  if (!session || new Date(session.expires_at) < new Date()) return null;
  const user = await store.findUserById(db, session.user_id);
  if (!user || user.disabled) return null;
  const home = (await findOrgById(db, user.orgId))!;
  // Refresh at most once a minute: most requests stay read-only.
  if (Date.now() - new Date(session.last_seen_at).getTime() > 60_000) {
    await store.touchSession(db, tokenHash, new Date(Date.now() + idleMinutes * 60_000));
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    homeOrgId: home.id,
    homePath: home.path,
    orgId: session.org_id,
    mustChangePassword: user.mustChangePassword,
  };
}
