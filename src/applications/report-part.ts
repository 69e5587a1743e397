// The 依申请公开 cases' part of the assembled annual report (issue 16 §3): table 3 (table3-report.ts),
// the applications received by channel and the 信息处理费 paid in the year (国办函〔2020〕109号) for
// the narrative, and where each cell of table 3 comes from.
import type { Queryable } from '../core/db/database.ts';
import type { CellSource, ReportPart } from '../report/assembly/part.ts';
import { table3CellName, table3Line } from '../report/model/cells.ts';
import { TABLE3_COLUMNS, TABLE3_TOTAL_COLUMN, table3Rows, table3RowFullLabel } from '../report/model/layout.ts';
import { fenToYuan } from '../core/money.ts';
import { CHANNEL_LABELS } from './model.ts';
import type { SubmissionChannel } from './rules/receipt.ts';
import { table3ForYear } from './table3-report.ts';

/** Applications received in the year by channel, largest first. */
async function receivedByChannel(db: Queryable, orgId: number, year: number): Promise<{ channel: string; count: number }[]> {
  const rows = await db.query<{ channel: SubmissionChannel; n: number }>(
    `select channel, count(*)::int as n from applications
     where org_id = $1 and received_on between $2::date and $3::date group by 1 order by 2 desc, 1`,
    [orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => ({ channel: CHANNEL_LABELS[r.channel], count: r.n }));
}

/** 信息处理费 paid in the year: the amount of each case's last fee notice before its payment, in 分. */
async function feesPaidFen(db: Queryable, orgId: number, year: number): Promise<bigint> {
  const [row] = await db.query<{ fen: string | null }>(
    `select sum(round((n.data ->> 'amountYuan')::numeric * 100))::text as fen
     from application_events p
     join lateral (select data from application_events n
                   where n.case_id = p.case_id and n.kind = 'fee_notified' and n.id < p.id order by n.id desc limit 1) n on true
     where p.org_id = $1 and p.kind = 'fee_paid' and p.on_date between $2::date and $3::date`,
    [orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return BigInt(row?.fen ?? '0');
}

export const applicationsPart: ReportPart = {
  name: '依申请公开案件',
  async compute(db, orgId, year, format) {
    const { table3 } = await table3ForYear(db, orgId, year, format);
    const sources: CellSource[] = [];
    const href = `/console/applications?year=${year}`;
    for (const row of table3Rows(format)) {
      const line = table3Line(table3, row.key)!;
      line.forEach((value, column) => {
        if (!value) return;
        const who = column === TABLE3_TOTAL_COLUMN ? '' : `，申请人为${TABLE3_COLUMNS[column]}`;
        sources.push({ cell: table3CellName(row.key, column), description: `${table3RowFullLabel(row)}：依申请公开案件 ${value} 件（${year} 年${who}）`, href });
      });
    }
    const fen = await feesPaidFen(db, orgId, year);
    return {
      table3,
      sources,
      facts: { applicationsByChannel: await receivedByChannel(db, orgId, year), processingFeesYuan: fenToYuan(fen) },
    };
  },
};
