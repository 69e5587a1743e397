// Who may do what with the Article 20 ledgers — one line per rule. 信息发布员 enter (录入) the
// decisions, counts and fees; the 机关负责人 or an administrator confirms them (已确认), and only
// confirmed entries count in the report. 监督员 of a region read.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, isOwnOrg } from '../orgs/staff/scope.ts';

export const article20Policy = {
  read: (s: Staff, org: Organization) =>
    canEnterOrg(s, org) && (hasRole(s, 'supervisor') || (isOwnOrg(s, org) && hasRole(s, 'editor', 'head', 'admin'))),
  enter: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'editor', 'head', 'admin'),
  confirm: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head', 'admin'),
};

export const READ_REFUSED = '只有本机关的信息发布员、机关负责人、系统管理员和监督员可以查看第二十条事项台账';
export const ENTER_REFUSED = '只有本机关的信息发布员、机关负责人或系统管理员可以录入第二十条事项台账';
export const CONFIRM_REFUSED = '只有本机关的机关负责人或系统管理员可以确认第二十条事项台账';
