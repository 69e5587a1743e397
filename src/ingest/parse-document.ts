// parseDocument: one published document (bytes + file name) → an annual report
// in canonical form with the provenance of every cell and the findings of the
// parser and the validator; or "not an annual report"; or "unreadable", each
// with a Chinese reason. Deterministic: the same bytes always give the same result.
import { createHash } from 'node:crypto';
import { formatForYear, type ReportFormat } from '../report/model/layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport } from '../report/model/report.ts';
import type { Finding, Narrative } from '../report/rules/rule.ts';
import { validateReport } from '../report/rules/validate.ts';
import { NotAReportDocument, UnreadableDocument, type FileType, type SourceRef } from './read/document.ts';
import { documentTexts } from './read/document-texts.ts';
import { loadReaders, readDocument } from './read/read.ts';
import { detectTitle } from './detect/title.ts';
import { findSections } from './detect/sections.ts';
import { classify } from './detect/kind.ts';
import { findTableRows } from './map/find-table.ts';
import { mapTable2 } from './map/table2.ts';
import { mapTable3, otherRowAs2021 } from './map/table3.ts';
import { mapTable4 } from './map/table4.ts';
import { narrativeFacts, narrativeForRules, type NarrativeFact } from './narrative/facts.ts';
import { ingestFinding } from './findings.ts';
import type { CellProvenance } from './provenance.ts';

/** Run by a worker when it loads this module, outside any document's time limit (core/isolate/child.ts). */
export const warmUp = loadReaders;

export interface Detected {
  /** The year the report covers. */
  year: number;
  agency: string | null;
  /** The kind of file read. */
  format: FileType;
  /** Character encoding of a text or HTML file; null for PDF and Word. */
  encoding: string | null;
  /** The report layout (canonical `format`): 2019 for years up to 2020 or when the tables have that shape. */
  layout: ReportFormat;
  title: string | null;
  /** Chinese: where the year, the agency were read (标题, 落款, 发文机关, 统计期限…), with the position. */
  yearSource: string;
  agencySource: string | null;
}

export interface ParsedReport {
  kind: 'report';
  report: AnnualReport;
  /** Every cell of tables 2–4 in canonical order (empty for a table that is null). */
  provenance: CellProvenance[];
  /** The parser's findings (ingest.*), then the validator's. */
  findings: Finding[];
  narrative: {
    /** Text of each part found, normalized (simplified characters, digits), by numeral. */
    sections: Narrative;
    /** Figures stated in parts 一 and 六. */
    facts: NarrativeFact[];
  };
  detected: Detected;
  contentHash: string;
}

export type ParseOutcome =
  | ParsedReport
  | { kind: 'not-a-report'; reason: string; detected: Pick<Detected, 'format' | 'encoding' | 'title'>; contentHash: string }
  | { kind: 'unreadable'; reason: string; contentHash: string };

/** SHA-256 of the file's bytes (hex): the same file imported twice has the same hash. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function located(source: string, where: SourceRef | null): string {
  if (!where) return source;
  switch (where.kind) {
    case 'line':
      return `${source}（第${where.line}行）`;
    case 'paragraph':
      return `${source}（第${where.paragraph}段）`;
    case 'cell':
      return `${source}（第${where.table}个表格）`;
    case 'pdf':
      return `${source}（第${where.page}页）`;
  }
}

const TABLE_NAMES = {
  table2: '表二（主动公开政府信息情况）',
  table3: '表三（收到和处理政府信息公开申请情况）',
  table4: '表四（政府信息公开行政复议、行政诉讼情况）',
} as const;

/**
 * `validate: false` leaves the validator's findings out: the importer stores the report through the
 * report command, which validates it once with what only storage knows (the year before).
 */
export async function parseDocument(bytes: Uint8Array, fileName: string, options: { validate?: boolean } = {}): Promise<ParseOutcome> {
  const hash = contentHash(bytes);
  let doc;
  try {
    doc = await readDocument(bytes, fileName);
  } catch (e) {
    if (e instanceof UnreadableDocument) return { kind: 'unreadable', reason: e.reason, contentHash: hash };
    if (e instanceof NotAReportDocument) {
      return { kind: 'not-a-report', reason: e.reason, detected: { format: e.fileType, encoding: e.encoding, title: null }, contentHash: hash };
    }
    return { kind: 'unreadable', reason: `无法读取：${(e as Error).message}`, contentHash: hash };
  }
  try {
    return analyse(doc, hash, options.validate !== false);
  } catch (e) {
    // a document that trips the parser is reported, never a crash of a batch import
    return { kind: 'unreadable', reason: `解析时出现内部错误（${(e as Error).message}），请报告此文件`, contentHash: hash };
  }
}

function analyse(doc: Awaited<ReturnType<typeof readDocument>>, hash: string, validate: boolean): ParseOutcome {
  const texts = documentTexts(doc);
  const title = detectTitle(texts, doc.declaredTitle);
  const sections = findSections(doc);
  const year = title.year?.value ?? null;
  const byYear: ReportFormat = year !== null ? formatForYear(year) : '2021';
  const t2 = mapTable2(findTableRows(doc, 2), byYear);
  const t3read = mapTable3(findTableRows(doc, 3), byYear);
  const t4 = mapTable4(findTableRows(doc, 4));
  const found = [t2, t3read, t4].filter((t) => t.table !== null).length;
  const basics = { format: doc.fileType, encoding: doc.encoding, title: title.title?.value ?? null };

  const kind = classify({ texts, hasReportTitle: title.title !== null, headings: sections.headings.length, tables: found });
  if (!kind.report) return { kind: 'not-a-report', reason: kind.reason, detected: basics, contentHash: hash };
  if (year === null || !title.year) {
    return { kind: 'unreadable', reason: '像是政府信息公开工作年度报告，但标题和正文中都找不到报告所属的年度', contentHash: hash };
  }

  // a report for 2021 or later whose table 2 has the 2021 labels is of the 2021 layout
  // (国办公开办函〔2021〕30号) even when table 3 prints （六）其他处理 as one row, the 2019 way:
  // its three sub-rows are 0 when that row is 0 throughout, else null (otherRowAs2021)
  const t3 = year >= 2021 && t2.printedShape === '2021' && t3read.printedShape === '2019' ? otherRowAs2021(t3read, year) : t3read;
  // 2019 layout for reports up to 2020, or when the printed tables have its shape
  const shapes = [t2.shape, t3.shape].filter((s): s is ReportFormat => s !== null);
  const layout: ReportFormat = year <= 2020 || shapes.includes('2019') ? '2019' : '2021';
  const report: AnnualReport = {
    schema: REPORT_SCHEMA_ID,
    format: layout,
    agency: title.agency?.value ?? null,
    year,
    table2: t2.table,
    table3: t3.table,
    table4: t4.table,
  };

  const findings: Finding[] = [];
  if (title.year.source !== '标题') {
    findings.push(
      ingestFinding('ingest.year-uncertain', {
        cells: ['year'],
        message: `标题中没有年度，报告年度 ${year} 取自${located(title.year.source, title.year.where)}`,
        values: { year },
      }),
    );
  }
  if (!title.agency) {
    findings.push(ingestFinding('ingest.agency-missing', { cells: ['agency'], message: '标题、落款和发文机关中都没有找到发布机关，记为 null' }));
  }
  if ('skippedPages' in doc && doc.skippedPages) {
    findings.push(ingestFinding('ingest.pages-truncated', { cells: [], message: `文档过长，只读取了前面的页，其后 ${doc.skippedPages} 页未读取` }));
  }
  for (const [key, t] of [['table2', t2], ['table3', t3], ['table4', t4]] as const) {
    if (t.table === null) findings.push(ingestFinding('ingest.table-missing', { cells: [key], message: `文档中没有找到${TABLE_NAMES[key]}，记为 null` }));
    for (const f of t.findings) findings.push(f);
  }
  const narrative = narrativeForRules(sections.narrative);
  if (validate) for (const f of validateReport(report, { narrative })) findings.push(f);

  return {
    kind: 'report',
    report,
    provenance: [...t2.provenance, ...t3.provenance, ...t4.provenance],
    findings,
    narrative: { sections: sections.narrative, facts: narrativeFacts(sections.narrative) },
    detected: {
      ...basics,
      year,
      agency: report.agency,
      layout,
      yearSource: located(title.year.source, title.year.where),
      agencySource: title.agency ? located(title.agency.source, title.agency.where) : null,
    },
    contentHash: hash,
  };
}
