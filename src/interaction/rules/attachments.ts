// Attachments to a message, checked as the application form's are (src/applications/portal.ts): at most
// 2 files of 5 MB, PDF, JPG, PNG, DOC or DOCX, the content matching the extension. Pure.
import { createHash } from 'node:crypto';

export const ATTACHMENT_RULES = { maxFiles: 2, maxBytes: 5 * 1024 * 1024, extensions: ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx'] } as const;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  png: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  jpg: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  jpeg: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  docx: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  doc: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
};
const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword',
};

export interface CheckedAttachment {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

/** The files chosen (empty file inputs left out), or the Chinese message of the first problem. */
export function checkAttachments(files: readonly { fileName: string; content: Buffer }[]): { attachments: CheckedAttachment[]; error: string | null } {
  const chosen = files.filter((f) => f.content.length > 0);
  if (chosen.length > ATTACHMENT_RULES.maxFiles) return { attachments: [], error: `最多上传 ${ATTACHMENT_RULES.maxFiles} 个附件` };
  const out: CheckedAttachment[] = [];
  for (const f of chosen) {
    const ext = (f.fileName.split('.').pop() ?? '').toLowerCase();
    if (f.content.length > ATTACHMENT_RULES.maxBytes) return { attachments: [], error: `附件“${f.fileName}”超过 5 MB` };
    if (!(ATTACHMENT_RULES.extensions as readonly string[]).includes(ext)) return { attachments: [], error: `附件“${f.fileName}”的类型不支持，请上传 PDF、JPG、PNG、DOC 或 DOCX 文件` };
    if (!MAGIC[ext]!(f.content)) return { attachments: [], error: `附件“${f.fileName}”的内容与文件类型不符` };
    out.push({ fileName: f.fileName, contentType: MEDIA_TYPES[ext]!, content: f.content, sha256: createHash('sha256').update(f.content).digest('hex') });
  }
  return { attachments: out, error: null };
}
