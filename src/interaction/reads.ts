// Reading messages for the pages, the API, the CLI and the catalogue's inspection: the writer's view by
// query code, an agency's statistics for a year, and the §D.4 count of messages unanswered too long.
import type { Queryable } from '../core/db/database.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findOrgById } from '../orgs/store.ts';
import { presentForWriter, type WriterView } from './present.ts';
import { hashQueryCode } from './rules/query-code.ts';
import { interactionStats, type InteractionStats } from './rules/statistics.ts';
import { unansweredTooLong, windowStart } from './rules/unanswered.ts';
import { findByQueryCodeHash, findMessage, listRelated, listTransfers, statsRecords } from './store.ts';

/** The writer's view of the message the query code opens, or null for a code that opens none. */
export async function writerViewByCode(db: Queryable, code: string): Promise<WriterView | null> {
  if (!code.trim()) return null;
  const m = await findByQueryCodeHash(db, hashQueryCode(code));
  if (!m) return null;
  const [org, transfers, related, into] = await Promise.all([
    findOrgById(db, m.orgId), listTransfers(db, m.id), listRelated(db, m.id), m.mergedIntoId ? findMessage(db, m.mergedIntoId) : Promise.resolve(undefined),
  ]);
  const intoOrg = into ? await findOrgById(db, into.orgId) : undefined;
  return presentForWriter(m, org?.fullName ?? '', transfers, related, into ? { m: into, orgName: intoOrg?.fullName ?? '' } : null);
}

/** An agency's figures for the messages it handles that were received in `year` (rules/statistics.ts). */
export async function statsOf(db: Queryable, orgId: number, year: number): Promise<InteractionStats> {
  const [records, cal] = await Promise.all([statsRecords(db, orgId, `${year}-01-01`, `${year}-12-31`), loadCalendar(db, orgId)]);
  return interactionStats(records, cal);
}

/** §D.4 互动回应差: valid messages received within the year before `today`, unanswered for more than 3 months. */
export async function unansweredOlderThan3Months(db: Queryable, orgId: number, today: string): Promise<number> {
  const records = await statsRecords(db, orgId, windowStart(today), today);
  return records.filter((r) => unansweredTooLong(r, today)).length;
}
