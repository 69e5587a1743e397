// The text of an attachment, read inside a worker process (attachment-text.ts runs it there):
// PDF through pdfjs-dist, Word through mammoth, Excel through exceljs; images have no text (no
// OCR). Word and Excel files are zips: one whose declared sizes are a zip bomb is not unpacked
// (core/zip-limits.ts). A file that cannot be read gives no text, never an error.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { checkZipLimits } from '../core/zip-limits.ts';
import type { FileKind } from './rules/file-type.ts';

/**
 * pdfjs's character maps, from the installed pdfjs-dist: without them a PDF whose CJK font is not
 * embedded (STSong-Light with UniGB-UCS2-H, as iText and WPS write) yields no text at all. On Node,
 * pdfjs reads them with fs.readFile, so this is a folder path (with the trailing separator), not a URL.
 */
export const PDF_CMAP_URL = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + sep;

/**
 * Loads the readers once per worker, before its first job's time limit (core/isolate/child.ts): on a
 * loaded machine importing pdfjs alone could take the first PDF's whole limit, and every PDF after a
 * killed worker would come back without text.
 */
export async function warmUp(): Promise<void> {
  await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('mammoth'), import('exceljs')]);
}

const MAX_TEXT = 500_000;
const MAX_PDF_PAGES = 300;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), cMapUrl: PDF_CMAP_URL, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PDF_PAGES) && length < MAX_TEXT; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const text = content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await doc.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : typeof v === 'object' && 'result' in (v as object) ? String((v as { result: unknown }).result) : String(v))).join(' | ')));
  });
  return lines.join('\n');
}

/** The text of a file of this kind ('' when it has none or cannot be read), at most MAX_TEXT characters. */
export async function readAttachmentText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  if ((kind === 'docx' || kind === 'xlsx') && !checkZipLimits(bytes).ok) return '';
  try {
    const text = kind === 'pdf' ? await pdfText(bytes) : kind === 'docx' ? await docxText(bytes) : kind === 'xlsx' ? await xlsxText(bytes) : '';
    return text.replace(/\u0000/g, '').slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}
