// A small multipart/form-data parser for the attachment upload form. The console checks the CSRF
// token before validation, so the form's fields must be parsed with the body (a content-type
// parser), not later in the handler; one file and a few text fields, read into memory.
import type { FastifyInstance } from 'fastify';
import { invalid } from '../../core/errors.ts';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

function headerParam(header: string, name: string): string | null {
  const star = new RegExp(`${name}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const quoted = new RegExp(`${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const bare = new RegExp(`${name}=([^;\\s]+)`).exec(header);
  return bare ? bare[1]! : null;
}

export function parseMultipart(body: Buffer, contentType: string): Record<string, string | UploadedFile> {
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) throw invalid('上传的内容格式有误（缺少 boundary）');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Record<string, string | UploadedFile> = {};
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
    start += 2; // CRLF
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // without the CRLF before the delimiter
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      // Browsers send non-ASCII file names as raw UTF-8 in the quoted filename.
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = headerParam(disposition, 'name');
      const fileName = headerParam(disposition, 'filename');
      if (name) out[name] = fileName !== null ? { fileName, content: Buffer.from(content) } : content.toString('utf8');
    }
    pos = next;
  }
  return out;
}

/** Lets the routes of `app` take multipart forms of up to `limit` bytes. */
export function acceptMultipart(app: FastifyInstance, limit: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: limit }, (request, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(request.headers['content-type'] ?? '')));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
