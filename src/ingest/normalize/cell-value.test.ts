import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValueLike, readCell } from './cell-value.ts';

test('cell values: numbers as printed, also full-width, with separators, units or Chinese numerals', () => {
  assert.deepEqual(readCell('12'), { value: 12, status: 'number' });
  assert.deepEqual(readCell('１２'), { value: 12, status: 'number' });
  assert.deepEqual(readCell(' 1,234 '), { value: 1234, status: 'number' });
  assert.deepEqual(readCell('4件'), { value: 4, status: 'number' });
  assert.deepEqual(readCell('三'), { value: 3, status: 'number' });
  assert.deepEqual(readCell('0.35', 'amountWanYuan'), { value: 0.35, status: 'number' });
  assert.deepEqual(readCell('0.35万元', 'amountWanYuan'), { value: 0.35, status: 'number' });
  assert.deepEqual(readCell('-2', 'signedCount'), { value: -2, status: 'number' });
  assert.deepEqual(readCell('减少2', 'signedCount'), { value: -2, status: 'number' });
});

test('cell values: printed empty, /, -, — or 无 is 0', () => {
  for (const raw of ['', ' ', '/', '／', '-', '—', '——', '无', '無', '&nbsp;']) {
    assert.deepEqual(readCell(raw), { value: 0, status: 'empty' }, JSON.stringify(raw));
  }
});

test('cell values: unreadable is null', () => {
  for (const raw of ['1O', '见附件', '3-4', '1.2.3']) assert.equal(readCell(raw).value, null, raw);
  assert.equal(readCell('1O').status, 'unreadable');
});

test('cell values: 元 in a 万元 column is converted and says so', () => {
  const r = readCell('3500元', 'amountWanYuan');
  assert.equal(r.value, 0.35);
  assert.match(r.note ?? '', /换算为万元/);
});

test('cell values: text columns keep the printed text', () => {
  assert.deepEqual(readCell('251000元', 'text'), { value: '251000元', status: 'number' });
  assert.deepEqual(readCell('/', 'text'), { value: '0', status: 'empty' });
});

test('value-like cells: numbers and short broken numbers, not labels', () => {
  assert.equal(isValueLike('12'), true);
  assert.equal(isValueLike(''), true);
  assert.equal(isValueLike('1O'), true);
  assert.equal(isValueLike('规章'), false);
  assert.equal(isValueLike('1.属于国家秘密'), false);
  assert.equal(isValueLike('其他'), false);
});

test('cell value: an amount printed with its unit is a value, not a label (采购总金额)', () => {
  for (const v of ['523.95万元', '1,200元', '30万']) assert.equal(isValueLike(v), true, v);
  for (const l of ['万元', '采购总金额', '本年收费金额（单位：万元）']) assert.equal(isValueLike(l), false, l);
});
