// Attachments are checked by what they are, not by what they are called (条例第二十四条：
// 查阅、下载): PDF, Word (.docx), Excel (.xlsx) and PNG/JPEG/GIF images, recognised by their
// magic bytes; the file name's extension must agree with the content.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mediaType: 'image/gif', extensions: ['gif'] },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The names stored in a ZIP (Office Open XML) container, from its local file headers. */
function zipEntryNames(b: Uint8Array): string[] {
  const names: string[] = [];
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 30 < buf.length && names.length < 2000; ) {
    if (buf.readUInt32LE(i) !== 0x04034b50) break;
    const compressed = buf.readUInt32LE(i + 18);
    const nameLength = buf.readUInt16LE(i + 26);
    const extraLength = buf.readUInt16LE(i + 28);
    const flags = buf.readUInt16LE(i + 6);
    names.push(buf.toString('utf8', i + 30, i + 30 + nameLength));
    if (flags & 0x08) break; // sizes follow the data: stop at the names read so far
    i += 30 + nameLength + extraLength + compressed;
  }
  // Fall back to the central directory names anywhere in the file.
  if (!names.some((n) => n.startsWith('word/') || n.startsWith('xl/'))) {
    const text = buf.toString('latin1');
    if (text.includes('word/document.xml')) names.push('word/document.xml');
    if (text.includes('xl/workbook.xml')) names.push('xl/workbook.xml');
  }
  return names;
}

/** What the bytes are, or null for anything else. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length < 8) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? '').toLowerCase();

/** A file name safe to store and to send back: no paths, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F"<>|:*?]/g, '').trim();
  return clean.length > 120 ? clean.slice(0, 100) + clean.slice(clean.lastIndexOf('.')) : clean;
}

/** Checks an upload; returns its kind or the reason it is refused (in Chinese). */
export function checkAttachment(fileName: string, bytes: Uint8Array): { kind: FileKind } | { problem: string } {
  if (!cleanFileName(fileName)) return { problem: '请选择要上传的文件' };
  if (bytes.length === 0) return { problem: '文件是空的' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { problem: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  const kind = sniffFileKind(bytes);
  if (!kind) return { problem: '只能上传 PDF、Word（.docx）、Excel（.xlsx）文件和 PNG、JPEG、GIF 图片' };
  const ext = extensionOf(fileName);
  if (!(FILE_KINDS[kind].extensions as readonly string[]).includes(ext)) {
    return { problem: `文件内容是 ${kind.toUpperCase()}，但扩展名是“.${ext || '（无）'}”，请核对后重新上传` };
  }
  return { kind };
}
