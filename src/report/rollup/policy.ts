// Who may do what with an office's region roll-up — one line per rule.
import type { Organization } from '../../orgs/model.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { hasRole, inSubtree } from '../../orgs/staff/scope.ts';
import { reportPolicy } from '../policy.ts';

type OrgRef = Pick<Organization, 'id' | 'path'>;

export const rollupPolicy = {
  /** Whoever reads the office's reports reads its roll-up. */
  read: (s: Staff, office: OrgRef) => reportPolicy.read(s, office),
  /** An administrator of the office (or above) or of the agency itself includes or excludes the agency. */
  setInclusion: (s: Staff, agency: OrgRef) => hasRole(s, 'admin') && inSubtree(s, agency),
  /** Storing the sum as the office's draft is editing the office's report. */
  storeDraft: (s: Staff, office: OrgRef) => reportPolicy.edit(s, office),
};
