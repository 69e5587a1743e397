// The Chinese fonts embedded in rendered PDFs: Noto Sans Hans (SIL OFL) from the
// npm package @embedpdf/fonts-sc, so that `npm ci` is all a machine needs; no
// system font is ever looked for. Loaded once per process, reused by every document.
//
// pdfmake hands pdfkit a font source, and pdfkit parses it with fontkit for
// every new document: for an 8 MB CJK face that is wasted work per document. To
// parse each face only once, the font sources we give pdfmake are tiny token
// buffers ("GKFONT:<face>") in pdfmake's virtual file system, and a fontkit
// format registered below recognises a token and returns the already parsed
// face. pdfkit still builds a fresh glyph subset per document, so no state is
// shared between documents except the immutable parsed font.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The parts of a fontkit font used here. */
export interface FontFace {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  hhea: { ascent: number; descent: number };
}

interface Fontkit {
  create(buffer: Uint8Array): FontFace;
  registerFormat(format: unknown): void;
}
let loadedFontkit: Fontkit | null = null;

/**
 * The very fontkit instance pdfkit uses (CommonJS), not the ESM build, with our
 * token format registered; loaded with the first font, not with this module.
 */
function fontkit(): Fontkit {
  if (!loadedFontkit) {
    loadedFontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    loadedFontkit.registerFormat(CachedFace);
  }
  return loadedFontkit;
}

/** Body text and tables; title and headings. (The package has no serif face.) */
export type PdfFace = 'regular' | 'bold';
export const PDF_FACES: readonly PdfFace[] = ['regular', 'bold'];

export const FONT_PACKAGE = '@embedpdf/fonts-sc';
const FACE_FILES: Record<PdfFace, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};
/** Overrides the package's folder: a folder that holds NotoSansHans-Regular.otf and NotoSansHans-Bold.otf. */
export const FONT_DIR_VARIABLE = 'GONGKAI_CJK_FONT_DIR';

// Noto Sans Hans declares a line exactly 1 em high (hhea ascent 880, descent
// −120). pdfmake makes each line that high and puts the baseline at the
// ascent, so lines of Chinese would touch and text would sit at the top of
// table cells. Noto Sans CJK, the later release of the same design, declares
// 1160 / −288: we lay out with those, which gives CJK text room above and below
// and keeps the line height the layout was made for (CJK_LINE in pdf.ts).
const ASCENT = 1160;
const DESCENT = -288;

/** The fonts cannot be found or read: the message (Chinese) says what to do. */
export class PdfFontsMissing extends Error {
  override name = 'PdfFontsMissing';
}

/** The folder of the font files: the override, else the installed package's. */
export function fontDir(): string {
  const override = process.env[FONT_DIR_VARIABLE];
  if (override) return override;
  try {
    // The package exports only its index (dist/index.cjs): the fonts are beside dist/.
    return join(dirname(require.resolve(FONT_PACKAGE)), '..', 'fonts');
  } catch {
    throw new PdfFontsMissing(`未找到 PDF 所需的中文字体（${FONT_PACKAGE}）：请重新运行 npm ci。`);
  }
}

/** Reads and parses one face from a folder (no caching: see pdfFace). */
export function readFace(dir: string, face: PdfFace): FontFace {
  const path = join(dir, FACE_FILES[face]);
  const where = process.env[FONT_DIR_VARIABLE] ? `环境变量 ${FONT_DIR_VARIABLE} 指定的目录 ${dir}` : `${FONT_PACKAGE}（${dir}）`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `缺少 ${FACE_FILES[face]}` : `无法读取 ${FACE_FILES[face]}：${(e as Error).message}`;
    throw new PdfFontsMissing(`未找到 PDF 所需的中文字体：${where}中${reason}。请重新运行 npm ci。`);
  }
  let font: FontFace;
  try {
    font = fontkit().create(bytes);
  } catch (e) {
    throw new PdfFontsMissing(`PDF 所需的中文字体 ${path} 已损坏（${(e as Error).message}）。请重新运行 npm ci。`);
  }
  font.hhea.ascent = ASCENT;
  font.hhea.descent = DESCENT;
  return font;
}

const TOKEN_PREFIX = 'GKFONT:';
const parsed = new Map<string, FontFace>();
const token = (face: PdfFace) => TOKEN_PREFIX + face;

/** A fontkit "format" that recognises our token buffers and returns the parsed face. */
class CachedFace {
  static probe(buffer: Uint8Array): boolean {
    return parsed.has(Buffer.from(buffer.subarray(0, 64)).toString('latin1'));
  }
  constructor(stream: { buffer: Uint8Array }) {
    // A constructor may return another object: fontkit.create() then yields the cached face.
    return parsed.get(Buffer.from(stream.buffer.subarray(0, 64)).toString('latin1')) as unknown as CachedFace;
  }
}

/** The parsed face, read on first use and kept for the life of the process. */
export function pdfFace(face: PdfFace): FontFace {
  let font = parsed.get(token(face));
  if (!font) {
    font = readFace(fontDir(), face);
    parsed.set(token(face), font);
  }
  return font;
}

/**
 * Makes sure the face is parsed and registered in the given virtual file
 * system; returns the file name to use in a pdfmake font descriptor.
 */
export function pdfFontFile(face: PdfFace, virtualfs: { existsSync(f: string): boolean; writeFileSync(f: string, c: Buffer): void }): string {
  pdfFace(face);
  const name = `gongkai-font-${face}`;
  if (!virtualfs.existsSync(name)) virtualfs.writeFileSync(name, Buffer.from(token(face), 'latin1'));
  return name;
}
