// JSON API for organizations: schema → authorize → command → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from './context.ts';
import { forbidden } from '../core/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { hasRole, REGION_ROLES } from './staff/scope.ts';
import { createOrg, updateOrg } from './commands.ts';
import { ORG_KINDS, orgInputSchema } from './model.ts';
import { orgPolicy } from './policy.ts';
import { presentOrg } from './present.ts';
import './scope.ts';
import { findOrgById, listOrgs } from './store.ts';

const orgSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(ORG_KINDS),
  fullName: z.string(),
  shortName: z.string(),
  code: z.string(),
  indexTemplate: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  fax: z.string(),
  email: z.string(),
  officeHours: z.string(),
  website: z.string(),
  reportDeadline: z.string().nullable(),
});

export function orgApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['机构'];

    app.get('/orgs', { schema: { tags, summary: '可访问的机构列表', response: { 200: z.array(orgSchema) } } }, async (request) => {
      const staff = request.staff!;
      const orgs = hasRole(staff, ...REGION_ROLES) ? await listOrgs(db, staff.homePath) : [(await findOrgById(db, staff.homeOrgId))!];
      return orgs.map(presentOrg);
    });

    app.get('/orgs/:orgCode', { schema: { tags, summary: '机构详情', params: z.object({ orgCode: z.string() }), response: { 200: orgSchema } } }, async (request) => {
      return presentOrg(request.scopedOrg!);
    });

    app.post('/orgs', { schema: { tags, summary: '新增机构（上级机构的系统管理员）', body: orgInputSchema, response: { 201: orgSchema } } }, async (request, reply) => {
      const org = await createOrg(db, staffContext(request.staff!, request.id), request.body);
      return reply.status(201).send(presentOrg(org));
    });

    app.put(
      '/orgs/:orgCode',
      { schema: { tags, summary: '修改机构信息', params: z.object({ orgCode: z.string() }), body: orgInputSchema.omit({ parentCode: true }), response: { 200: orgSchema } } },
      async (request) => {
        const org = request.scopedOrg!;
        if (!orgPolicy.update(request.staff!, org)) throw forbidden('只有系统管理员可以修改本机构及下级机构的信息');
        return presentOrg(await updateOrg(db, staffContext(request.staff!, request.id), org.id, request.body));
      },
    );
  };
}
