// Who may do what with the task breakdown and rectification items — one line per rule. The office is a
// government office (政府办公室) with agencies below it; its administrators and supervisors write tasks
// and rectification items and judge the agencies' reports. An agency's editor, head or administrator
// reports its own progress. Everyone who may enter an agency reads its tasks.
import type { Organization } from '../../orgs/model.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { canEnterOrg, hasRole, isOwnOrg } from '../../orgs/staff/scope.ts';

export const assessmentPolicy = {
  /** Write, publish, accept, return, send and confirm: the office's administrators and supervisors. */
  manage: (s: Staff, office: Pick<Organization, 'id' | 'path' | 'kind'>) =>
    office.kind === 'government' && hasRole(s, 'admin', 'supervisor') && canEnterOrg(s, office),
  /** Report progress and close rectification items: the agency's own editor, head or administrator. */
  work: (s: Staff, agency: Pick<Organization, 'id'>) => isOwnOrg(s, agency) && hasRole(s, 'editor', 'head', 'admin'),
  /** Read an agency's tasks and items: its own people, and the region roles above it. */
  read: (s: Staff, org: Pick<Organization, 'id' | 'path'>) => canEnterOrg(s, org),
};
