// Overdue (逾期): a task or rectification item whose deadline has passed and that the office has not yet
// accepted (任务) or confirmed (整改). The deadline day itself is still in time.
import type { ProgressState, RectificationState } from './transitions.ts';

export const isOverdue = (deadline: string, state: ProgressState | RectificationState, today: string): boolean =>
  deadline < today && state !== 'accepted' && state !== 'confirmed';

/** Waits for the agency: not yet reported (or returned, or reopened). */
export const waitsForAgency = (state: ProgressState | RectificationState): boolean => state === 'open' || state === 'returned';
