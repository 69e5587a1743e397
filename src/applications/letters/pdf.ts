// A letter (letters.ts) as PDF: the same layout as the DOCX (A4, GB/T 9704 margins, title, number,
// addressee, indented paragraphs, contact lines, signer, organization and date at the bottom right),
// with Noto Sans Hans embedded, through the report renderer's pdfmake set-up. A character the fonts
// lack (a rare character in a name or an address, say) is printed as 〓, the mark GB/T 9704 practice
// uses for 缺字, and named in a warning to the caller's log: the DOCX keeps the character itself.
import { missingGlyphsWarning } from '../../report/render/missing-glyphs.ts';
import { renderPdfDocument } from '../../report/render/pdfmake.ts';
import type { Letter } from './compose.ts';

const MM = 72 / 25.4;

/** Where rendering reports what the PDF cannot show (a request's logger). */
export interface LetterLog {
  warn(details: object, message: string): void;
}

export async function renderLetterPdf(letter: Letter, log?: LetterLog): Promise<Buffer> {
  const BODY = 16; // 三号
  // Two characters, as in the DOCX. (Leading U+3000 would be cut: pdfmake drops white space at line starts.)
  const indent = 2 * BODY;
  const definition = {
    info: { title: letter.title, author: letter.signOrg },
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    defaultStyle: { fontSize: BODY, lineHeight: 1.5 },
    content: [
      ...(letter.mark ? [{ text: letter.mark, bold: true, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 8] }] : []),
      { text: letter.title, bold: true, fontSize: 22, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: letter.number, fontSize: 12, alignment: 'right', margin: [0, 0, 0, 12] },
      { text: letter.addressee },
      ...letter.paragraphs.map((p) => ({ text: p, leadingIndent: indent, alignment: 'justify' })),
      { text: ' ' },
      ...letter.contact.map((l) => ({ text: l, leadingIndent: indent, fontSize: 12 })),
      { text: ' ' },
      ...(letter.signer ? [{ text: `签发人：${letter.signer}`, alignment: 'right' }] : []),
      { text: letter.signOrg, alignment: 'right' },
      { text: letter.signDate, alignment: 'right' },
    ],
  };
  const { pdf, missingGlyphs } = await renderPdfDocument(definition);
  if (missingGlyphs.length) {
    log?.warn(
      { letter: letter.kind, number: letter.number, codePoints: missingGlyphs.map((m) => m.codePoint) },
      `${letter.title}（${letter.number}）：${missingGlyphsWarning(missingGlyphs)}`,
    );
  }
  return pdf;
}
