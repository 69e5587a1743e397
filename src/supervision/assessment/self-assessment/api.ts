// JSON API of the self-assessment (自评报告): schema → authorize → command → present, with the same
// commands and Chinese messages as the console. Registered by ../api.ts on the module's API plugin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { AppDeps } from '../../../core/http/deps.ts';
import { currentYear } from '../../../core/today.ts';
import { staffContext } from '../../../orgs/context.ts';
import { currentOrg } from '../../../orgs/staff/auth.ts';
import { assessmentPolicy } from '../policy.ts';
import * as commands from './commands.ts';
import { presentSelfAssessment, readableBy } from './present.ts';
import { SELF_ASSESSMENT_STATES } from './rules.ts';
import './scope.ts';
import * as store from './store.ts';

const yearSchema = z.coerce.number().int().min(2008).max(2100);
const selfAssessmentSchema = z.object({
  id: z.number(), orgId: z.number(), orgName: z.string(), orgCode: z.string().nullable(), officeOrgId: z.number().describe('报送对象：上级政府办公室'), officeName: z.string(),
  year: z.number(), state: z.enum(SELF_ASSESSMENT_STATES).describe('draft 草稿；submitted 已报送待审核；returned 已退回；accepted 已通过'), stateLabel: z.string(),
  editable: z.boolean().describe('部门可以修改（草稿或已退回）'), text: z.string(), returnReason: z.string(),
  draftedAt: z.string().nullable(), editedAt: z.string().nullable(), editedBy: z.string(),
  submittedAt: z.string().nullable(), submittedBy: z.string(), decidedAt: z.string().nullable(), decidedBy: z.string(),
});
const listItemSchema = z.object({
  orgId: z.number(), orgName: z.string(), orgCode: z.string().nullable(),
  selfAssessment: selfAssessmentSchema.nullable().describe('已报送（含已退回、已通过）的自评报告；未报送时为 null'),
});

export function registerSelfAssessmentApi(parent: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['自评报告'];
  const ctx = (request: FastifyRequest) => staffContext(request.staff!, request.id);
  const param = (request: FastifyRequest) => Number((request.params as { selfAssessmentId: string }).selfAssessmentId);
  const one = async (request: FastifyRequest, id: number) => {
    const s = await store.findSelfAssessment(db, id);
    if (!s || !readableBy(request.staff!, s)) throw notFound('该自评报告');
    return presentSelfAssessment(s);
  };
  /** Reads first, so that the office meets a 404, not a 409, on a draft it may not see. */
  const act = async (request: FastifyRequest, run: (id: number) => Promise<void>) => {
    await one(request, param(request));
    await run(param(request));
    return one(request, param(request));
  };

  app.get('/assessment/self-assessment', {
    schema: {
      tags, summary: '当前机构某年度的自评报告（尚未起草时为 null）',
      querystring: z.object({ year: yearSchema.optional() }),
      response: { 200: z.object({ year: z.number(), selfAssessment: selfAssessmentSchema.nullable() }) },
    },
  }, async (request) => {
    const org = await currentOrg(db, request.staff!);
    const year = request.query.year ?? currentYear();
    const s = await store.findAgencySelfAssessment(db, org.id, year);
    return { year, selfAssessment: s ? presentSelfAssessment(s) : null };
  });

  app.post('/assessment/self-assessment', {
    schema: {
      tags, summary: '按本机构的任务、整改和年度报告情况生成某年度自评报告草稿（本单位信息发布员、机关负责人或系统管理员），报送对象为上级政府办公室',
      body: z.object({ year: yearSchema }), response: { 201: selfAssessmentSchema },
    },
  }, async (request, reply) => {
    const org = await currentOrg(db, request.staff!);
    const id = await commands.createSelfAssessment(db, ctx(request), org.id, request.body);
    return reply.status(201).send(await one(request, id));
  });

  app.get('/assessment/self-assessments', {
    schema: {
      tags, summary: '所属各单位某年度的自评报告（政府办公室的系统管理员或监督员）',
      querystring: z.object({ year: yearSchema.optional() }),
      response: { 200: z.object({ year: z.number(), agencies: z.array(listItemSchema) }) },
    },
  }, async (request) => {
    const org = await currentOrg(db, request.staff!);
    if (!assessmentPolicy.manage(request.staff!, org)) throw forbidden('只有政府办公室的系统管理员或监督员可以查看各单位的自评报告');
    const year = request.query.year ?? currentYear();
    const rows = await store.listForOffice(db, org, year);
    return {
      year,
      agencies: rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, orgCode: r.orgCode, selfAssessment: r.selfAssessment && r.selfAssessment.state !== 'draft' ? presentSelfAssessment(r.selfAssessment) : null })),
    };
  });

  app.get('/assessment/self-assessments/:selfAssessmentId', { schema: { tags, summary: '一份自评报告', response: { 200: selfAssessmentSchema } } }, async (request) => one(request, param(request)));

  app.put('/assessment/self-assessments/:selfAssessmentId', {
    schema: { tags, summary: '保存自评报告正文（草稿或已退回时）', body: z.object({ text: z.string() }), response: { 200: selfAssessmentSchema } },
  }, async (request) => act(request, (id) => commands.saveSelfAssessment(db, ctx(request), id, request.body)));

  app.post('/assessment/self-assessments/:selfAssessmentId/redraft', {
    schema: { tags, summary: '按当前数据重新生成草稿，替换现有正文（草稿或已退回时）', response: { 200: selfAssessmentSchema } },
  }, async (request) => act(request, (id) => commands.redraftSelfAssessment(db, ctx(request), id)));

  app.post('/assessment/self-assessments/:selfAssessmentId/submit', {
    schema: { tags, summary: '提交给上级政府办公室（可同时给出最后修改的正文）', body: z.object({ text: z.string().optional() }).optional(), response: { 200: selfAssessmentSchema } },
  }, async (request) => act(request, (id) => commands.submitSelfAssessment(db, ctx(request), id, request.body ?? {})));

  app.post('/assessment/self-assessments/:selfAssessmentId/return', {
    schema: { tags, summary: '退回并说明理由（政府办公室）', body: z.object({ reason: z.string() }), response: { 200: selfAssessmentSchema } },
  }, async (request) => act(request, (id) => commands.decideSelfAssessment(db, ctx(request), id, 'return', request.body)));

  app.post('/assessment/self-assessments/:selfAssessmentId/accept', {
    schema: { tags, summary: '通过（政府办公室）', response: { 200: selfAssessmentSchema } },
  }, async (request) => act(request, (id) => commands.decideSelfAssessment(db, ctx(request), id, 'accept')));
}
