// Reading a 双公示 export in a worker process (core/isolate/read-upload.ts), as every uploaded document
// is read: a workbook that would take minutes or gigabytes to unpack costs a worker, never the server.
import type { IsolateLimits } from '../core/isolate/limits.ts';
import { siblingModule } from '../core/isolate/module-url.ts';
import { readUploadInWorker } from '../core/isolate/read-upload.ts';
import type { ParsedDecisions } from './model.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse');

/** The rows of the file, or a DomainError (4xx) saying why it cannot be read; BUSY when the queue is full. */
export const parseDecisionsIsolated = (content: Buffer, limits?: IsolateLimits): Promise<ParsedDecisions> =>
  readUploadInWorker<ParsedDecisions>(PARSE_MODULE, 'parseDecisionsInWorker', content, '文件', limits);
