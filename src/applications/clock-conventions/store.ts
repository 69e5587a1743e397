// An organization's clock conventions (migration 0011): its own row, else the nearest
// organization above it with one, else the documented defaults. Saving and restoring are
// transactions with their audit entry. loadClockRules gives the clock everything it counts on.
import { appendAudit } from '../core/audit/log.ts';
import type { CommandContext } from '../core/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgById } from '../orgs/store.ts';
import { applicationPolicy } from './policy.ts';
import type { ClockRules } from './rules/case-clock.ts';
import { DEFAULT_CLOCK_CONVENTIONS, parseClockConventions, type ClockConventions } from './rules/clock-conventions.ts';

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

const NOT_EDITOR = '只有本机构或上级机构的系统管理员可以修改计时规则';

async function editableOrg(db: Queryable, ctx: CommandContext, orgId: number): Promise<Organization> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !applicationPolicy.editClockConventions(ctx.staff, org)) throw forbidden(NOT_EDITOR);
  return org;
}

async function lockOwn(tx: Queryable, orgId: number): Promise<ClockConventions | null> {
  const [r] = await tx.query<Row>("select *, '' as org_name from clock_conventions where org_id = $1 for update", [orgId]);
  return r ? conventionsOf(r) : null;
}

/** Sets the organization's own conventions (they then apply to it and to the organizations below without their own). */
export async function saveClockConventions(db: Database, ctx: CommandContext, orgId: number, input: Record<string, unknown>): Promise<ClockConventions> {
  const after = parseClockConventions(input);
  return db.transaction(async (tx) => {
    const org = await editableOrg(tx, ctx, orgId);
    const before = (await lockOwn(tx, org.id)) ?? (await effectiveConventions(tx, org.id)).conventions;
    await tx.query(
      `insert into clock_conventions (org_id, start_day_counts, pause_start_day_counts, pause_end_day_counts, fee_payment_working_days,
                                      due_soon_working_days, updated_by, updated_by_name, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, now())
       on conflict (org_id) do update set start_day_counts = excluded.start_day_counts, pause_start_day_counts = excluded.pause_start_day_counts,
         pause_end_day_counts = excluded.pause_end_day_counts, fee_payment_working_days = excluded.fee_payment_working_days,
         due_soon_working_days = excluded.due_soon_working_days, updated_by = excluded.updated_by,
         updated_by_name = excluded.updated_by_name, updated_at = now()`,
      [org.id, after.startDayCounts, after.pauseStartDayCounts, after.pauseEndDayCounts, after.feePaymentWorkingDays, after.dueSoonWorkingDays, ctx.actor.userId, ctx.actor.name],
    );
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'clock_conventions.save', targetType: 'clock_conventions', targetId: org.id, summary: { before, after } });
    return after;
  });
}

/** Removes the organization's own conventions: those of the organization above (or the defaults) apply again. */
export async function resetClockConventions(db: Database, ctx: CommandContext, orgId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await editableOrg(tx, ctx, orgId);
    const before = await lockOwn(tx, org.id);
    if (!before) return;
    await tx.query('delete from clock_conventions where org_id = $1', [org.id]);
    const after = (await effectiveConventions(tx, org.id)).conventions;
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'clock_conventions.reset', targetType: 'clock_conventions', targetId: org.id, summary: { before, after } });
  });
}
