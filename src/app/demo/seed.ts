// Demo data on first start (`npm start`): organizations and staff accounts to try every role.
import { LOCK, withAdvisoryLock, type Database } from '../../core/db/database.ts';
import { appendAudit } from '../../core/audit/log.ts';
import type { CommandContext } from '../../orgs/context.ts';
import { orgInputSchema } from '../../orgs/model.ts';
import { findOrgByCode, insertOrg } from '../../orgs/store.ts';
import type { Role } from '../../orgs/staff/model.ts';
import { hashPassword } from '../../orgs/staff/password.ts';
import { insertUser } from '../../orgs/staff/store.ts';
import { DEMO_ORGS } from './organizations.ts';
import { seedDemoReports } from './reports.ts';
import { seedArticle20Demo } from '../../article20/demo.ts';
import { seedAppealsDemo } from '../../appeals/demo.ts';
import { seedConsultationsDemo } from '../../consultations/demo.ts';
import { seedInteractionDemo } from '../../interaction/demo.ts';
import { interactionHooks } from '../interaction-hooks.ts';

export const DEMO_PASSWORD = 'demo-pass-2026';

const DEMO_USERS: { username: string; displayName: string; orgCode: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '演示管理员', orgCode: 'SF-YL-QS', roles: ['admin', 'supervisor'] },
  // The top of the tree: keeps the national working-day calendar (a new year each November).
  { username: 'sheng.admin', displayName: '示范省系统管理员', orgCode: 'SF', roles: ['admin'] },
  { username: 'jiandu', displayName: '县政府办监督员', orgCode: '113301000000000001', roles: ['supervisor'] },
  { username: 'zrzy.editor', displayName: '自然资源局信息发布员', orgCode: 'QS-ZRZY', roles: ['editor'] },
  // The default review (初审、复审、终审 and 保密审查, each by a different person) needs two 审核人
  // and a 保密审查员 besides the head; the first reviewer is also a 保密审查员, so either may
  // serve where the other is short (issue 21: with him alone the review could not be completed).
  { username: 'zrzy.reviewer', displayName: '自然资源局审核人', orgCode: 'QS-ZRZY', roles: ['reviewer', 'confidentiality'] },
  { username: 'zrzy.reviewer2', displayName: '自然资源局审核人（二）', orgCode: 'QS-ZRZY', roles: ['reviewer'] },
  { username: 'zrzy.secrecy', displayName: '自然资源局保密审查员', orgCode: 'QS-ZRZY', roles: ['confidentiality'] },
  { username: 'zrzy.handler', displayName: '自然资源局依申请办理人', orgCode: 'QS-ZRZY', roles: ['handler'] },
  { username: 'zrzy.head', displayName: '自然资源局负责人', orgCode: 'QS-ZRZY', roles: ['head'] },
];

const demoContext: CommandContext = { actor: { userId: null, name: '演示数据' }, staff: null };

/** Creates the demo data when the database has no organization yet; returns the admin login. */
export async function seedDemo(db: Database): Promise<{ username: string; password: string } | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const made = await withAdvisoryLock(db, LOCK.jobs, 1, async (tx) => {
    const [{ n }] = (await tx.query<{ n: number }>('select count(*)::int as n from organizations')) as [{ n: number }];
    if (n > 0) return null; // two processes starting together: the second finds it done
    for (const raw of DEMO_ORGS) {
      const input = orgInputSchema.parse({ shortName: raw.fullName, ...raw });
      const parent = input.parentCode ? ((await findOrgByCode(tx, input.parentCode)) ?? null) : null;
      const org = await insertOrg(tx, input, parent);
      await appendAudit(tx, demoContext.actor, { orgId: org.id, action: 'org.create', targetType: 'organization', targetId: org.id, summary: { after: input } });
    }
    for (const u of DEMO_USERS) {
      const org = (await findOrgByCode(tx, u.orgCode))!;
      const id = await insertUser(tx, { ...u, orgId: org.id, passwordHash, mustChangePassword: true });
      await appendAudit(tx, demoContext.actor, { orgId: org.id, action: 'user.create', targetType: 'user', targetId: id, summary: { after: { username: u.username, roles: u.roles } } });
    }
    await seedArticle20Demo(tx);
    return true;
  });
  if (!made) return null;
  // The records the reports are generated from, then the reports (each through its own commands).
  await seedAppealsDemo(db);
  await seedConsultationsDemo(db);
  await seedInteractionDemo(db, interactionHooks(db));
  await seedDemoReports(db);
  return { username: 'admin', password: DEMO_PASSWORD };
}
