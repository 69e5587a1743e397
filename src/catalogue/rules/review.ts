// Review before publication (条例第十七条：行政机关应当建立健全政府信息公开审查机制): a version
// passes every configured stage in order (default 三审制 初审 → 复审 → 终审, plus the 保密审查
// sign-off), then goes live. Reject sends it back to the author with a reason; withdraw takes
// a published item off the portal with a reason; editing a published item starts a new version.
// “谁审核、谁公开、谁负责”: every decision names its signer. Pure functions; commands apply them.
import { DomainError, forbidden, invalid } from '../../core/errors.ts';
import type { Role } from '../../orgs/staff/model.ts';
import { ROLE_LABELS } from '../../orgs/staff/model.ts';
import { STAGE_ROLES, type ReviewStage, type VersionState } from '../model.ts';

export const MAX_STAGES = 6;

/** A stage list an organization may configure: 1–6 named stages, one of them the 保密审查. */
export function stagesProblem(stages: readonly ReviewStage[]): string | null {
  if (stages.length === 0) return '至少需要一个审核环节';
  if (stages.length > MAX_STAGES) return `审核环节不能超过 ${MAX_STAGES} 个`;
  const names = stages.map((s) => s.name.trim());
  if (names.some((n) => !n)) return '每个审核环节都须有名称';
  if (names.some((n) => n.length > 20)) return '审核环节名称不能超过 20 个字';
  if (new Set(names).size !== names.length) return '审核环节名称不能重复';
  if (stages.some((s) => !STAGE_ROLES.includes(s.role))) return `审核环节的角色应为：${STAGE_ROLES.map((r) => ROLE_LABELS[r]).join('、')}`;
  if (!stages.some((s) => s.role === 'confidentiality')) return '审核环节中必须有一个由保密审查员签署的保密审查环节（条例第十七条）';
  return null;
}

/** What the review rules need to know about a version. */
export interface ReviewState {
  state: VersionState;
  stages: readonly ReviewStage[] | null;
  stageIndex: number | null;
  round: number;
  authorId: number | null;
}

export interface Signer {
  userId: number;
  roles: readonly Role[];
}

/** Who signed which stage in the current round (approvals only). */
export interface RoundSignature {
  userId: number | null;
  stageIndex: number;
}

export type Transition = Pick<ReviewState, 'state' | 'stageIndex' | 'round' | 'stages'> & {
  /** The version goes live: allocate the 索引号 if needed and show it on the portal. */
  publish: boolean;
};

const stateError = (message: string) => new DomainError('CONFLICT', message);

/** An editor saves changes: only while the version is a draft (a published one is revised instead). */
export function assertEditable(v: Pick<ReviewState, 'state'>): void {
  if (v.state === 'in_review') throw stateError('该信息正在审核中，不能修改；如需修改，请审核人退回后再改');
  if (v.state !== 'draft') throw stateError('已发布或已撤回的版本不能直接修改，请“修改（生成新版本）”');
}

/**
 * Submit a draft for review. Open confidentiality findings block it (条例第十四条、第十五条;
 * “涉密不公开”): they must be fixed or acknowledged by a 保密审查员 first.
 */
export function submit(v: ReviewState, stages: readonly ReviewStage[], openFindingCount: number): Transition {
  if (v.state !== 'draft') throw stateError(v.state === 'in_review' ? '该信息已在审核中' : '只有草稿可以提交审核');
  if (openFindingCount > 0) {
    throw new DomainError('CONFLICT', `保密审查发现 ${openFindingCount} 处疑似涉密或个人信息内容，请修改，或由保密审查员逐条确认并说明理由后再提交`);
  }
  const problem = stagesProblem(stages);
  if (problem) throw invalid(`本机构的审核环节设置有误：${problem}`);
  return { state: 'in_review', stageIndex: 0, round: v.round + 1, stages: [...stages], publish: false };
}

/** The stage now waiting for a signature. */
export function currentStage(v: ReviewState): ReviewStage | null {
  if (v.state !== 'in_review' || !v.stages || v.stageIndex === null) return null;
  return v.stages[v.stageIndex] ?? null;
}

/** Why this signer may not sign the current stage, or null when they may. */
export function signProblem(v: ReviewState, signer: Signer, signed: readonly RoundSignature[], distinctSigners: boolean): string | null {
  const stage = currentStage(v);
  if (!stage) return '该信息当前不在审核中';
  if (!signer.roles.includes(stage.role)) return `“${stage.name}”须由${ROLE_LABELS[stage.role]}签署`;
  if (distinctSigners) {
    if (v.authorId !== null && v.authorId === signer.userId) return '不能审核自己撰写的信息';
    const earlier = signed.find((s) => s.userId === signer.userId && s.stageIndex !== v.stageIndex);
    if (earlier) return `您已签署本轮的“${v.stages![earlier.stageIndex]?.name ?? '其他'}”环节，同一人不能签署两个审核环节`;
  }
  return null;
}

/**
 * Approve the current stage: the next stage follows, or after the last one the version is
 * published. Open findings still block (the word list may have grown since submission).
 */
export function approve(v: ReviewState, signer: Signer, signed: readonly RoundSignature[], distinctSigners: boolean, openFindingCount: number): Transition {
  const problem = signProblem(v, signer, signed, distinctSigners);
  if (problem) throw currentStage(v) ? forbidden(problem) : stateError(problem);
  if (openFindingCount > 0) throw stateError(`还有 ${openFindingCount} 处保密审查提示未处理，不能通过审核`);
  const next = v.stageIndex! + 1;
  if (next < v.stages!.length) return { state: 'in_review', stageIndex: next, round: v.round, stages: v.stages, publish: false };
  return { state: 'published', stageIndex: null, round: v.round, stages: v.stages, publish: true };
}

/** Reject at the current stage: back to the author as a draft, with the reason. */
export function reject(v: ReviewState, signer: Signer, reason: string, signed: readonly RoundSignature[], distinctSigners: boolean): Transition {
  const problem = signProblem(v, signer, signed, distinctSigners);
  if (problem) throw currentStage(v) ? forbidden(problem) : stateError(problem);
  if (reason.trim().length < 2) throw invalid('退回须说明理由');
  return { state: 'draft', stageIndex: null, round: v.round, stages: v.stages, publish: false };
}

/**
 * 退回 by the organization's head or an administrator, at any stage and without signing it: the
 * way out when nobody may sign the waiting stage (a reviewer left, roles changed). The version
 * goes back to the author as a draft, with the reason.
 */
export function returnToAuthor(v: ReviewState, reason: string): Transition {
  if (v.state !== 'in_review') throw stateError('该信息当前不在审核中');
  if (reason.trim().length < 2) throw invalid('退回须说明理由');
  return { state: 'draft', stageIndex: null, round: v.round, stages: v.stages, publish: false };
}

/**
 * 撤回 by the editor: a submission nobody has signed yet goes back to a draft. After the first
 * signature the review has begun and only a signer, the head or an administrator returns it.
 */
export function recall(v: ReviewState, signed: readonly RoundSignature[]): Transition {
  if (v.state !== 'in_review') throw stateError('该信息当前不在审核中');
  if (signed.length > 0) throw stateError('已有审核人签署，不能撤回；如需修改，请由审核人、机构负责人或系统管理员退回');
  return { state: 'draft', stageIndex: null, round: v.round, stages: v.stages, publish: false };
}

/** Withdraw a published item from the portal (the version and its 索引号 are kept). */
export function withdraw(v: Pick<ReviewState, 'state'>, reason: string): VersionState {
  if (v.state !== 'published') throw stateError('只有已发布的信息可以撤回');
  if (reason.trim().length < 2) throw invalid('撤回须说明理由');
  return 'withdrawn';
}

/**
 * Start a new version from the published (or withdrawn) one: the old version is kept and stays
 * on the portal until the new one has passed review.
 */
export function assertRevisable(latest: Pick<ReviewState, 'state'>): void {
  if (latest.state === 'draft' || latest.state === 'in_review') throw stateError('该信息已有正在编辑或审核中的版本');
  if (latest.state === 'superseded') throw stateError('只能基于最新版本修改');
}
