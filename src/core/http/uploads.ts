// Forms with files (multipart/form-data), the one way every console and API route receives
// uploads: @fastify/multipart reads the form into memory before validation, and the route gets
// request.body = { field: 'text', fileField: { fileName, content } }. The CSRF token of such a
// form is inside it, so protectFromCsrf (csrf.ts) checks it once the form is read.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { DomainError, invalid } from '../errors.ts';
import { cleanFileName, UNNAMED_FILE } from './file-names.ts';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/** A multipart form as the route sees it. */
export type UploadForm = Record<string, string | UploadedFile>;

export interface UploadLimits {
  /** Bytes of one file. */
  maxFileBytes: number;
  /** Files in one form. */
  maxFiles: number;
  /** Bytes of all files together (default: maxFileBytes × maxFiles). */
  maxTotalBytes?: number;
}

const tooLarge = (what: string) => new DomainError('TOO_LARGE', `上传的${what}过大`);

/**
 * Lets the routes of `app` take multipart forms within the limits. A form that names two fields
 * alike is refused (one value would be lost), and so is one past a limit, with a Chinese message.
 */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  const maxTotal = limits.maxTotalBytes ?? limits.maxFileBytes * limits.maxFiles;
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 50, fieldSize: 1024 * 1024 } });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const form: UploadForm = {};
    let total = 0;
    try {
      for await (const part of request.parts()) {
        if (part.fieldname in form) throw invalid('表单中有同名的字段：每个文件请使用不同的字段名（如 file1、file2…）');
        if (part.type === 'file') {
          const content = await part.toBuffer();
          total += content.length;
          if (total > maxTotal) throw tooLarge('文件合计');
          const fileName = cleanFileName(part.filename ?? '');
          if (!fileName && content.length > 0) throw invalid(UNNAMED_FILE);
          form[part.fieldname] = { fileName, content };
        } else {
          form[part.fieldname] = String(part.value);
        }
      }
    } catch (e) {
      if (e instanceof DomainError) throw e;
      const { code, statusCode } = e as { code?: string; statusCode?: number };
      if (code === 'FST_FILES_LIMIT') throw new DomainError('TOO_LARGE', `一次最多上传 ${limits.maxFiles} 个文件`);
      if (statusCode === 413) throw tooLarge('文件');
      throw invalid(`上传的内容格式有误：${(e as Error).message}`);
    }
    request.body = form;
  });
}
