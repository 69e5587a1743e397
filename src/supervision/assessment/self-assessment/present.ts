// What the API shows of a self-assessment (an explicit allow-list), and who may see it: the agency's
// own people always; the office above once it is submitted (a draft is the agency's working).
import type { Staff } from '../../../orgs/staff/model.ts';
import { isOwnOrg } from '../../../orgs/staff/scope.ts';
import type { SelfAssessment } from './model.ts';
import { isEditable, SELF_ASSESSMENT_STATE_LABELS, visibleToOffice } from './rules.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const readableBy = (staff: Staff, s: Pick<SelfAssessment, 'orgId' | 'state'>): boolean => isOwnOrg(staff, { id: s.orgId }) || visibleToOffice(s.state);

export const presentSelfAssessment = (s: SelfAssessment) => ({
  id: s.id, orgId: s.orgId, orgName: s.orgName, orgCode: s.orgCode, officeOrgId: s.officeOrgId, officeName: s.officeName, year: s.year,
  state: s.state, stateLabel: SELF_ASSESSMENT_STATE_LABELS[s.state], editable: isEditable(s.state), text: s.text, returnReason: s.returnReason,
  draftedAt: iso(s.draftedAt), editedAt: iso(s.editedAt), editedBy: s.editedBy,
  submittedAt: iso(s.submittedAt), submittedBy: s.submittedBy, decidedAt: iso(s.decidedAt), decidedBy: s.decidedBy,
});
