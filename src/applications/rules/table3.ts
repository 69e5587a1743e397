// Table 3 of the annual report (收到和处理政府信息公开申请情况) from the cases of one organization
// and year (domain-reference §B.4, §B.7). A case counts when it was legally received (条例第三十一条)
// by the end of the year and not concluded before the year began:
//   一、本年新收   received in the year        二、上年结转  received before the year
//   三、办理结果   concluded in the year, in the row of its outcome (one row only, §B.7 rule 2)
//   四、结转下年度 not concluded by the end of the year
// So 一 + 二 = （七）总计 + 四 holds for every column by construction, and 总计 = the sum of the six.
import { dayNumber, type DateString } from '../../core/date.ts';
import { TABLE3_COLUMNS, table3OutcomeRows, table3Rows, type ReportFormat } from '../../report/model/layout.ts';
import type { Table3, Table3Line } from '../../report/model/report.ts';
import { APPLICANT_COLUMNS, type ApplicantColumn } from '../model.ts';
import { isOutcome, table3RowOf, type Outcome } from './outcome.ts';

export interface Table3Case {
  column: ApplicantColumn;
  receivedOn: DateString | null;
  concludedOn: DateString | null;
  outcome: Outcome | string | null;
}

/** One group of cases as the SQL aggregate returns it (store.ts table3Counts). */
export interface Table3Count {
  column: ApplicantColumn;
  /** received in the year (true) or carried over (false) */
  isNew: boolean;
  /** the outcome when concluded in the year, else null (carried forward) */
  outcome: string | null;
  n: number;
}

const yearBounds = (year: number) => ({ first: dayNumber(`${year}-01-01`), last: dayNumber(`${year}-12-31`) });

/** The case's place in the year's table 3, or null when it does not belong there. */
export function table3CountOf(c: Table3Case, year: number): Omit<Table3Count, 'n'> | null {
  if (c.receivedOn === null) return null;
  const { first, last } = yearBounds(year);
  const received = dayNumber(c.receivedOn);
  if (received > last) return null;
  const concluded = c.concludedOn === null ? null : dayNumber(c.concludedOn);
  if (concluded !== null && concluded < first) return null;
  const inYear = concluded !== null && concluded <= last;
  return { column: c.column, isNew: received >= first, outcome: inYear ? (c.outcome ?? 'other.other') : null };
}

/** Builds table 3 from grouped counts; rows absent from the layout are refused. */
export function table3FromCounts(counts: readonly Table3Count[], format: ReportFormat): Table3 {
  const rows = new Map<string, number[]>(table3Rows(format).map((r) => [r.key, TABLE3_COLUMNS.map(() => 0)]));
  const outcomeKeys = new Set(table3OutcomeRows(format).map((r) => r.key));
  const add = (key: string, col: number, n: number) => {
    const line = rows.get(key)!;
    line[col]! += n;
    line[TABLE3_COLUMNS.length - 1]! += n;
  };
  for (const c of counts) {
    const col = APPLICANT_COLUMNS.indexOf(c.column);
    if (col < 0) throw new Error(`未知的申请人类别：${c.column}`);
    add(c.isNew ? 'newReceived' : 'carriedOver', col, c.n);
    if (c.outcome === null) add('carriedForward', col, c.n);
    else {
      if (!isOutcome(c.outcome)) throw new Error(`未知的办理结果：${c.outcome}`);
      const key = table3RowOf(c.outcome, format);
      if (!outcomeKeys.has(key)) throw new Error(`办理结果 ${c.outcome} 不在 ${format} 年版格式中`);
      add(key, col, c.n);
      add('total', col, c.n);
    }
  }
  return Object.fromEntries([...rows].map(([k, v]) => [k, v as Table3Line])) as unknown as Table3;
}

/** Table 3 of `year` from a list of cases (pure; the store computes the same with one SQL aggregate). */
export function computeTable3(cases: readonly Table3Case[], year: number, format: ReportFormat): Table3 {
  const groups = new Map<string, Table3Count>();
  for (const c of cases) {
    const place = table3CountOf(c, year);
    if (!place) continue;
    const key = `${place.column}|${place.isNew}|${place.outcome}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { ...place, n: 1 });
  }
  return table3FromCounts([...groups.values()], format);
}
