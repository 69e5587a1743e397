import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutPage, type PositionedText } from './pdf-layout.ts';

const item = (text: string, x: number, y: number, width = text.length * 8.5): PositionedText => ({ page: 1, text, x, y, width, height: 8.5 });

test('pdf layout: a label wrapped around its values is one row; values get columns; narrative stays text', () => {
  const items = [
    item('三、收到和处理政府信息公开申请情况', 80, 700, 300),
    item('（二）部分公开（区分处理的，只计这一情形，不', 110, 557.3, 190),
    item('计其他情形）', 110, 544.4, 51),
    item('1', 320, 550.9, 5), item('2', 350, 550.9, 5), item('3', 380, 550.9, 5),
    item('1.属于国家秘密', 110, 528.1, 58),
    item('4', 320, 528.1, 5), item('5', 350, 528.1, 5), item('6', 380, 528.1, 5),
    item('— 1 —', 280, 60, 28),
  ];
  const blocks = layoutPage(items);
  // label lines stay in the text too (the part headings and narrative must not be lost)
  assert.deepEqual(blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.text : '')), [
    '三、收到和处理政府信息公开申请情况',
    '（二）部分公开（区分处理的，只计这一情形，不',
    '计其他情形）',
    '— 1 —',
  ]);
  const table = blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') return assert.fail('no table');
  assert.deepEqual(table.table.rows.map((r) => r.map((c) => `${c.column}:${c.text}`)), [
    ['0:（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1:1', '2:2', '3:3'],
    ['0:1.属于国家秘密', '1:4', '2:5', '3:6'],
  ]);
  assert.deepEqual(table.table.rows[0]![1]!.where, { kind: 'pdf', page: 1, x: 320, y: 550.9 });
});

test('pdf layout: a column blank in every row still counts, from its header', () => {
  const items = [
    item('结果', 100, 700, 17), item('维持', 100, 688, 17),
    item('结果', 130, 700, 17), item('纠正', 130, 688, 17),
    item('总计', 160, 694, 17),
    item('2', 106, 670, 5), item('2', 166, 670, 5),
  ];
  const table = layoutPage(items).find((b) => b.kind === 'table');
  if (table?.kind !== 'table') return assert.fail('no table');
  assert.deepEqual(table.table.rows.map((r) => r.map((c) => `${c.column}:${c.text}`)), [
    ['1:结果维持', '2:结果纠正'],
    ['3:总计'],
    ['1:2', '3:2'],
  ]);
});

test('pdf layout: a wide empty gap inside a table (a tall row cut by a page break) does not split it', () => {
  const row = (label: string, y: number, values: string[]) => [item(label, 110, y), ...values.map((v, i) => item(v, 320 + 30 * i, y, 5))];
  const items = [
    ...row('3.其他', 650, ['1', '0', '1']),
    ...row('（七）总计', 515, ['2', '0', '2']),
    ...row('四、结转下年度继续办理', 380, ['0', '0', '0']),
    item('四、政府信息公开行政复议、行政诉讼情况', 80, 340, 300),
    ...row('其他一行', 300, ['5', '6', '7']),
  ];
  const tables = layoutPage(items).filter((b) => b.kind === 'table');
  assert.equal(tables.length, 2, 'a line printed in the gap still ends the table');
  const first = tables[0]!;
  if (first.kind !== 'table') return;
  assert.deepEqual(first.table.rows.map((r) => r[0]!.text), ['3.其他', '（七）总计', '四、结转下年度继续办理']);
});

test('pdf layout: values in other columns after a wide gap are another table', () => {
  const items = [
    item('甲', 110, 650), item('1', 320, 650, 5), item('2', 350, 650, 5), item('3', 380, 650, 5),
    item('乙', 110, 500), item('1', 200, 500, 5), item('2', 240, 500, 5), item('3', 280, 500, 5),
  ];
  assert.equal(layoutPage(items).filter((b) => b.kind === 'table').length, 2);
});
