// JSON API for the signed-in staff member and staff accounts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../context.ts';
import { currentOrg } from './auth.ts';
import { forbidden } from '../../core/errors.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { createUser, userInputSchema } from './commands.ts';
import { ROLES } from './model.ts';
import { staffPolicy } from './policy.ts';
import { presentUser } from './present.ts';
import './scope-params.ts';
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

export function staffApiRoutes(deps: AppDeps) {
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

    app.post('/users', { schema: { tags, summary: '新增用户（系统管理员）', body: userInputSchema, response: { 201: z.object({ id: z.number() }) } } }, async (request, reply) => {
      const id = await createUser(db, staffContext(request.staff!, request.id), request.body);
      return reply.status(201).send({ id });
    });
  };
}
