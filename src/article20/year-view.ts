// Everything the console page and the API show of one year of the ledgers: the entries, how each
// category was counted, the fees' total, the table-2 rows of both layouts and their sources.
import type { Queryable } from '../core/db/database.ts';
import { COUNT_CATEGORIES, type DecisionCategory } from './model.ts';
import { tallyDecisions, tallyFees, type DecisionTally, type FeeTally } from './rules/table2.ts';
import { findProcurement, listCounts, listDecisions, listFees, listItems } from './store.ts';
import { computeArticle20, loadLedgers } from './table2-report.ts';

export async function yearView(db: Queryable, orgId: number, year: number, category?: DecisionCategory, decisionLimit = 500) {
  const ledgers = await loadLedgers(db, orgId, year);
  const [decisions, counts, fees, items, procurement, part2021, part2019] = await Promise.all([
    listDecisions(db, orgId, year, category, decisionLimit), listCounts(db, orgId, year), listFees(db, orgId, year), listItems(db, orgId, year), findProcurement(db, orgId, year),
    computeArticle20(db, orgId, year, '2021'), computeArticle20(db, orgId, year, '2019'),
  ]);
  const tallies: DecisionTally[] = COUNT_CATEGORIES.map((c) => tallyDecisions(ledgers, c, year));
  const feeTally: FeeTally = tallyFees(ledgers.fees, year);
  const unconfirmed =
    ledgers.decisions.filter((d) => d.status === 'entered').length + counts.filter((c) => c.status === 'entered').length + fees.filter((f) => f.status === 'entered').length +
    items.filter((i) => i.status === 'entered').length + (procurement?.status === 'entered' ? 1 : 0);
  return { year, decisions, counts, fees, items, procurement, tallies, feeTally, unconfirmed, part2021, part2019 };
}
export type YearView = Awaited<ReturnType<typeof yearView>>;
