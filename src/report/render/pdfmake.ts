// The one pdfmake set-up of the service, shared by the annual report (pdf.ts) and
// the 依申请公开 letters (applications/letter-pdf.ts): our fonts, no network or file
// access, and the check for characters the fonts cannot draw.
import { createRequire } from 'node:module';
import { markMissingGlyphs, missingGlyphs, type MissingGlyph } from './missing-glyphs.ts';
import { pdfFontFile } from './pdf-fonts.ts';

// pdfmake ships no type declarations: the little of its server API used here.
interface PdfMake {
  virtualfs: { existsSync(f: string): boolean; writeFileSync(f: string, c: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
}

/** The font family of every PDF (the default): Noto Sans Hans Regular, and Bold for `bold: true`. */
const PDF_FONT = 'NotoSansHans';

/** A pdfmake document definition; `content` is what gets printed. */
export interface PdfDefinition {
  content: unknown[];
  defaultStyle?: object;
  [key: string]: unknown;
}

export interface RenderedPdf {
  pdf: Buffer;
  /** Characters of the content the fonts lack, printed as 〓 (missing-glyphs.ts). */
  missingGlyphs: MissingGlyph[];
}

const require = createRequire(import.meta.url);
let engine: PdfMake | null = null;

/** pdfmake with our fonts, created on first use and kept for the life of the process. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const shared = require('pdfmake') as PdfMake;
  // A private instance: the exported one is process-wide and others may change its fonts.
  const own = new (Object.getPrototypeOf(shared).constructor as new () => PdfMake)();
  // No network and no file access while rendering: fonts come from the virtual file system.
  own.setUrlAccessPolicy(() => false);
  own.setLocalAccessPolicy(() => false);
  const regular = pdfFontFile('regular', own.virtualfs);
  const bold = pdfFontFile('bold', own.virtualfs);
  own.setFonts({ [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  engine = own;
  return own;
}

const CONTAINERS = ['text', 'stack', 'columns', 'ul', 'ol'] as const;

/**
 * The content with fn applied to every string that gets printed: string nodes,
 * `text` (a string or a list of runs), stacks, columns, lists and table cells.
 * Other strings (style names, ids, alignment) are left alone.
 */
export function mapPrintedText(node: unknown, fn: (text: string) => string): unknown {
  if (typeof node === 'string') return fn(node);
  if (Array.isArray(node)) return node.map((n) => mapPrintedText(n, fn));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = { ...node };
  for (const key of CONTAINERS) if (key in out) out[key] = mapPrintedText(out[key], fn);
  const table = out.table as { body?: unknown[][] } | undefined;
  if (table?.body) out.table = { ...table, body: table.body.map((row) => row.map((cell) => mapPrintedText(cell, fn))) };
  return out;
}

/**
 * Renders a document in our fonts (regular, or bold where `bold: true`); characters the fonts lack are printed as 〓 and listed,
 * for the caller to tell whoever asked for the PDF. Throws PdfFontsMissing
 * (a Chinese message) when the fonts cannot be loaded.
 */
export async function renderPdfDocument(definition: PdfDefinition): Promise<RenderedPdf> {
  const make = pdfmake();
  const found = new Map<string, MissingGlyph>();
  const content = mapPrintedText(definition.content, (text) => {
    const missing = missingGlyphs(text);
    for (const m of missing) if (!found.has(m.char)) found.set(m.char, m);
    return markMissingGlyphs(text, missing);
  });
  const defaultStyle = { font: PDF_FONT, ...definition.defaultStyle };
  const pdf = await make.createPdf({ ...definition, defaultStyle, content }).getBuffer();
  return { pdf, missingGlyphs: [...found.values()] };
}
