// Reading a 台账 workbook in a worker process (core/isolate/read-upload.ts), as every uploaded document
// is read: a workbook that would take minutes or gigabytes to unpack costs a worker, never the server,
// and becomes an error of the import with the limit it passed.
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { siblingModule } from '../../core/isolate/module-url.ts';
import { readUploadInWorker } from '../../core/isolate/read-upload.ts';
import type { ParsedLedger } from './model.ts';

const PARSE_MODULE = siblingModule(import.meta.url, './parse');

/** The parsed ledger, or a DomainError (4xx) saying why the file cannot be read; BUSY when the queue is full. */
export const parseLedgerIsolated = (content: Buffer, limits?: IsolateLimits): Promise<ParsedLedger> =>
  readUploadInWorker<ParsedLedger>(PARSE_MODULE, 'parseLedgerInWorker', content, '台账', limits);
