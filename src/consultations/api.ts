// JSON API of public consultation: schema → authorize → command → present. The same commands and
// Chinese messages as the console.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound } from '../core/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { today } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import * as commands from './commands.ts';
import type { ConsultationHooks } from './hooks.ts';
import { COMMENT_STATUSES, CONSULTATION_KINDS, CONSULTATION_STATUSES, FEEDBACK_RESULTS } from './model.ts';
import { consultationPolicy, REFUSALS } from './policy.ts';
import { presentComment, presentConsultation, presentPoint } from './present.ts';
import { PHASE_LABELS } from './rules/phase.ts';
import './scope.ts';
import { countComments, findConsultation, listComments, listConsultations, listFeedbackPoints } from './store.ts';

const PHASES = Object.keys(PHASE_LABELS) as [keyof typeof PHASE_LABELS, ...(keyof typeof PHASE_LABELS)[]];
const countsSchema = z.object({ total: z.number(), online: z.number(), offline: z.number(), pending: z.number(), approved: z.number(), rejected: z.number() });
const consultationSchema = z.object({
  id: z.number(),
  kind: z.enum(CONSULTATION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  draft: z.string(),
  explanation: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  contact: z.string(),
  shortPeriodReason: z.string(),
  status: z.enum(CONSULTATION_STATUSES).describe('draft 起草；published 已发布（按日期为即将开始、征求意见中或已截止）；concluded 结果反馈已公布'),
  phase: z.enum(PHASES),
  phaseLabel: z.string(),
  publishedOn: z.string().nullable(),
  minimumPeriod: z.object({ label: z.string(), minimumEnd: z.string(), long: z.boolean() }).nullable(),
  comments: countsSchema.describe('按记录统计的意见条数'),
  feedbackSummary: z.string(),
  feedbackPublishedOn: z.string().nullable(),
  finalDocument: z.object({ itemId: z.number(), title: z.string(), href: z.string() }).nullable(),
});
const commentSchema = z.object({
  id: z.number(), body: z.string(),
  name: z.string().nullable().describe('只对本机关信息发布员、审核人、机关负责人显示'), contact: z.string().nullable(),
  channel: z.enum(['online', 'offline']), receivedOn: z.string(), status: z.enum(COMMENT_STATUSES), statusLabel: z.string(), rejectReason: z.string(),
});
const pointSchema = z.object({ point: z.string(), result: z.enum(FEEDBACK_RESULTS), resultLabel: z.string(), reason: z.string() });
const detailSchema = consultationSchema.extend({ commentList: z.array(commentSchema), feedbackPoints: z.array(pointSchema) });
const inputSchema = z.looseObject({
  kind: z.enum(CONSULTATION_KINDS).describe('normative 行政规范性文件；major_decision 重大行政决策；other 其他'),
  title: z.string(),
  draft: z.string().describe('征求意见稿全文'),
  explanation: z.string().describe('起草说明'),
  startsOn: z.string().describe('开始日期 YYYY-MM-DD'),
  endsOn: z.string().describe('截止日期 YYYY-MM-DD（当日仍接收意见）'),
  contact: z.string().optional().describe('书面意见的联系方式'),
  shortPeriodReason: z.string().optional().describe('期限短于最短期限时的理由（随征求意见公布）'),
});

export function consultationApiRoutes(deps: AppDeps, hooks: ConsultationHooks = {}) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['意见征集'];
    const readable = async (request: FastifyRequest): Promise<Organization> => {
      const org = request.scopedOrg ?? (await currentOrg(db, request.staff!));
      if (!consultationPolicy.read(request.staff!, org)) throw forbidden(REFUSALS.read);
      return org;
    };
    const idOf = (request: FastifyRequest) => Number((request.params as { consultationId: string }).consultationId);
    const summary = async (id: number) => {
      const c = await findConsultation(db, id);
      if (!c) throw notFound('该意见征集');
      const [counts, period] = await Promise.all([countComments(db, id), commands.periodCheckOf(db, c.orgId, c).catch(() => null)]);
      return presentConsultation(c, today(), counts, period);
    };
    const detail = async (request: FastifyRequest, id: number) => {
      const org = await readable(request);
      const [s, comments, points] = await Promise.all([summary(id), listComments(db, id), listFeedbackPoints(db, id)]);
      const personal = consultationPolicy.readPersonalData(request.staff!, org);
      return { ...s, commentList: comments.map((m) => presentComment(m, personal)), feedbackPoints: points.map(presentPoint) };
    };

    app.get('/consultations', { schema: { tags, summary: '当前机构的意见征集（新的在前）', response: { 200: z.object({ consultations: z.array(consultationSchema) }) } } }, async (request) => {
      const org = await readable(request);
      const list = await listConsultations(db, org.id);
      return { consultations: await Promise.all(list.map((c) => summary(c.id))) };
    });

    app.post('/consultations', { schema: { tags, summary: '起草意见征集（信息发布员或机关负责人）；期限短于最短期限的须说明理由', body: inputSchema, response: { 201: detailSchema } } }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const id = await commands.createConsultation(db, staffContext(request.staff!, request.id), org.id, request.body);
      return reply.status(201).send(await detail(request, id));
    });

    app.get('/consultations/:consultationId', { schema: { tags, summary: '一项意见征集，及其意见和结果反馈', response: { 200: detailSchema } } }, async (request) => detail(request, idOf(request)));

    app.put('/consultations/:consultationId', { schema: { tags, summary: '修改意见征集（发布前，或已发布而尚未开始）', body: inputSchema, response: { 200: detailSchema } } }, async (request) => {
      await commands.updateConsultation(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return detail(request, idOf(request));
    });

    app.put('/consultations/:consultationId/draft-file', {
      schema: { tags, summary: '上传征求意见稿文件（PDF、OFD、Word，Base64；发布前或尚未开始时；再次上传即替换）', body: z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string() }), response: { 200: detailSchema } },
    }, async (request) => {
      await commands.attachDraftFile(db, staffContext(request.staff!, request.id), idOf(request), { fileName: request.body.fileName, content: Buffer.from(request.body.contentBase64, 'base64') });
      return detail(request, idOf(request));
    });

    app.post('/consultations/:consultationId/publish', { schema: { tags, summary: '发布意见征集（机关负责人）', response: { 200: detailSchema } } }, async (request) => {
      await commands.publishConsultation(db, staffContext(request.staff!, request.id), idOf(request));
      return detail(request, idOf(request));
    });

    app.post('/consultations/:consultationId/moderate', {
      schema: { tags, summary: '审核一条意见：approve 公开（不公开姓名和联系方式），reject 不予公开（须说明理由）', body: z.object({ commentId: z.number().int(), decision: z.enum(['approve', 'reject']), reason: z.string().optional() }), response: { 200: detailSchema } },
    }, async (request) => {
      await commands.moderateComment(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return detail(request, idOf(request));
    });

    app.post('/consultations/:consultationId/comments', {
      schema: { tags, summary: '登记书面意见（邮寄、传真、当面提交）', body: z.object({ body: z.string(), name: z.string().optional(), contact: z.string().optional(), receivedOn: z.string() }), response: { 201: detailSchema } },
    }, async (request, reply) => {
      await commands.recordOfflineComment(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return reply.status(201).send(await detail(request, idOf(request)));
    });

    app.put('/consultations/:consultationId/feedback', {
      schema: {
        tags, summary: '保存结果反馈（截止后）：反馈说明和意见要点（采纳、部分采纳、未采纳及理由）；意见条数由记录统计',
        body: z.object({ summary: z.string(), points: z.array(z.object({ point: z.string(), result: z.enum(FEEDBACK_RESULTS), reason: z.string().optional() })).optional() }),
        response: { 200: detailSchema },
      },
    }, async (request) => {
      await commands.saveFeedback(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return detail(request, idOf(request));
    });

    app.post('/consultations/:consultationId/feedback/publish', { schema: { tags, summary: '公布结果反馈（机关负责人；意见须已全部审核）', response: { 200: detailSchema } } }, async (request) => {
      await commands.publishFeedback(db, staffContext(request.staff!, request.id), idOf(request));
      return detail(request, idOf(request));
    });

    app.put('/consultations/:consultationId/final-document', {
      schema: { tags, summary: '关联在主动公开目录发布的正式文件（信息编号或门户网址；空字符串取消关联）', body: z.object({ reference: z.string() }), response: { 200: detailSchema } },
    }, async (request) => {
      await commands.linkFinalDocument(db, staffContext(request.staff!, request.id), idOf(request), request.body.reference, hooks);
      return detail(request, idOf(request));
    });
  };
}
