// Zip limits: the declared sizes of the central directory are checked before anything is
// inflated — too large in all, an absurd compression ratio, too many entries, ZIP64 sizes — and
// an entry that unpacks to more than it declares is caught; ordinary Office files pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { checkZipLimits, DEFAULT_ZIP_LIMITS, type ZipVerdict } from './zip-limits.ts';

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Text that packs about 2:1, like a table of figures. */
function figures(bytes: number, seed = 1): string {
  let a = seed;
  let s = '';
  while (s.length < bytes) {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    s += a.toString(16);
  }
  return s.slice(0, bytes);
}

const refused = (v: ZipVerdict) => (v.ok ? assert.fail('should be refused') : v);

test('zip: an ordinary Word and Excel file pass, with their entries and unpacked size', async () => {
  const docx = checkZipLimits(readFileSync(new URL('../../test/fixtures/ingest/rendered-2021.docx', import.meta.url)));
  assert.ok(docx.ok && docx.entries > 3 && docx.totalBytes > 0, JSON.stringify(docx));
  const made = checkZipLimits(await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': figures(300_000) }));
  assert.deepEqual(made, { ok: true, entries: 5, totalBytes: 300_000 + 8 + 11 }, 'three files and the folders xl/ and xl/worksheets/');
});

test('zip: an entry that packs more than 200:1 is a zip bomb, refused before inflating', async () => {
  const bomb = await zipOf({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024) });
  const v = refused(checkZipLimits(bomb));
  assert.equal(v.damaged, false);
  assert.match(v.reason, /^压缩文件解压后过大：word\/document\.xml 的压缩比为 \d+:1（上限 200:1），可能是恶意构造的“压缩炸弹”，未读取$/);
  // below the floor a high ratio is ordinary (an empty sheet)
  assert.ok(checkZipLimits(await zipOf({ 'xl/styles.xml': new Uint8Array(500 * 1024) })).ok);
});

test('zip: the declared total is capped', async () => {
  const zip = await zipOf({ a: figures(600_000, 1), b: figures(600_000, 2) });
  const v = refused(checkZipLimits(zip, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1024 * 1024 }));
  assert.match(v.reason, /声明解压后共 1\.1 MB，上限 1 MB/);
  assert.ok(checkZipLimits(zip).ok, 'within the default 100 MB');
  const many = await zipOf(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}`, 'x'])));
  assert.match(refused(checkZipLimits(many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 })).reason, /含 6 个文件，上限 5 个/);
});

/** The central-directory record of `name` in a zip JSZip wrote (one per entry). */
function centralRecord(zip: Buffer, name: string): number {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let i = zip.indexOf(signature); i >= 0; i = zip.indexOf(signature, i + 4)) {
    if (zip.toString('utf8', i + 46, i + 46 + zip.readUInt16LE(i + 28)) === name) return i;
  }
  throw new Error(`no ${name}`);
}

test('zip: an entry that unpacks to more than it declares is caught by inflating it (capped at the declared size)', async () => {
  const zip = await zipOf({ 'word/document.xml': figures(64 * 1024) });
  zip.writeUInt32LE(1000, centralRecord(zip, 'word/document.xml') + 24); // declares 1000 bytes
  const v = refused(checkZipLimits(zip));
  assert.match(v.reason, /word\/document\.xml 解压后大于其声明的 1000 字节/);
  assert.ok(checkZipLimits(zip, { ...DEFAULT_ZIP_LIMITS, verify: false }).ok, 'the declared sizes alone look fine');
});

test('zip: ZIP64 sizes in the extra field count', async () => {
  const zip = await zipOf({ 'word/document.xml': 'x' });
  const cd = centralRecord(zip, 'word/document.xml');
  // rewrite the record with a ZIP64 extra field declaring 5 GB unpacked
  const nameLength = zip.readUInt16LE(cd + 28);
  const head = Buffer.from(zip.subarray(cd, cd + 46 + nameLength));
  head.writeUInt32LE(0xffffffff, 24);
  head.writeUInt16LE(12, 30);
  head.writeUInt16LE(0, 32);
  const extra = Buffer.alloc(12);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8, 2);
  extra.writeBigUInt64LE(5n * 1024n ** 3n, 4);
  const oldLength = 46 + nameLength + zip.readUInt16LE(cd + 30) + zip.readUInt16LE(cd + 32);
  const eocd = zip.length - 22;
  const record = Buffer.concat([head, extra]);
  const out = Buffer.concat([zip.subarray(0, cd), record, zip.subarray(cd + oldLength)]);
  out.writeUInt32LE(out.readUInt32LE(eocd - oldLength + record.length + 12) + record.length - oldLength, eocd - oldLength + record.length + 12);
  assert.match(refused(checkZipLimits(out)).reason, /声明解压后共 5 GB，上限 100 MB/);
});

test('zip: no central directory is damaged, not a bomb', () => {
  for (const bytes of [Buffer.from('PK\u0003\u0004 not really a zip'), Buffer.alloc(10)]) {
    const v = refused(checkZipLimits(bytes));
    assert.equal(v.damaged, true);
    assert.match(v.reason, /压缩文件已损坏或不完整/);
  }
});
