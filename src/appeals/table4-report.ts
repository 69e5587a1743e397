// Table 4 of a year from the register (rules/table4.ts), and stored into that year's report draft
// through the report module's own commands, as applications does with table 3. `appealsPart` is the
// register's contribution to the assembled report (report/assembly/part.ts): table 4 with, for each
// non-zero cell, the records it counts.
import type { Database, Queryable } from '../core/db/database.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { CellSource, ReportPart } from '../report/assembly/part.ts';
import { storeComputedTableInDraft } from '../report/commands.ts';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN, table4GroupFullLabel } from '../report/model/layout.ts';
import type { Table4 } from '../report/model/report.ts';
import type { Appeal } from './model.ts';
import { GROUP_OF_KIND, table4Standing } from './rules/table4.ts';
import { countTable4 } from './rules/table4.ts';
import { listAppealsOfYear } from './store.ts';

export async function table4ForYear(db: Queryable, orgId: number, year: number): Promise<{ table4: Table4; appeals: Appeal[] }> {
  const appeals = await listAppealsOfYear(db, orgId, year);
  return { table4: countTable4(appeals, year), appeals };
}

/** Table 4 computed from the register, written into the report of `year` (report/commands.ts storeComputedTableInDraft). */
export const storeTable4InDraft = (db: Database, ctx: CommandContext, orgId: number, year: number) =>
  storeComputedTableInDraft(db, ctx, orgId, year, 'table4', async () => (await table4ForYear(db, orgId, year)).table4, '表四由复议诉讼台账自动计算');

/** At most this many 案号 are named in one cell's description. */
const NAMED = 10;
const COLUMN_OF = { upheld: 0, corrected: 1, other: 2, pending: 3 } as const;

const nameOf = (a: Appeal) => a.caseNumber || `无案号（${a.body}，${a.receivedOn} 收到）`;

/** One CellSource per non-zero cell of table 4: what was counted there, by 案号. */
export function table4Sources(appeals: readonly Appeal[], table4: Table4, year: number): CellSource[] {
  const href = `/console/appeals?year=${year}`;
  const sources: CellSource[] = [];
  for (const g of TABLE4_GROUPS) {
    const inGroup = appeals.filter((a) => GROUP_OF_KIND[a.kind] === g.key);
    TABLE4_COLUMNS.forEach((column, i) => {
      const n = table4[g.key][i] as number;
      if (!n) return;
      const counted = inGroup.filter((a) => {
        const s = table4Standing(a, year);
        return s !== null && (i === TABLE4_TOTAL_COLUMN || COLUMN_OF[s] === i);
      });
      const names = counted.slice(0, NAMED).map(nameOf).join('、') + (counted.length > NAMED ? ` 等 ${counted.length} 件` : '');
      const label = i === TABLE4_TOTAL_COLUMN ? table4GroupFullLabel(g) : `${table4GroupFullLabel(g)}·${column}`;
      sources.push({ cell: `table4.${g.key}[${i}]`, description: `${label} ${n} 件：${names}（${year} 年复议诉讼台账）`, href });
    });
  }
  return sources;
}

/** The register's part of the annual report of an organization and year (table 4 in either layout). */
export const appealsPart: ReportPart = {
  name: '复议诉讼台账',
  async compute(db, orgId, year) {
    const { table4, appeals } = await table4ForYear(db, orgId, year);
    return { table4, sources: table4Sources(appeals, table4, year), facts: {} };
  },
};
