// What the console and the API may show of a staff account: never the password hash.
import type { User } from './model.ts';

export function presentUser(u: User & { orgName?: string }) {
  return {
    id: u.id,
    orgId: u.orgId,
    orgName: u.orgName ?? null,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
    locked: u.lockedUntil !== null && new Date(u.lockedUntil) > new Date(),
    lastLoginAt: u.lastLoginAt,
  };
}
