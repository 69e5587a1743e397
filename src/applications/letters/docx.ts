// A letter (letters.ts) as a Word document: A4 with the GB/T 9704 margins, 宋体 title, 仿宋 body
// with a two-character first-line indent, the issuing organization and date at the bottom right,
// the signer of a reply (签发人) above them; a draft or rebuilt copy carries its mark above the title.
import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import type { Letter } from './compose.ts';

export const BODY_FONT = '仿宋';
export const TITLE_FONT = '宋体';
const BODY_SIZE = 32; // 三号 (half-points)
export const TITLE_SIZE = 44; // 二号
export const SMALL_SIZE = 24; // 小四

export const run = (text: string, size = BODY_SIZE, font = BODY_FONT, bold = false) => new TextRun({ text, size, font: { eastAsia: font, ascii: font, hAnsi: font }, bold });

/** A4 with the GB/T 9704 margins, as every letter and form of the agency. */
export const LETTER_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
};

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: BODY_SIZE * 20 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED });
  const doc = new Document({
    creator: letter.signOrg,
    title: letter.title,
    sections: [
      {
        properties: { page: LETTER_PAGE },
        children: [
          ...(letter.mark ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(letter.mark, SMALL_SIZE, TITLE_FONT, true)] })] : []),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(letter.title, TITLE_SIZE, TITLE_FONT, true)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 300 }, children: [run(letter.number, SMALL_SIZE)] }),
          new Paragraph({ children: [run(letter.addressee)], spacing: { line: 560 } }),
          ...letter.paragraphs.map(body),
          new Paragraph({ children: [] }),
          ...letter.contact.map((l) => new Paragraph({ children: [run(l, SMALL_SIZE)], indent: { firstLine: BODY_SIZE * 20 } })),
          new Paragraph({ children: [] }),
          ...(letter.signer ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`签发人：${letter.signer}`)] })] : []),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(letter.signOrg)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(letter.signDate)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
