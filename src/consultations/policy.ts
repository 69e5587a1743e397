// Who may do what with public consultation — one line per rule. The 信息发布员 prepares (the draft,
// written comments received offline, the 结果反馈) and moderates with the 审核人; what the agency says
// to the public in its name — opening the consultation and publishing the 结果反馈 — the 机关负责人
// does (he may also prepare). Everyone of the organization reads, and 监督员 and administrators above.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../orgs/staff/scope.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const consultationPolicy = {
  read: (s: Staff, org: OrgRef) => canEnterOrg(s, org),
  prepare: (s: Staff, org: OrgRef) => isOwnOrg(s, org) && hasRole(s, 'editor', 'head'),
  moderate: (s: Staff, org: OrgRef) => isOwnOrg(s, org) && hasRole(s, 'editor', 'reviewer', 'head'),
  publish: (s: Staff, org: OrgRef) => isOwnOrg(s, org) && hasRole(s, 'head'),
  /** The names and contacts of those who commented: those who moderate them. */
  readPersonalData: (s: Staff, org: OrgRef) => isOwnOrg(s, org) && hasRole(s, 'editor', 'reviewer', 'head'),
  /** The minimum periods: the head, or an administrator of the organization or above. */
  manage: (s: Staff, org: OrgRef) => (isOwnOrg(s, org) && hasRole(s, 'head')) || (hasRole(s, 'admin') && inSubtree(s, org)),
};

export const REFUSALS = {
  prepare: '只有本机关的信息发布员或机关负责人可以起草征求意见和结果反馈',
  moderate: '只有本机关的信息发布员、审核人或机关负责人可以审核公众意见',
  publish: '只有本机关的机关负责人可以发布征求意见和结果反馈',
  manage: '只有本机关的机关负责人或系统管理员可以设置征求意见的最短期限',
  read: '您无权查看该机关的意见征集',
} as const;
