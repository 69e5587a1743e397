// JSON API of the ledger import (/api/v1/applications/ledger…): the file travels base64-encoded in a
// JSON body, into the current organization of the session. 201 = imported, 200 = checked (dryRun)
// or nothing to do, 422 = errors per row and nothing written.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../../orgs/context.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import { currentOrg } from '../../orgs/staff/auth.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { applicationPolicy } from '../policy.ts';
import { importLedger, MAX_LEDGER_BYTES } from './import.ts';
import { listImports } from './store.ts';
import { ledgerTemplate, TEMPLATE_FILE_NAME } from './template.ts';
import { attachmentHeader } from '../../core/http/file-names.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const errorSchema = z.object({ sheet: z.string().nullable(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
const reportSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  dryRun: z.boolean(),
  ok: z.boolean().describe('true：全部行无误；false：有错误，未写入任何内容'),
  importId: z.number().nullable(),
  duplicateOf: z.object({ importId: z.number(), at: z.string(), actorName: z.string() }).nullable().describe('内容完全相同的文件此前已导入'),
  rowsRead: z.number(),
  created: z.number(),
  updated: z.number().describe('此前已导入、本次续办（如补充了答复）的案件数'),
  unchanged: z.number(),
  errors: z.array(errorSchema),
  messages: z.array(z.string()).describe('逐行错误，如“第5行「答复日期」：日期早于收到申请日期（2025-03-04）”'),
  warnings: z.array(z.string()),
  rows: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      status: z.enum(['created', 'updated', 'unchanged']),
      caseId: z.number().nullable(),
      receiptNo: z.string().nullable(),
      state: z.string(),
      steps: z.array(z.string()).optional(),
    }),
  ),
});

const importSchema = z.object({
  fileName: z.string().max(255).default('台账.xlsx'),
  contentBase64: z.string().min(1, { error: '请提供台账文件内容（base64）' }).max(Math.ceil((MAX_LEDGER_BYTES * 4) / 3) + 4, { error: `台账文件不能超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB` }),
  dryRun: z.boolean().default(false).describe('true：只检查、列出错误，不导入'),
});

export function ledgerApiRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['依申请公开'];

    app.post(
      '/applications/ledger',
      {
        bodyLimit: Math.ceil((MAX_LEDGER_BYTES * 4) / 3) + 64 * 1024,
        schema: {
          tags,
          summary: '导入依申请公开台账（.xlsx，base64）到当前机构：全部行无误才写入，逐行报告错误；dryRun 只检查；同一文件或已导入的行不会重复建案',
          body: importSchema,
          response: { 200: reportSchema, 201: reportSchema, 422: reportSchema },
        },
      },
      async (request, reply) => {
        const org = await currentOrg(db, request.staff!);
        const content = Buffer.from(request.body.contentBase64, 'base64');
        if (content.length === 0) throw invalid('台账文件内容不是有效的 base64');
        const report = await importLedger(db, staffContext(request.staff!, request.id), org.id, { fileName: request.body.fileName, content }, { dryRun: request.body.dryRun });
        return reply.status(!report.ok ? 422 : report.importId !== null ? 201 : 200).send(report);
      },
    );

    app.get(
      '/applications/ledger/imports',
      {
        schema: {
          tags,
          summary: '当前机构导入台账的记录',
          response: {
            200: z.array(z.object({ id: z.number(), fileName: z.string(), sha256: z.string(), rowsRead: z.number(), casesCreated: z.number(), casesUpdated: z.number(), rowsUnchanged: z.number(), actorName: z.string(), createdAt: z.string() })),
          },
        },
      },
      async (request) => {
        const org = await currentOrg(db, request.staff!);
        if (!applicationPolicy.read(request.staff!, org)) throw forbidden('只有依申请办理人、机关负责人和监督员可以查看依申请公开案件');
        return listImports(db, org.id, 100);
      },
    );

    app.get('/applications/ledger/template', { schema: { tags, summary: '下载依申请公开台账模板（.xlsx）' } }, async (_request, reply) =>
      reply.type(XLSX).header('content-disposition', attachmentHeader(TEMPLATE_FILE_NAME, 'ledger-template.xlsx')).send(await ledgerTemplate()),
    );
  };
}
