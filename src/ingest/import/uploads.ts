// Uploading published reports (HTML, text, PDF, Word) through the API and the console: the same
// import as `gongkai import` (src/ingest/import), one or more files in a multipart form, with the
// result per file. Administrators and supervisors import for the organizations of their region;
// agencies no organization matches are created under the uploader's organization.
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseMultipart, type UploadedFile } from '../catalogue/console/multipart.ts';
import type { CommandContext } from '../core/context.ts';
import type { Database } from '../core/db/database.ts';
import { invalid } from '../core/errors.ts';
import { IMPORTABLE_EXTENSIONS, type ImportFile } from '../ingest/import/files.ts';
import { IMPORT_STATUS_LABELS, importDocuments, type ImportItem, type ImportStatus } from '../ingest/import/run.ts';
import type { Staff } from '../staff/model.ts';
import { hasRole } from '../staff/scope.ts';
import { presentFinding } from './present.ts';

/** At most this many documents per upload, and this many bytes in all (a PDF may be up to 60 MB). */
export const MAX_UPLOAD_FILES = 20;
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Who sees the upload at all; the organizations it reaches are checked per file (policy importPublished). */
export const mayImportDocuments = (s: Staff) => hasRole(s, 'admin', 'supervisor');

/**
 * Lets the routes of `app` take multipart forms of documents (the catalogue's parser). That parser
 * keeps one value per field name, so a form naming two files alike is refused rather than losing one.
 */
export function acceptDocumentUploads(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (request, body, done) => {
    try {
      const contentType = String(request.headers['content-type'] ?? '');
      const fields = parseMultipart(body as Buffer, contentType);
      const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
      // the boundary never occurs inside a part, so its count is the number of parts
      let parts = 0;
      if (boundary) {
        const delimiter = Buffer.from(`--${boundary}\r\n`);
        for (let at = (body as Buffer).indexOf(delimiter); at !== -1; at = (body as Buffer).indexOf(delimiter, at + delimiter.length)) parts++;
      }
      if (parts > Object.keys(fields).length) {
        throw invalid('表单中有同名的字段：每个文件请使用不同的字段名（如 file1、file2…）');
      }
      done(null, fields);
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}

/** The uploaded documents of a parsed form, in the order sent, as files to import. */
export function uploadedDocuments(body: unknown): ImportFile[] {
  const values = Object.values((body ?? {}) as Record<string, string | UploadedFile>);
  const files = values.filter((v): v is UploadedFile => typeof v === 'object' && v !== null && Buffer.isBuffer(v.content) && v.content.length > 0);
  if (files.length === 0) throw invalid(`请选择要导入的报告文件（${IMPORTABLE_EXTENSIONS.join('、')}）`);
  if (files.length > MAX_UPLOAD_FILES) throw invalid(`一次最多导入 ${MAX_UPLOAD_FILES} 个文件`);
  return files.map((f) => {
    const name = basename(f.fileName.replace(/\\/g, '/')) || '未命名';
    const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
    const supported = (IMPORTABLE_EXTENSIONS as readonly string[]).includes(ext);
    return { path: name, content: f.content, problem: supported ? null : `不支持的文件类型（支持 ${IMPORTABLE_EXTENSIONS.join('、')}）` };
  });
}

/** The text fields of the form: the target organization, draft, organization creation. */
export function uploadOptions(body: unknown): { orgCode?: string; draft: boolean; createOrgs: boolean } {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  const yes = (k: string) => ['1', 'true', 'on', 'yes'].includes(text(k).toLowerCase());
  return { ...(text('orgCode') ? { orgCode: text('orgCode') } : {}), draft: yes('draft'), createOrgs: text('createOrgs') === '' || yes('createOrgs') };
}

export async function importUploadedDocuments(db: Database, ctx: CommandContext, body: unknown) {
  const files = uploadedDocuments(body);
  return importDocuments(db, ctx, files, uploadOptions(body));
}

/** What the API shows of one file's import. */
export function presentImportItem(i: ImportItem) {
  return {
    file: i.path,
    status: i.status,
    statusText: IMPORT_STATUS_LABELS[i.status],
    reason: i.message,
    organization: i.orgCode ? { code: i.orgCode, name: i.orgName ?? '', created: i.orgCreated ?? false } : null,
    year: i.year ?? null,
    reportId: i.reportId ?? null,
    published: i.published ?? false,
    errors: i.errors ?? 0,
    warnings: i.warnings ?? 0,
    findings: (i.findings ?? []).map(presentFinding),
  };
}

export function importSummary(items: ImportItem[]): Record<ImportStatus, number> {
  const count = (s: ImportStatus) => items.filter((i) => i.status === s).length;
  return { imported: count('imported'), unchanged: count('unchanged'), 'not-a-report': count('not-a-report'), failed: count('failed') };
}
