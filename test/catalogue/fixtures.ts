// Staff contexts and items for the catalogue tests: real users in the demo organizations.
import { staffContext, type CommandContext } from '../../src/core/context.ts';
import type { Database } from '../../src/core/db/database.ts';
import { findOrgByCode, findOrgById } from '../../src/orgs/store.ts';
import { createUser } from '../../src/staff/commands.ts';
import type { Role, Staff } from '../../src/staff/model.ts';
import { findUserByUsername } from '../../src/staff/store.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';

export async function staffOf(db: Database, username: string): Promise<Staff> {
  const u = (await findUserByUsername(db, username))!;
  const org = (await findOrgById(db, u.orgId))!;
  return { userId: u.id, username, displayName: u.displayName, roles: u.roles, homeOrgId: org.id, homePath: org.path, orgId: org.id, mustChangePassword: false };
}

export async function ctxOf(db: Database, username: string): Promise<CommandContext> {
  return staffContext(await staffOf(db, username), 'test');
}

/** A user with roles in an organization; returns its command context. */
export async function userWith(db: Database, orgCode: string, username: string, roles: Role[]): Promise<CommandContext> {
  await createUser(db, { actor: { userId: null, name: 'test' }, staff: null }, { orgCode, username, displayName: username, password: 'Test-pass-2026', roles });
  return ctxOf(db, username);
}

/** The review team of an organization: an editor, two reviewers, a head, a 保密审查员. */
export async function team(db: Database, orgCode: string, prefix: string) {
  const [editor, reviewer1, reviewer2, head, secrecy] = await Promise.all([
    userWith(db, orgCode, `${prefix}.ed`, ['editor']),
    userWith(db, orgCode, `${prefix}.r1`, ['reviewer']),
    userWith(db, orgCode, `${prefix}.r2`, ['reviewer']),
    userWith(db, orgCode, `${prefix}.head`, ['head']),
    userWith(db, orgCode, `${prefix}.bm`, ['confidentiality']),
  ]);
  const org = (await findOrgByCode(db, orgCode))!;
  await ensureCatalogue(db, org.id);
  const columns = await listColumns(db, org.id);
  const column = (name: string) => columns.find((c) => c.name === name)!.id;
  return { org, editor, reviewer1, reviewer2, head, secrecy, column };
}
