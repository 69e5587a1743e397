// Bytes of a text or HTML file → text. Order of evidence: a byte-order mark;
// valid UTF-8 (scrapers often re-encode GBK pages to UTF-8 but keep the old
// <meta charset>, so well-formed UTF-8 wins over the declaration); the HTML
// declaration; chardet; GB18030 as the last resort for Chinese pages.
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { UnreadableDocument } from './document.ts';

export interface DecodedText {
  text: string;
  /** UTF-8, UTF-16LE, UTF-16BE, GBK, GB18030, Big5 */
  encoding: string;
}

const SAMPLE = 64 * 1024;

/** Encoding names as the user reads them; GB2312 and GBK pages are decoded as GB18030, their superset. */
function canonicalName(label: string): { name: string; decoder: string } | null {
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  if (l === 'utf-8' || l === 'utf8') return { name: 'UTF-8', decoder: 'utf8' };
  if (l === 'gb2312' || l === 'gbk' || l === 'cp936' || l === 'euc-cn' || l === 'windows-936') return { name: 'GBK', decoder: 'gb18030' };
  if (l === 'gb18030') return { name: 'GB18030', decoder: 'gb18030' };
  if (l === 'big5' || l === 'big5-hkscs') return { name: 'Big5', decoder: 'big5' };
  if (l === 'utf-16le') return { name: 'UTF-16LE', decoder: 'utf16le' };
  if (l === 'utf-16be') return { name: 'UTF-16BE', decoder: 'utf16be' };
  return null;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that are control characters or U+FFFD: binary data decodes to many. */
function garbageRatio(text: string): number {
  const sample = text.slice(0, SAMPLE);
  if (!sample) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad / sample.length;
}

/** chardet's guess among the encodings Chinese pages use; GB18030 (which reads GBK and GB2312) otherwise. */
function guessEncoding(sample: Uint8Array): { name: string; decoder: string } {
  const guess = chardet.detect(sample);
  return (guess ? canonicalName(guess) : null) ?? { name: 'GB18030', decoder: 'gb18030' };
}

function decodeWith(bytes: Uint8Array, decoder: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), decoder);
}

/**
 * Decodes a text or HTML file. Throws UnreadableDocument for binary data or
 * text in no encoding we can read.
 */
export function decodeText(bytes: Uint8Array, isHtml: boolean): DecodedText {
  if (bytes.length === 0) throw new UnreadableDocument('文件是空的');
  let result: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    result = { text: decodeWith(bytes.subarray(3), 'utf8'), encoding: 'UTF-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    result = { text: decodeWith(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    result = { text: decodeWith(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  } else if (bytes.subarray(0, SAMPLE).includes(0)) {
    // NUL bytes: binary, or UTF-16 without a mark (which reports do not use)
    throw new UnreadableDocument('不是文本文件（含有二进制数据）');
  } else if (isValidUtf8(bytes)) {
    result = { text: decodeWith(bytes, 'utf8'), encoding: 'UTF-8' };
  } else {
    const declared = isHtml ? declaredCharset(bytes) : null;
    const fromDeclaration = declared ? canonicalName(declared) : null;
    // a page that is not valid UTF-8 but says so was mislabelled: ask chardet
    const chosen =
      fromDeclaration && fromDeclaration.name !== 'UTF-8' ? fromDeclaration : guessEncoding(bytes.subarray(0, SAMPLE));
    result = { text: decodeWith(bytes, chosen.decoder), encoding: chosen.name };
  }
  if (garbageRatio(result.text) > 0.02) throw new UnreadableDocument('不是文本文件（无法识别的字符编码或二进制数据）');
  return result;
}
