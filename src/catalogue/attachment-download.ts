// Sending an attachment: the type recorded from its magic bytes, always as a download (never
// rendered inline in the site's origin), with the original file name (RFC 6266 / RFC 5987).
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../core/http/file-names.ts';
import type { Attachment } from './model.ts';

export function sendFile(reply: FastifyReply, a: Pick<Attachment, 'fileName' | 'mediaType' | 'sha256'>, content: Buffer) {
  return reply
    .header('content-type', a.mediaType)
    .header('content-disposition', attachmentHeader(a.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${a.sha256}"`)
    .header('cache-control', 'private, max-age=3600')
    .send(content);
}
