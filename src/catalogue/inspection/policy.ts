// Who may do what with inspections — one line per rule. Anyone who may read the catalogue sees the
// runs (supervisors of a region included); the agency's own staff, or an administrator above, start one.
import type { Organization } from '../../orgs/model.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../../orgs/staff/scope.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const inspectionPolicy = {
  read: (s: Staff, org: OrgRef) => canEnterOrg(s, org),
  run: (s: Staff, org: OrgRef) =>
    (hasRole(s, 'editor', 'reviewer', 'head', 'confidentiality', 'admin') && isOwnOrg(s, org)) || (hasRole(s, 'admin') && inSubtree(s, org)),
  /** The organization's own wording list (applies to it and the organizations below it): an administrator of it or above. */
  editWording: (s: Staff, org: OrgRef) => hasRole(s, 'admin') && inSubtree(s, org),
  /** The global list: an administrator of a top organization (one without a parent). */
  editGlobalWording: (s: Staff) => hasRole(s, 'admin') && s.homePath.split('/').filter(Boolean).length === 1,
};
