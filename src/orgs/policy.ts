// Who may do what with organizations — one line per rule.
import type { Staff } from './staff/model.ts';
import { canEnterOrg, hasRole, inSubtree } from './staff/scope.ts';
import type { Organization } from './model.ts';

export const orgPolicy = {
  read: (s: Staff, org: Organization) => canEnterOrg(s, org),
  /** An administrator adds organizations below its own. */
  create: (s: Staff, parent: Organization | null) => hasRole(s, 'admin') && parent !== null && inSubtree(s, parent),
  update: (s: Staff, org: Organization) => hasRole(s, 'admin') && inSubtree(s, org),
};
