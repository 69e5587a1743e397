// Characters the PDF fonts cannot draw. pdfkit would print such a character as
// the font's empty box (.notdef), which nobody notices or can read back: we find
// them before rendering, print 〓 in their place (the mark GB/T 9704 practice uses
// for 缺字) and tell whoever asked for the PDF which characters they were.
import { PDF_FACES, pdfFace } from './pdf-fonts.ts';

export interface MissingGlyph {
  char: string;
  codePoint: number;
}

/** What a character the fonts lack is printed as. */
export const MISSING_GLYPH_MARK = '〓';

// Zero-width joiners, variation selectors, soft hyphens and the like are meant to
// be invisible when unsupported; fontkit lays them out with no width, so they are
// never missing.
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

function isMissing(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return !IGNORABLE.test(char) && PDF_FACES.some((face) => !pdfFace(face).hasGlyphForCodePoint(codePoint));
}

/**
 * Each character of the text that the regular or the bold face cannot draw,
 * once, in order of first appearance (loads the fonts on first use).
 */
export function missingGlyphs(text: string): MissingGlyph[] {
  return [...new Set(text)].filter(isMissing).map((char) => ({ char, codePoint: char.codePointAt(0)! }));
}

/** The text with each of the given characters replaced by MISSING_GLYPH_MARK. */
export function markMissingGlyphs(text: string, missing: readonly MissingGlyph[]): string {
  if (missing.length === 0) return text;
  const chars = new Set(missing.map((m) => m.char));
  let out = '';
  for (const char of text) out += chars.has(char) ? MISSING_GLYPH_MARK : char;
  return out;
}

/** U+30000 */
export const codePointLabel = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** 𰀀（U+30000）、𪛖（U+2A6D6） */
export function describeMissingGlyphs(missing: readonly MissingGlyph[]): string {
  return missing.map((m) => `${m.char}（${codePointLabel(m.codePoint)}）`).join('、');
}

/** The Chinese warning for the person who asked for the PDF. */
export function missingGlyphsWarning(missing: readonly MissingGlyph[]): string {
  return `字体缺少以下字符，PDF 中以“${MISSING_GLYPH_MARK}”代替：${describeMissingGlyphs(missing)}`;
}
