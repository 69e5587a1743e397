// JSON API of the task breakdown (任务分解) and rectification items (整改): schema → authorize → command →
// present. The same commands and Chinese messages as the console.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { currentYear, today } from '../../core/today.ts';
import { staffContext } from '../../orgs/context.ts';
import { currentOrg } from '../../orgs/staff/auth.ts';
import { findOrgById } from '../../orgs/store.ts';
import * as commands from './commands.ts';
import { SOURCE_KINDS } from './model.ts';
import { assessmentPolicy } from './policy.ts';
import { presentProgress, presentRectification, presentTask } from './present.ts';
import { PROGRESS_STATES, RECTIFICATION_STATES, TASK_STATES } from './rules/transitions.ts';
import { registerSelfAssessmentApi } from './self-assessment/api.ts';
import './scope.ts';
import * as store from './store.ts';

const yearSchema = z.coerce.number().int().min(2008).max(2100);
const documentRef = z.object({ id: z.number(), fileName: z.string(), size: z.number() }).nullable();
const progressSchema = z.object({
  id: z.number(), orgId: z.number(), orgName: z.string(), orgCode: z.string().nullable(), lead: z.boolean().describe('牵头单位'),
  state: z.enum(PROGRESS_STATES).describe('open 未完成；submitted 已报送待审核；accepted 已验收；returned 已退回'), stateLabel: z.string(),
  overdue: z.boolean().describe('已过完成时限且未验收'), note: z.string(), evidenceLinks: z.array(z.string()), document: documentRef,
  returnReason: z.string(), submittedAt: z.string().nullable(), decidedAt: z.string().nullable(),
});
const taskSchema = z.object({
  id: z.number(), officeOrgId: z.number(), year: z.number(), title: z.string(), evidenceExpected: z.string(), deadline: z.string(),
  state: z.enum(TASK_STATES).describe('draft 草稿；published 已发布'), stateLabel: z.string(), publishedAt: z.string().nullable(), agencies: z.array(progressSchema),
});
const rectificationSchema = z.object({
  id: z.number(), orgId: z.number(), orgName: z.string(), officeOrgId: z.number(), officeName: z.string(),
  sourceKind: z.enum(SOURCE_KINDS), sourceKindLabel: z.string(), sourceRef: z.string(), finding: z.string(), deadline: z.string(),
  state: z.enum(RECTIFICATION_STATES).describe('open 整改中；closed 已报整改完成待确认；confirmed 已确认'), stateLabel: z.string(), overdue: z.boolean(),
  closingNote: z.string(), evidenceLinks: z.array(z.string()), document: documentRef, reopenReason: z.string(),
  createdAt: z.string().nullable(), closedAt: z.string().nullable(), confirmedAt: z.string().nullable(),
});
const taskInput = z.object({
  year: yearSchema, title: z.string(), leadOrgId: z.number().describe('牵头单位（本政府办公室所属部门）的机构 id'),
  otherOrgIds: z.array(z.number()).optional().describe('配合单位'), deadline: z.string().describe('完成时限 YYYY-MM-DD'), evidenceExpected: z.string().optional().describe('佐证材料要求'),
});
const fileInput = z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string() }).optional().describe('佐证文件（PDF、OFD、Word、Excel、图片），Base64');
const linksInput = z.array(z.string()).optional().describe('佐证链接：本部门已发布条目的地址（/items/123）或 http(s) 网址');
const reasonInput = z.object({ reason: z.string() });

export function assessmentApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['任务和整改'];
    const ctx = (request: FastifyRequest) => staffContext(request.staff!, request.id);
    const param = (request: FastifyRequest, name: string) => Number((request.params as Record<string, string>)[name]);
    const fileOf = (f: { fileName: string; contentBase64: string } | undefined) => (f ? { fileName: f.fileName, content: Buffer.from(f.contentBase64, 'base64') } : null);
    const task = async (request: FastifyRequest, id: number) => {
      const t = await store.findTask(db, id);
      if (!t) throw notFound('该任务');
      if (t.state === 'draft' && !assessmentPolicy.manage(request.staff!, (await findOrgById(db, t.orgId))!)) throw notFound('该任务');
      return presentTask(t, today());
    };
    const progress = async (id: number) => {
      const p = await store.findProgress(db, id);
      const t = p && (await store.findTask(db, p.taskId));
      if (!p || t?.state !== 'published') throw notFound('该任务');
      return presentProgress(p, t.deadline, today());
    };
    const rectification = async (id: number) => {
      const r = await store.findRectification(db, id);
      if (!r) throw notFound('该整改事项');
      return presentRectification(r, today());
    };

    app.get('/assessment/tasks', {
      schema: {
        tags, summary: '某年度的任务：当前机构为政府办公室时，其发布的全部任务及各单位完成情况（office）；当前机构承担的已发布任务（mine）',
        querystring: z.object({ year: yearSchema.optional() }),
        response: { 200: z.object({ year: z.number(), office: z.array(taskSchema), mine: z.array(taskSchema) }) },
      },
    }, async (request) => {
      const org = await currentOrg(db, request.staff!);
      const year = request.query.year ?? currentYear();
      const now = today();
      const office = assessmentPolicy.manage(request.staff!, org) ? await store.listOfficeTasks(db, org.id, year) : [];
      const mine = await store.listAgencyTasks(db, org.id, year);
      return { year, office: office.map((t) => presentTask(t, now)), mine: mine.map(({ task: t }) => presentTask(t, now)) };
    });

    app.post('/assessment/tasks', {
      schema: { tags, summary: '新建任务草稿（政府办公室的系统管理员或监督员）', body: taskInput, response: { 201: taskSchema } },
    }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const id = await commands.createTask(db, ctx(request), org.id, request.body);
      return reply.status(201).send(await task(request, id));
    });

    app.get('/assessment/tasks/:taskId', { schema: { tags, summary: '一项任务及各单位完成情况', response: { 200: taskSchema } } }, async (request) => task(request, param(request, 'taskId')));

    app.put('/assessment/tasks/:taskId', {
      schema: { tags, summary: '修改任务草稿', body: taskInput, response: { 200: taskSchema } },
    }, async (request) => {
      await commands.updateTask(db, ctx(request), param(request, 'taskId'), request.body);
      return task(request, param(request, 'taskId'));
    });

    app.delete('/assessment/tasks/:taskId', { schema: { tags, summary: '删除任务草稿', response: { 204: z.null() } } }, async (request, reply) => {
      await commands.deleteTask(db, ctx(request), param(request, 'taskId'));
      return reply.status(204).send(null);
    });

    app.post('/assessment/tasks/:taskId/publish', { schema: { tags, summary: '发布任务：各单位随即可见', response: { 200: taskSchema } } }, async (request) => {
      await commands.publishTask(db, ctx(request), param(request, 'taskId'));
      return task(request, param(request, 'taskId'));
    });

    app.get('/assessment/progress/:progressId', { schema: { tags, summary: '一个单位承担一项任务的完成情况', response: { 200: progressSchema } } }, async (request) => progress(param(request, 'progressId')));

    app.post('/assessment/progress/:progressId', {
      schema: {
        tags, summary: '保存或报送完成情况（本单位信息发布员、机关负责人或系统管理员）；submit 为 true 时报送完成，等待验收',
        body: z.object({ note: z.string().optional(), links: linksInput, submit: z.boolean().optional(), document: fileInput }), response: { 200: progressSchema },
      },
    }, async (request) => {
      const { document, submit, ...input } = request.body;
      await commands.saveProgress(db, ctx(request), param(request, 'progressId'), input, submit ?? false, fileOf(document));
      return progress(param(request, 'progressId'));
    });

    app.post('/assessment/progress/:progressId/accept', { schema: { tags, summary: '验收通过（政府办公室）', response: { 200: progressSchema } } }, async (request) => {
      await commands.decideProgress(db, ctx(request), param(request, 'progressId'), 'accept');
      return progress(param(request, 'progressId'));
    });

    app.post('/assessment/progress/:progressId/return', { schema: { tags, summary: '退回并说明理由（政府办公室）', body: reasonInput, response: { 200: progressSchema } } }, async (request) => {
      await commands.decideProgress(db, ctx(request), param(request, 'progressId'), 'return', request.body);
      return progress(param(request, 'progressId'));
    });

    app.get('/assessment/rectifications', {
      schema: { tags, summary: '整改事项：当前机构下发的（sent，政府办公室）和收到的（received）', response: { 200: z.object({ sent: z.array(rectificationSchema), received: z.array(rectificationSchema) }) } },
    }, async (request) => {
      const org = await currentOrg(db, request.staff!);
      const now = today();
      const sent = assessmentPolicy.manage(request.staff!, org) ? await store.listRectifications(db, org.id, 'office') : [];
      const received = await store.listRectifications(db, org.id, 'agency');
      return { sent: sent.map((r) => presentRectification(r, now)), received: received.map((r) => presentRectification(r, now)) };
    });

    app.post('/assessment/rectifications', {
      schema: {
        tags, summary: '下发整改事项（政府办公室）：来自检查、考核扣分或人工填写的问题',
        body: z.object({ orgId: z.number().describe('整改部门的机构 id'), sourceKind: z.enum(SOURCE_KINDS).describe('inspection 检查发现；score 考核扣分；manual 人工填写'), sourceRef: z.string().optional(), finding: z.string(), deadline: z.string() }),
        response: { 201: rectificationSchema },
      },
    }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const id = await commands.createRectification(db, ctx(request), org.id, request.body);
      return reply.status(201).send(await rectification(id));
    });

    app.get('/assessment/rectifications/:rectificationId', { schema: { tags, summary: '一项整改事项', response: { 200: rectificationSchema } } }, async (request) => rectification(param(request, 'rectificationId')));

    app.post('/assessment/rectifications/:rectificationId/close', {
      schema: { tags, summary: '报送整改完成（整改部门）', body: z.object({ note: z.string(), links: linksInput, document: fileInput }), response: { 200: rectificationSchema } },
    }, async (request) => {
      const { document, ...input } = request.body;
      await commands.closeRectification(db, ctx(request), param(request, 'rectificationId'), input, fileOf(document));
      return rectification(param(request, 'rectificationId'));
    });

    app.post('/assessment/rectifications/:rectificationId/confirm', { schema: { tags, summary: '确认整改完成（政府办公室）', response: { 200: rectificationSchema } } }, async (request) => {
      await commands.decideRectification(db, ctx(request), param(request, 'rectificationId'), 'confirm');
      return rectification(param(request, 'rectificationId'));
    });

    app.post('/assessment/rectifications/:rectificationId/reopen', { schema: { tags, summary: '重新打开整改事项并说明理由（政府办公室）', body: reasonInput, response: { 200: rectificationSchema } } }, async (request) => {
      await commands.decideRectification(db, ctx(request), param(request, 'rectificationId'), 'reopen', request.body);
      return rectification(param(request, 'rectificationId'));
    });

    registerSelfAssessmentApi(parent, deps);
  };
}
