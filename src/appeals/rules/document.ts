// The decision document of an appeal (复议决定书、判决书、裁定书) as kept: recognized by its first
// bytes, never by the name the uploader gave it, so a download is served with a true type.
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const KINDS: { test: (b: Buffer) => boolean; mediaType: string; extensions: readonly string[] }[] = [
  { test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', mediaType: 'application/pdf', extensions: ['pdf'] },
  { test: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')), mediaType: 'image/png', extensions: ['png'] },
  { test: (b) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')), mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { test: (b) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')), mediaType: 'application/ofd', extensions: ['ofd'] },
  { test: (b) => b.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')), mediaType: 'application/msword', extensions: ['doc'] },
];

/** The media type of an accepted document, or a Chinese reason for refusing it. */
export function decisionDocumentType(fileName: string, content: Buffer): { mediaType: string } | { error: string } {
  if (content.length === 0) return { error: '上传的文书是空文件' };
  if (content.length > MAX_DOCUMENT_BYTES) return { error: `文书不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.extensions.includes(ext) && k.test(content));
  if (!kind) return { error: '文书应为 PDF、OFD、Word（.doc/.docx）或图片（.jpg/.png），且文件内容与扩展名相符' };
  return { mediaType: kind.mediaType };
}
