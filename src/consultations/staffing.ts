// What public consultation needs of an organization's people, as a StaffingCheck the app passes to
// the user pages, API and CLI: only the 机关负责人 publishes a consultation and its 结果反馈
// (policy.ts), so an organization with consultations under way and no active head is told.
import type { StaffingCheck } from '../orgs/staff/staffing.ts';
import { listActiveUsersOf } from '../orgs/staff/store.ts';

export const consultationStaffingCheck: StaffingCheck = async (db, orgId) => {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from consultations where org_id = $1 and status <> 'concluded'`, [orgId]);
  if (!r!.n) return [];
  const heads = (await listActiveUsersOf(db, orgId)).filter((u) => u.roles.includes('head'));
  return heads.length ? [] : [`本机关有 ${r!.n} 项尚未公布结果反馈的意见征集，但没有在职的机关负责人：征求意见和结果反馈须由机关负责人发布`];
};
