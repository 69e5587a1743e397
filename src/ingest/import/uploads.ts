// Uploading published reports (HTML, text, PDF, Word) in a multipart form, one or more files. The
// API imports them at once as `gongkai import` does, with the result per file: administrators and
// supervisors import for the organizations of their region; agencies no organization matches are
// created under the uploader's organization. The console reads the same files into a preview
// first (console.ts) and stores them once the user confirmed where each goes (confirm.ts).
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { acceptUploads, type UploadedFile, type UploadForm } from '../../core/http/uploads.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Database } from '../../core/db/database.ts';
import { invalid } from '../../core/errors.ts';
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { IMPORTABLE_EXTENSIONS, type ImportFile } from './files.ts';
import { IMPORT_STATUS_LABELS, importDocuments, type ImportItem, type ImportStatus } from './run.ts';
import { presentFinding } from '../../report/present.ts';

/** At most this many documents per upload, and this many bytes in all (a PDF may be up to 60 MB). */
export const MAX_UPLOAD_FILES = 20;
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Lets the routes of `app` take multipart forms of documents (one file per field name). */
export const acceptDocumentUploads = (app: FastifyInstance) =>
  acceptUploads(app, { maxFileBytes: MAX_UPLOAD_BYTES, maxFiles: MAX_UPLOAD_FILES, maxTotalBytes: MAX_UPLOAD_BYTES });

/** The uploaded documents of a parsed form, in the order sent, as files to import. */
export function uploadedDocuments(body: unknown): ImportFile[] {
  const values = Object.values((body ?? {}) as UploadForm);
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

/** Imports the form's documents, each read under `limits` (a full queue: 503 系统正忙). */
export async function importUploadedDocuments(db: Database, ctx: CommandContext, body: unknown, limits: IsolateLimits) {
  const files = uploadedDocuments(body);
  return importDocuments(db, ctx, files, { ...uploadOptions(body), limits });
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
