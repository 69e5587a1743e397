// Who may do what with annual reports — one line per rule.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../orgs/staff/scope.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const reportPolicy = {
  /** Everyone who may enter the organization reads its reports (supervisors below their own too). */
  read: (s: Staff, org: OrgRef) => canEnterOrg(s, org),
  /** 信息发布员 of the organization, or an administrator of it or above, create, edit and import. */
  edit: (s: Staff, org: OrgRef) => (hasRole(s, 'editor') && isOwnOrg(s, org)) || (hasRole(s, 'admin') && inSubtree(s, org)),
  /**
   * Generating the report from the records, and overriding a generated cell with a reason: those who
   * edit it and those who publish it (the head checks the figures before signing them off).
   */
  generate: (s: Staff, org: OrgRef) => reportPolicy.edit(s, org) || reportPolicy.publish(s, org),
  /** 机关负责人 of the organization, or an administrator of it or above, publish. */
  publish: (s: Staff, org: OrgRef) => (hasRole(s, 'head') && isOwnOrg(s, org)) || (hasRole(s, 'admin') && inSubtree(s, org)),
  /**
   * Administrators and supervisors import reports already published elsewhere (a public document,
   * stored as printed and shown on the portal) for the organizations of their region, their own included.
   */
  importPublished: (s: Staff, org: OrgRef) => hasRole(s, 'admin', 'supervisor') && inSubtree(s, org),
  /**
   * Who puts an imported report on the portal at once: administrators. A supervisor only reads
   * the agencies below it, so what it imports is kept as a draft that the agency's head or an
   * administrator publishes after checking it.
   */
  publishImported: (s: Staff) => hasRole(s, 'admin'),
  /** Who sees the upload of published documents at all; the organizations it reaches are checked per file (importPublished). */
  importDocuments: (s: Staff) => hasRole(s, 'admin', 'supervisor'),
};
