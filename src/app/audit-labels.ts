// The Chinese names of every audit action code, from the modules that write them.
import { APPEALS_AUDIT_LABELS } from '../appeals/audit-labels.ts';
import { ARTICLE20_AUDIT_LABELS } from '../article20/audit-labels.ts';
import { APPLICATIONS_AUDIT_LABELS } from '../applications/audit-labels.ts';
import { CALENDAR_AUDIT_LABELS } from '../calendar/audit-labels.ts';
import { CATALOGUE_AUDIT_LABELS } from '../catalogue/audit-labels.ts';
import { CONSULTATIONS_AUDIT_LABELS } from '../consultations/audit-labels.ts';
import { INTERACTION_AUDIT_LABELS } from '../interaction/audit-labels.ts';
import { HOTLINE_AUDIT_LABELS } from '../interaction/hotline/audit-labels.ts';
import { ORGS_AUDIT_LABELS } from '../orgs/audit-labels.ts';
import { REPORT_AUDIT_LABELS } from '../report/audit-labels.ts';
import { ASSESSMENT_AUDIT_LABELS } from '../supervision/assessment/audit-labels.ts';
import { SCORING_AUDIT_LABELS } from '../supervision/assessment/scoring/audit-labels.ts';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  ...ORGS_AUDIT_LABELS,
  ...CALENDAR_AUDIT_LABELS,
  ...REPORT_AUDIT_LABELS,
  ...CATALOGUE_AUDIT_LABELS,
  ...APPLICATIONS_AUDIT_LABELS,
  ...APPEALS_AUDIT_LABELS,
  ...ARTICLE20_AUDIT_LABELS,
  ...CONSULTATIONS_AUDIT_LABELS,
  ...INTERACTION_AUDIT_LABELS,
  ...HOTLINE_AUDIT_LABELS,
  ...ASSESSMENT_AUDIT_LABELS,
  ...SCORING_AUDIT_LABELS,
};
