// Changes to organizations: each exported function is one transaction with its audit entry.
import { appendAudit } from '../core/audit/log.ts';
import { bumpPageVersions, orgScope, SITE_SCOPE } from '../core/http/page-versions.ts';
import type { CommandContext } from './context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import { ORG_KIND_LABELS, orgInputSchema, type Organization, type OrgInput } from './model.ts';
import { orgPolicy } from './policy.ts';
import { canBeChildOf, indexTemplateProblem } from './rules.ts';
import { findOrgByCode, findOrgByFullName, findOrgById, insertOrg, lockOrg, updateOrgRow } from './store.ts';

function checkInput(input: OrgInput, parent: Organization | null): void {
  if (!canBeChildOf(input.kind, parent?.kind ?? null)) {
    throw invalid(
      parent
        ? `“${ORG_KIND_LABELS[input.kind]}”不能设在“${ORG_KIND_LABELS[parent.kind]}”之下`
        : `“${ORG_KIND_LABELS[input.kind]}”必须有上级机构`,
    );
  }
  const templateProblem = input.indexTemplate ? indexTemplateProblem(input.indexTemplate) : null;
  if (templateProblem) throw invalid(templateProblem);
}

export async function createOrg(db: Database, ctx: CommandContext, raw: unknown): Promise<Organization> {
  const input = orgInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const parent = input.parentCode ? ((await findOrgByCode(tx, input.parentCode)) ?? null) : null;
    if (input.parentCode && !parent) throw notFound(`上级机构（代码 ${input.parentCode}）`);
    if (ctx.staff && !orgPolicy.create(ctx.staff, parent)) throw forbidden('只有上级机构的系统管理员可以新增机构');
    return createOrgIn(tx, ctx, input, parent);
  });
}

/**
 * Creates an organization inside the caller's transaction, whose policy the caller has checked
 * (createOrg above; the importer of published reports, for an agency named in a report). A code
 * or name already taken is a conflict; `reason` goes into the audit entry.
 */
export async function createOrgIn(
  tx: Queryable,
  ctx: CommandContext,
  input: Omit<OrgInput, 'parentCode'>,
  parent: Organization | null,
  reason?: string,
): Promise<Organization> {
  checkInput(input, parent);
  if (await findOrgByCode(tx, input.code)) throw conflict(`机构代码 ${input.code} 已被使用`);
  if (await findOrgByFullName(tx, input.fullName)) throw conflict(`机构“${input.fullName}”已存在`);
  const org = await insertOrg(tx, input, parent);
  const after = { ...input, parentCode: parent?.code ?? null };
  await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'org.create', targetType: 'organization', targetId: org.id, summary: reason ? { after, reason } : { after } });
  // The portal home lists every organization.
  await bumpPageVersions(tx, [SITE_SCOPE]);
  return org;
}

export async function updateOrg(db: Database, ctx: CommandContext, id: number, raw: unknown): Promise<Organization> {
  const input = orgInputSchema.omit({ parentCode: true }).parse(raw);
  return db.transaction(async (tx) => {
    const before = await lockOrg(tx, id);
    if (!before) throw notFound('该机构');
    if (ctx.staff && !orgPolicy.update(ctx.staff, before)) throw forbidden('只有系统管理员可以修改本机构及下级机构的信息');
    const parent = before.parentId ? ((await findOrgById(tx, before.parentId)) ?? null) : null;
    checkInput(input, parent);
    const sameCode = await findOrgByCode(tx, input.code);
    if (sameCode && sameCode.id !== id) throw conflict(`机构代码 ${input.code} 已被使用`);
    const sameName = await findOrgByFullName(tx, input.fullName);
    if (sameName && sameName.id !== id) throw conflict(`机构“${input.fullName}”已存在`);
    const after = await updateOrgRow(tx, id, input);
    const changed = Object.fromEntries(
      (Object.keys(input) as (keyof typeof input)[])
        .filter((k) => (before as unknown as Record<string, unknown>)[k] !== (after as unknown as Record<string, unknown>)[k])
        .map((k) => [k, { before: (before as unknown as Record<string, unknown>)[k], after: (after as unknown as Record<string, unknown>)[k] }]),
    );
    await appendAudit(tx, ctx.actor, { orgId: id, action: 'org.update', targetType: 'organization', targetId: id, summary: { changed } });
    // Its names are on the portal home and on every page of its catalogue (a rename among them).
    await bumpPageVersions(tx, [SITE_SCOPE, orgScope(id)]);
    return after;
  });
}
