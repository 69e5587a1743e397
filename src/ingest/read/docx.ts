// Word (.docx) → blocks: mammoth turns the document into HTML (tables with
// their merged cells as colspan/rowspan), read like any HTML page. mammoth is
// loaded on first use (it is a development dependency of the package). Runs in a worker process
// (isolated-parse.ts); the zip's declared sizes are checked first (core/zip-limits.ts).
import { checkZipLimits } from '../../core/zip-limits.ts';
import type { Block } from './document.ts';
import { UnreadableDocument } from './document.ts';
import { readHtmlBlocks } from './html.ts';

export async function readDocxBlocks(bytes: Uint8Array): Promise<Block[]> {
  // a zip bomb is refused by its declared sizes before mammoth inflates it; damage is mammoth's to tell
  const zip = checkZipLimits(bytes);
  if (!zip.ok && !zip.damaged) throw new UnreadableDocument(zip.reason);
  let html: string;
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (e) {
    throw new UnreadableDocument(`Word 文件已损坏或不完整，无法读取（${(e as Error).message.split('\n')[0]}）`);
  }
  return readHtmlBlocks(html, 'docx').blocks;
}
