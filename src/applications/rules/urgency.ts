// The order of the 办理台账 by urgency: what a handler must act on first. Only the dates of the
// clock decide (条例第三十三条 答复期限, 第三十一条 收到申请之日), recomputed on every read.
import { dayNumber, type DateString } from '../../core/date.ts';
import type { CaseState } from '../model.ts';
import type { CaseClock } from './case-clock.ts';
import { CONCLUDED_STATES } from './transitions.ts';

export interface UrgencyInput {
  case: { id: number; state: CaseState; submittedOn: DateString; receivedOn: DateString | null };
  clock: Pick<CaseClock, 'status' | 'dueDate' | 'error'>;
}

/**
 * Groups, most urgent first:
 * 0 逾期 (the longest overdue first) · 1 期限无法计算 (someone must act before it can be known) ·
 * 2 即将到期 · 3 待确认收到 (the handler's first step; 第三十一条) · 4 办理中, by 答复期限 ·
 * 5 clock stopped (补正, 征求意见, 缴费) · 6 concluded.
 * Within a group the earlier date comes first, then the older case; concluded ones newest first.
 */
export function replyUrgency(item: UrgencyInput): [group: number, key: number] {
  const { case: c, clock } = item;
  const day = (d: DateString | null) => (d ? dayNumber(d) : 0);
  if (CONCLUDED_STATES.includes(c.state)) return [6, -c.id];
  const status = clock.status?.status;
  if (status === 'overdue') return [0, -clock.status!.daysOverdue];
  if (clock.error) return [1, day(c.receivedOn ?? c.submittedOn)];
  if (status === 'due_soon') return [2, day(clock.dueDate)];
  if (c.state === 'submitted') return [3, day(c.submittedOn)];
  if (clock.dueDate) return [4, day(clock.dueDate)];
  return [5, day(c.receivedOn ?? c.submittedOn)];
}

/** Sorts by replyUrgency; ties by receipt order (older first), so the order never jumps between reads. */
export function byReplyUrgency(a: UrgencyInput, b: UrgencyInput): number {
  const [ga, ka] = replyUrgency(a);
  const [gb, kb] = replyUrgency(b);
  return ga - gb || ka - kb || a.case.id - b.case.id;
}
