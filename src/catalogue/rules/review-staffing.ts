// Can the organization's people complete its review? 条例第十七条 asks each agency for a review
// mechanism; the agency chooses its stages (三审制, the 保密审查 sign-off) and, usually, 不相容岗位
// 分离: one person signs at most one stage of a version and never their own item. A configuration
// its staff cannot satisfy leaves every submitted item waiting for ever, so it is checked against
// the people who hold each role: when the settings are saved, when an item is submitted, before a
// signature that would leave the later stages to nobody, and on the item page and the 工作台.
// Pure functions: the callers load the people (active users of the organization and their roles).
import type { Role } from '../../orgs/staff/model.ts';
import { ROLE_LABELS } from '../../orgs/staff/model.ts';
import type { ReviewStage } from '../model.ts';
import { currentStage, type ReviewState, type RoundSignature, type Signer } from './review.ts';

/** Someone who might sign: an active user of the organization. */
export interface Candidate {
  userId: number;
  name: string;
  roles: readonly Role[];
}

/** Stages that need more different people than hold their roles. */
export interface StaffingShortfall {
  stages: readonly ReviewStage[];
  roles: readonly Role[];
  /** Everyone who holds at least one of those roles. */
  holders: readonly Candidate[];
}

/** Every non-empty subset of the list, smallest first (at most three stage roles: seven subsets). */
function subsets<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << xs.length; mask++) out.push(xs.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => a.length - b.length);
}

/**
 * The stages that cannot be staffed, or null when every stage can be signed: by someone holding
 * its role, and with distinct signers by a different person each. A stage's eligible people
 * depend only on its role, so by Hall's theorem a distinct assignment exists exactly when, for
 * every set of roles, the stages needing one of them are no more than the people holding one;
 * the smallest set that fails is the clearest thing to tell the user.
 */
export function staffingShortfall(stages: readonly ReviewStage[], people: readonly Candidate[], distinct: boolean): StaffingShortfall | null {
  const roles: Role[] = [...new Set(stages.map((s) => s.role))];
  for (const set of distinct ? subsets(roles) : roles.map((r) => [r])) {
    const need = stages.filter((s) => set.includes(s.role));
    const holders = people.filter((p) => p.roles.some((r) => set.includes(r)));
    const short = distinct ? need.length > holders.length : holders.length === 0;
    if (short) return { stages: need, roles: set, holders };
  }
  return null;
}

const quoted = (stages: readonly ReviewStage[]) => stages.map((s) => `“${s.name}”`).join('');
const labels = (roles: readonly Role[], joiner = '、') => roles.map((r) => ROLE_LABELS[r]).join(joiner);

/**
 * The shortfall in Chinese, naming the stages, the roles and the people there are. `remaining`:
 * the people are those who may still sign a version in review (not its author, not whoever signed
 * another stage of the round), not everyone the organization has.
 */
export function describeShortfall(s: StaffingShortfall, remaining = false): string {
  const none = remaining ? `没有其他可以签署的${labels(s.roles, '或')}（撰写人和已签署本轮其他环节的人不能再签署）` : `本机构没有在岗的${labels(s.roles, '或')}`;
  if (s.holders.length === 0) return remaining ? `${quoted(s.stages)}环节${none}` : `${none}，${quoted(s.stages)}环节无人可以签署`;
  const who = s.holders.map((h) => (s.roles.length > 1 ? `${h.name}（${labels(s.roles.filter((r) => h.roles.includes(r)))}）` : h.name)).join('、');
  const needed = s.roles.length > 1 ? `${s.stages.length} 位不同的人（${labels(s.roles)}）` : `${s.stages.length} 位不同的${labels(s.roles)}`;
  return `${quoted(s.stages)}环节须由 ${needed}签署，${remaining ? '可以签署的' : '本机构'}只有 ${s.holders.length} 人：${who}（同一人不能签署同一信息的两个环节）`;
}

/** staffingShortfall in Chinese, or null. */
export function staffingProblem(stages: readonly ReviewStage[], people: readonly Candidate[], distinct: boolean): string | null {
  const s = staffingShortfall(stages, people, distinct);
  return s && describeShortfall(s);
}

/** A new submission: with distinct signers the author cannot sign any stage of it. */
export function submissionProblem(stages: readonly ReviewStage[], people: readonly Candidate[], authorId: number | null, distinct: boolean): string | null {
  return staffingProblem(stages, distinct ? people.filter((p) => p.userId !== authorId) : people, distinct);
}

/**
 * The version in review: can the current stage and those after it still be signed, by people
 * other than the author and those who signed an earlier stage of this round? Null when they can
 * (or when it is not in review).
 */
export function completionProblem(v: ReviewState, signed: readonly RoundSignature[], people: readonly Candidate[], distinct: boolean): string | null {
  if (!currentStage(v)) return null;
  const remaining = v.stages!.slice(v.stageIndex!);
  const pool = distinct ? people.filter((p) => p.userId !== v.authorId && !signed.some((s) => s.userId === p.userId && s.stageIndex !== v.stageIndex)) : people;
  const s = staffingShortfall(remaining, pool, distinct);
  return s && describeShortfall(s, distinct);
}

/**
 * Would this signature leave the later stages to nobody, when someone else's would not? E.g. the
 * only 保密审查员, who is also a 审核人, signing 初审 while another 审核人 could. Then the signer is
 * refused and told who should sign. A version already stuck is not helped by a refusal: null.
 */
export function strandingProblem(v: ReviewState, signer: Signer, signed: readonly RoundSignature[], people: readonly Candidate[], distinct: boolean): string | null {
  const stage = currentStage(v);
  if (!stage || !distinct || v.stageIndex! + 1 >= v.stages!.length) return null;
  if (completionProblem(v, signed, people, distinct)) return null;
  const next: ReviewState = { ...v, stageIndex: v.stageIndex! + 1 };
  const problem = completionProblem(next, [...signed, { userId: signer.userId, stageIndex: v.stageIndex! }], people, distinct);
  return problem && `您签署“${stage.name}”后，后续环节将无法完成：${problem}。请由其他${ROLE_LABELS[stage.role]}签署本环节`;
}
