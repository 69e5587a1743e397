// The catalogue's part of the assembled annual report (issue 16 §3): table 2 第二十条第（一）项 (规章,
// 行政规范性文件: rules/table2.ts, 2021 layout; the 2019 layout's columns are not kept by the catalogue),
// and for the narrative the items published in the year by column and the 政策解读 among them.
import type { Queryable } from '../core/db/database.ts';
import type { CellSource, ReportPart } from '../report/assembly/part.ts';
import { table2CellName } from '../report/model/cells.ts';
import { computeTable2Section1 } from './report-table2.ts';

const ROW_LABELS = { regulations: '规章', normativeDocuments: '行政规范性文件' } as const;
const COLUMN_LABELS = { issued: '本年制发', abolished: '本年废止', inForce: '年末现行有效' } as const;

/** Live items whose 发布日期 is in the year, by column (largest first), and how many are 解读. */
async function publishedInYear(db: Queryable, orgId: number, year: number): Promise<{ byColumn: { column: string; count: number }[]; interpretations: number }> {
  const rows = await db.query<{ name: string; kind: string; n: number }>(
    `select c.name, c.kind, count(*)::int as n
     from catalogue_items i join catalogue_versions v on v.id = i.published_version_id join catalogue_columns c on c.id = v.column_id
     where i.withdrawn_at is null and i.org_id = $1 and v.published_date between $2::date and $3::date
     group by c.name, c.kind order by 3 desc, 1`,
    [orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return {
    byColumn: rows.map((r) => ({ column: r.name, count: r.n })),
    interpretations: rows.filter((r) => r.kind === 'interpretation').reduce((s, r) => s + r.n, 0),
  };
}

export const cataloguePart: ReportPart = {
  name: '主动公开目录',
  async compute(db, orgId, year, format) {
    const published = await publishedInYear(db, orgId, year);
    const facts = { publishedByColumn: published.byColumn, interpretations: published.interpretations };
    if (format !== '2021') return { sources: [], facts };
    const counts = await computeTable2Section1(db, orgId, year);
    const sources: CellSource[] = [];
    for (const row of ['regulations', 'normativeDocuments'] as const) {
      for (const column of ['issued', 'abolished', 'inForce'] as const) {
        sources.push({
          cell: table2CellName(row, column),
          description: `${ROW_LABELS[row]}${COLUMN_LABELS[column]} ${counts[row][column]} 件（主动公开目录中已发布的${ROW_LABELS[row]}，按成文日期和废止、失效日期计）`,
          href: '/console/catalogue',
        });
      }
    }
    return { table2: counts, sources, facts };
  },
};
