// Text of an attachment, for search and for the confidentiality check (issue 6: “in the body and
// in attachments' text”). Read in a worker process (src/core/isolate) under the configured limits,
// so that a malformed PDF or a zip bomb costs a worker, not the server: one past its time or memory
// limit gives no text, like any file that cannot be read (the upload itself was checked by its
// magic bytes). A full queue of documents to read refuses the upload (503 系统正忙).
import { loadConfig } from '../core/config.ts';
import { busy } from '../core/errors.ts';
import { IsolateError } from '../core/isolate/errors.ts';
import type { IsolateLimits } from '../core/isolate/limits.ts';
import { siblingModule } from '../core/isolate/module-url.ts';
import { sharedIsolatePool } from '../core/isolate/shared.ts';
import type * as Readers from './attachment-readers.ts';
import type { FileKind } from './rules/file-type.ts';

const READERS = siblingModule(import.meta.url, './attachment-readers');
const HAS_TEXT: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'xlsx']);

export async function extractAttachmentText(kind: FileKind, bytes: Uint8Array, limits: IsolateLimits = loadConfig().documentLimits): Promise<string> {
  if (!HAS_TEXT.has(kind)) return '';
  try {
    return await sharedIsolatePool(limits).run<typeof Readers.readAttachmentText>(READERS, 'readAttachmentText', [kind, bytes]);
  } catch (e) {
    if (!(e instanceof IsolateError)) throw e;
    if (e.kind === 'busy') throw busy('系统正忙：正在读取其他用户上传的文件，请稍后再试');
    return '';
  }
}
