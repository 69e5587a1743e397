// Changing a staff account's roles or disabling it (停用): the separation rules. Nobody changes
// their own roles or disables themselves (another administrator must, so no one grants
// themselves a role and no one locks themselves out by a slip), and no change may leave an
// organization without an active administrator who manages it (theirs or one above it): its users
// could then never be managed again from the console. Pure; the command loads the facts.
import { ROLE_LABELS, type Role } from './model.ts';

export interface AccountState {
  roles: readonly Role[];
  disabled: boolean;
}

export interface AccountChange {
  /** Who acts: a user id, or null for the trusted operator at the command line. */
  actorUserId: number | null;
  target: AccountState & { id: number; displayName: string };
  next: AccountState;
  /** Other active administrators of the target's organization or an organization above it. */
  otherAdmins: number;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

const isActiveAdmin = (s: AccountState) => !s.disabled && s.roles.includes('admin');

/** Why the change is refused, in Chinese, or null when it may be made. */
export function accountChangeProblem(c: AccountChange): string | null {
  const self = c.actorUserId !== null && c.actorUserId === c.target.id;
  if (self && c.next.disabled && !c.target.disabled) return '不能停用自己的账号，请由其他系统管理员停用';
  if (self && !sameRoles(c.target.roles, c.next.roles)) return '不能修改自己的角色，请由其他系统管理员修改';
  if (c.next.roles.length === 0) return '至少保留一个角色；不再需要该账号时请停用';
  if (isActiveAdmin(c.target) && !isActiveAdmin(c.next) && c.otherAdmins === 0) {
    const action = c.next.disabled ? '停用' : `取消其“${ROLE_LABELS.admin}”角色`;
    return `${c.target.displayName}是本机构及上级机构唯一在岗的系统管理员，${action}后将无人可以管理这些用户。请先为本机构或上级机构设置另一位系统管理员`;
  }
  return null;
}
