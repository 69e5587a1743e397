// Who may change the working-day calendar — one line per rule. The national calendar is one for
// the whole platform, so only the top of the organization tree changes it; an organization's local
// days belong to its own administrators and those above it.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { hasRole, inSubtree } from '../orgs/staff/scope.ts';

/** The staff member's own organization has no parent (its tree path has one segment, e.g. /1/). */
export const isRootStaff = (s: Staff) => /^\/\d+\/$/.test(s.homePath);

export const calendarPolicy = {
  /** The 工作日历 page: administrators. */
  read: (s: Staff) => hasRole(s, 'admin'),
  /** National holidays and makeup workdays, and a new year's arrangement: an administrator of a root organization. */
  editNational: (s: Staff) => hasRole(s, 'admin') && isRootStaff(s),
  /** An organization's local days: an administrator of that organization or of one above it. */
  editLocal: (s: Staff, org: Pick<Organization, 'path'>) => hasRole(s, 'admin') && inSubtree(s, org),
};
