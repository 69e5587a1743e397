// Test aid: the text of a PDF as pdfjs-dist reads it back, to check what a
// rendered PDF really shows (not what we asked pdfmake to print).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: number;
  /** Every text item, trimmed. */
  items: string[];
  /** All text in content order, without white space. */
  joined: string;
}

export async function readPdf(buffer: Buffer): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const items: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) items.push(item.str.trim());
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, items, joined: items.join('').replace(/\s+/g, '') };
}
