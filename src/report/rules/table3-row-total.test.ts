import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { table3RowTotal as rule } from './table3-row-total.ts';

test('table3.row-total: consistent rows pass', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
  assert.deepEqual(rule.check(fixtureReport('valid-2019'), {}), []);
});

test('table3.row-total: 总计 differs from the six applicant columns', () => {
  const r = fixtureReport('valid-2021');
  r.table3!.newReceived = [1, 1, 1, 1, 1, 0, 6];
  const [hit, ...rest] = rule.check(r, {});
  assert.equal(rest.length, 0);
  assert.equal(hit?.message, '表三第1行“一、本年新收政府信息公开申请数量”：六类申请人之和为 5（1+1+1+1+1+0），但“总计”列为 6');
  assert.equal(hit?.cells.length, 7);
  assert.equal(hit?.values?.sum, 5);
  assert.equal(hit?.values?.['table3.newReceived[6]'], 6);
});

test('table3.row-total: a row with an unreadable cell is skipped', () => {
  const r = fixtureReport('valid-2019');
  r.table3!.other = [null, 0, 0, 0, 0, 0, 5];
  assert.deepEqual(rule.check(r, {}), []);
});
