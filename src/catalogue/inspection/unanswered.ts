// 互动回应差 (国办秘函〔2019〕19号 单项否决, domain-reference §D.4, §E.5): within the year before the
// inspection, a 政务咨询类 column with a valid message left unanswered for more than 3 months.
// gongkai has no interaction module (留言、咨询) yet — a later issue brings it. Until then there are no
// messages, so the count is 0: this function is where that module's query goes, and the inspection
// run and the region dashboard already count what it answers.
import type { Queryable } from '../../core/db/database.ts';

/** Messages older than this many months without an answer are a finding. */
export const UNANSWERED_MONTHS = 3;

/** Valid messages to the organization, received within the year before `today`, unanswered for more than 3 months. */
export async function unansweredMessagesOlderThan3Months(_db: Queryable, _orgId: number, _today: string): Promise<number> {
  // No interaction module yet: no messages can be unanswered.
  return 0;
}
