// JSON API for the signed-in staff member and staff accounts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../context.ts';
import { currentOrg } from './auth.ts';
import { forbidden } from '../../core/errors.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { createUser, rolesInputSchema, setUserDisabled, setUserRoles, userInputSchema } from './commands.ts';
import { ROLES } from './model.ts';
import { staffPolicy } from './policy.ts';
import { presentUser } from './present.ts';
import './scope-params.ts';
import { staffingWarnings, type StaffingCheck } from './staffing.ts';
import { findUserById, listUsersUnder } from './store.ts';
import { csrfToken } from '../../core/http/csrf.ts';

const userSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

/** `checks`: what other modules need of an organization's people (the app passes them in). */
export function staffApiRoutes(deps: AppDeps, checks: readonly StaffingCheck[] = []) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['用户'];

    app.get(
      '/me',
      {
        config: { allowPendingPassword: true },
        schema: {
          tags,
          summary: '当前登录用户，以及用于写操作的 CSRF 令牌（请求头 x-csrf-token）',
          response: { 200: z.object({ user: userSchema, currentOrgId: z.number(), csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const staff = request.staff!;
        const user = (await findUserById(db, staff.userId))!;
        return { user: presentUser(user), currentOrgId: (await currentOrg(db, staff)).id, csrfToken: csrfToken(reply) };
      },
    );

    app.get('/users', { schema: { tags, summary: '当前机构及下级机构的用户（系统管理员）', response: { 200: z.array(userSchema) } } }, async (request) => {
      const staff = request.staff!;
      const org = await currentOrg(db, staff);
      if (!staffPolicy.listUsers(staff, org)) throw forbidden('只有系统管理员可以查看用户');
      return (await listUsersUnder(db, org.path)).map(presentUser);
    });

    app.get('/users/:userId', { schema: { tags, summary: '用户详情', params: z.object({ userId: z.string() }), response: { 200: userSchema } } }, async (request) => {
      if (!staffPolicy.listUsers(request.staff!, request.scopedOrg!)) throw forbidden('只有系统管理员可以查看用户');
      return presentUser((await findUserById(db, Number(request.params.userId)))!);
    });

    const changed = z.object({ user: userSchema, warnings: z.array(z.string()).describe('该用户所在机构因人员变化而无法完成的工作（如无人可以签署的审核环节）') });
    const params = z.object({ userId: z.string() });
    const answer = async (user: Parameters<typeof presentUser>[0]) => ({ user: presentUser(user), warnings: await staffingWarnings(db, checks, user.orgId) });

    app.put(
      '/users/:userId/roles',
      { schema: { tags, summary: '修改用户的角色（系统管理员；不能修改自己的角色，不能取消最后一位系统管理员）', params, body: rolesInputSchema, response: { 200: changed } } },
      async (request) => answer(await setUserRoles(db, staffContext(request.staff!, request.id), { id: Number(request.params.userId) }, request.body)),
    );
    for (const [path, disabled, summary] of [
      ['disable', true, '停用用户：立即退出登录，不能再登录（系统管理员；不能停用自己或最后一位系统管理员）'],
      ['enable', false, '启用已停用的用户（系统管理员）'],
    ] as const) {
      app.post(`/users/:userId/${path}`, { schema: { tags, summary, params, response: { 200: changed } } }, async (request) =>
        answer(await setUserDisabled(db, staffContext(request.staff!, request.id), { id: Number(request.params.userId) }, disabled)),
      );
    }

    app.post('/users', { schema: { tags, summary: '新增用户（系统管理员）', body: userInputSchema, response: { 201: z.object({ id: z.number() }) } } }, async (request, reply) => {
      const id = await createUser(db, staffContext(request.staff!, request.id), request.body);
      return reply.status(201).send({ id });
    });
  };
}
