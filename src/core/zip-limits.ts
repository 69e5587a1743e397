// Is a ZIP container (Word .docx, Excel .xlsx) safe to unpack? Its central directory declares every
// entry's unpacked size: a 2 MB "zip bomb" that unpacks to 2 GB is refused here, before a reader
// (mammoth, exceljs: both JSZip, which trusts those sizes) inflates anything. Declared sizes may lie,
// so `verify` inflates each entry once with zlib capped at its declared size (at most maxTotalBytes
// in all, never kept): an entry that unpacks to more than it declared is refused as well.
// Pure: bytes in, a verdict with a Chinese reason out.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** The unpacked size of all entries together. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size of one entry of at least RATIO_FLOOR bytes (XML packs some 5–30 times). */
  maxRatio: number;
  maxEntries: number;
  /** Inflate every entry to check that it does not unpack to more than it declares. */
  verify: boolean;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200, maxEntries: 10_000, verify: true };

/** Small entries may pack absurdly well (an empty sheet); the ratio only counts from here. */
const RATIO_FLOOR = 1024 * 1024;

export type ZipVerdict =
  | { ok: true; entries: number; totalBytes: number }
  /** `damaged`: no readable central directory (not a zip bomb: the reader would fail on it too). */
  | { ok: false; damaged: boolean; reason: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** 1000 → "1000 字节", 1.5 MiB → "1.5 MB", 5 GiB → "5 GB". */
function size(n: number): string {
  const [unit, scale] = n >= 1024 ** 3 ? ['GB', 1024 ** 3] : n >= 1024 ** 2 ? ['MB', 1024 ** 2] : n >= 1024 ? ['KB', 1024] : ['字节', 1];
  return `${Number((n / scale).toFixed(1))} ${unit}`;
}
const damaged = (why: string): ZipVerdict => ({ ok: false, damaged: true, reason: `压缩文件已损坏或不完整（${why}）` });
const bomb = (what: string): ZipVerdict => ({ ok: false, damaged: false, reason: `压缩文件解压后过大：${what}，可能是恶意构造的“压缩炸弹”，未读取` });

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The last end-of-central-directory record, as JSZip finds it (it may sit before a comment). */
function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function readEntries(buf: Buffer, limits: ZipLimits): Entry[] | ZipVerdict {
  const eocd = findEocd(buf);
  if (eocd < 0) return damaged('找不到文件目录');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const at = Number(buf.readBigUInt64LE(eocd - 12));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) return damaged('ZIP64 目录无效');
    count = Number(buf.readBigUInt64LE(at + 32));
    cdSize = Number(buf.readBigUInt64LE(at + 40));
    cdOffset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (count > limits.maxEntries) return bomb(`含 ${count} 个文件，上限 ${limits.maxEntries} 个`);
  // bytes in front of the archive (a self-extractor) shift every offset; JSZip allows for it too
  const shift = Math.max(0, eocd - (cdOffset + cdSize));
  const entries: Entry[] = [];
  let at = cdOffset + shift;
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return damaged('文件目录不完整');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const entry: Entry = {
      name: buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength)),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      uncompressed: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    readZip64Extra(buf, at + 46 + nameLength, extraLength, entry);
    entry.localOffset += shift;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64: sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order. */
function readZip64Extra(buf: Buffer, start: number, length: number, entry: Entry): void {
  const end = Math.min(buf.length, start + length);
  for (let at = start; at + 4 <= end; ) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const v = p + 8 <= end ? Number(buf.readBigUInt64LE(p)) : Number.MAX_SAFE_INTEGER;
        p += 8;
        return v;
      };
      if (entry.uncompressed === 0xffffffff) entry.uncompressed = next();
      if (entry.compressed === 0xffffffff) entry.compressed = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Inflates the entry, never to more than it declares; a larger result is a lie about its size. */
function verifyEntry(buf: Buffer, e: Entry): ZipVerdict | null {
  if (e.method !== 8) return null; // stored: the bytes are what they are; other methods no reader takes
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return damaged(`${e.name} 的位置无效`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + e.compressed));
  try {
    // one byte more than declared tells an entry that unpacks larger
    inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed + 1) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return bomb(`${e.name} 解压后大于其声明的 ${size(e.uncompressed)}`);
    // damaged data is the reader's to report (it may not even need this entry)
  }
  return null;
}

export function checkZipLimits(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return damaged('文件过短');
  const entries = readEntries(buf, limits);
  if (!Array.isArray(entries)) return entries;
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (total > limits.maxTotalBytes) return bomb(`声明解压后共 ${size(total)}，上限 ${size(limits.maxTotalBytes)}`);
  for (const e of entries) {
    if (e.uncompressed >= RATIO_FLOOR && e.uncompressed > limits.maxRatio * Math.max(1, e.compressed)) {
      return bomb(`${e.name} 的压缩比为 ${Math.round(e.uncompressed / Math.max(1, e.compressed))}:1（上限 ${limits.maxRatio}:1）`);
    }
  }
  if (limits.verify) {
    for (const e of entries) {
      const problem = verifyEntry(buf, e);
      if (problem) return problem;
    }
  }
  return { ok: true, entries: entries.length, totalBytes: total };
}
