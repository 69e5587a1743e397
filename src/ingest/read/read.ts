// A file's bytes → an IngestDocument: which kind of file it is (by its first
// bytes, then its name), and the reader for it. Unreadable input — empty,
// binary, too large, damaged, encrypted, scanned, a format we do not read —
// throws UnreadableDocument with a Chinese reason. The readers of HTML, PDF
// and Word (cheerio, pdfjs, mammoth: a second to load) are loaded when a file
// of their kind comes, so a text file or a server start does without them.
import { extname } from 'node:path';
import type { FileType, IngestDocument } from './document.ts';
import { NotAReportDocument, UnreadableDocument } from './document.ts';
import { htmlScreenText, missingReportMarkers } from '../detect/markers.ts';
import { decodeText } from './decode.ts';
import { readTextBlocks } from './text.ts';

/** Text and HTML pages of an annual report are well under a megabyte; PDF and Word files a few. */
const MAX_TEXT_BYTES = 10 * 1024 * 1024;
const MAX_BINARY_BYTES = 60 * 1024 * 1024;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.jsp', '.asp', '.aspx', '.php']);
const UNSUPPORTED: Record<string, string> = {
  '.doc': '旧版 Word（.doc）格式暂不支持，请另存为 .docx',
  '.wps': 'WPS 文字（.wps）格式暂不支持，请另存为 .docx',
  '.xls': 'Excel 文件不支持，请导入报告全文（HTML、PDF、Word 或文本）',
  '.xlsx': 'Excel 文件不支持，请导入报告全文（HTML、PDF、Word 或文本）',
  '.ofd': 'OFD 版式文件暂不支持，请转为 PDF',
  '.zip': '压缩包不支持，请先解压',
  '.rar': '压缩包不支持，请先解压',
};

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What the file is: by its content where it tells (PDF, zip), else by its name, else by a look at the text. */
export function detectFileType(bytes: Uint8Array, fileName: string): FileType {
  const ext = extname(fileName).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1').includes('word/')) return 'docx';
    throw new UnreadableDocument(UNSUPPORTED[ext] ?? '这是一个压缩文件（zip），不是可读取的报告格式');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new UnreadableDocument(UNSUPPORTED[ext] ?? '旧版 Office 文件（.doc/.xls）暂不支持，请另存为 .docx');
  if (UNSUPPORTED[ext]) throw new UnreadableDocument(UNSUPPORTED[ext]);
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  const start = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  return /<(?:!doctype html|html|body|table|p|div)[\s>]/.test(start) && /<\/(?:td|p|div|body|html)>/.test(start) ? 'html' : 'text';
}

/** Text without any marker of an annual report is turned away before it is read as one (seconds for megabytes). */
function screen(plainText: string, fileType: FileType, encoding: string): void {
  const reason = missingReportMarkers(plainText);
  if (reason) throw new NotAReportDocument(reason, fileType, encoding);
}

/**
 * Loads the readers that readDocument imports only when a file needs them (pdfjs, mammoth, the HTML
 * reader): a worker calls it once, before its first job's time limit (core/isolate/child.ts warmUp).
 */
export async function loadReaders(): Promise<void> {
  await Promise.all([import('./pdf.ts'), import('./docx.ts'), import('./html.ts'), import('pdfjs-dist/legacy/build/pdf.mjs'), import('mammoth')]);
}

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<IngestDocument & { skippedPages?: number }> {
  if (bytes.length === 0) throw new UnreadableDocument('文件是空的');
  const fileType = detectFileType(bytes, fileName);
  const limit = fileType === 'pdf' || fileType === 'docx' ? MAX_BINARY_BYTES : MAX_TEXT_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableDocument(`文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB，上限 ${limit / 1024 / 1024} MB），不像一份年度报告`);
  }
  switch (fileType) {
    case 'pdf': {
      const { readPdfBlocks } = await import('./pdf.ts');
      const r = await readPdfBlocks(bytes);
      return { fileType, encoding: null, blocks: r.blocks, ...(r.skippedPages > 0 ? { skippedPages: r.skippedPages } : {}) };
    }
    case 'docx': {
      const { readDocxBlocks } = await import('./docx.ts');
      return { fileType, encoding: null, blocks: await readDocxBlocks(bytes) };
    }
    case 'html': {
      const { text, encoding } = decodeText(bytes, true);
      screen(htmlScreenText(text), fileType, encoding);
      const { readHtmlBlocks } = await import('./html.ts');
      const r = readHtmlBlocks(text, 'html');
      return { fileType, encoding, blocks: r.blocks, ...(r.title ? { declaredTitle: r.title } : {}) };
    }
    case 'text': {
      const { text, encoding } = decodeText(bytes, false);
      screen(text, fileType, encoding);
      return { fileType, encoding, blocks: readTextBlocks(text) };
    }
  }
}
