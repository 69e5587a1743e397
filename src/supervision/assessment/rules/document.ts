// An evidence file (佐证材料) as kept: recognized by its first bytes, never by the name alone, so a
// download is served with a true type. PDF, OFD, Word, Excel, images; at most 20 MB.
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const ZIP = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex'));
const OLE = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));
const KINDS: { test: (b: Buffer) => boolean; mediaType: string; extensions: readonly string[] }[] = [
  { test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', mediaType: 'application/pdf', extensions: ['pdf'] },
  { test: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')), mediaType: 'image/png', extensions: ['png'] },
  { test: ZIP, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { test: ZIP, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { test: ZIP, mediaType: 'application/ofd', extensions: ['ofd'] },
  { test: OLE, mediaType: 'application/msword', extensions: ['doc'] },
  { test: OLE, mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
];

/** The media type of an accepted file, or a Chinese reason for refusing it. */
export function evidenceDocumentType(fileName: string, content: Buffer): { mediaType: string } | { error: string } {
  if (content.length === 0) return { error: '上传的佐证材料是空文件' };
  if (content.length > MAX_EVIDENCE_BYTES) return { error: `佐证材料不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` };
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.extensions.includes(ext) && k.test(content));
  if (!kind) return { error: '佐证材料应为 PDF、OFD、Word、Excel 或图片（.jpg/.png），且文件内容与扩展名相符' };
  return { mediaType: kind.mediaType };
}
