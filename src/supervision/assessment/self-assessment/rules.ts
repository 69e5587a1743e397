// Who may do what with a self-assessment (自评报告) in which state, as pure functions in the style of
// ../rules/transitions.ts. The agency (its editor, head or administrator) drafts it from its facts, edits
// it and submits it to the government office above it; the office (its administrators and supervisors)
// returns it with a reason or accepts it. The text may be changed only while it is a draft or returned.
import type { Organization } from '../../../orgs/model.ts';

export const SELF_ASSESSMENT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SelfAssessmentState = (typeof SELF_ASSESSMENT_STATES)[number];
export const SELF_ASSESSMENT_STATE_LABELS: Record<SelfAssessmentState, string> = {
  draft: '草稿', submitted: '已报送待审核', returned: '已退回', accepted: '已通过',
};

export type SelfAssessmentAction = 'redraft' | 'save' | 'submit' | 'return' | 'accept';
export type Side = 'office' | 'agency';
type Outcome = { to: SelfAssessmentState } | { error: string };

/** Editable by the agency: a draft, or one the office returned. */
export const isEditable = (state: SelfAssessmentState): boolean => state === 'draft' || state === 'returned';

export function selfAssessmentTransition(state: SelfAssessmentState, action: SelfAssessmentAction, side: Side): Outcome {
  switch (action) {
    case 'redraft':
    case 'save':
    case 'submit':
      if (side !== 'agency') return { error: '自评报告由本部门起草和报送，政府办公室不能修改' };
      if (state === 'submitted') return { error: '自评报告已报送，等待政府办公室审核，不能修改' };
      if (state === 'accepted') return { error: '自评报告已通过，不能再修改' };
      return { to: action === 'submit' ? 'submitted' : state };
    case 'return':
    case 'accept':
      if (side !== 'office') return { error: '只有政府办公室可以退回或通过自评报告' };
      if (state === 'accepted') return { error: '自评报告已通过' };
      if (state !== 'submitted') return { error: '部门尚未报送自评报告' };
      return { to: action === 'accept' ? 'accepted' : 'returned' };
  }
}

/**
 * The office a self-assessment goes to: the nearest 人民政府（办公室） above the agency (the one that
 * publishes the task breakdown); `ancestors` run from the root down to the parent. Null when none.
 */
export function officeAbove<O extends Pick<Organization, 'kind'>>(ancestors: readonly O[]): O | null {
  return [...ancestors].reverse().find((a) => a.kind === 'government') ?? null;
}

/** The office sees a self-assessment once submitted; a draft is the agency's working (a returned one stays returned). */
export const visibleToOffice = (state: SelfAssessmentState): boolean => state !== 'draft';
