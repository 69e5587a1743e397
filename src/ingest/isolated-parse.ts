// parseDocument in a worker process (src/core/isolate): a document that would take minutes or
// gigabytes to read — a mutated PDF, a zip bomb — costs a worker, never the server or the
// command, and becomes an unreadable outcome with the limit it passed; the rest of a batch goes
// on. Used by every import (the API, the console upload, `gongkai import`) and `gongkai report parse`.
import { loadConfig } from '../core/config.ts';
import { busy } from '../core/errors.ts';
import { IsolateError, unreadableReason } from '../core/isolate/errors.ts';
import type { IsolateLimits } from '../core/isolate/limits.ts';
import { siblingModule } from '../core/isolate/module-url.ts';
import type { IsolatePool } from '../core/isolate/pool.ts';
import { sharedIsolatePool } from '../core/isolate/shared.ts';
import { contentHash, type ParseOutcome } from './parse-document.ts';
import type * as ParseModule from './parse-document.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse-document');

/**
 * Like parseDocument, in a worker under `limits` (by default those of the environment). A full
 * queue is a DomainError BUSY (503: "系统正忙…"), raised before anything was read.
 */
export function parseDocumentIsolated(
  bytes: Uint8Array,
  fileName: string,
  options: { validate?: boolean } = {},
  limits: IsolateLimits = loadConfig().documentLimits,
): Promise<ParseOutcome> {
  return parseDocumentIn(sharedIsolatePool(limits), bytes, fileName, options);
}

/** parseDocumentIsolated with a pool of one's own (bench/fuzz.ts). */
export async function parseDocumentIn(pool: IsolatePool, bytes: Uint8Array, fileName: string, options: { validate?: boolean } = {}): Promise<ParseOutcome> {
  try {
    return await pool.run<typeof ParseModule.parseDocument>(PARSE_MODULE, 'parseDocument', [bytes, fileName, options]);
  } catch (e) {
    if (!(e instanceof IsolateError)) throw e;
    if (e.kind === 'busy') throw busy('系统正忙：正在读取其他用户上传的文件，请稍后再试');
    return { kind: 'unreadable', reason: unreadableReason(e), contentHash: contentHash(bytes) };
  }
}
