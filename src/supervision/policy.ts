// Who may see the region's dashboard — one line per rule.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { hasRole, inSubtree } from '../orgs/staff/scope.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const supervisionPolicy = {
  /** 监督员 and 系统管理员 read the agencies of their area (the current organization and below). */
  read: (s: Staff, org: OrgRef) => hasRole(s, 'supervisor', 'admin') && inSubtree(s, org),
};
