// parseDocument in a worker process (src/core/isolate): a document that would take minutes or
// gigabytes to read — a mutated PDF, a zip bomb — costs a worker, never the server or the
// command, and becomes an unreadable outcome with the limit it passed; the rest of a batch goes
// on. Used by every import (the API, the console upload, `gongkai import`) and `gongkai report parse`.
import { loadConfig } from '../core/config.ts';
import { busy } from '../core/errors.ts';
import { IsolateError } from '../core/isolate/errors.ts';
import { secondsText, type IsolateLimits } from '../core/isolate/limits.ts';
import { siblingModule } from '../core/isolate/module-url.ts';
import type { IsolatePool } from '../core/isolate/pool.ts';
import { sharedIsolatePool } from '../core/isolate/shared.ts';
import { contentHash, type ParseOutcome } from './parse-document.ts';
import type * as ParseModule from './parse-document.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse-document');

/** The reason a document past a limit is unreadable (Chinese, shown per file). */
export function limitReason(e: IsolateError): string {
  switch (e.kind) {
    case 'timeout':
      return `读取超时（超过 ${secondsText(e.limits.timeoutMs)}），文件可能已损坏或结构异常`;
    case 'memory':
      return `读取所需内存过大（超过 ${e.limits.maxMemoryMb} MB），文件可能已损坏或结构异常`;
    default:
      return `读取时出现内部错误（${e.message}），请报告此文件`;
  }
}

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
    return { kind: 'unreadable', reason: limitReason(e), contentHash: contentHash(bytes) };
  }
}
