// Table 4 of the annual report (四、政府信息公开行政复议、行政诉讼情况) counted from the appeals
// register. The form (国办公开办函〔2021〕30号 and 〔2019〕60号 表四, identical in both) gives three
// groups — 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉 — each with 结果维持, 结果纠正,
// 其他结果, 尚未审结 and 总计 (= the four before it, domain reference §B.7 第5条). Which cases belong
// to a year the form does not say; the rule chosen here is argued in docs/appeals-table4.md:
//   a case counts in every year in which it was pending at some time — received on or before
//   31 December and not decided before 1 January;
//   decided within the year → the column of its outcome; not decided by 31 December → 尚未审结.
// So a case open at a year end is 尚未审结 in that year and counted with its outcome in the year it
// is decided, as table 3 carries an open application over (结转) until the year it is answered.
import { TABLE4_COLUMNS, type Table4GroupKey } from '../../report/model/layout.ts';
import type { Table4, Table4Line } from '../../report/model/report.ts';
import type { AppealKind, AppealOutcome } from '../model.ts';

/** What the count needs of a record. */
export interface CountedAppeal {
  kind: AppealKind;
  receivedOn: string;
  decidedOn: string | null;
  outcome: AppealOutcome | null;
}

export const GROUP_OF_KIND: Record<AppealKind, Table4GroupKey> = {
  review: 'review',
  litigation_direct: 'litigationDirect',
  litigation_after_review: 'litigationAfterReview',
};

/** Index of each result among TABLE4_COLUMNS. */
const COLUMN: Record<AppealOutcome | 'pending', number> = {
  upheld: TABLE4_COLUMNS.indexOf('结果维持'),
  corrected: TABLE4_COLUMNS.indexOf('结果纠正'),
  other: TABLE4_COLUMNS.indexOf('其他结果'),
  pending: TABLE4_COLUMNS.indexOf('尚未审结'),
};
const TOTAL = TABLE4_COLUMNS.indexOf('总计');

/**
 * Where a case stands in the table 4 of `year`: its outcome when decided in the year, 'pending'
 * (尚未审结) when open at the year's end, null when it does not belong to the year (received after
 * it, or decided before it).
 */
export function table4Standing(a: CountedAppeal, year: number): AppealOutcome | 'pending' | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (a.receivedOn > last) return null;
  if (a.decidedOn === null || a.outcome === null || a.decidedOn > last) return 'pending';
  if (a.decidedOn < first) return null;
  return a.outcome;
}

/** Table 4 of `year` from the register; every 总计 is the sum of its group by construction. */
export function countTable4(appeals: readonly CountedAppeal[], year: number): Table4 {
  const zero = (): Table4Line => [0, 0, 0, 0, 0];
  const table: Table4 = { review: zero(), litigationDirect: zero(), litigationAfterReview: zero() };
  for (const a of appeals) {
    const standing = table4Standing(a, year);
    if (standing === null) continue;
    const line = table[GROUP_OF_KIND[a.kind]];
    line[COLUMN[standing]] = (line[COLUMN[standing]] as number) + 1;
    line[TOTAL] = (line[TOTAL] as number) + 1;
  }
  return table;
}
