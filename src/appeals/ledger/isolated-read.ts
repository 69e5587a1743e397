// Reading a 复议诉讼台账 workbook in a worker process (src/core/isolate), as every uploaded document is
// read: a workbook that would take minutes or gigabytes to unpack costs a worker, never the server.
import { loadConfig } from '../../core/config.ts';
import { busy, invalid } from '../../core/errors.ts';
import { IsolateError, unreadableReason } from '../../core/isolate/errors.ts';
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { siblingModule } from '../../core/isolate/module-url.ts';
import { sharedIsolatePool } from '../../core/isolate/shared.ts';
import type { ParsedLedger } from './model.ts';
import type * as ParseModule from './parse.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse');

/** The parsed register, or a DomainError (4xx) saying why the file cannot be read; BUSY when the queue is full. */
export async function parseAppealLedgerIsolated(content: Buffer, limits: IsolateLimits = loadConfig().documentLimits): Promise<ParsedLedger> {
  let result: Awaited<ReturnType<typeof ParseModule.parseAppealLedgerInWorker>>;
  try {
    result = await sharedIsolatePool(limits).run<typeof ParseModule.parseAppealLedgerInWorker>(PARSE_MODULE, 'parseAppealLedgerInWorker', [content]);
  } catch (e) {
    if (!(e instanceof IsolateError)) throw e;
    if (e.kind === 'busy') throw busy('系统正忙：正在读取其他用户上传的文件，请稍后再试');
    throw invalid(`无法读取台账：${unreadableReason(e)}`);
  }
  if ('refused' in result) throw invalid(result.refused);
  return result.parsed;
}
