// What a reader makes of a file: its text in reading order and its tables as
// cells that remember where they were printed. Everything downstream (title,
// sections, table mapping, provenance) works on this form, whatever the file was.

export type FileType = 'html' | 'text' | 'pdf' | 'docx';

/** Where a piece of text was found in the file, for --explain. Numbers count from 1. */
export type SourceRef =
  /** a line of a text file */
  | { kind: 'line'; line: number }
  /** a cell of an HTML or Word table, after merged cells were expanded */
  | { kind: 'cell'; file: 'html' | 'docx'; table: number; row: number; column: number }
  /** a paragraph of an HTML or Word document (outside tables) */
  | { kind: 'paragraph'; file: 'html' | 'docx'; paragraph: number }
  /** text on a PDF page, at its position in points from the bottom-left corner */
  | { kind: 'pdf'; page: number; x: number; y: number };

export interface SourceCell {
  /** The text as printed (original characters, for display). */
  text: string;
  where: SourceRef;
  /** Grid column (0-based) when the table's geometry is known (HTML, Word, PDF). */
  column?: number;
  /** A copy of a merged cell (rowspan/colspan) in a grid position it covers. */
  copy?: boolean;
}

/**
 * A table as recovered.
 * - grid: rows of cells with their columns (HTML/Word tables, PDF rows)
 * - stream: cells in reading order without row boundaries (text where every
 *   cell became a line ending in ` |`); `rows` then holds one row.
 */
export interface SourceTable {
  mode: 'grid' | 'stream';
  rows: SourceCell[][];
}

export type Block = { kind: 'text'; text: string; where: SourceRef } | { kind: 'table'; table: SourceTable };

export interface IngestDocument {
  fileType: FileType;
  /** The character encoding of a text or HTML file (UTF-8, GBK, GB18030, …); null for PDF and Word. */
  encoding: string | null;
  /** The document's own title where the format has one (HTML <title>). */
  declaredTitle?: string;
  blocks: Block[];
}

/** The file could not be read; `reason` is Chinese, for the user. */
export class UnreadableDocument extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableDocument';
  }
}

/** The file is readable text but plainly no annual report (no marker of one at all); `reason` is Chinese. */
export class NotAReportDocument extends Error {
  constructor(
    readonly reason: string,
    readonly fileType: FileType,
    readonly encoding: string | null,
  ) {
    super(reason);
    this.name = 'NotAReportDocument';
  }
}

/** The tables of a document, in order. */
export function tables(doc: IngestDocument): SourceTable[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/** Chinese description of a source position: 第24行, 第2个表格第5行第4列, 第2页（x 316，y 606）. */
export function describeSource(where: SourceRef): string {
  switch (where.kind) {
    case 'line':
      return `第${where.line}行`;
    case 'cell':
      return `${where.file === 'docx' ? 'Word ' : ''}第${where.table}个表格第${where.row}行第${where.column}列`;
    case 'paragraph':
      return `${where.file === 'docx' ? 'Word ' : ''}第${where.paragraph}段`;
    case 'pdf':
      return `第${where.page}页（x ${Math.round(where.x)}，y ${Math.round(where.y)}）`;
  }
}
