// JSON API of the appeals register: schema → authorize → command → present. The same commands and
// Chinese messages as the console; table 4 of a year, and writing it into the year's report draft.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound } from '../core/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { currentYear } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import * as commands from './commands.ts';
import { APPEAL_KINDS, APPEAL_OUTCOMES } from './model.ts';
import { appealPolicy } from './policy.ts';
import { presentAppeal } from './present.ts';
import type { AppealHooks } from './hooks.ts';
import { importAppealLedger, previewAppealLedger } from './ledger/import.ts';
import './scope.ts';
import { findAppeal, findDocumentContent } from './store.ts';
import { storeTable4InDraft, table4ForYear } from './table4-report.ts';

const yearSchema = z.coerce.number().int().min(2008).max(2100);
const line = z.array(z.number());
const table4Schema = z.object({ review: line, litigationDirect: line, litigationAfterReview: line });
const appealSchema = z.object({
  id: z.number(),
  kind: z.enum(APPEAL_KINDS),
  kindLabel: z.string(),
  receiptNo: z.string(),
  caseId: z.number().nullable(),
  party: z.string().nullable().describe('申请人（原告）：只对本机关依申请办理人和负责人显示'),
  body: z.string(),
  caseNumber: z.string(),
  receivedOn: z.string(),
  decidedOn: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable().describe('null：尚未审结'),
  outcomeLabel: z.string(),
  note: z.string(),
  document: z.object({ fileName: z.string(), contentType: z.string(), size: z.number() }).nullable(),
  newReply: z.object({ orderedOn: z.string(), dueOn: z.string().nullable() }).nullable().describe('责令重新答复：收到决定之日和限定的期限'),
});
const inputSchema = z.looseObject({
  kind: z.enum(APPEAL_KINDS).describe('review 行政复议；litigation_direct 行政诉讼·未经复议直接起诉；litigation_after_review 行政诉讼·复议后起诉'),
  receiptNo: z.string().optional().describe('涉及的依申请公开申请编号（可选）'),
  party: z.string().optional().describe('申请人（原告）；填写本机关的申请编号时可省略，取该申请的申请人'),
  body: z.string().describe('复议机关或人民法院'),
  caseNumber: z.string().optional().describe('案号'),
  receivedOn: z.string().describe('复议机关收到申请或法院立案之日 YYYY-MM-DD'),
  note: z.string().optional(),
});
const outcomeSchema = z.object({
  outcome: z.enum([...APPEAL_OUTCOMES, 'pending']).describe('upheld 结果维持；corrected 结果纠正；other 其他结果；pending 尚未审结（撤销已登记的结果）'),
  decidedOn: z.string().optional().describe('审结日期 YYYY-MM-DD（pending 时省略）'),
  newReply: z.boolean().optional().describe('决定或判决责令重新答复（仅 corrected）：涉及本机关已登记的申请的，该申请恢复办理'),
  newReplyOrderedOn: z.string().optional().describe('本机关收到决定书、判决书之日 YYYY-MM-DD（省略时为审结日期）；重新答复期限自此起算'),
  newReplyDueOn: z.string().optional().describe('决定书限定的重新答复期限 YYYY-MM-DD（如有）'),
  document: z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string() }).optional().describe('复议决定书、判决书或裁定书（PDF、OFD、Word、图片），Base64'),
});

const importReportSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  ok: z.boolean().describe('没有错误（可以导入或已导入）'),
  confirmed: z.boolean().describe('已导入'),
  rowsRead: z.number(),
  added: z.number().describe('导入（或将导入）的件数'),
  duplicates: z.number().describe('案号已登记、不重复导入的件数'),
  rows: z.array(z.object({
    sheet: z.string(), row: z.number(), kind: z.enum(APPEAL_KINDS), caseNumber: z.string(), body: z.string(), receivedOn: z.string(), decidedOn: z.string().nullable(),
    outcome: z.enum(APPEAL_OUTCOMES).nullable(), outcomeText: z.string(), caseId: z.number().nullable(), status: z.enum(['new', 'duplicate']), appealId: z.number().nullable(),
  })),
  errors: z.array(z.object({ sheet: z.string().nullable(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() })),
  messages: z.array(z.string()).describe('逐行的错误说明'),
  warnings: z.array(z.string()),
  previewId: z.number().nullable(),
});

export function appealApiRoutes(deps: AppDeps, hooks: AppealHooks = {}) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['复议诉讼'];
    const readable = async (request: FastifyRequest): Promise<Organization> => {
      const org = request.scopedOrg ?? (await currentOrg(db, request.staff!));
      if (!appealPolicy.read(request.staff!, org)) throw forbidden('只有依申请办理人、机关负责人、信息发布员、系统管理员和监督员可以查看复议诉讼台账');
      return org;
    };
    const detail = async (request: FastifyRequest, id: number) => {
      const org = await readable(request);
      const a = await findAppeal(db, id);
      if (!a) throw notFound('该复议诉讼记录');
      return presentAppeal(a, appealPolicy.readPersonalData(request.staff!, org));
    };
    const idOf = (request: FastifyRequest) => Number((request.params as { appealId: string }).appealId);

    app.get('/appeals', {
      schema: { tags, summary: '当前机构某年度计入年度报告表四的复议诉讼（该年内审结的，和年末尚未审结的），及由其计算的表四', querystring: z.object({ year: yearSchema.optional() }), response: { 200: z.object({ year: z.number(), table4: table4Schema, appeals: z.array(appealSchema) }) } },
    }, async (request) => {
      const org = await readable(request);
      const year = request.query.year ?? currentYear();
      const { table4, appeals } = await table4ForYear(db, org.id, year);
      const withParty = appealPolicy.readPersonalData(request.staff!, org);
      return { year, table4: table4 as unknown as z.infer<typeof table4Schema>, appeals: appeals.map((a) => presentAppeal(a, withParty)) };
    });

    app.get('/appeals/table4', {
      schema: { tags, summary: '由复议诉讼台账计算年度报告表四（canonical JSON 的 table4；计数规则见 docs/appeals-table4.md）', querystring: z.object({ year: yearSchema.optional() }), response: { 200: z.object({ year: z.number(), table4: table4Schema }) } },
    }, async (request) => {
      const org = await readable(request);
      const year = request.query.year ?? currentYear() - 1;
      return { year, table4: (await table4ForYear(db, org.id, year)).table4 as unknown as z.infer<typeof table4Schema> };
    });

    app.post('/appeals/table4/report', {
      schema: { tags, summary: '把由台账计算的表四写入当前机构该年度的年度报告草稿（新版本，表四来源为“计算”；信息发布员或系统管理员）', body: z.object({ year: yearSchema }), response: { 200: z.object({ reportId: z.number(), version: z.number() }) } },
    }, async (request) => {
      const org = await currentOrg(db, request.staff!);
      return storeTable4InDraft(db, staffContext(request.staff!, request.id), org.id, request.body.year);
    });

    app.post('/appeals', {
      schema: { tags, summary: '登记一件行政复议或行政诉讼（本机关依申请办理人或负责人）', body: inputSchema, response: { 201: appealSchema } },
    }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const id = await commands.createAppeal(db, staffContext(request.staff!, request.id), org.id, request.body);
      return reply.status(201).send(await detail(request, id));
    });

    app.post('/appeals/import', {
      schema: {
        tags,
        summary: '导入复议诉讼台账（.xlsx，Base64）：confirm 为 false 时只预览（逐行错误、将导入的行、已登记的案号），为 true 时在一个事务中导入全部新行；有任何错误则不导入（本机关依申请办理人或负责人）',
        body: z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string(), confirm: z.boolean().optional() }),
        response: { 200: importReportSchema, 422: importReportSchema },
      },
    }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const file = { fileName: request.body.fileName, content: Buffer.from(request.body.contentBase64, 'base64') };
      const ctx = staffContext(request.staff!, request.id);
      const result = request.body.confirm ? await importAppealLedger(db, ctx, org.id, file) : await previewAppealLedger(db, ctx, org.id, file);
      if (!result.ok) reply.status(422);
      return reply.send(result);
    });

    app.get('/appeals/:appealId', { schema: { tags, summary: '一件复议诉讼记录', response: { 200: appealSchema } } }, async (request) => detail(request, idOf(request)));

    app.put('/appeals/:appealId', {
      schema: { tags, summary: '修改复议诉讼记录（类别、申请编号、当事人、机关或法院、案号、收到日期、备注）', body: inputSchema, response: { 200: appealSchema } },
    }, async (request) => {
      await commands.updateAppeal(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return detail(request, idOf(request));
    });

    app.post('/appeals/:appealId/outcome', {
      schema: { tags, summary: '登记结果和审结日期（或改回尚未审结），可附决定书、判决书', body: outcomeSchema, response: { 200: appealSchema } },
    }, async (request) => {
      const { document, ...outcome } = request.body;
      const file = document ? { fileName: document.fileName, content: Buffer.from(document.contentBase64, 'base64') } : null;
      await commands.recordOutcome(db, staffContext(request.staff!, request.id), idOf(request), outcome, file, hooks);
      return detail(request, idOf(request));
    });

    app.get('/appeals/:appealId/document', { schema: { tags, summary: '下载决定书、判决书（最近上传的一份）' } }, async (request, reply) => {
      const org = await readable(request);
      const file = await findDocumentContent(db, idOf(request));
      if (!file) throw notFound('该文书');
      if (!appealPolicy.readPersonalData(request.staff!, org)) throw forbidden('决定书载有当事人个人信息，只有本机关依申请办理人和负责人可以下载');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
    });
  };
}
