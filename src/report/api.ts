// JSON API of the annual report: stored reports of the current organization (list, create, get,
// new version, publish, export, import) and two stateless routes that other systems use to
// check and render a report in canonical JSON. Schema → authorize → command → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../orgs/context.ts';
import type { Database } from '../core/db/database.ts';
import { invalid, notFound, renderingFile } from '../core/errors.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import type { AppDeps } from '../core/http/deps.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { canEnterOrg } from '../orgs/staff/scope.ts';
import { findOrgByCode } from '../orgs/store.ts';
import type { Organization } from '../orgs/model.ts';
import { createReport, importReport, narrativeSchema, publishReport, reportYearSchema, saveReportVersion, saveVersionSchema } from './commands.ts';
import { toCanonicalJson } from './model/canonical-json.ts';
import { canonicalNarrative } from './model/report.ts';
import { REPORT_FORMATS } from './model/layout.ts';
import { parseReport } from './model/parse.ts';
import type { AnnualReport } from './model/report.ts';
import { RENDER_MEDIA_TYPES, RENDER_TARGETS, renderReport } from './render/render.ts';
import { validateReport } from './rules/validate.ts';
import type { Finding } from './rules/rule.ts';
import { findingSchema, presentFinding, presentListItem, presentReport, presentVersion, presentVersionInfo } from './present.ts';
import './scope.ts';
import { findReportById, findVersion, listReportsOfOrg, listVersions, REPORT_STATUSES, TABLE_SOURCES, VERSION_ORIGINS } from './store.ts';
import { attachmentHeader } from '../core/http/file-names.ts';

// ── Schemas ─────────────────────────────────────────────────────────────────

const canonicalJson = z
  .record(z.string(), z.unknown())
  .describe('年度报告 canonical JSON（schema 为 gongkai.annual-report/1，键见 spec/annual-report-json.md）');

const reportSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  year: z.number(),
  format: z.enum(REPORT_FORMATS as ['2019', '2021']),
  status: z.enum(REPORT_STATUSES),
  statusText: z.string(),
  currentVersion: z.number(),
  publishedVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

const listItemSchema = reportSchema.extend({ errorCount: z.number(), warningCount: z.number(), imported: z.boolean() });

const sourcesSchema = z.object({ table2: z.enum(TABLE_SOURCES), table3: z.enum(TABLE_SOURCES), table4: z.enum(TABLE_SOURCES) });

const versionInfoSchema = z.object({
  version: z.number(),
  origin: z.enum(VERSION_ORIGINS),
  sources: sourcesSchema,
  errorCount: z.number(),
  warningCount: z.number(),
  sourceName: z.string().nullable(),
  contentHash: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  note: z.string(),
});

const versionSchema = versionInfoSchema.extend({
  report: canonicalJson,
  narrative: z.record(z.string(), z.string()),
  findings: z.array(findingSchema),
});

const detailSchema = z.object({ report: reportSchema, version: versionSchema, versions: z.array(versionInfoSchema) });
const savedSchema = z.object({ report: reportSchema, version: versionSchema });
const checkedSchema = z.object({ findings: z.array(findingSchema), errors: z.number(), warnings: z.number() });

const reportIdParams = z.object({ reportId: z.string() });
const versionQuery = z.object({ version: z.coerce.number({ error: '版本号应为数字' }).int().min(1).optional() });
const exportQuery = versionQuery.extend({
  published: z.enum(['true', 'false', '1', '0']).optional().describe('true：导出已发布的版本'),
});

// ── Helpers ─────────────────────────────────────────────────────────────────

function parsedReport(value: unknown, what = 'report'): AnnualReport {
  const r = parseReport(value);
  if (!r.ok) throw invalid(`${what} 不是有效的年度报告数据：${r.errors.join('；')}`, { errors: r.errors });
  return r.report;
}

/** The body of check and render: the report itself, or { report, previous?, narrative?, title? }. */
function unwrap(body: Record<string, unknown>): { report: AnnualReport; previous: AnnualReport | null; narrative: Record<string, string> | null; title?: string } {
  if ('schema' in body || !('report' in body)) return { report: parsedReport(body), previous: null, narrative: null };
  const narrative = body.narrative === undefined || body.narrative === null ? null : narrativeSchema.parse(body.narrative);
  const title = body.title === undefined ? undefined : z.string().max(200).parse(body.title);
  return {
    report: parsedReport(body.report),
    previous: body.previous === undefined || body.previous === null ? null : parsedReport(body.previous, 'previous'),
    narrative: narrative && Object.values(narrative).some((t) => t?.trim()) ? (narrative as Record<string, string>) : null,
    ...(title ? { title } : {}),
  };
}

const summarize = (findings: Finding[]) => {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings: findings.map(presentFinding), errors, warnings: findings.length - errors };
};

/** The organization a request works on: an explicit code within reach, else the session's. */
async function targetOrg(db: Database, staff: Staff, orgCode: string | undefined): Promise<Organization> {
  if (!orgCode) return currentOrg(db, staff);
  const org = await findOrgByCode(db, orgCode);
  if (!org || !canEnterOrg(staff, org)) throw notFound(`机构（代码 ${orgCode}）`);
  return org;
}


// ── Routes ──────────────────────────────────────────────────────────────────

export function reportApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['年度报告'];

    async function detail(reportId: number, version?: number) {
      const stored = (await findReportById(db, reportId))!;
      const v = await findVersion(db, reportId, version ?? stored.currentVersion);
      if (!v) throw notFound(`第 ${version} 版`);
      return { report: presentReport(stored), version: presentVersion(v), versions: (await listVersions(db, reportId)).map(presentVersionInfo) };
    }

    app.get('/reports', { schema: { tags, summary: '当前机构的年度报告', response: { 200: z.array(listItemSchema) } } }, async (request) => {
      const org = await currentOrg(db, request.staff!);
      return (await listReportsOfOrg(db, org.id)).map(presentListItem);
    });

    app.post(
      '/reports',
      {
        schema: {
          tags,
          summary: '新建年度报告（各表为 0，格式按年度）',
          body: z.object({ year: reportYearSchema, orgCode: z.string().optional().describe('默认为当前机构') }),
          response: { 201: savedSchema },
        },
      },
      async (request, reply) => {
        const org = await targetOrg(db, request.staff!, request.body.orgCode);
        const { report, version } = await createReport(db, staffContext(request.staff!, request.id), { orgId: org.id, year: request.body.year });
        return reply.status(201).send({ report: presentReport(report), version: presentVersion(version) });
      },
    );

    app.post(
      '/reports/check',
      {
        schema: {
          tags,
          summary: '检查年度报告（不保存）：canonical JSON，或 { report, previous?, narrative? }，返回检查结果',
          body: canonicalJson,
          response: { 200: checkedSchema },
        },
      },
      async (request) => {
        const { report, previous, narrative } = unwrap(request.body);
        return summarize(validateReport(report, { previous, narrative }));
      },
    );

    app.post(
      '/reports/render',
      {
        schema: {
          tags,
          summary: '按国家格式生成年度报告文件（不保存）：canonical JSON，或 { report, narrative?, title? }',
          querystring: z.object({ to: z.enum(RENDER_TARGETS, { error: `to 应为 ${RENDER_TARGETS.join('、')} 之一` }) }),
          body: canonicalJson,
        },
      },
      async (request, reply) => {
        const { report, narrative, title } = unwrap(request.body);
        const to = request.query.to;
        const file = await renderingFile(`年度报告 ${to.toUpperCase()} 文件`, () => renderReport({ report, ...(narrative ? { narrative } : {}), ...(title ? { title } : {}) }, to));
        return reply
          .type(RENDER_MEDIA_TYPES[to])
          .header('content-disposition', attachmentHeader(`${report.agency ?? 'report'}-${report.year}.${to}`))
          .send(file);
      },
    );

    app.post(
      '/reports/import',
      {
        schema: {
          tags,
          summary: '导入年度报告（canonical JSON，照原样保存并记录检查结果；已有同年度报告则保存为新版本）',
          querystring: z.object({
            orgCode: z.string().optional().describe('默认为当前机构'),
            note: z.string().max(500).optional(),
            sourceName: z.string().max(500).optional().describe('原文的文件名或网址'),
          }),
          body: canonicalJson,
          response: { 201: savedSchema.extend({ created: z.boolean(), unchanged: z.boolean() }) },
        },
      },
      async (request, reply) => {
        const org = await targetOrg(db, request.staff!, request.query.orgCode);
        const result = await importReport(db, staffContext(request.staff!, request.id), {
          orgId: org.id,
          report: parsedReport(request.body, '导入的报告'),
          note: request.query.note ?? '',
          sourceName: request.query.sourceName ?? null,
        });
        return reply
          .status(201)
          .send({ report: presentReport(result.report), version: presentVersion(result.version), created: result.created, unchanged: result.unchanged });
      },
    );

    app.get(
      '/reports/:reportId',
      { schema: { tags, summary: '年度报告：当前版本（或 ?version=N）、检查结果和版本列表', params: reportIdParams, querystring: versionQuery, response: { 200: detailSchema } } },
      async (request) => detail(Number(request.params.reportId), request.query.version),
    );

    app.put(
      '/reports/:reportId',
      {
        schema: {
          tags,
          summary: '保存为新版本（表格 canonical JSON、正文、各表来源、修改说明）',
          params: reportIdParams,
          body: saveVersionSchema.extend({ report: canonicalJson }),
          response: { 200: savedSchema },
        },
      },
      async (request) => {
        const { report, version } = await saveReportVersion(db, staffContext(request.staff!, request.id), Number(request.params.reportId), request.body);
        return { report: presentReport(report), version: presentVersion(version) };
      },
    );

    app.post(
      '/reports/:reportId/publish',
      {
        schema: {
          tags,
          summary: '发布当前版本（机关负责人或系统管理员）；已发布过的报告再次发布是修订：须填修订说明，公开门户公示修订日期、说明和此前的版本',
          params: reportIdParams,
          body: z
            .object({
              version: z.number().int().min(1).optional().describe('期望发布的版本；已有更新的版本时返回 409'),
              revisionNote: z.string().max(500).optional().describe('修订说明：报告已发布过时必填，公开门户公示'),
              confirm: z.boolean().optional().describe('确认：当前版本有错误或警告时，以及替换已发布的版本时，须为 true'),
            })
            .nullish(),
          response: { 200: reportSchema },
        },
      },
      async (request) => {
        const { version: expected, revisionNote, confirm } = request.body ?? {};
        const report = await publishReport(db, staffContext(request.staff!, request.id), Number(request.params.reportId), {
          ...(expected ? { expectedVersion: expected } : {}),
          ...(revisionNote !== undefined ? { revisionNote } : {}),
          confirmed: confirm === true,
        });
        return presentReport(report);
      },
    );

    app.get(
      '/reports/:reportId/export',
      { schema: { tags, summary: '导出为 canonical JSON（当前版本；?version=N 或 ?published=true）', params: reportIdParams, querystring: exportQuery } },
      async (request, reply) => {
        const stored = (await findReportById(db, Number(request.params.reportId)))!;
        const published = request.query.published === 'true' || request.query.published === '1';
        const number = published ? stored.publishedVersion : (request.query.version ?? stored.currentVersion);
        if (number === null) throw notFound('已发布的版本');
        const v = await findVersion(db, stored.id, number);
        if (!v) throw notFound(`第 ${number} 版`);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', attachmentHeader(`report-${stored.year}-v${v.version}.json`))
          .send(toCanonicalJson(v.report, canonicalNarrative(v.narrative)));
      },
    );
  };
}
