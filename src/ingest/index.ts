// The import of published annual reports (issue 4): the public API.
//
//   const outcome = await parseDocument(bytes, 'report.html');
//   outcome.kind === 'report'       → outcome.report (canonical form), provenance, findings, detected, contentHash
//   outcome.kind === 'not-a-report' → outcome.reason (Chinese)
//   outcome.kind === 'unreadable'   → outcome.reason (Chinese)
//   parseDocumentIsolated(bytes, name): the same in a worker process under time and memory limits
//   (what every import and `report parse` use: a document past them is unreadable with the limit)
export { parseDocumentIsolated } from './isolated-parse.ts';
export { parseDocument, contentHash, type ParseOutcome, type ParsedReport, type Detected } from './parse-document.ts';
export { explainOutcome } from './explain.ts';
export { CONFIDENCE_LABELS, type CellProvenance, type Confidence } from './provenance.ts';
export { INGEST_RULES, type IngestRuleId } from './findings.ts';
export type { NarrativeFact, FactKey } from './narrative/facts.ts';
export type { FileType, SourceRef } from './read/document.ts';
export { describeSource } from './read/document.ts';
