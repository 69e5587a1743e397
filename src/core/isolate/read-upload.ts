// An uploaded workbook or document read in a worker process by a module's `…InWorker(content)`
// function, which answers { parsed } or { refused: reason } — the same for every ledger import: a file
// that would take minutes or gigabytes to unpack costs a worker, never the server, and comes back as a
// 4xx DomainError in Chinese naming the limit it passed; BUSY when the queue is full.
import { loadConfig } from '../config.ts';
import { busy, invalid } from '../errors.ts';
import { IsolateError, unreadableReason } from './errors.ts';
import type { IsolateLimits } from './limits.ts';
import { sharedIsolatePool } from './shared.ts';

export type WorkerReading<T> = { parsed: T } | { refused: string };

/** Runs `fn` of `module` (siblingModule) on the content in the shared pool; `what` names the file in errors (台账, 文件). */
export async function readUploadInWorker<T>(module: string, fn: string, content: Buffer, what: string, limits: IsolateLimits = loadConfig().documentLimits): Promise<T> {
  let result: WorkerReading<T>;
  try {
    result = await sharedIsolatePool(limits).run<(content: Buffer) => Promise<WorkerReading<T>>>(module, fn, [content]);
  } catch (e) {
    if (!(e instanceof IsolateError)) throw e;
    if (e.kind === 'busy') throw busy('系统正忙：正在读取其他用户上传的文件，请稍后再试');
    throw invalid(`无法读取${what}：${unreadableReason(e)}`);
  }
  if ('refused' in result) throw invalid(result.refused);
  return result.parsed;
}
