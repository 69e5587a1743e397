// JSON API of the Article 20 ledgers: schema → authorize → command → present. The same commands and
// Chinese messages as the console: a year's entries and table-2 rows (both layouts, with the source
// of each cell), entering counts, fees, 2019 item counts and 政府集中采购, confirming a year, and the
// import of a 双公示 export in two steps (preview, then confirm).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../core/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { currentYear } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import * as commands from './commands.ts';
import { COUNT_CATEGORIES, DECISION_CATEGORIES, ITEM_KINDS } from './model.ts';
import { article20Policy, READ_REFUSED } from './policy.ts';
import { presentCount, presentDecision, presentFee, presentItem, presentProcurement } from './present.ts';
import { fenToWanYuan, fenToYuan } from '../core/money.ts';
import { yearView } from './year-view.ts';

const yearSchema = z.coerce.number().int().min(2008).max(2100);
const status = z.enum(['entered', 'confirmed']);
const sourceSchema = z.object({ cell: z.string(), description: z.string(), href: z.string().optional() });
const decisionSchema = z.object({ id: z.number(), category: z.enum(DECISION_CATEGORIES), categoryLabel: z.string(), docNumber: z.string(), decidedOn: z.string(), subject: z.string(), batchId: z.number().nullable(), status, statusLabel: z.string() });
const countSchema = z.object({ id: z.number(), year: z.number(), period: z.string(), periodLabel: z.string(), category: z.enum(COUNT_CATEGORIES), categoryLabel: z.string(), count: z.number(), note: z.string(), status, statusLabel: z.string() });
const feeSchema = z.object({ id: z.number(), year: z.number(), period: z.string(), periodLabel: z.string(), item: z.string(), amountYuan: z.string(), amountWanYuan: z.string(), note: z.string(), status, statusLabel: z.string() });
const itemSchema = z.object({ id: z.number(), year: z.number(), item: z.enum(ITEM_KINDS), itemLabel: z.string(), previousCount: z.number(), change: z.number(), status, statusLabel: z.string() });
const procurementSchema = z.object({ id: z.number(), year: z.number(), projects: z.number(), amountYuan: z.string(), status, statusLabel: z.string() });
const tallySchema = z.object({ category: z.enum(COUNT_CATEGORIES), source: z.enum(['decisions', 'counts', 'none']), counted: z.number(), unconfirmed: z.number(), ignoredHandCount: z.number() });
const yearResponse = z.object({
  year: z.number(),
  table2: z.object({ '2021': z.record(z.string(), z.unknown()), '2019': z.record(z.string(), z.unknown()) }).describe('本台账计算的表二各行（2021 年格式与 2019 年格式）'),
  sources: z.object({ '2021': z.array(sourceSchema), '2019': z.array(sourceSchema) }),
  tallies: z.array(tallySchema),
  fees: z.object({ totalYuan: z.string(), totalWanYuan: z.string(), entries: z.array(feeSchema) }),
  unconfirmed: z.number().describe('待确认（录入）的记录数，不计入年度报告'),
  counts: z.array(countSchema),
  items: z.array(itemSchema),
  procurement: procurementSchema.nullable(),
  decisions: z.array(decisionSchema).describe('该年的决定（最多 1000 件）'),
});
const created = z.object({ id: z.number() });
const planRow = z.object({ sheet: z.string(), row: z.number(), category: z.enum(DECISION_CATEGORIES), docNumber: z.string(), decidedOn: z.string() });
const previewSchema = z.object({
  previewId: z.number(),
  fileName: z.string(),
  add: z.array(planRow),
  duplicates: z.array(planRow.extend({ reason: z.enum(['stored', 'file']), firstRow: z.object({ sheet: z.string(), row: z.number() }).optional() })),
  errors: z.array(z.object({ sheet: z.string(), row: z.number(), message: z.string() })),
});

export function article20ApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['第二十条事项台账'];
    const readable = async (request: FastifyRequest): Promise<Organization> => {
      const org = await currentOrg(db, request.staff!);
      if (!article20Policy.read(request.staff!, org)) throw forbidden(READ_REFUSED);
      return org;
    };
    const ctx = (request: FastifyRequest) => staffContext(request.staff!, request.id);
    const orgId = async (request: FastifyRequest) => (await currentOrg(db, request.staff!)).id;

    app.get('/article20', {
      schema: { tags, summary: '当前机构某年度的第二十条事项台账及由其计算的表二第（五）（六）（八）（九）项（规则见 docs/article20-table2.md）', querystring: z.object({ year: yearSchema.optional(), category: z.enum(DECISION_CATEGORIES).optional() }), response: { 200: yearResponse } },
    }, async (request) => {
      const org = await readable(request);
      const year = request.query.year ?? currentYear();
      const y = await yearView(db, org.id, year, request.query.category, 1000);
      return {
        year,
        table2: { '2021': y.part2021.table2 as Record<string, unknown>, '2019': y.part2019.table2 as Record<string, unknown> },
        sources: { '2021': y.part2021.sources, '2019': y.part2019.sources },
        tallies: y.tallies,
        fees: { totalYuan: fenToYuan(y.feeTally.fen), totalWanYuan: fenToWanYuan(y.feeTally.fen), entries: y.fees.map(presentFee) },
        unconfirmed: y.unconfirmed,
        counts: y.counts.map(presentCount),
        items: y.items.map(presentItem),
        procurement: y.procurement && presentProcurement(y.procurement),
        decisions: y.decisions.map(presentDecision),
      };
    });

    app.post('/article20/counts', {
      schema: { tags, summary: '录入（或替换）某年、某季度或某月的处理决定数量（信息发布员、机关负责人或系统管理员；录入后待确认）', body: z.looseObject({ year: yearSchema, period: z.string().optional().describe('空：全年；M01–M12：月；Q1–Q4：季度'), category: z.enum(COUNT_CATEGORIES), count: z.number().int().min(0), note: z.string().optional() }), response: { 201: created } },
    }, async (request, reply) => reply.status(201).send({ id: await commands.enterCount(db, ctx(request), await orgId(request), request.body) }));

    app.post('/article20/fees', {
      schema: { tags, summary: '录入一笔行政事业性收费（金额以元为单位的字符串，精确到分，如 "1234.56"）', body: z.looseObject({ year: yearSchema, period: z.string().optional(), item: z.string(), amount: z.string().describe('元，如 "1,234.56"'), note: z.string().optional() }), response: { 201: created } },
    }, async (request, reply) => reply.status(201).send({ id: await commands.enterFee(db, ctx(request), await orgId(request), request.body) }));

    app.post('/article20/items', {
      schema: { tags, summary: '2019 年格式：录入（或替换）某项目的上一年项目数量和本年增/减（减少为负数）', body: z.looseObject({ year: yearSchema, item: z.enum(ITEM_KINDS), previousCount: z.number().int().min(0), change: z.number().int() }), response: { 201: created } },
    }, async (request, reply) => reply.status(201).send({ id: await commands.enterItemCount(db, ctx(request), await orgId(request), request.body) }));

    app.post('/article20/procurement', {
      schema: { tags, summary: '2019 年格式：录入（或替换）某年政府集中采购的项目数量和总金额（元）', body: z.looseObject({ year: yearSchema, projects: z.number().int().min(0), amount: z.string().describe('元，如 "251000"') }), response: { 201: created } },
    }, async (request, reply) => reply.status(201).send({ id: await commands.enterProcurement(db, ctx(request), await orgId(request), request.body) }));

    app.post('/article20/confirm', {
      schema: { tags, summary: '确认某年全部待确认的记录（机关负责人或系统管理员）；确认后计入年度报告', body: z.object({ year: yearSchema }), response: { 200: z.object({ decisions: z.number(), counts: z.number(), fees: z.number(), items: z.number(), procurement: z.number() }) } },
    }, async (request) => commands.confirmEntries(db, ctx(request), await orgId(request), request.body));

    app.post('/article20/remove', {
      schema: { tags, summary: '删除一条录入有误的决定、手工数量或收费记录（录入状态：录入人员；已确认：机关负责人或系统管理员）', body: z.object({ kind: z.enum(commands.REMOVE_KINDS), id: z.number().int().positive() }), response: { 200: z.object({ year: z.number() }) } },
    }, async (request) => commands.removeEntry(db, ctx(request), await orgId(request), request.body));

    app.post('/article20/import', {
      schema: { tags, summary: '预览导入双公示导出文件（.xlsx，Base64）：将新增、重复和有误的行；不写入台账', body: z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string(), category: z.enum(DECISION_CATEGORIES).optional().describe('文件中没有“类别”列时必填') }), response: { 200: previewSchema } },
    }, async (request) => {
      const { fileName, contentBase64, category } = request.body;
      const p = await commands.previewImport(db, ctx(request), await orgId(request), { fileName, content: Buffer.from(contentBase64, 'base64') }, { category });
      const row = (d: { sheet: string; row: number; category: (typeof DECISION_CATEGORIES)[number]; docNumber: string; decidedOn: string }) => ({ sheet: d.sheet, row: d.row, category: d.category, docNumber: d.docNumber, decidedOn: d.decidedOn });
      return {
        previewId: p.previewId, fileName: p.fileName, add: p.plan.add.map(row),
        duplicates: p.plan.duplicates.map((d) => ({ ...row(d), reason: d.reason, ...(d.firstRow ? { firstRow: d.firstRow } : {}) })), errors: p.plan.errors,
      };
    });

    app.post('/article20/import/confirm', {
      schema: { tags, summary: '确认导入预览：新增的决定写入台账（录入，待确认），一个事务、一条审计记录', body: z.object({ previewId: z.number().int().positive() }), response: { 200: z.object({ batchId: z.number(), added: z.number(), duplicates: z.number(), fileName: z.string(), latestYear: z.number() }) } },
    }, async (request) => commands.confirmImport(db, ctx(request), await orgId(request), request.body.previewId));
  };
}
