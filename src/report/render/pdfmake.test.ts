// The shared pdfmake set-up: only printed strings are checked and marked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapPrintedText, renderPdfDocument } from './pdfmake.ts';
import { readPdf } from './testing/pdf-text.ts';

test('mapPrintedText reaches text, runs, stacks, columns, lists and table cells, and nothing else', () => {
  const content = [
    'a',
    { text: 'b', style: 'c', id: 'd' },
    { text: ['e', { text: 'f', bold: true }] },
    { stack: ['g', { ul: ['h'] }], alignment: 'center' },
    { columns: [{ ol: ['i'] }] },
    { table: { widths: ['*'], body: [['j', { text: 'k', colSpan: 2 }, {}]] }, layout: 'noBorders' },
  ];
  assert.deepEqual(mapPrintedText(content, (s) => s.toUpperCase()), [
    'A',
    { text: 'B', style: 'c', id: 'd' },
    { text: ['E', { text: 'F', bold: true }] },
    { stack: ['G', { ul: ['H'] }], alignment: 'center' },
    { columns: [{ ol: ['I'] }] },
    { table: { widths: ['*'], body: [['J', { text: 'K', colSpan: 2 }, {}]] }, layout: 'noBorders' },
  ]);
  assert.equal(content[0], 'a', 'the definition is left as it was');
});

test('a document: regular and bold text, with the characters the fonts lack marked and listed', async () => {
  const { pdf, missingGlyphs } = await renderPdfDocument({
    content: [{ text: '标题𪛖', bold: true }, { table: { body: [['单元格𰀀', '龑']] } }, '正文𪛖'],
  });
  assert.deepEqual(missingGlyphs.map((m) => m.codePoint), [0x2a6d6, 0x30000]);
  const text = await readPdf(pdf);
  assert.deepEqual(text.items, ['标题〓', '单元格〓', '龑', '正文〓']);
  assert.ok(pdf.length < 100_000, `${pdf.length} bytes`);
});
