// Attachments to a message, checked as the application form's are (src/core/http/public-attachments.ts):
// at most 2 files of 5 MB, PDF, JPG, PNG, DOC or DOCX, the content matching the extension. Pure.
import { checkPublicAttachments, PUBLIC_ATTACHMENT_EXTENSIONS, type PublicAttachment } from '../../core/http/public-attachments.ts';

export const ATTACHMENT_RULES = { maxFiles: 2, maxBytes: 5 * 1024 * 1024, extensions: PUBLIC_ATTACHMENT_EXTENSIONS } as const;

export type CheckedAttachment = PublicAttachment;

/** The files chosen (empty file inputs left out), or the Chinese message of the first problem. */
export const checkAttachments = (files: readonly { fileName: string; content: Buffer; truncated?: boolean }[]) => checkPublicAttachments(files, ATTACHMENT_RULES);
