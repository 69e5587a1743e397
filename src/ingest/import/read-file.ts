// The first half of an import: one file read into a report (in a worker process under the
// configured limits, isolated-parse.ts), or the item saying why it cannot be imported. What is
// kept of a report is plain JSON, so the console can hold it in the database between the preview
// and the confirmation (staging.ts) and any app process can store it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import type { Narrative } from '../../report/rules/rule.ts';
import { parseDocumentIsolated } from '../isolated-parse.ts';
import type { ParsedReport } from '../parse-document.ts';
import type { ImportFile } from './files.ts';
import type { ImportItem } from './item.ts';

/** What storing and previewing need of the parser's result (no cell provenance, no narrative facts). */
export type ReadReport = Pick<ParsedReport, 'report' | 'findings' | 'detected' | 'contentHash'> & { narrative: { sections: Narrative } };

/** One file read: a report to store, or why not (failed, not a report). */
export type ReadFile = { path: string; parsed: ReadReport; item?: undefined } | { path: string; item: ImportItem; parsed?: undefined };

export interface ReadOptions {
  /** Limits of reading one document (the server's configuration; by default the environment's). */
  limits?: IsolateLimits;
  /** Run the validator too (the preview shows its findings); storing validates again in any case. */
  validate?: boolean;
}

/** Reads one file; a full queue of documents to read (BUSY) is thrown, before anything is stored. */
export async function readImportFile(file: ImportFile, opts: ReadOptions = {}): Promise<ReadFile> {
  const failed = (message: string): ReadFile => ({ path: file.path, item: { path: file.path, status: 'failed', message } });
  if (file.problem) return failed(file.problem);
  let bytes: Uint8Array;
  try {
    bytes = file.content ?? readFileSync(file.path);
  } catch (e) {
    return failed(`无法读取文件：${(e as Error).message}`);
  }
  const parsed = await parseDocumentIsolated(bytes, basename(file.path), { validate: opts.validate ?? false }, opts.limits);
  if (parsed.kind === 'unreadable') return failed(parsed.reason);
  if (parsed.kind === 'not-a-report') return { path: file.path, item: { path: file.path, status: 'not-a-report', message: parsed.reason } };
  return { path: file.path, parsed: keptOf(parsed) };
}

/** The part of a parse that is kept (a staged preview of twenty files stays small). */
export const keptOf = (p: ParsedReport): ReadReport => ({
  report: p.report,
  findings: p.findings,
  detected: p.detected,
  contentHash: p.contentHash,
  narrative: { sections: p.narrative.sections },
});

/** The year before first: its report is what the cross-year rules compare with (stable otherwise). */
export function inYearOrder<T extends { parsed: ReadReport }>(reports: readonly T[]): T[] {
  return reports
    .map((r, index) => ({ r, index }))
    .sort((a, b) => a.r.parsed.report.year - b.r.parsed.report.year || a.index - b.index)
    .map(({ r }) => r);
}
