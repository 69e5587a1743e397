// Files the public attaches to a form (an application, a message to an agency): how many, how large,
// of which types, and the content matching its extension by its first bytes. A Chinese message for the
// first problem, so that the form is shown again with it. Pure.
import { createHash } from 'node:crypto';
import { UNNAMED_FILE } from './file-names.ts';

/** The types accepted: documents and scans people have at hand. */
export const PUBLIC_ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx'] as const;

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

export interface PublicAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

/** The files chosen (empty file inputs left out), or the message of the first problem. */
export function checkPublicAttachments(
  files: readonly { fileName: string; content: Buffer; truncated?: boolean }[],
  limits: { maxFiles: number; maxBytes: number },
): { attachments: PublicAttachment[]; error: string | null } {
  const chosen = files.filter((f) => f.content.length > 0);
  // A file whose name could not be read (a malformed header) is refused, never dropped unnoticed.
  if (chosen.some((f) => !f.fileName)) return { attachments: [], error: UNNAMED_FILE };
  if (chosen.length > limits.maxFiles) return { attachments: [], error: `最多上传 ${limits.maxFiles} 个附件` };
  const attachments: PublicAttachment[] = [];
  for (const f of chosen) {
    const ext = (f.fileName.split('.').pop() ?? '').toLowerCase();
    if (f.truncated || f.content.length > limits.maxBytes) return { attachments: [], error: `附件“${f.fileName}”超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB` };
    if (!(PUBLIC_ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return { attachments: [], error: `附件“${f.fileName}”的类型不支持，请上传 PDF、JPG、PNG、DOC 或 DOCX 文件` };
    if (!MAGIC[ext]!(f.content)) return { attachments: [], error: `附件“${f.fileName}”的内容与文件类型不符` };
    attachments.push({ fileName: f.fileName, contentType: MEDIA_TYPES[ext]!, content: f.content, sha256: createHash('sha256').update(f.content).digest('hex') });
  }
  return { attachments, error: null };
}
