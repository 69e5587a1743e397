// Who may do what with messages from the public — one line per rule. The people who answer the public for
// the agency are those who answer applications: 依申请办理人 (handler) drafts, 机关负责人 (head) signs
// (as disclosure replies, 条例第三十六条); 监督员 of a region read, without the writers' contact details;
// the organization's administrator (or one above it) sets the reply periods.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../orgs/staff/scope.ts';

export const interactionPolicy = {
  read: (s: Staff, org: Organization) => canEnterOrg(s, org) && (hasRole(s, 'supervisor') || (isOwnOrg(s, org) && hasRole(s, 'handler', 'head', 'admin'))),
  readPersonalData: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
  handle: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
  sign: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head'),
  readSettings: (s: Staff, org: Organization) => canEnterOrg(s, org) && hasRole(s, 'handler', 'head', 'admin', 'supervisor'),
  editSettings: (s: Staff, org: Organization) => (hasRole(s, 'admin') && inSubtree(s, org)) || (isOwnOrg(s, org) && hasRole(s, 'head')),
};
