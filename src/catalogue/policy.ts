// Who may do what with the disclosure catalogue — one line per rule. Work on items happens in
// one's own organization (“谁公开、谁审核、谁负责”); supervisors and administrators above read.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../orgs/staff/scope.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const cataloguePolicy = {
  read: (s: Staff, org: OrgRef) => canEnterOrg(s, org),
  /** 信息发布员 write, revise and submit items, and link interpretations. */
  write: (s: Staff, org: OrgRef) => hasRole(s, 'editor') && isOwnOrg(s, org),
  /** Review stages are signed by the stage's role (审核人, 机关负责人, 保密审查员) of the organization. */
  review: (s: Staff, org: OrgRef) => hasRole(s, 'reviewer', 'head', 'confidentiality') && isOwnOrg(s, org),
  /** Only a 保密审查员 acknowledges a confidentiality finding. */
  acknowledge: (s: Staff, org: OrgRef) => hasRole(s, 'confidentiality') && isOwnOrg(s, org),
  /** 退回 an item in review without signing (the way out when nobody may sign): the head, or an administrator of it or above. */
  returnFromReview: (s: Staff, org: OrgRef) => (hasRole(s, 'head') && isOwnOrg(s, org)) || (hasRole(s, 'admin') && inSubtree(s, org)),
  withdraw: (s: Staff, org: OrgRef) => hasRole(s, 'reviewer', 'head', 'confidentiality') && isOwnOrg(s, org),
  validity: (s: Staff, org: OrgRef) => hasRole(s, 'editor', 'reviewer', 'head') && isOwnOrg(s, org),
  /** Columns and review settings: the organization's head, or an administrator of it or above. */
  manage: (s: Staff, org: OrgRef) => (hasRole(s, 'head') && isOwnOrg(s, org)) || (hasRole(s, 'admin') && inSubtree(s, org)),
};
