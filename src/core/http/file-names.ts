// File names that come from outside (uploads) and go out again (downloads). An uploaded name is
// kept for people to read, never trusted: `scan"; filename*=UTF-8''invoice.hta; x=".png` must not
// become a different name in a staff member's browser. Every download's Content-Disposition is
// written by the maintained content-disposition package (an ASCII fallback and the RFC 5987
// UTF-8 name) from a name cleaned here.
import { create as contentDisposition } from 'content-disposition';

const MAX_LENGTH = 200;

/**
 * The name to store and to offer: the last path segment, NFC, without control characters, quotes,
 * backslashes or slashes, white space collapsed, at most 200 characters (the extension kept).
 * Empty when nothing usable is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length <= MAX_LENGTH) return clean;
  const ext = /\.[^.\s]{1,10}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, MAX_LENGTH - ext.length) + ext;
}

/** The refusal of a file whose name cannot be read (a malformed or empty name in its header). */
export const UNNAMED_FILE = '上传的文件名无法识别，请将文件改为常规的名称（如“申请材料.pdf”）后重新上传';

/**
 * `attachment; filename="…"; filename*=UTF-8''…` for a download named `name`; `ascii` is the
 * plain name for old clients (default: the name with its other characters as "?").
 */
export function attachmentHeader(name: string, ascii?: string): string {
  const fallback = ascii === undefined ? true : cleanFileName(ascii).replace(/[^\x20-\x7e]/g, '_') || 'download';
  return contentDisposition(cleanFileName(name) || 'download', { type: 'attachment', fallback });
}
