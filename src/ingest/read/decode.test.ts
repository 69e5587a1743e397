import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText } from './decode.ts';
import { UnreadableDocument } from './document.ts';

const TEXT = '大同市新荣区自然资源局2024年政府信息公开工作年度报告';

test('decode: UTF-8 with and without a byte-order mark', () => {
  assert.deepEqual(decodeText(Buffer.from(TEXT), false), { text: TEXT, encoding: 'UTF-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), false), { text: TEXT, encoding: 'UTF-8' });
});

test('decode: a GBK page declared in <meta charset>', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${TEXT}</body></html>`;
  const r = decodeText(iconv.encode(html, 'gbk'), true);
  assert.equal(r.encoding, 'GBK');
  assert.equal(r.text, html);
});

test('decode: GB18030 text without a declaration is detected', () => {
  const text = `${TEXT}\n一、总体情况\n本机关全年收到政府信息公开申请12件，均已按时答复。`.repeat(3);
  const r = decodeText(iconv.encode(text, 'gb18030'), false);
  assert.equal(r.text, text);
  assert.match(r.encoding, /^GB/);
});

test('decode: a page re-encoded to UTF-8 that still declares gb2312 is read as UTF-8', () => {
  const html = `<meta charset="gb2312"><p>${TEXT}</p>`;
  assert.deepEqual(decodeText(Buffer.from(html), true), { text: html, encoding: 'UTF-8' });
});

test('decode: empty and binary files are unreadable', () => {
  assert.throws(() => decodeText(Buffer.alloc(0), false), UnreadableDocument);
  assert.throws(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), false), /二进制/);
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251 + 1;
  assert.throws(() => decodeText(noise, false), UnreadableDocument);
});
