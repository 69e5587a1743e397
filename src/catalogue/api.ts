// JSON API of the catalogue: schema → authorize → command → present. Search is public
// (条例第二十四条), everything else needs a staff session and works in the current organization.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../orgs/context.ts';
import { forbidden } from '../core/errors.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import type { AppDeps } from '../core/http/deps.ts';
import {
  acknowledgeFinding,
  approveStage,
  changeItemValidity,
  createItem,
  ensureCatalogue,
  openFindingsOf,
  recallSubmission,
  rejectStage,
  returnFromReview,
  reviseItem,
  saveDraft,
  submitForReview,
  withdrawItem,
} from './commands.ts';
import { COLUMN_KINDS, DOC_KINDS, VALIDITIES, VERSION_STATES, type VersionState } from './model.ts';
import { cataloguePolicy } from './policy.ts';
import { presentSearchHit, presentStaffItem } from './present.ts';
import { DETECTORS, maskMatch } from './rules/confidentiality.ts';
import { computeTable2Section1, storeTable2Section1 } from './report-table2.ts';
import './scope.ts';
import { cachedSearch } from './search/service.ts';
import { findItem, latestVersion, listAcks, listColumns, listItemsForConsole } from './store.ts';
import { currentYear } from '../core/today.ts';

const itemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  indexNumber: z.string().nullable(),
  live: z.boolean(),
  publishedVersionId: z.number().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  validity: z.enum(VALIDITIES),
  validityDate: z.string().nullable(),
  viewCount: z.number(),
  latest: z.object({
    version: z.number(),
    state: z.enum(VERSION_STATES),
    columnId: z.number(),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    docNumber: z.string(),
    publisher: z.string(),
    writtenDate: z.string().nullable(),
    formedDate: z.string().nullable(),
    publishedDate: z.string().nullable(),
    topic: z.string(),
    docKind: z.enum(DOC_KINDS).nullable(),
    deadlineBasis: z.string(),
    stage: z.string().nullable(),
    reviewRound: z.number(),
    rejectionReason: z.string().nullable(),
    authorName: z.string(),
    updatedAt: z.string(),
  }),
});

const itemBody = z.object({
  columnId: z.number().int().positive(),
  title: z.string(),
  summary: z.string().optional(),
  body: z.string().optional(),
  docNumber: z.string().optional(),
  publisher: z.string().optional(),
  writtenDate: z.string().nullable().optional(),
  formedDate: z.string().nullable().optional(),
  topic: z.string().optional(),
  docKind: z.enum(DOC_KINDS).nullable().optional(),
  deadlineBasis: z.string().optional(),
});

const params = z.object({ itemId: z.string() });
const reason = z.object({ reason: z.string() });
const stage = z.object({ round: z.number().int().optional(), stageIndex: z.number().int().optional() }).optional();
const counts = z.object({ issued: z.number().nullable(), abolished: z.number().nullable(), inForce: z.number().nullable() });
const table2Schema = z.object({ year: z.number(), regulations: counts, normativeDocuments: counts });

export function catalogueApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['主动公开'];

    const present = async (itemId: number) => presentStaffItem((await findItem(db, itemId))!, (await latestVersion(db, itemId))!);
    const ctx = (request: { staff: unknown; id: string }) => staffContext(request.staff as Parameters<typeof staffContext>[0], request.id);

    app.get(
      '/catalogue/search',
      {
        config: { anonymous: true },
        schema: {
          tags,
          summary: '检索已公开的政府信息（无需登录；简体、繁體均可）',
          querystring: z.object({
            q: z.string().max(200).default(''),
            org: z.string().max(40).optional(),
            columnId: z.coerce.number().int().positive().optional(),
            year: z.coerce.number().int().min(1990).max(2100).optional(),
            docNumber: z.string().max(100).optional(),
            order: z.enum(['relevance', 'date']).default('relevance'),
            page: z.coerce.number().int().min(1).max(50).default(1),
            pageSize: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({
              terms: z.array(z.string()),
              // Every hit contains all of these (jieba's words of the terms); a hit with the terms whole ranks first.
              words: z.array(z.string()),
              total: z.number(),
              totalCapped: z.boolean(),
              page: z.number(),
              pageSize: z.number(),
              hits: z.array(
                z.object({
                  id: z.number(), title: z.string(), indexNumber: z.string(), docNumber: z.string(), publishedDate: z.string(),
                  organization: z.object({ code: z.string(), shortName: z.string() }), columnId: z.number(), excerpt: z.string(), url: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const r = await cachedSearch(db, { ...request.query, columnId: request.query.columnId ?? null });
        return { terms: r.terms, words: r.words, total: r.total, totalCapped: r.totalCapped, page: r.page, pageSize: r.pageSize, hits: r.hits.map(presentSearchHit) };
      },
    );

    app.get(
      '/catalogue/columns',
      {
        schema: {
          tags, summary: '当前机构的栏目',
          response: { 200: z.array(z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), position: z.number(), kind: z.enum(COLUMN_KINDS), updateDays: z.number().nullable(), description: z.string() })) },
        },
      },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        if (!cataloguePolicy.read(request.staff!, org)) throw forbidden();
        await ensureCatalogue(db, org.id);
        return (await listColumns(db, org.id)).map(({ orgId: _o, ...c }) => c);
      },
    );

    app.get(
      '/catalogue/items',
      {
        schema: {
          tags, summary: '当前机构的主动公开信息（按最新版本的状态筛选）',
          querystring: z.object({ state: z.enum(VERSION_STATES).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
          response: { 200: z.array(itemSchema) },
        },
      },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        if (!cataloguePolicy.read(request.staff!, org)) throw forbidden();
        const q = request.query;
        const entries = await listItemsForConsole(db, org.id, { states: q.state ? [q.state as VersionState] : undefined, limit: q.limit, offset: q.offset });
        return entries.map((e) => presentStaffItem(e.item, e.latest));
      },
    );

    app.post('/catalogue/items', { schema: { tags, summary: '撰写新信息（草稿）', body: itemBody, response: { 201: itemSchema } } }, async (request, reply) => {
      const org = await currentOrg(db, request.staff!);
      const { item } = await createItem(db, ctx(request), org.id, request.body);
      return reply.status(201).send(await present(item.id));
    });

    app.get('/catalogue/items/:itemId', { schema: { tags, summary: '信息详情（最新版本）', params, response: { 200: itemSchema } } }, async (request) =>
      present(Number(request.params.itemId)),
    );

    app.put('/catalogue/items/:itemId', { schema: { tags, summary: '保存草稿', params, body: itemBody, response: { 200: itemSchema } } }, async (request) => {
      await saveDraft(db, ctx(request), Number(request.params.itemId), request.body);
      return present(Number(request.params.itemId));
    });

    app.get(
      '/catalogue/items/:itemId/findings',
      {
        schema: {
          tags, summary: '保密审查和个人信息检查的提示（草稿和审核中的版本）', params,
          response: { 200: z.array(z.object({ detector: z.enum(DETECTORS), field: z.string(), match: z.string(), masked: z.string(), before: z.string(), after: z.string(), acknowledged: z.boolean(), reason: z.string().nullable() })) },
        },
      },
      async (request) => {
        const v = (await latestVersion(db, Number(request.params.itemId)))!;
        if (v.state !== 'draft' && v.state !== 'in_review') return [];
        const { findings } = await openFindingsOf(db, v);
        const acks = await listAcks(db, v.id);
        return findings.map((f) => {
          const ack = acks.find((a) => a.detector === f.detector && a.matchText === f.match);
          return { detector: f.detector, field: f.field, match: f.match, masked: maskMatch(f), before: f.before, after: f.after, acknowledged: Boolean(ack), reason: ack?.reason ?? null };
        });
      },
    );

    const action = (path: string, summary: string, body: z.ZodType, run: (c: ReturnType<typeof ctx>, id: number, b: never) => Promise<unknown>) =>
      app.post(`/catalogue/items/:itemId/${path}`, { schema: { tags, summary, params, body, response: { 200: itemSchema } } }, async (request) => {
        await run(ctx(request), Number(request.params.itemId), request.body as never);
        return present(Number(request.params.itemId));
      });

    action('submit', '提交审核（有未处理的保密审查提示时拒绝）', z.object({}).optional(), (c, id) => submitForReview(db, c, id));
    action('approve', '签署当前审核环节（最后一个环节通过即发布并分配索引号）', stage, (c, id, b: z.infer<typeof stage>) =>
      approveStage(db, c, id, b?.round !== undefined && b.stageIndex !== undefined ? { round: b.round, stageIndex: b.stageIndex } : undefined),
    );
    action('reject', '退回撰写人（须说明理由）', reason.extend({ round: z.number().int().optional(), stageIndex: z.number().int().optional() }), (c, id, b: { reason: string; round?: number; stageIndex?: number }) =>
      rejectStage(db, c, id, b, b.round !== undefined && b.stageIndex !== undefined ? { round: b.round, stageIndex: b.stageIndex } : undefined),
    );
    action('return', '机构负责人或系统管理员退回撰写人（不签署当前环节；须说明理由）', reason.extend({ round: z.number().int().optional(), stageIndex: z.number().int().optional() }), (c, id, b: { reason: string; round?: number; stageIndex?: number }) =>
      returnFromReview(db, c, id, b, b.round !== undefined && b.stageIndex !== undefined ? { round: b.round, stageIndex: b.stageIndex } : undefined),
    );
    action('recall', '信息发布员撤回审核（尚无人签署时），信息回到草稿', z.object({}).optional(), (c, id) => recallSubmission(db, c, id));
    action('acknowledgements', '保密审查员确认一条提示可以公开（须说明理由）', z.object({ detector: z.enum(DETECTORS), match: z.string(), reason: z.string() }), (c, id, b) => acknowledgeFinding(db, c, id, b));
    action('withdraw', '撤回已发布的信息（须说明理由）', reason, (c, id, b) => withdrawItem(db, c, id, b));
    action('revise', '修改已发布的信息：生成新版本草稿', z.object({}).optional(), (c, id) => reviseItem(db, c, id));
    action('validity', '变更文件有效性（有效、已修订、废止、失效）', z.object({ validity: z.enum(VALIDITIES), date: z.string(), note: z.string().optional() }), (c, id, b) => changeItemValidity(db, c, id, b));

    app.get(
      '/catalogue/table2',
      { schema: { tags, summary: '年报表二 第二十条第（一）项（由目录计算）', querystring: z.object({ year: z.coerce.number().int().min(2008).max(2100).default(() => currentYear() - 1) }), response: { 200: table2Schema } } },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        if (!cataloguePolicy.read(request.staff!, org)) throw forbidden();
        return { year: request.query.year, ...(await computeTable2Section1(db, org.id, request.query.year)) };
      },
    );

    app.post(
      '/catalogue/table2',
      { schema: { tags, summary: '将表二第二十条第（一）项写入该年度报告草稿（新版本）', body: z.object({ year: z.number().int().min(2021).max(2100) }), response: { 200: table2Schema.extend({ reportId: z.number(), version: z.number() }) } } },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        const r = await storeTable2Section1(db, ctx(request), org.id, request.body.year);
        return { year: request.body.year, reportId: r.reportId, version: r.version, ...r.counts };
      },
    );
  };
}
