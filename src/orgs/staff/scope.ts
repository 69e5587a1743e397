// Organization scope: a staff member reaches its own organization, and — for roles that
// work across a region — the organizations below it in the tree.
import type { Organization } from '../model.ts';
import type { Role, Staff } from './model.ts';

export const hasRole = (s: Staff, ...roles: Role[]) => roles.some((r) => s.roles.includes(r));

/** The org is the staff member's own organization or below it. */
export const inSubtree = (s: Staff, org: Pick<Organization, 'path'>) => org.path.startsWith(s.homePath);

export const isOwnOrg = (s: Staff, org: Pick<Organization, 'id'>) => org.id === s.homeOrgId;

/** Roles whose reach extends below their own organization (admin administers, supervisor reads). */
export const REGION_ROLES: Role[] = ['admin', 'supervisor'];

/** May this staff member work in (switch to, read) this organization at all? */
export const canEnterOrg = (s: Staff, org: Pick<Organization, 'id' | 'path'>) =>
  isOwnOrg(s, org) || (hasRole(s, ...REGION_ROLES) && inSubtree(s, org));
