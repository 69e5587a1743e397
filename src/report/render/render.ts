// Renders an annual report in the national layout to one of four formats. Each
// renderer (docx, exceljs, pdfmake: most of a second to load together) is loaded
// when its format is first asked for, not by every command and server start.
import type { ReportDocument } from './document.ts';
import { renderHtmlPage } from './html.ts';

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

export interface RenderedReport {
  file: Buffer;
  /**
   * What the reader should know about the file, in Chinese: today only the
   * characters a PDF prints as 〓 because its fonts lack them.
   */
  warnings: string[];
}

/**
 * The report as a file: a standalone HTML page (UTF-8), a Word document, an
 * Excel workbook (tables only) or a PDF with embedded Chinese fonts; with the
 * warnings about it. A PDF throws PdfFontsMissing when its fonts cannot be loaded.
 */
export async function renderReportFile(doc: ReportDocument, to: RenderTarget): Promise<RenderedReport> {
  switch (to) {
    case 'html':
      return { file: Buffer.from(renderHtmlPage(doc), 'utf8'), warnings: [] };
    case 'docx': {
      const { renderDocx } = await import('./docx.ts');
      return { file: await renderDocx(doc), warnings: [] };
    }
    case 'xlsx': {
      const { renderXlsx } = await import('./xlsx.ts');
      return { file: await renderXlsx(doc), warnings: [] };
    }
    case 'pdf': {
      const [{ renderPdf }, { missingGlyphsWarning }] = await Promise.all([import('./pdf.ts'), import('./missing-glyphs.ts')]);
      const { pdf, missingGlyphs } = await renderPdf(doc);
      return { file: pdf, warnings: missingGlyphs.length ? [missingGlyphsWarning(missingGlyphs)] : [] };
    }
  }
}

/** The report as a file, for callers that serve it as it is (a PDF shows 〓 for what its fonts lack). */
export async function renderReport(doc: ReportDocument, to: RenderTarget): Promise<Buffer> {
  return (await renderReportFile(doc, to)).file;
}
