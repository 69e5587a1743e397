// Who may do what with applications — one line per rule. 依申请办理人 handles cases of their own
// organization; 机关负责人 may handle them too and alone approves extensions (条例第三十三条第二款);
// 监督员 of a region reads cases below it, without the applicants' personal data. Replies are
// drafted by the handler and reviewed and signed by the head; the head or the administrator of
// the organization edits its letter templates; administrators set how the clock counts.
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg, hasRole, inSubtree, isOwnOrg } from '../orgs/staff/scope.ts';

export const applicationPolicy = {
  read: (s: Staff, org: Organization) => canEnterOrg(s, org) && (hasRole(s, 'supervisor') || (isOwnOrg(s, org) && hasRole(s, 'handler', 'head'))),
  readPersonalData: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
  handle: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head'),
  approveExtension: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head'),
  /** 条例第三十二条: disclosing over a third party's objection for the public interest is the head's decision. */
  overrideObjection: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head'),
  /** 条例第三十五条 延迟答复: a decision of the agency, taken by its head, like an extension. */
  delayReply: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head'),
  signReply: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head'),
  readTemplates: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'handler', 'head', 'admin'),
  editTemplates: (s: Staff, org: Organization) => isOwnOrg(s, org) && hasRole(s, 'head', 'admin'),
  /** 计时规则 (clock conventions): everyone who works with or watches the organization's cases sees them. */
  readClockConventions: (s: Staff, org: Organization) => canEnterOrg(s, org) && hasRole(s, 'handler', 'head', 'admin', 'supervisor'),
  /** …and the administrators of the organization or of one above it set them, as for local calendar days. */
  editClockConventions: (s: Staff, org: Organization) => hasRole(s, 'admin') && inSubtree(s, org),
};
