// What each module needs of an organization's people, for the user pages, API and CLI to warn
// after a role change or 停用 (orgs defines the StaffingCheck type; it cannot import the modules).
import { catalogueStaffingCheck } from '../catalogue/staffing.ts';
import { consultationStaffingCheck } from '../consultations/staffing.ts';
import type { StaffingCheck } from '../orgs/staff/staffing.ts';

export const STAFFING_CHECKS: readonly StaffingCheck[] = [catalogueStaffingCheck, consultationStaffingCheck];
