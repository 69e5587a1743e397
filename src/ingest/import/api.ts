// `POST /api/v1/reports/import-documents`: published annual reports (HTML, text, PDF, Word)
// uploaded as a multipart form and imported as `gongkai import` does (uploads.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../core/errors.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { staffContext } from '../../orgs/context.ts';
import { reportPolicy } from '../../report/policy.ts';
import { findingSchema } from '../../report/present.ts';
import { acceptDocumentUploads, importSummary, importUploadedDocuments, MAX_UPLOAD_FILES, presentImportItem } from './uploads.ts';

const importItemSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'unchanged', 'not-a-report', 'failed']).describe('imported 已导入；unchanged 已存在（同一文件此前已导入）；not-a-report 不是年度报告；failed 失败'),
  statusText: z.string(),
  reason: z.string().describe('结果说明或失败原因'),
  organization: z.object({ code: z.string(), name: z.string(), created: z.boolean() }).nullable(),
  year: z.number().nullable(),
  reportId: z.number().nullable(),
  published: z.boolean().describe('导入的版本已在公开门户发布'),
  errors: z.number(),
  warnings: z.number(),
  findings: z.array(findingSchema),
});
const importedDocumentsSchema = z.object({
  items: z.array(importItemSchema),
  summary: z.object({ imported: z.number(), unchanged: z.number(), 'not-a-report': z.number(), failed: z.number() }),
});

export function importDocumentApiRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['年度报告'];

    await acceptDocumentUploads(app);
    app.post(
      '/reports/import-documents',
      {
        schema: {
          tags,
          summary: `导入已公布的年度报告原文（multipart/form-data：1 至 ${MAX_UPLOAD_FILES} 个 .html/.htm/.txt/.pdf/.docx 文件，字段名各不相同；可选字段 orgCode 全部导入到该机构、draft=1 只保存为草稿、createOrgs=0 不新建机构）。与 gongkai import 相同：按文中机关名称匹配本机构及下级机构，没有相符的则在本机构下新建；照原样保存、记录检查结果并在公开门户发布（标注“导入”）。每个文件在独立的进程中读取，超过时间或内存上限的文件记为失败（其余文件照常导入）；待读取的文件排满时整个请求答复 503（系统正忙，请稍后再试）。系统管理员和监督员可用`,
          consumes: ['multipart/form-data'],
          response: { 200: importedDocumentsSchema },
        },
      },
      async (request) => {
        const staff = request.staff!;
        if (!reportPolicy.importDocuments(staff)) throw forbidden('只有系统管理员和监督员可以导入已公布的年度报告');
        const items = await importUploadedDocuments(db, staffContext(staff, request.id), request.body, config.documentLimits);
        return { items: items.map(presentImportItem), summary: importSummary(items) };
      },
    );
  };
}
