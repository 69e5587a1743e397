// Who may do what with the appeals register — one line per rule. The people who answer the
// applications (依申请办理人, 机关负责人) keep the register of the appeals against those answers;
// 监督员 of a region and the report editors read it without the parties' names (personal data).
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, isOwnOrg } from '../orgs/staff/scope.ts';

export const appealPolicy = {
  read: (s: Staff, org: Organization) =>
    canEnterOrg(s, org) && (hasRole(s, 'supervisor') || (isOwnOrg(s, org) && hasRole(s, 'handler', 'head', 'editor', 'admin'))),
  readPersonalData: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
  edit: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
};
