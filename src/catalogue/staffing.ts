// The review against the organization's people (rules/review-staffing.ts): who may sign, whether
// the configured stages can be completed, and which versions in review can no longer be. Used by
// the commands (save settings, submit, sign), the item and settings pages, the 工作台, and — as a
// StaffingCheck the app passes to the user pages, API and CLI — after a role change or 停用.
import type { Queryable } from '../core/db/database.ts';
import type { Organization } from '../orgs/model.ts';
import type { StaffingCheck } from '../orgs/staff/staffing.ts';
import { listActiveUsersOf } from '../orgs/staff/store.ts';
import { findOrgById } from '../orgs/store.ts';
import { DEFAULT_STAGES, type CatalogueSettings, type Version } from './model.ts';
import { completionProblem, staffingProblem, type Candidate } from './rules/review-staffing.ts';
import { findSettings, listInReview, listSignoffs } from './store.ts';

/** Regions (省、市、县) publish nothing of their own: their review is never used. */
export const hasOwnCatalogue = (org: Pick<Organization, 'kind'>) => !['province', 'city', 'county'].includes(org.kind);

/** The active users of the organization, as possible signers. */
export async function reviewCandidates(db: Queryable, orgId: number): Promise<Candidate[]> {
  return (await listActiveUsersOf(db, orgId)).map((u) => ({ userId: u.id, name: u.displayName, roles: u.roles }));
}

async function settingsOrDefault(db: Queryable, orgId: number): Promise<CatalogueSettings> {
  return (await findSettings(db, orgId)) ?? { orgId, stages: DEFAULT_STAGES, distinctSigners: true, sensitiveWords: [] };
}

/** The approvals of the version's current round: who signed which stage. */
export async function roundApprovals(db: Queryable, v: Version) {
  return (await listSignoffs(db, v.id)).filter((s) => s.round === v.reviewRound && s.decision === 'approve').map((s) => ({ userId: s.userId, stageIndex: s.stageIndex }));
}

/** Why this version in review can no longer be completed by the people there are, or null. */
export async function versionCompletionProblem(db: Queryable, v: Version, known?: { people: readonly Candidate[]; distinct: boolean }): Promise<string | null> {
  const people = known?.people ?? (await reviewCandidates(db, v.orgId));
  const distinct = known?.distinct ?? (await settingsOrDefault(db, v.orgId)).distinctSigners;
  const state = { state: v.state, stages: v.stages, stageIndex: v.stageIndex, round: v.reviewRound, authorId: v.authorId };
  return completionProblem(state, await roundApprovals(db, v), people, distinct);
}

export interface ReviewStaffing {
  /** Why the configured stages cannot be completed by the organization's people, or null. */
  settingsProblem: string | null;
  /** Versions in review that nobody can complete any more (to be returned by the head or an administrator). */
  stuck: Version[];
}

export async function reviewStaffing(db: Queryable, org: Pick<Organization, 'id' | 'kind'>): Promise<ReviewStaffing> {
  if (!hasOwnCatalogue(org)) return { settingsProblem: null, stuck: [] };
  const [settings, people, inReview] = await Promise.all([settingsOrDefault(db, org.id), reviewCandidates(db, org.id), listInReview(db, org.id)]);
  const stuck: Version[] = [];
  for (const v of inReview) if (await versionCompletionProblem(db, v, { people, distinct: settings.distinctSigners })) stuck.push(v);
  return { settingsProblem: staffingProblem(settings.stages, people, settings.distinctSigners), stuck };
}

/** The same, as sentences: for the user pages after a role change or 停用 (a StaffingCheck). */
export const catalogueStaffingCheck: StaffingCheck = async (db, orgId) => {
  const org = await findOrgById(db, orgId);
  if (!org) return [];
  const { settingsProblem, stuck } = await reviewStaffing(db, org);
  return [
    ...(settingsProblem ? [`主动公开的审核设置无法完成：${settingsProblem}。新信息不能提交审核，请调整人员的角色或审核设置`] : []),
    ...(stuck.length ? [`有 ${stuck.length} 条主动公开信息的审核已无法完成，须由机构负责人或系统管理员退回撰写人`] : []),
  ];
};
