import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { table3Balance as rule } from './table3-balance.ts';

test('table3.balance: 一 + 二 = （七）总计 + 四 in every column', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
  assert.deepEqual(rule.check(fixtureReport('valid-2019'), {}), []);
});

test('table3.balance: a column that does not balance', () => {
  const r = fixtureReport('valid-2021');
  r.table3!.carriedForward[1] = 2;
  const hits = rule.check(r, {});
  assert.equal(hits.length, 1);
  assert.equal(
    hits[0]?.message,
    '表三“商业企业”列勾稽关系不成立：第一项加第二项之和为 6（本年新收 5 + 上年结转 1），第三项加第四项之和为 8（“（七）总计” 6 + 结转下年度 2）',
  );
  assert.deepEqual(hits[0]?.cells, [
    'table3.newReceived[1]',
    'table3.carriedOver[1]',
    'table3.total[1]',
    'table3.carriedForward[1]',
  ]);
  assert.deepEqual(hits[0]?.values, {
    'table3.newReceived[1]': 5,
    'table3.carriedOver[1]': 1,
    'table3.total[1]': 6,
    'table3.carriedForward[1]': 2,
  });
});

test('table3.balance: columns with an unreadable cell are skipped', () => {
  const r = fixtureReport('valid-2021');
  r.table3!.carriedForward[1] = null;
  r.table3!.total[1] = 0;
  assert.deepEqual(rule.check(r, {}), []);
});
