// Reading a 12345 export in a worker process (core/isolate/read-upload.ts), as every uploaded workbook
// is read: a file that would take minutes or gigabytes to unpack costs a worker, never the server.
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { siblingModule } from '../../core/isolate/module-url.ts';
import { readUploadInWorker } from '../../core/isolate/read-upload.ts';
import type { ParsedHotline } from './parse.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse');

/** The parsed export, or a DomainError (4xx) saying why the file cannot be read; BUSY when the queue is full. */
export const parseHotlineIsolated = (content: Buffer, limits?: IsolateLimits): Promise<ParsedHotline> =>
  readUploadInWorker<ParsedHotline>(PARSE_MODULE, 'parseHotlineInWorker', content, '12345 工单文件', limits);
