import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFileType, readDocument } from './read.ts';
import { UnreadableDocument } from './document.ts';

test('file type: by content first (PDF, zip), then by name, then by a look at the text', () => {
  assert.equal(detectFileType(Buffer.from('%PDF-1.7\n'), 'report.txt'), 'pdf');
  assert.equal(detectFileType(Buffer.from('PK\u0003\u0004....word/document.xml'), 'x.bin'), 'docx');
  assert.equal(detectFileType(Buffer.from('<p>x</p>'), 'report.htm'), 'html');
  assert.equal(detectFileType(Buffer.from('<html><body><p>年度报告</p></body></html>'), 'saved.txt'), 'html');
  assert.equal(detectFileType(Buffer.from('一、总体情况'), 'report'), 'text');
});

test('file type: formats we do not read are unreadable with a hint', () => {
  assert.throws(() => detectFileType(Buffer.from('x'), 'report.doc'), (e: unknown) => e instanceof UnreadableDocument && /另存为 \.docx/.test(e.reason));
  assert.throws(() => detectFileType(Buffer.from('PK\u0003\u0004'), 'data.zip'), UnreadableDocument);
  assert.throws(() => detectFileType(Buffer.from('x'), 'report.ofd'), /OFD/);
});

test('read: a text file too large to be a report is refused before decoding', async () => {
  await assert.rejects(readDocument(Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.txt'), /文件过大/);
});
