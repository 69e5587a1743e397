// Organizations known only from an imported report: created by name inside the import's own
// transaction (a failed import leaves none behind), under the uploader's organization when a staff
// member imports, at the root for the CLI operator (to be placed in its region by an administrator).
import type { CommandContext } from '../../orgs/context.ts';
import type { Queryable } from '../../core/db/database.ts';
import { conflict } from '../../core/errors.ts';
import { createOrgIn } from '../../orgs/commands.ts';
import type { Organization, OrgKind } from '../../orgs/model.ts';
import { canBeChildOf } from '../../orgs/rules.ts';
import { findOrgByFullName } from '../../orgs/store.ts';
import { contentHash } from '../parse-document.ts';
import { normalizeAgencyName } from '../../orgs/name-match.ts';

/** A code for an organization created from a name only: stable, so re-imports find it. */
export const importedOrgCode = (name: string) => `IMP-${contentHash(new TextEncoder().encode(normalizeAgencyName(name))).slice(0, 10).toUpperCase()}`;

/** A department where the parent may hold one (regions, governments, the root), else a sub-unit. */
const kindUnder = (parent: Organization | null): OrgKind => (canBeChildOf('department', parent?.kind ?? null) ? 'department' : 'subunit');

/**
 * Creates the organization named in a report (through the orgs command, in the import's
 * transaction); a conflict (Chinese) when its name or code is taken.
 */
export async function createImportedOrgIn(tx: Queryable, ctx: CommandContext, name: string, parent: Organization | null): Promise<Organization> {
  const fullName = name.trim().slice(0, 100);
  // Found by name, yet not among the organizations the importer may reach: say so rather than "exists".
  if (await findOrgByFullName(tx, fullName)) throw conflict(`机构“${fullName}”已存在，但不在可导入的范围内`);
  const input = { kind: kindUnder(parent), fullName, shortName: fullName.slice(0, 40), code: importedOrgCode(fullName) };
  return createOrgIn(tx, ctx, input, parent, '导入年度报告时按文中机关名称新建');
}
