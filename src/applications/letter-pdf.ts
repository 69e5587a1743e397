// A letter (letters.ts) as PDF: the same layout as the DOCX (A4, GB/T 9704 margins, title, number,
// addressee, indented paragraphs, contact lines, signer, organization and date at the bottom right),
// with Noto CJK SC embedded (the report renderer's font loader; Debian fonts-noto-cjk).
import { createRequire } from 'node:module';
import { pdfFontFile } from '../report/render/pdf-fonts.ts';
import type { Letter } from './letters.ts';

interface PdfMake {
  virtualfs: { existsSync(f: string): boolean; writeFileSync(f: string, c: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
const MM = 72 / 25.4;
let engine: PdfMake | null = null;

/** A private pdfmake instance with our fonts, no network or file access while rendering. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const shared = require('pdfmake') as PdfMake;
  const own = new (Object.getPrototypeOf(shared).constructor as new () => PdfMake)();
  own.setUrlAccessPolicy(() => false);
  own.setLocalAccessPolicy(() => false);
  const serif = pdfFontFile('serif', own.virtualfs);
  const sans = pdfFontFile('sansBold', own.virtualfs);
  own.setFonts({ NotoSerif: { normal: serif, bold: serif, italics: serif, bolditalics: serif }, NotoSans: { normal: sans, bold: sans, italics: sans, bolditalics: sans } });
  engine = own;
  return own;
}

export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const BODY = 16; // 三号
  const indent = '\u3000\u3000';
  const definition = {
    info: { title: letter.title, author: letter.signOrg },
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    defaultStyle: { font: 'NotoSerif', fontSize: BODY, lineHeight: 1.5 },
    content: [
      ...(letter.mark ? [{ text: letter.mark, font: 'NotoSans', fontSize: 12, alignment: 'center', margin: [0, 0, 0, 8] }] : []),
      { text: letter.title, font: 'NotoSans', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: letter.number, fontSize: 12, alignment: 'right', margin: [0, 0, 0, 12] },
      { text: letter.addressee },
      ...letter.paragraphs.map((p) => ({ text: indent + p, alignment: 'justify' })),
      { text: ' ' },
      ...letter.contact.map((l) => ({ text: indent + l, fontSize: 12 })),
      { text: ' ' },
      ...(letter.signer ? [{ text: `签发人：${letter.signer}`, alignment: 'right' }] : []),
      { text: letter.signOrg, alignment: 'right' },
      { text: letter.signDate, alignment: 'right' },
    ],
  };
  return pdfmake().createPdf(definition).getBuffer();
}

export const PDF_MEDIA_TYPE = 'application/pdf';
