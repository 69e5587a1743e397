// PDF → blocks, with pdfjs-dist (legacy build for Node): the positioned text of
// each page, laid out by tables/pdf-layout.ts. Only text-based PDFs can be
// read; a scanned PDF (no text layer), an encrypted or a damaged one is
// unreadable with a reason. pdfjs is loaded on first use: it is large, and only
// PDF input needs it.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Block } from './document.ts';
import { UnreadableDocument } from './document.ts';
import { layoutPage, type PositionedText } from '../tables/pdf-layout.ts';

/** Annual reports run to a few dozen pages; longer files are read up to here. */
export const MAX_PDF_PAGES = 60;

export interface PdfReading {
  blocks: Block[];
  pages: number;
  /** Pages beyond MAX_PDF_PAGES that were not read. */
  skippedPages: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

export async function readPdfBlocks(bytes: Uint8Array): Promise<PdfReading> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    throw new UnreadableDocument('不是有效的 PDF 文件（缺少文件头 %PDF-）');
  }
  // pdfjs would try to recover a cut file from what is left; a report missing its end may miss pages
  if (!hasEndMarker(bytes)) throw new UnreadableDocument('PDF 文件不完整（缺少文件尾 %%EOF），可能下载中断');
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer
    // character maps of the installed pdfjs-dist (a folder path on Node): PDFs whose CJK font is not
    // embedded (STSong-Light + UniGB-UCS2-H, iText/WPS output) give no text without them
    cMapUrl: join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + sep,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // published PDFs are often slightly broken; let pdfjs recover what it can (a cut file is refused above)
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new UnreadableDocument('PDF 已加密，需要密码才能读取');
    throw new UnreadableDocument(`PDF 文件已损坏，无法读取（${(e as Error).message}）`);
  }
  try {
    const pages = doc.numPages;
    const blocks: Block[] = [];
    let characters = 0;
    for (let p = 1; p <= Math.min(pages, MAX_PDF_PAGES); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as TextItemLike;
        if (!it.str.trim()) continue;
        characters += it.str.replace(/\s/g, '').length;
        items.push({ page: p, text: it.str, x: it.transform[4]!, y: it.transform[5]!, width: it.width, height: it.height || Math.abs(it.transform[3]!) });
      }
      blocks.push(...layoutPage(items));
      page.cleanup();
    }
    // a scan has no text layer, or only a page number or a stamp of a few characters
    if (characters < 20) throw new UnreadableDocument('PDF 中没有文字层（可能是扫描件），需要先做文字识别（OCR）');
    return { blocks, pages, skippedPages: Math.max(0, pages - MAX_PDF_PAGES) };
  } catch (e) {
    if (e instanceof UnreadableDocument) throw e;
    throw new UnreadableDocument(`PDF 文件已损坏，无法读取（${(e as Error).message}）`);
  } finally {
    await doc.destroy();
  }
}
