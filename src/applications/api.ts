// JSON API for applications (依申请公开): schema → authorize → command → present. Every action of
// the console is here too, with the same commands and the same Chinese messages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../orgs/context.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import type { AppDeps } from '../core/http/deps.ts';
import type { Organization } from '../orgs/model.ts';
import { loadCaseFile } from './case-file.ts';
import * as commands from './commands.ts';
import { letterFile } from './letters/files.ts';
import { LETTER_KINDS } from './letters/compose.ts';
import { APPLICANT_COLUMNS, APPLICANT_KINDS, CASE_STATES, CHANNELS, DELIVERIES, FORMS_WANTED } from './model.ts';
import { applicationPolicy } from './policy.ts';
import { presentCaseDetail, presentCaseSummary } from './present.ts';
import { loadQueue, QUEUE_ORDERS } from './queue.ts';
import './scope.ts';
import { findAttachmentContent, listIssuedLetters } from './store.ts';
import { reportPolicy } from '../report/policy.ts';
import { storeTable3InDraft, table3ForYear } from './table3-report.ts';
import { listTemplateEntries, previewTemplate } from './letters/templates.ts';
import { isTemplateKey, LETTER_KINDS as TEMPLATE_KINDS } from './letters/rules.ts';
import { resetClockConventions, saveClockConventions } from './clock-conventions/commands.ts';
import { effectiveConventions } from './clock-conventions/store.ts';
import { DEFAULT_CLOCK_CONVENTIONS, DUE_SOON_RANGE, FEE_PAYMENT_RANGE } from './clock-conventions/rules.ts';
import { currentYear } from '../core/today.ts';
import { attachmentHeader } from '../core/http/file-names.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const optDate = date.optional();

const clockSchema = z.object({
  state: z.string().nullable(),
  receivedOn: z.string().nullable(),
  correctionNoticeDue: z.string().nullable(),
  clockStartsOn: z.string().nullable(),
  originalDueDate: z.string().nullable(),
  extendedDays: z.number(),
  pausedWorkingDays: z.number(),
  dueDate: z.string().nullable(),
  /** 第三十二条、第三十四条: while consulting, the last day of the 15 working days (the clock runs again after it). */
  consultationLapsesOn: z.string().nullable(),
  workingDaysLeftWhenPaused: z.number().nullable(),
  problems: z.array(z.string()),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  daysOverdue: z.number(),
  error: z.string().nullable(),
});

const conventionsSchema = z.object({
  startDayCounts: z.boolean(),
  pauseStartDayCounts: z.boolean(),
  pauseEndDayCounts: z.boolean(),
  feePaymentWorkingDays: z.number().int().min(FEE_PAYMENT_RANGE.min).max(FEE_PAYMENT_RANGE.max),
  dueSoonWorkingDays: z.number().int().min(DUE_SOON_RANGE.min).max(DUE_SOON_RANGE.max),
});
const effectiveConventionsSchema = z.object({
  conventions: conventionsSchema,
  defaults: conventionsSchema,
  source: z.object({ orgId: z.number(), orgName: z.string(), updatedByName: z.string(), updatedAt: z.string() }).nullable(),
});

const summarySchema = z.object({
  id: z.number(),
  receiptNo: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  channel: z.enum(CHANNELS),
  submittedOn: z.string(),
  receivedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  applicantKind: z.enum(APPLICANT_KINDS),
  applicantColumn: z.enum(APPLICANT_COLUMNS),
  infoTitle: z.string(),
  handlerUserId: z.number().nullable(),
  handlerName: z.string().nullable(),
  clock: clockSchema,
});

const applicantSchema = z.object({
  kind: z.enum(APPLICANT_KINDS),
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  creditCode: z.string(),
  legalRepresentative: z.string(),
  contactPerson: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  postalCode: z.string(),
});

const detailSchema = summarySchema.extend({
  infoDocNumber: z.string(),
  infoDescription: z.string(),
  formWanted: z.enum(FORMS_WANTED),
  delivery: z.enum(DELIVERIES),
  applicant: applicantSchema.nullable().describe('申请人个人信息（仅本机关依申请办理人和负责人可见）'),
  events: z.array(z.object({ id: z.number(), kind: z.string(), label: z.string(), onDate: z.string(), at: z.string(), actorName: z.string(), data: z.record(z.string(), z.unknown()), note: z.string() })),
  attachments: z.array(z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number() })),
  actions: z.array(z.string()).describe('当前状态允许的操作'),
  letters: z.array(z.object({ kind: z.enum(LETTER_KINDS), issuedOn: z.string(), createdAt: z.string(), formats: z.array(z.string()), rendering: z.boolean().describe('true：DOCX 正在生成（出具后由文书任务生成；此时下载即生成）') })).describe('已出具并留存的文书（仅本机关依申请办理人和负责人可见）'),
});

const caseParams = z.object({ caseId: z.string() });

const replyBody = z.object({
  on: optDate,
  outcome: z.string(),
  reasons: z.string().max(5000).optional(),
  deliveredBy: z.string().max(100),
  template: z.string().max(20_000).nullable().optional().describe('本案答复书正文（模板格式，含 {救济途径} 等占位符）；不填则用本机关该答复结果的模板'),
});

/** Action routes: POST /applications/:caseId/<path> with a body schema and the command. */
const ACTIONS = [
  { path: 'confirm', summary: '确认收到申请（条例第三十一条）', body: z.object({ confirmedOn: optDate, arrivedOn: optDate, signedForOn: optDate, note: z.string().max(500).optional() }), run: commands.confirmReceipt },
  { path: 'correction-request', summary: '一次性告知补正（条例第三十条）', body: z.object({ on: optDate, items: z.string().max(2000), dueOn: date }), run: commands.requestCorrection },
  { path: 'correction', summary: '登记收到补正（条例第三十条）', body: z.object({ on: optDate, description: z.string().max(2000) }), run: commands.recordCorrection },
  { path: 'abandon', summary: '逾期未补正，视为放弃申请', body: z.object({ on: optDate, note: z.string().max(500).optional() }), run: commands.abandon },
  { path: 'consultations', summary: '书面征求第三方或其他机关意见（条例第三十二条、第三十四条）', body: z.object({ on: optDate, party: z.enum(['third_party', 'agency']), partyName: z.string().max(200) }), run: commands.startConsultation },
  { path: 'consultation-delivery', summary: '登记征求意见书送达日期：被征求意见方自收到之日起15个工作日内提出意见（条例第三十二条、第三十四条），未登记的自发出之日起算', body: z.object({ letterReceivedOn: optDate }), run: commands.recordConsultationDelivery },
  { path: 'consultation-result', summary: '征求意见结束（收到意见或期限届满）', body: z.object({ on: optDate, result: z.enum(['agreed', 'objected', 'no_reply']), note: z.string().max(500).optional() }), run: commands.endConsultation },
  { path: 'fee-notice', summary: '发出收费通知（国办函〔2020〕109号）', body: z.object({ on: optDate, basis: z.enum(['by_count', 'by_pages']), pages: z.number().int().positive().optional() }), run: commands.noticeFee },
  { path: 'payment', summary: '登记缴费', body: z.object({ on: optDate }), run: commands.recordPayment },
  { path: 'non-payment', summary: '逾期未缴费，不再处理', body: z.object({ on: optDate }), run: commands.recordNonPayment },
  { path: 'extension-request', summary: '申请延长答复期限（条例第三十三条第二款）', body: z.object({ on: optDate, workingDays: z.number().int(), reason: z.string().max(500) }), run: commands.requestExtension },
  { path: 'extension-approval', summary: '负责人批准延期并告知申请人（机关负责人）', body: z.object({ approvedOn: optDate, notifiedOn: optDate }), run: commands.approveExtension },
  { path: 'extension-rejection', summary: '负责人不批准延期（机关负责人）', body: z.object({ on: optDate, reason: z.string().max(500) }), run: commands.rejectExtension },
  { path: 'disclosure-notice', summary: '第三方不同意公开，决定予以公开并书面告知第三方决定公开的内容和理由（条例第三十二条；机关负责人）', body: z.object({ on: optDate, content: z.string().max(2000), reasons: z.string().max(2000) }), run: commands.notifyDisclosure },
  { path: 'reasons-request', summary: '要求申请人说明理由（条例第三十五条：申请数量、频次明显超过合理范围；说明期限应早于答复期限，不停止计时）', body: z.object({ on: optDate, grounds: z.string().max(1000), dueOn: date }), run: commands.requestReasons },
  { path: 'reasons', summary: '登记申请人说明的理由（书面或当面提交的）', body: z.object({ on: optDate, reasons: z.string().max(2000) }), run: commands.recordReasons },
  { path: 'reply-delay', summary: '确定延迟答复期限并告知申请人（条例第三十五条：申请数量、频次明显超过合理范围，理由合理但无法按期答复；机关负责人）', body: z.object({ notifiedOn: optDate, dueDate: date, reason: z.string().max(1000) }), run: commands.delayReply },
  { path: 'reply-draft', summary: '拟定答复（答复结果为年度报告表三的一项、理由、可选的答复书正文），报机关负责人签发', body: replyBody, run: commands.draftReply },
  { path: 'reply-signature', summary: '机关负责人审核签发答复：以签发日期为答复日期，答复书留存于案卷（机关负责人）', body: z.object({ on: optDate }), run: commands.signReply },
  { path: 'reply-return', summary: '机关负责人退回答复草稿并说明理由（机关负责人）', body: z.object({ on: optDate, reason: z.string().max(1000) }), run: commands.returnReply },
  { path: 'reply', summary: '机关负责人直接作出并签发答复（条例第三十六条）；依申请办理人请用 reply-draft', body: replyBody, run: commands.reply },
  { path: 'close', summary: '办结归档（条例第四十五条）', body: z.object({ on: optDate }), run: commands.closeCase },
  { path: 'withdraw', summary: '登记申请人撤回申请', body: z.object({ on: optDate, note: z.string().max(500).optional() }), run: commands.withdraw },
] as const;

const templateSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  variant: z.string().describe('答复书：表三答复结果（如 granted、withheld.stateSecret）；征求意见书：third_party 或 agency；其他文书为空'),
  label: z.string(),
  text: z.string(),
  defaultText: z.string(),
  customized: z.boolean().describe('本机关已设置自己的模板'),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  placeholders: z.array(z.string()),
  required: z.array(z.string()),
});
const templateKeySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, { error: `kind 应为 ${TEMPLATE_KINDS.join('、')} 之一` }),
  variant: z.string().max(100).default(''),
});
const templateTextSchema = templateKeySchema.extend({ text: z.string().max(20_000) });

const registerSchema = z.looseObject({
  channel: z.enum(CHANNELS),
  submittedOn: date,
  signedForOn: optDate,
  submissionKey: z.string().max(100).optional(),
});

export function applicationApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['依申请公开'];

    const readable = async (request: FastifyRequest): Promise<Organization> => {
      const org = request.scopedOrg ?? (await currentOrg(db, request.staff!));
      if (!applicationPolicy.read(request.staff!, org)) throw forbidden('只有依申请办理人、机关负责人和监督员可以查看依申请公开案件');
      return org;
    };
    const detail = async (request: FastifyRequest, caseId: number) => {
      const org = await readable(request);
      const file = await loadCaseFile(db, caseId, applicationPolicy.readPersonalData(request.staff!, org));
      if (!file) throw notFound('该申请');
      const letters = file.applicant ? await listIssuedLetters(db, caseId) : [];
      return {
        ...presentCaseDetail(file.case, file.clock, file.events, file.actions, file.attachments, file.applicant),
        letters: letters.map((l) => ({ kind: l.kind as (typeof LETTER_KINDS)[number], issuedOn: l.issuedOn, createdAt: l.createdAt, formats: l.formats, rendering: !l.formats.includes('docx') })),
      };
    };

    app.get(
      '/applications',
      {
        schema: {
          tags,
          summary: '当前机构的申请（办理台账），到期日和逾期、即将到期由法定时限实时计算',
          querystring: z.object({
            state: z.enum([...CASE_STATES, 'open']).optional(),
            handler: z.coerce.number().int().optional(),
            due: z.enum(['soon', 'overdue']).optional(),
            receiptNo: z.string().optional(),
            // Integrations keep the receipt-number order unless they ask; the console opens on urgency.
            order: z.enum(QUEUE_ORDERS).optional().describe('number：按申请编号，新的在前（默认）；urgency：逾期在前，再按答复期限'),
          }),
          response: { 200: z.array(summarySchema) },
        },
      },
      async (request) => {
        const org = await readable(request);
        const q = request.query;
        const items = await loadQueue(db, org.id, { state: q.state, handlerUserId: q.handler, due: q.due, receiptNo: q.receiptNo, order: q.order ?? 'number' });
        return items.map((i) => presentCaseSummary(i.case, i.clock));
      },
    );

    app.post(
      '/applications',
      { schema: { tags, summary: '登记当面、口头、邮寄或传真提交的申请（字段同公开申请表，另加 channel、submittedOn）', body: registerSchema, response: { 201: detailSchema, 200: detailSchema } } },
      async (request, reply) => {
        const org = await currentOrg(db, request.staff!);
        const { channel, submittedOn, signedForOn, submissionKey, ...form } = request.body;
        const result = await commands.registerApplication(db, staffContext(request.staff!, request.id), org.id, form, { channel, submittedOn, signedForOn, submissionKey });
        return reply.status(result.duplicate ? 200 : 201).send(await detail(request, result.case.id));
      },
    );

    app.get(
      '/applications/table3',
      {
        schema: {
          tags,
          summary: '由案件计算年度报告表三（收到和处理政府信息公开申请情况），canonical JSON 的 table3',
          querystring: z.object({ year: z.coerce.number().int().min(2008).max(2100).optional() }),
          response: { 200: z.object({ year: z.number(), format: z.enum(['2019', '2021']), table3: z.record(z.string(), z.array(z.number())) }) },
        },
      },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        // Counts only, no personal data: case readers and report editors both may see them.
        if (!applicationPolicy.read(request.staff!, org) && !reportPolicy.edit(request.staff!, org)) throw forbidden('只有依申请办理人、机关负责人、监督员和年度报告编辑人员可以查看');
        const year = request.query.year ?? currentYear() - 1;
        const { format, table3 } = await table3ForYear(db, org.id, year);
        return { year, format, table3: table3 as unknown as Record<string, number[]> };
      },
    );

    app.post(
      '/applications/table3/report',
      {
        schema: {
          tags,
          summary: '把由案件计算的表三写入当前机构该年度的年度报告草稿（新版本，表三来源为“计算”；信息发布员或系统管理员）',
          body: z.object({ year: z.number().int().min(2008).max(2100) }),
          response: { 200: z.object({ reportId: z.number(), version: z.number() }) },
        },
      },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        return storeTable3InDraft(db, staffContext(request.staff!, request.id), org.id, request.body.year);
      },
    );

    // ── Letter templates (文书模板) of the current organization ──
    const templateOrg = async (request: FastifyRequest): Promise<Organization> => {
      const org = await currentOrg(db, request.staff!);
      if (!applicationPolicy.readTemplates(request.staff!, org)) throw forbidden('只有本机关的依申请办理人、机关负责人和系统管理员可以查看文书模板');
      return org;
    };
    const templateEntry = async (orgId: number, kind: string, variant: string) => {
      if (!isTemplateKey(kind, variant)) throw notFound('该文书模板');
      return (await listTemplateEntries(db, orgId)).find((e) => e.kind === kind && e.variant === variant)!;
    };

    app.get(
      '/applications/letter-templates',
      { schema: { tags, summary: '当前机构的文书模板（本机关模板或系统默认文字），占位符如 {申请人}、{收到日期}、{信息名称}', response: { 200: z.array(templateSchema) } } },
      async (request) => listTemplateEntries(db, (await templateOrg(request)).id),
    );

    app.put(
      '/applications/letter-templates',
      { schema: { tags, summary: '保存本机关的一种文书模板（机关负责人或系统管理员）；未知或缺少必需占位符时 400', body: templateTextSchema, response: { 200: templateSchema } } },
      async (request) => {
        const org = await templateOrg(request);
        await commands.saveLetterTemplate(db, staffContext(request.staff!, request.id), org.id, request.body);
        return templateEntry(org.id, request.body.kind, request.body.variant);
      },
    );

    app.post(
      '/applications/letter-templates/preview',
      {
        schema: {
          tags, summary: '预览模板：检查占位符并以示例案件填写（不保存）', body: templateTextSchema,
          response: { 200: z.object({ title: z.string(), addressee: z.string(), paragraphs: z.array(z.string()) }) },
        },
      },
      async (request) => {
        const org = await templateOrg(request);
        if (!isTemplateKey(request.body.kind, request.body.variant)) throw notFound('该文书模板');
        const letter = await previewTemplate(db, org, request.body.kind, request.body.variant, request.body.text);
        return { title: letter.title, addressee: letter.addressee, paragraphs: letter.paragraphs };
      },
    );

    app.post(
      '/applications/letter-templates/reset',
      { schema: { tags, summary: '恢复系统默认文字（机关负责人或系统管理员）', body: templateKeySchema, response: { 200: templateSchema } } },
      async (request) => {
        const org = await templateOrg(request);
        await commands.resetLetterTemplate(db, staffContext(request.staff!, request.id), org.id, request.body);
        return templateEntry(org.id, request.body.kind, request.body.variant);
      },
    );

    // ── Clock conventions (计时规则) of the current organization ──
    const conventionsOrg = async (request: FastifyRequest): Promise<Organization> => {
      const org = await currentOrg(db, request.staff!);
      if (!applicationPolicy.readClockConventions(request.staff!, org)) throw forbidden('只有本机构的依申请办理人、机关负责人、系统管理员和监督员可以查看计时规则');
      return org;
    };
    const conventionsOf = async (orgId: number) => ({ ...(await effectiveConventions(db, orgId)), defaults: { ...DEFAULT_CLOCK_CONVENTIONS } });

    app.get(
      '/applications/clock-conventions',
      { schema: { tags, summary: '当前机构的计时规则（条例未规定的计数细节）：本机构、上级机构的设置或系统默认', response: { 200: effectiveConventionsSchema } } },
      async (request) => conventionsOf((await conventionsOrg(request)).id),
    );

    app.put(
      '/applications/clock-conventions',
      { schema: { tags, summary: '设置本机构的计时规则（本机构或上级机构的系统管理员）；未办结申请的期限随之重新计算', body: conventionsSchema, response: { 200: effectiveConventionsSchema } } },
      async (request) => {
        const org = await conventionsOrg(request);
        await saveClockConventions(db, staffContext(request.staff!, request.id), org.id, request.body);
        return conventionsOf(org.id);
      },
    );

    app.delete(
      '/applications/clock-conventions',
      { schema: { tags, summary: '删除本机构的计时规则，沿用上级机构的设置或系统默认', response: { 200: effectiveConventionsSchema } } },
      async (request) => {
        const org = await conventionsOrg(request);
        await resetClockConventions(db, staffContext(request.staff!, request.id), org.id);
        return conventionsOf(org.id);
      },
    );

    app.get('/applications/:caseId', { schema: { tags, summary: '申请详情：事件时间线、法定时限、当前可执行的操作', params: caseParams, response: { 200: detailSchema } } }, async (request) =>
      detail(request, Number(request.params.caseId)),
    );

    for (const action of ACTIONS) {
      app.post(
        `/applications/:caseId/${action.path}`,
        { schema: { tags, summary: action.summary, params: caseParams, body: action.body, response: { 200: detailSchema } } },
        async (request) => {
          const caseId = Number(request.params.caseId);
          await (action.run as (db: unknown, ctx: unknown, id: number, input: unknown) => Promise<unknown>)(db, staffContext(request.staff!, request.id), caseId, request.body);
          return detail(request, caseId);
        },
      );
    }

    app.post(
      '/applications/:caseId/assign',
      { schema: { tags, summary: '分配办理人', params: caseParams, body: z.object({ handlerUserId: z.number().int().nullable() }), response: { 200: detailSchema } } },
      async (request) => {
        const caseId = Number(request.params.caseId);
        await commands.assignHandler(db, staffContext(request.staff!, request.id), caseId, request.body.handlerUserId);
        return detail(request, caseId);
      },
    );

    app.post(
      '/applications/:caseId/notes',
      { schema: { tags, summary: '添加备注', params: caseParams, body: z.object({ note: z.string().max(2000) }), response: { 200: detailSchema } } },
      async (request) => {
        const caseId = Number(request.params.caseId);
        await commands.addNote(db, staffContext(request.staff!, request.id), caseId, request.body.note);
        return detail(request, caseId);
      },
    );

    app.get(
      '/applications/:caseId/letter',
      {
        schema: {
          tags,
          summary: '下载文书（DOCX 或 PDF，format=docx|pdf；已出具的文书为留存的原件，x-letter-status: issued；待签发的答复为草稿 draft）：receipt 接收回执、correction 补正告知书、consultation 征求意见书（给第三方或共同制作机关，不含申请人身份）、disclosure 依申请公开告知书（给不同意公开的第三方）、extension 延期答复告知书、reasons 说明理由告知书、delay 延迟答复告知书（条例第三十五条）、fee 收费通知书、reply 答复书',
          params: caseParams,
          querystring: z.object({
            kind: z.enum(LETTER_KINDS, { error: `kind 应为 ${LETTER_KINDS.join('、')} 之一` }),
            format: z.enum(['docx', 'pdf'], { error: 'format 应为 docx 或 pdf' }).default('docx'),
          }),
        },
      },
      async (request, reply) => {
        const org = await readable(request);
        if (!applicationPolicy.readPersonalData(request.staff!, org)) throw forbidden('文书载有申请人个人信息，只有本机关依申请办理人和负责人可以下载');
        const file = await letterFile(db, Number(request.params.caseId), request.query.kind, request.query.format, request.log);
        return reply.type(file.mediaType).header('content-disposition', attachmentHeader(file.fileName)).header('x-letter-status', file.status).header('x-content-sha256', file.sha256).send(file.content);
      },
    );

    app.get(
      '/applications/:caseId/attachment',
      { schema: { tags, summary: '下载申请人上传的附件', params: caseParams, querystring: z.object({ id: z.coerce.number().int() }) } },
      async (request, reply) => {
        const org = await readable(request);
        if (!applicationPolicy.readPersonalData(request.staff!, org)) throw forbidden('附件可能载有申请人个人信息，只有本机关依申请办理人和负责人可以下载');
        const file = await findAttachmentContent(db, Number(request.params.caseId), request.query.id);
        if (!file) throw notFound('该附件');
        return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).send(file.content);
      },
    );
  };
}
