// All SQL of the supervision module: the agencies below a region with their report of a year, in one
// statement (the dashboard of a region of a thousand agencies is one query, not a thousand).
import type { Queryable } from '../core/db/database.ts';
import type { FigureCells } from './rules/report-standing.ts';
import type { TrendInput } from './rules/report-trend.ts';

/** Kinds that are agencies (they report); provinces, cities and counties are only places in the tree. */
export const AGENCY_KINDS = ['government', 'department', 'subunit'] as const;

export interface RegionReportRecord {
  orgId: number;
  code: string;
  name: string;
  kind: string;
  reportDeadline: string | null;
  reportId: number | null;
  published: boolean;
  imported: boolean;
  firstPublishedOn: string | null;
  errors: number;
  warnings: number;
  rules: string[];
  cells: FigureCells;
}

const num = (v: string | null) => (v === null || v === undefined ? null : Number(v));

/**
 * Every agency in the subtree at `path` (the region itself included when it is an agency), in tree
 * order, with its report of `year`: the published version when there is one, else the current.
 */
export async function regionReportRecords(db: Queryable, path: string, year: number): Promise<RegionReportRecord[]> {
  const rows = await db.query<Record<string, string | number | boolean | null | Date | string[]>>(
    `select o.id, o.code, o.full_name, o.kind, o.report_deadline, r.id as report_id, r.published_version is not null as published,
       coalesce(v.sources ->> 'table2' = 'imported' or v.sources ->> 'table3' = 'imported' or v.sources ->> 'table4' = 'imported', false) as imported,
       to_char(p.first_published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as first_published_on,
       coalesce(v.error_count, 0) as errors, coalesce(v.warning_count, 0) as warnings,
       coalesce((select array_agg(distinct f ->> 'rule') from jsonb_array_elements(v.findings) f), '{}') as rules,
       t.table3 #>> '{newReceived,6}' as received, t.table3 #>> '{granted,6}' as granted,
       t.table3 #>> '{partiallyGranted,6}' as partially_granted, t.table3 #>> '{total,6}' as handled,
       t.table4 #>> '{review,1}' as review_corrected, t.table4 #>> '{review,4}' as review_total,
       t.table4 #>> '{litigationDirect,1}' as direct_corrected, t.table4 #>> '{litigationDirect,4}' as direct_total,
       t.table4 #>> '{litigationAfterReview,1}' as after_corrected, t.table4 #>> '{litigationAfterReview,4}' as after_total,
       t.table2 #>> '{fees,amountWanYuan}' as fees
     from organizations o
     left join reports r on r.org_id = o.id and r.year = $2
     left join report_versions v on v.report_id = r.id and v.version = coalesce(r.published_version, r.current_version)
     -- the three tables taken out of the content once, not once per figure (a thousand rows, eleven figures)
     left join lateral jsonb_to_record(v.content) as t(table2 jsonb, table3 jsonb, table4 jsonb) on true
     left join (select report_id, min(published_at) as first_published_at from report_publications group by report_id) p on p.report_id = r.id
     where o.path like $1 || '%' and o.kind in ('government', 'department', 'subunit')
     order by o.path`,
    [path, year],
  );
  return rows.map((r) => ({
    orgId: Number(r.id),
    code: String(r.code),
    name: String(r.full_name),
    kind: String(r.kind),
    reportDeadline: (r.report_deadline as string | null) ?? null,
    reportId: r.report_id === null ? null : Number(r.report_id),
    published: Boolean(r.published),
    imported: Boolean(r.imported),
    firstPublishedOn: (r.first_published_on as string | null) ?? null,
    errors: Number(r.errors),
    warnings: Number(r.warnings),
    rules: ((r.rules as string[] | null) ?? []).filter(Boolean).sort(),
    cells: {
      received: num(r.received as string | null),
      granted: num(r.granted as string | null),
      partiallyGranted: num(r.partially_granted as string | null),
      handled: num(r.handled as string | null),
      appeals: [
        [num(r.review_corrected as string | null), num(r.review_total as string | null)],
        [num(r.direct_corrected as string | null), num(r.direct_total as string | null)],
        [num(r.after_corrected as string | null), num(r.after_total as string | null)],
      ],
      feesWanYuan: num(r.fees as string | null),
    },
  }));
}

/** An agency's report of one year as the trend rules read it (rules/report-trend.ts). */
export interface TrendRecord extends TrendInput {
  orgId: number;
}

/**
 * Every agency in the subtree at `path` for each year from `fromYear` to `toYear`, with what the trend
 * chart needs of its report of that year (as regionReportRecords reads it): one statement for all years.
 */
export async function regionTrendRecords(db: Queryable, path: string, fromYear: number, toYear: number): Promise<TrendRecord[]> {
  const rows = await db.query<{ id: string; kind: string; report_deadline: string | null; year: number; report_id: string | null; first_published_on: string | null; received: string | null }>(
    `select o.id, o.kind, o.report_deadline, y.year, r.id as report_id,
       to_char(p.first_published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as first_published_on,
       v.content #>> '{table3,newReceived,6}' as received
     from organizations o
     cross join generate_series($2::int, $3::int) as y(year)
     left join reports r on r.org_id = o.id and r.year = y.year
     left join report_versions v on v.report_id = r.id and v.version = coalesce(r.published_version, r.current_version)
     left join lateral (select min(published_at) as first_published_at from report_publications where report_id = r.id) p on true
     where o.path like $1 || '%' and o.kind in ('government', 'department', 'subunit')
     order by y.year, o.path`,
    [path, fromYear, toYear],
  );
  return rows.map((r) => ({
    orgId: Number(r.id),
    kind: r.kind,
    reportDeadline: r.report_deadline ?? null,
    year: Number(r.year),
    hasReport: r.report_id !== null,
    firstPublishedOn: r.first_published_on ?? null,
    received: num(r.received),
  }));
}
