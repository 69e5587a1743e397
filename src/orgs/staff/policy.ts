// Who may do what with staff accounts and the audit log — one line per rule.
import type { Organization } from '../model.ts';
import type { Staff } from './model.ts';
import { hasRole, inSubtree } from './scope.ts';

export const staffPolicy = {
  listUsers: (s: Staff, org: Organization) => hasRole(s, 'admin') && inSubtree(s, org),
  manageUsers: (s: Staff, org: Organization) => hasRole(s, 'admin') && inSubtree(s, org),
  readAudit: (s: Staff, org: Organization) => hasRole(s, 'admin', 'supervisor') && inSubtree(s, org),
  /** Login pauses of names nobody has: administrators of a top organization of the tree. */
  manageAllLogins: (s: Staff) => hasRole(s, 'admin') && /^\/\d+\/$/.test(s.homePath),
};
