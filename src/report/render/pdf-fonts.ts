// The Chinese fonts embedded in rendered PDFs: Noto CJK SC (Debian package
// fonts-noto-cjk), loaded once per process and reused by every document.
//
// pdfmake hands pdfkit a font source, and pdfkit parses it with fontkit for
// every new document: for a 25 MB CJK collection that costs ~150 ms per
// report. To parse each face only once, the font sources we give pdfmake are
// tiny token buffers ("GKFONT:<face>") in pdfmake's virtual file system, and a
// fontkit format registered below recognises a token and returns the already
// parsed face. pdfkit still builds a fresh glyph subset per document, so no
// state is shared between documents except the immutable parsed font.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The very fontkit instance pdfkit uses (CommonJS), not the ESM build.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(buffer: Uint8Array, postscriptName?: string): { postscriptName: string; getFont?: unknown };
  registerFormat(format: unknown): void;
};

/** Body text and tables (宋体-like serif); title and headings (黑体-like bold sans). */
export type PdfFace = 'serif' | 'sansBold';

/** Where each face may be found: a collection (with the face's PostScript name) or a single-face file. */
const FACE_FILES: Record<PdfFace, { file: string; postscriptName?: string }[]> = {
  serif: [
    { file: 'NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
    { file: 'NotoSerifSC-Regular.otf' },
    { file: 'NotoSerifCJKsc-Regular.otf' },
  ],
  sansBold: [
    { file: 'NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
    { file: 'NotoSansSC-Bold.otf' },
    { file: 'NotoSansCJKsc-Bold.otf' },
  ],
};

const FONT_DIRS = [
  process.env.GONGKAI_CJK_FONT_DIR,
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/local/share/fonts',
].filter((d): d is string => !!d);

const TOKEN_PREFIX = 'GKFONT:';
const parsed = new Map<string, object>();

/** A fontkit "format" that recognises our token buffers and returns the parsed face. */
class CachedFace {
  static probe(buffer: Uint8Array): boolean {
    return parsed.has(Buffer.from(buffer.subarray(0, 64)).toString('latin1'));
  }
  constructor(stream: { buffer: Uint8Array }) {
    // A constructor may return another object: fontkit.create() then yields the cached face.
    return parsed.get(Buffer.from(stream.buffer.subarray(0, 64)).toString('latin1')) as CachedFace;
  }
}
fontkit.registerFormat(CachedFace);

function loadFace(face: PdfFace): object {
  for (const dir of FONT_DIRS) {
    for (const { file, postscriptName } of FACE_FILES[face]) {
      const path = join(dir, file);
      if (existsSync(path)) return fontkit.create(readFileSync(path), postscriptName);
    }
  }
  throw new Error(
    `未找到 PDF 所需的中文字体（${FACE_FILES[face][0]!.file}）。请安装 fonts-noto-cjk，或用环境变量 GONGKAI_CJK_FONT_DIR 指定字体目录。`,
  );
}

/**
 * Makes sure the face is parsed and registered in the given virtual file
 * system; returns the file name to use in a pdfmake font descriptor.
 */
export function pdfFontFile(face: PdfFace, virtualfs: { existsSync(f: string): boolean; writeFileSync(f: string, c: Buffer): void }): string {
  const token = TOKEN_PREFIX + face;
  const name = `gongkai-font-${face}`;
  if (!parsed.has(token)) parsed.set(token, loadFace(face));
  if (!virtualfs.existsSync(name)) virtualfs.writeFileSync(name, Buffer.from(token, 'latin1'));
  return name;
}
