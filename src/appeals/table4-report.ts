// Table 4 of a year from the register (rules/table4.ts), and stored into that year's report draft
// through the report module's own commands, as applications does with table 3.
import type { Database, Queryable } from '../core/db/database.ts';
import type { CommandContext } from '../orgs/context.ts';
import { storeComputedTableInDraft } from '../report/commands.ts';
import type { Table4 } from '../report/model/report.ts';
import type { Appeal } from './model.ts';
import { countTable4 } from './rules/table4.ts';
import { listAppealsOfYear } from './store.ts';

export async function table4ForYear(db: Queryable, orgId: number, year: number): Promise<{ table4: Table4; appeals: Appeal[] }> {
  const appeals = await listAppealsOfYear(db, orgId, year);
  return { table4: countTable4(appeals, year), appeals };
}

/** Table 4 computed from the register, written into the report of `year` (report/commands.ts storeComputedTableInDraft). */
export const storeTable4InDraft = (db: Database, ctx: CommandContext, orgId: number, year: number) =>
  storeComputedTableInDraft(db, ctx, orgId, year, 'table4', async () => (await table4ForYear(db, orgId, year)).table4, '表四由复议诉讼台账自动计算');
