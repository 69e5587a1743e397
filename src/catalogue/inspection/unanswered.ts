// 互动回应差 (国办秘函〔2019〕19号 单项否决, domain-reference §D.4, §E.5): within the year before the
// inspection, a 政务咨询类 column with a valid message left unanswered for more than 3 months. The messages
// are another domain's (src/interaction): the inspection takes the count as a source that src/app fills in
// (src/app/interaction-hooks.ts UNANSWERED_MESSAGES, the messages module's query).
import type { Queryable } from '../../core/db/database.ts';

/** Messages older than this many months without an answer are a finding. */
export const UNANSWERED_MONTHS = 3;

/** Valid messages to the organization, received within the year before `today`, unanswered for more than 3 months. */
export type UnansweredMessagesCount = (db: Queryable, orgId: number, today: string) => Promise<number>;
