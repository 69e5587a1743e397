// Where a consultation stands on a day: derived from what was done and its dates, never stored.
// 起草 (draft) → 即将开始 (published, before the start) → 征求中 (open, start to end inclusive) →
// 已截止 (closed, after the end day) → 已反馈 (its 结果反馈 published).
import type { DateString } from '../../core/date.ts';
import type { ConsultationStatus } from '../model.ts';

export type ConsultationPhase = 'draft' | 'scheduled' | 'open' | 'closed' | 'concluded';

export const PHASE_LABELS: Record<ConsultationPhase, string> = {
  draft: '起草中',
  scheduled: '即将开始',
  open: '征求意见中',
  closed: '已截止',
  concluded: '已反馈',
};

export function phaseOn(c: { status: ConsultationStatus; startsOn: DateString; endsOn: DateString }, day: DateString): ConsultationPhase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'concluded') return 'concluded';
  if (day < c.startsOn) return 'scheduled';
  return day <= c.endsOn ? 'open' : 'closed';
}

/** Comments are taken only while open: the end day is the last day (截止日期当日仍可提交). */
export const takesComments = (phase: ConsultationPhase) => phase === 'open';

/** The 结果反馈 is written once the consultation has closed, and published once. */
export const mayWriteFeedback = (phase: ConsultationPhase) => phase === 'closed';
