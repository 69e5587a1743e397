// Every SQL statement of the clock conventions (migration 0011): an organization's own row, else
// the nearest organization above it with one, else the documented defaults. loadClockRules gives
// the clock everything it counts on. The changes (with their policy and audit) are commands.ts.
import type { Queryable } from '../../core/db/database.ts';
import { loadCalendar, loadCalendarsOf } from '../../calendar/store.ts';
import type { ClockRules } from '../rules/case-clock.ts';
import { DEFAULT_CLOCK_CONVENTIONS, type ClockConventions } from './rules.ts';

export interface EffectiveConventions {
  conventions: ClockConventions;
  /** Where they are set: this organization, one above it, or nowhere (the defaults). */
  source: { orgId: number; orgName: string; updatedByName: string; updatedAt: string } | null;
}

interface Row {
  org_id: string;
  org_name: string;
  start_day_counts: boolean;
  pause_start_day_counts: boolean;
  pause_end_day_counts: boolean;
  fee_payment_working_days: number;
  due_soon_working_days: number;
  updated_by_name: string;
  updated_at: Date;
}

const conventionsOf = (r: Row): ClockConventions => ({
  startDayCounts: r.start_day_counts,
  pauseStartDayCounts: r.pause_start_day_counts,
  pauseEndDayCounts: r.pause_end_day_counts,
  feePaymentWorkingDays: r.fee_payment_working_days,
  dueSoonWorkingDays: r.due_soon_working_days,
});

/** The conventions that apply to the organization's cases. */
export async function effectiveConventions(db: Queryable, orgId: number): Promise<EffectiveConventions> {
  // The organization's path (/1/5/9/) lists it and every organization above it; the longest wins.
  const [r] = await db.query<Row>(
    `select cc.*, o.full_name as org_name from clock_conventions cc
       join organizations o on o.id = cc.org_id
       join organizations self on self.id = $1 and self.path like o.path || '%'
      order by length(o.path) desc limit 1`,
    [orgId],
  );
  if (!r) return { conventions: { ...DEFAULT_CLOCK_CONVENTIONS }, source: null };
  return {
    conventions: conventionsOf(r),
    source: { orgId: Number(r.org_id), orgName: r.org_name, updatedByName: r.updated_by_name, updatedAt: new Date(r.updated_at).toISOString() },
  };
}

export async function loadClockRules(db: Queryable, orgId: number): Promise<ClockRules> {
  const [cal, effective] = await Promise.all([loadCalendar(db, orgId), effectiveConventions(db, orgId)]);
  return { cal, conventions: effective.conventions };
}

/**
 * The clock rules of many organizations at once (the region dashboard), in four statements: for each,
 * what loadClockRules gives it. Organizations with the same calendar snapshot and the same conventions
 * share one ClockRules object, so a caller can cache what it computes per rules object.
 */
export async function loadClockRulesOf(db: Queryable, orgIds: readonly number[]): Promise<Map<number, ClockRules>> {
  const [calendars, rows] = await Promise.all([
    loadCalendarsOf(db, orgIds),
    orgIds.length === 0
      ? Promise.resolve([] as (Row & { self_id: string })[])
      : // as effectiveConventions: the nearest organization on the path with a row, the longest path wins
        db.query<Row & { self_id: string }>(
          `select distinct on (self.id) self.id as self_id, cc.*, o.full_name as org_name from clock_conventions cc
             join organizations o on o.id = cc.org_id
             join organizations self on self.id = any($1::bigint[]) and self.path like o.path || '%'
            order by self.id, length(o.path) desc`,
          [orgIds],
        ),
  ]);
  const conventionsByOrg = new Map(rows.map((r) => [Number(r.self_id), r]));
  const shared = new Map<string, ClockRules>();
  const out = new Map<number, ClockRules>();
  const calendarKeys = new Map<unknown, number>();
  for (const id of orgIds) {
    const cal = calendars.get(id)!;
    const row = conventionsByOrg.get(id);
    const calendarKey = calendarKeys.get(cal) ?? (calendarKeys.set(cal, calendarKeys.size), calendarKeys.size - 1);
    const key = `${calendarKey}:${row ? row.org_id : 'default'}`;
    let rules = shared.get(key);
    if (!rules) shared.set(key, (rules = { cal, conventions: row ? conventionsOf(row) : { ...DEFAULT_CLOCK_CONVENTIONS } }));
    out.set(id, rules);
  }
  return out;
}

/** The organization's own conventions, locked for a change (null: it has none). */
export async function lockOwnConventions(tx: Queryable, orgId: number): Promise<ClockConventions | null> {
  const [r] = await tx.query<Row>("select *, '' as org_name from clock_conventions where org_id = $1 for update", [orgId]);
  return r ? conventionsOf(r) : null;
}

export async function upsertConventions(tx: Queryable, orgId: number, c: ClockConventions, by: { userId: number | null; name: string }): Promise<void> {
  await tx.query(
    `insert into clock_conventions (org_id, start_day_counts, pause_start_day_counts, pause_end_day_counts, fee_payment_working_days,
                                    due_soon_working_days, updated_by, updated_by_name, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (org_id) do update set start_day_counts = excluded.start_day_counts, pause_start_day_counts = excluded.pause_start_day_counts,
       pause_end_day_counts = excluded.pause_end_day_counts, fee_payment_working_days = excluded.fee_payment_working_days,
       due_soon_working_days = excluded.due_soon_working_days, updated_by = excluded.updated_by,
       updated_by_name = excluded.updated_by_name, updated_at = now()`,
    [orgId, c.startDayCounts, c.pauseStartDayCounts, c.pauseEndDayCounts, c.feePaymentWorkingDays, c.dueSoonWorkingDays, by.userId, by.name],
  );
}

export async function deleteConventions(tx: Queryable, orgId: number): Promise<void> {
  await tx.query('delete from clock_conventions where org_id = $1', [orgId]);
}
