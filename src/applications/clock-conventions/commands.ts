// Changing an organization's clock conventions (计时规则): each change is one transaction with its
// policy check and audit entry; the organizations below without their own inherit it.
import { appendAudit } from '../../core/audit/log.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import { applicationPolicy } from '../policy.ts';
import { parseClockConventions, type ClockConventions } from './rules.ts';
import { deleteConventions, effectiveConventions, lockOwnConventions, upsertConventions } from './store.ts';

const NOT_EDITOR = '只有本机构或上级机构的系统管理员可以修改计时规则';

async function editableOrg(db: Queryable, ctx: CommandContext, orgId: number): Promise<Organization> {
  const org = await findOrgById(db, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff && !applicationPolicy.editClockConventions(ctx.staff, org)) throw forbidden(NOT_EDITOR);
  return org;
}

/** Sets the organization's own conventions (they then apply to it and to the organizations below without their own). */
export async function saveClockConventions(db: Database, ctx: CommandContext, orgId: number, input: Record<string, unknown>): Promise<ClockConventions> {
  const after = parseClockConventions(input);
  return db.transaction(async (tx) => {
    const org = await editableOrg(tx, ctx, orgId);
    const before = (await lockOwnConventions(tx, org.id)) ?? (await effectiveConventions(tx, org.id)).conventions;
    await upsertConventions(tx, org.id, after, { userId: ctx.actor.userId, name: ctx.actor.name });
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'clock_conventions.save', targetType: 'clock_conventions', targetId: org.id, summary: { before, after } });
    return after;
  });
}

/** Removes the organization's own conventions: those of the organization above (or the defaults) apply again. */
export async function resetClockConventions(db: Database, ctx: CommandContext, orgId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await editableOrg(tx, ctx, orgId);
    const before = await lockOwnConventions(tx, org.id);
    if (!before) return;
    await deleteConventions(tx, org.id);
    const after = (await effectiveConventions(tx, org.id)).conventions;
    await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'clock_conventions.reset', targetType: 'clock_conventions', targetId: org.id, summary: { before, after } });
  });
}
