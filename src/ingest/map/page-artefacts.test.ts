// The cell stream of a PDF's text export mended before it is cut into rows:
// page numbers, labels printed one character per line, labels split in two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceCell, SourceTable } from '../read/document.ts';
import { TABLE_LABELS } from './labels.ts';
import { PAGE_NUMBER } from '../read/text.ts';
import { mendStream } from './page-artefacts.ts';

const stream = (...texts: string[]): SourceTable => ({
  mode: 'stream',
  rows: [texts.map((text, i): SourceCell => ({ text, where: { kind: 'line', line: i + 1 } }))],
});
const texts = (t: SourceTable) => t.rows.flat().map((c) => c.text);
const mend3 = (...cells: string[]) => texts(mendStream(stream(...cells), TABLE_LABELS[3]));

test('page artefacts: page numbers in a stream are no cells; a bare number is left to the arithmetic', () => {
  assert.deepEqual(mend3('一、本年新收政府信息公开申请数量', '1', '0', '— 3 —', '第4页', '- 5 -', '2'), ['一、本年新收政府信息公开申请数量', '1', '0', '2']);
  for (const p of ['— 3 —', '- 12 -', '第3页', '第 3 页', '第3页 共9页', '3/9']) assert.ok(PAGE_NUMBER.test(p), p);
  for (const v of ['3', '0', '1,234', '—', '-', '12.5']) assert.ok(!PAGE_NUMBER.test(v), v);
});

test('page artefacts: a merged label printed one character per line is one label, and takes no value', () => {
  const cells = ['二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1', '', ...'三、本年度办理结果'.split(''), '（一）予以公开', '0'];
  assert.deepEqual(mend3(...cells), ['二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1', '', '三、本年度办理结果', '（一）予以公开', '0']);
  // the characters right after a value of one digit: the value stays a value
  assert.deepEqual(mend3('7', ...'三、本年度办理结果'.split('')).slice(0, 2), ['7', '三、本年度办理结果']);
  // short cells that read as no label stay as they are
  assert.deepEqual(mend3('甲', '乙', '丙', '丁'), ['甲', '乙', '丙', '丁']);
});

test('page artefacts: a label split over two cells is joined, with a page number between its parts', () => {
  assert.deepEqual(mend3('（四）无', '法提供', '1.本机关不掌握相关政府信息'), ['（四）无法提供', '1.本机关不掌握相关政府信息']);
  assert.deepEqual(mend3('（四）无', '— 3 —', '法提供'), ['（四）无法提供']);
  assert.deepEqual(mend3('8.属', '3', '于行政查询事项', '0'), ['8.属于行政查询事项', '0']);
  // the first part already a label cut short
  assert.deepEqual(mend3('8、属于行政查', '5', '询事项', '0'), ['8、属于行政查询事项', '0']);
  assert.deepEqual(mend3('5、', '属于三类内部事务信息', '0'), ['5、属于三类内部事务信息', '0']);
  // misprinted and split
  assert.deepEqual(mend3('2.其', '他法律行政止公开', '0'), ['2.其他法律行政止公开', '0']);
  // a group label and the row label after it are two labels
  assert.deepEqual(mend3('（三）不予公开', '1.属于国家秘密', '0'), ['（三）不予公开', '1.属于国家秘密', '0']);
});

test('page artefacts: a label followed by its one value is not a split label (table 2)', () => {
  const t = texts(mendStream(stream('行政许可', '5', '行政处罚', '3'), TABLE_LABELS[2]));
  assert.deepEqual(t, ['行政许可', '5', '行政处罚', '3']);
});

test('page artefacts: a grid table is left as it is', () => {
  const grid: SourceTable = { mode: 'grid', rows: [[{ text: '— 3 —', where: { kind: 'line', line: 1 }, column: 0 }]] };
  assert.equal(mendStream(grid, TABLE_LABELS[3]), grid);
});
