// 有效性 of policy documents: [G17] 文件资料 — 如相关文件资料发生修改、废止、失效等情况，应及时公开，
// 并在已发布的原文件上作出明确标注. A document is 有效 when published; it may be 已修订 (still in
// force as amended, possibly several times), and ends as 废止 (abolished) or 失效 (expired), which
// are final. Every change carries the date it took effect.
import { invalid } from '../../core/errors.ts';
import { VALIDITY_LABELS, type Validity } from '../model.ts';

const NEXT: Record<Validity, readonly Validity[]> = {
  effective: ['amended', 'abolished', 'expired'],
  amended: ['amended', 'abolished', 'expired'],
  abolished: [],
  expired: [],
};

export const canChangeValidity = (from: Validity, to: Validity) => NEXT[from].includes(to);

/**
 * Whether a version has a 有效性 at all: policy documents (规章、规范性文件、其他政策文件, those with a
 * 文件类型) do; news, 解读 and notices do not. The console and the portal both ask this, so they never
 * disagree (one showing 有效 where the other shows nothing).
 */
export const hasValidity = (v: { docKind: string | null }) => v.docKind !== null;

/** Is the document in force: 有效 or 已修订. */
export const inForce = (v: Validity) => v === 'effective' || v === 'amended';

/** Checks a validity change; returns the new state or throws with a Chinese message. */
export function changeValidity(
  current: { validity: Validity; validityDate: string | null; issuedOn: string | null },
  to: Validity,
  on: string,
): { validity: Validity; validityDate: string } {
  if (!canChangeValidity(current.validity, to)) {
    throw invalid(
      NEXT[current.validity].length === 0
        ? `该文件已${VALIDITY_LABELS[current.validity]}，有效性不能再变更`
        : `有效性不能从“${VALIDITY_LABELS[current.validity]}”改为“${VALIDITY_LABELS[to]}”`,
    );
  }
  if (current.issuedOn && on < current.issuedOn) throw invalid(`${VALIDITY_LABELS[to]}日期 ${on} 早于文件的成文日期 ${current.issuedOn}`);
  if (current.validityDate && on < current.validityDate) throw invalid(`${VALIDITY_LABELS[to]}日期 ${on} 早于上一次有效性变更的日期 ${current.validityDate}`);
  return { validity: to, validityDate: on };
}

/**
 * The day a document stopped being in force (废止 or 失效), or null while it is in force.
 * Used for 现行有效件数 at the end of a year.
 */
export const endedOn = (d: { validity: Validity; validityDate: string | null }): string | null =>
  d.validity === 'abolished' || d.validity === 'expired' ? d.validityDate : null;
