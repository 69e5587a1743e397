// Renders an annual report in the national layout to one of four formats.
import type { ReportDocument } from './document.ts';
import { renderDocx } from './docx.ts';
import { renderHtmlPage } from './html.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export type { ReportDocument } from './document.ts';

export const RENDER_TARGETS = ['html', 'docx', 'xlsx', 'pdf'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

/** Media type of each output, for HTTP responses and downloads. */
export const RENDER_MEDIA_TYPES: Record<RenderTarget, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function isRenderTarget(s: string): s is RenderTarget {
  return (RENDER_TARGETS as readonly string[]).includes(s);
}

/**
 * The report as a file: a standalone HTML page (UTF-8), a Word document, an
 * Excel workbook (tables only) or a PDF with embedded Chinese fonts.
 */
export async function renderReport(doc: ReportDocument, to: RenderTarget): Promise<Buffer> {
  switch (to) {
    case 'html':
      return Buffer.from(renderHtmlPage(doc), 'utf8');
    case 'docx':
      return renderDocx(doc);
    case 'xlsx':
      return renderXlsx(doc);
    case 'pdf':
      return renderPdf(doc);
  }
}
