// Table 3 of the annual report from the cases (issue 5 §6): one SQL aggregate per organization and
// year (store.ts table3Counts), folded by the same rule as the pure computeTable3 (rules/table3.ts),
// and stored into that year's report draft through the report module's own commands.
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { storeComputedTableInDraft } from '../report/commands.ts';
import { formatForYear, type ReportFormat } from '../report/model/layout.ts';
import type { Table3 } from '../report/model/report.ts';
import { table3FromCounts } from './rules/table3.ts';
import { table3Counts } from './store.ts';

export async function table3ForYear(db: Queryable, orgId: number, year: number, format: ReportFormat = formatForYear(year)): Promise<{ format: ReportFormat; table3: Table3 }> {
  return { format, table3: table3FromCounts(await table3Counts(db, orgId, year), format) };
}

/** Table 3 computed from the cases, written into the report of `year` (report/commands.ts storeComputedTableInDraft). */
export const storeTable3InDraft = (db: Database, ctx: CommandContext, orgId: number, year: number) =>
  storeComputedTableInDraft(db, ctx, orgId, year, 'table3', async (format) => (await table3ForYear(db, orgId, year, format)).table3, '表三由依申请公开案件自动计算');
