// The draft as a file (征求意见稿附件): recognized by its first bytes, never by the name the uploader
// gave it, so the portal serves it with a true type.
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const ZIP = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex'));
const KINDS: { test: (b: Buffer) => boolean; mediaType: string; extensions: readonly string[] }[] = [
  { test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', mediaType: 'application/pdf', extensions: ['pdf'] },
  { test: ZIP, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { test: ZIP, mediaType: 'application/ofd', extensions: ['ofd'] },
  { test: (b) => b.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')), mediaType: 'application/msword', extensions: ['doc'] },
];

/** The media type of an accepted file, or a Chinese reason for refusing it. */
export function attachmentType(fileName: string, content: Buffer): { mediaType: string } | { error: string } {
  if (content.length === 0) return { error: '上传的文件是空文件' };
  if (content.length > MAX_ATTACHMENT_BYTES) return { error: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.extensions.includes(ext) && k.test(content));
  if (!kind) return { error: '征求意见稿文件应为 PDF、OFD 或 Word（.doc/.docx），且文件内容与扩展名相符' };
  return { mediaType: kind.mediaType };
}
