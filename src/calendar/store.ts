// Every SQL statement of the working-day calendar, and the row-to-object mapping.
import { LOCK, type Queryable } from '../core/db/database.ts';
import type { DateString } from '../core/date.ts';
import type { SourcedSpecialDay } from './arrangement.ts';
import { workingDayCalendar, type SpecialDayKind, type WorkingDayCalendar } from './rules.ts';

/** Advisory lock namespace of calendar seeding. */
export const CALENDAR_LOCK = LOCK.calendar;

export interface CoveredYear {
  year: number;
  source: string;
  url: string | null;
  createdBy: string;
}

export interface StoredSpecialDay extends SourcedSpecialDay {
  /** null for the national calendar, else the organization whose local day this is. */
  orgId: number | null;
  createdBy: string;
}

interface DayRow {
  date: string;
  kind: SpecialDayKind;
  name: string;
  source: string;
  created_by: string;
  org_id: number | null;
}

const toDay = (r: DayRow): StoredSpecialDay => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  source: r.source,
  createdBy: r.created_by,
  orgId: r.org_id,
});

const DAY_COLUMNS = 'date, kind, name, source, created_by';

export async function coveredYears(db: Queryable): Promise<CoveredYear[]> {
  const rows = await db.query<{ year: number; source: string; url: string | null; created_by: string }>(
    'select year, source, url, created_by from calendar_years order by year',
  );
  return rows.map((r) => ({ year: r.year, source: r.source, url: r.url, createdBy: r.created_by }));
}

export async function findCoveredYear(db: Queryable, year: number): Promise<CoveredYear | null> {
  return (await coveredYears(db)).find((y) => y.year === year) ?? null;
}

/**
 * The calendar snapshot the rules work on: every covered year and every national special day,
 * with the organization's local days on top when orgId is given. A few hundred rows per decade.
 */
export async function loadCalendar(db: Queryable, orgId: number | null = null): Promise<WorkingDayCalendar> {
  const [years, national, local] = await Promise.all([
    db.query<{ year: number }>('select year from calendar_years'),
    db.query<DayRow>(`select ${DAY_COLUMNS}, null::bigint as org_id from calendar_days`),
    orgId === null
      ? Promise.resolve([])
      : db.query<DayRow>(`select ${DAY_COLUMNS}, org_id from calendar_org_days where org_id = $1`, [orgId]),
  ]);
  return workingDayCalendar(
    years.map((y) => y.year),
    national.map(toDay),
    local.map(toDay),
  );
}

/**
 * The calendars of many organizations at once (region dashboards), in three statements: each
 * organization gets what loadCalendar(db, orgId) would give it; those without local days share one
 * snapshot, so a caller that caches per snapshot computes each distinct calendar once.
 */
export async function loadCalendarsOf(db: Queryable, orgIds: readonly number[]): Promise<Map<number, WorkingDayCalendar>> {
  const [years, national, local] = await Promise.all([
    db.query<{ year: number }>('select year from calendar_years'),
    db.query<DayRow>(`select ${DAY_COLUMNS}, null::bigint as org_id from calendar_days`),
    orgIds.length === 0
      ? Promise.resolve([] as DayRow[])
      : db.query<DayRow>(`select ${DAY_COLUMNS}, org_id from calendar_org_days where org_id = any($1::bigint[]) order by org_id`, [orgIds]),
  ]);
  const covered = years.map((y) => y.year);
  const days = national.map(toDay);
  const shared = workingDayCalendar(covered, days);
  const localByOrg = new Map<number, StoredSpecialDay[]>();
  for (const r of local) {
    const id = Number(r.org_id);
    const list = localByOrg.get(id) ?? [];
    if (list.length === 0) localByOrg.set(id, list);
    list.push(toDay(r));
  }
  return new Map(orgIds.map((id) => {
    const own = localByOrg.get(id);
    return [id, own ? workingDayCalendar(covered, days, own) : shared];
  }));
}

/** The special days stored for a year, national first, ordered by date. */
export async function listYear(db: Queryable, year: number, orgId: number | null = null): Promise<StoredSpecialDay[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db.query<DayRow>(
    `select ${DAY_COLUMNS}, null::bigint as org_id from calendar_days where date between $1 and $2
     union all
     select ${DAY_COLUMNS}, org_id from calendar_org_days where org_id = $3 and date between $1 and $2
     order by date, org_id nulls first`,
    [from, to, orgId],
  );
  return rows.map(toDay);
}

export async function findDay(db: Queryable, date: DateString, orgId: number | null = null): Promise<StoredSpecialDay | null> {
  const rows =
    orgId === null
      ? await db.query<DayRow>(`select ${DAY_COLUMNS}, null::bigint as org_id from calendar_days where date = $1`, [date])
      : await db.query<DayRow>(`select ${DAY_COLUMNS}, org_id from calendar_org_days where org_id = $1 and date = $2`, [orgId, date]);
  return rows[0] ? toDay(rows[0]) : null;
}

export interface NewSpecialDay extends SourcedSpecialDay {
  orgId: number | null;
  createdBy: string;
}

/** Inserts or replaces one special day. */
export async function upsertDay(tx: Queryable, day: NewSpecialDay): Promise<void> {
  if (day.orgId === null) {
    await tx.query(
      `insert into calendar_days (${DAY_COLUMNS}) values ($1, $2, $3, $4, $5)
       on conflict (date) do update set kind = excluded.kind, name = excluded.name, source = excluded.source,
         created_by = excluded.created_by, created_at = now()`,
      [day.date, day.kind, day.name, day.source, day.createdBy],
    );
  } else {
    await tx.query(
      `insert into calendar_org_days (org_id, ${DAY_COLUMNS}) values ($1, $2, $3, $4, $5, $6)
       on conflict (org_id, date) do update set kind = excluded.kind, name = excluded.name, source = excluded.source,
         created_by = excluded.created_by, created_at = now()`,
      [day.orgId, day.date, day.kind, day.name, day.source, day.createdBy],
    );
  }
}

/** Deletes one special day; returns whether it existed. */
export async function deleteDay(tx: Queryable, date: DateString, orgId: number | null = null): Promise<boolean> {
  const rows =
    orgId === null
      ? await tx.query('delete from calendar_days where date = $1 returning date', [date])
      : await tx.query('delete from calendar_org_days where org_id = $1 and date = $2 returning date', [orgId, date]);
  return rows.length > 0;
}

/**
 * Writes many national days in one statement. `replace` false keeps days already stored
 * (seeding never overrides an administrator's entry); true overwrites them (a new notice).
 */
export async function insertNationalDays(
  tx: Queryable,
  days: readonly SourcedSpecialDay[],
  createdBy: string,
  { replace }: { replace: boolean },
): Promise<void> {
  if (days.length === 0) return;
  await tx.query(
    `insert into calendar_days (${DAY_COLUMNS})
     select d, k, n, s, $5 from unnest($1::date[], $2::text[], $3::text[], $4::text[]) as t(d, k, n, s)
     on conflict (date) do ${
       replace
         ? 'update set kind = excluded.kind, name = excluded.name, source = excluded.source, created_by = excluded.created_by, created_at = now()'
         : 'nothing'
     }`,
    [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), days.map((d) => d.source), createdBy],
  );
}

/** Marks a year as covered; returns false when it already was. */
export async function insertCoveredYear(tx: Queryable, year: Omit<CoveredYear, 'url'> & { url?: string | null }): Promise<boolean> {
  const rows = await tx.query(
    `insert into calendar_years (year, source, url, created_by) values ($1, $2, $3, $4)
     on conflict (year) do nothing returning year`,
    [year.year, year.source, year.url ?? null, year.createdBy],
  );
  return rows.length > 0;
}

export interface YearCounts {
  holidays: number;
  makeupWorkdays: number;
}

/** National holidays and makeup workdays per calendar year of their date. */
export async function countNationalDaysByYear(db: Queryable): Promise<Map<number, YearCounts>> {
  const rows = await db.query<{ year: number; holidays: number; makeup: number }>(
    `select extract(year from date)::int as year,
       count(*) filter (where kind = 'holiday')::int as holidays,
       count(*) filter (where kind = 'makeup_workday')::int as makeup
     from calendar_days group by 1`,
  );
  return new Map(rows.map((r) => [r.year, { holidays: r.holidays, makeupWorkdays: r.makeup }]));
}
