// What a rendered annual report contains, in reading order: the title, the six
// section headings, the narrative paragraphs of each section and tables 2, 3, 4
// under sections 二, 三, 四. All four renderers walk this list.
import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from '../model/layout.ts';
import type { AnnualReport } from '../model/report.ts';
import { MISSING_TABLE_TEXT, table2Grid, table3Grid, table4Grid, type TableGrid } from './grid.ts';

/** A report to render, with the text of its sections where there is any. */
export interface ReportDocument {
  report: AnnualReport;
  /** Narrative text per section ('一' … '六'); blank lines or newlines separate paragraphs. */
  narrative?: Partial<Record<SectionKey, string>>;
  /** Defaults to 「<机关>YYYY年政府信息公开工作年度报告」. */
  title?: string;
}

export type Block =
  | { kind: 'heading'; section: SectionKey; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: TableGrid }
  /** A table the report does not contain: print MISSING_TABLE_TEXT instead. */
  | { kind: 'missing'; text: string };

export interface DocumentLayout {
  title: string;
  blocks: Block[];
}

export function documentTitle(doc: ReportDocument): string {
  const { agency, year } = doc.report;
  return doc.title ?? `${agency ?? ''}${year}年政府信息公开工作年度报告`;
}

/** Narrative text as paragraphs: split on line breaks, blank lines dropped. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function tableOf(doc: ReportDocument, section: SectionKey): TableGrid | null | undefined {
  const { table2, table3, table4 } = doc.report;
  if (section === '二') return table2 ? table2Grid(table2) : null;
  if (section === '三') return table3 ? table3Grid(table3) : null;
  if (section === '四') return table4 ? table4Grid(table4) : null;
  return undefined; // the section has no table
}

export function layoutDocument(doc: ReportDocument): DocumentLayout {
  const blocks: Block[] = [];
  SECTION_KEYS.forEach((section, i) => {
    blocks.push({ kind: 'heading', section, text: SECTION_HEADINGS[i]! });
    for (const text of paragraphs(doc.narrative?.[section])) blocks.push({ kind: 'paragraph', text });
    const grid = tableOf(doc, section);
    if (grid) blocks.push({ kind: 'table', grid });
    else if (grid === null) blocks.push({ kind: 'missing', text: MISSING_TABLE_TEXT });
  });
  return { title: documentTitle(doc), blocks };
}
