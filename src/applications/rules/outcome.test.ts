// Reply outcomes are exactly the result rows of table 3 (§B.8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table3OutcomeRows } from '../../report/model/layout.ts';
import { OUTCOME_KEYS, OUTCOMES, REPLY_OUTCOMES, table3RowOf } from './outcome.ts';

test('every table 3 result row of the 2021 format is an outcome, and nothing else is', () => {
  assert.deepEqual([...OUTCOME_KEYS], table3OutcomeRows('2021').map((r) => r.key));
  assert.equal(REPLY_OUTCOMES.length, OUTCOME_KEYS.length - 2);
  assert.equal(OUTCOMES['withheld.securityStability'].label, '（三）不予公开 3.危及“三安全一稳定”');
  assert.equal(OUTCOMES.partiallyGranted.label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
});

test('2019 format folds （六）其他处理 into one row; every outcome lands on a row of either layout', () => {
  for (const format of ['2019', '2021'] as const) {
    const keys = new Set(table3OutcomeRows(format).map((r) => r.key));
    for (const o of OUTCOME_KEYS) assert.ok(keys.has(table3RowOf(o, format)), `${o} in ${format}`);
  }
  assert.equal(table3RowOf('other.feeNotPaid', '2019'), 'other');
  assert.equal(table3RowOf('other.feeNotPaid', '2021'), 'other.feeNotPaid');
});

test('行政复议法第二十三条 复议前置 applies to refusals (不予公开) and partial disclosure only', () => {
  const reviewFirst = OUTCOME_KEYS.filter((k) => OUTCOMES[k].reviewFirst);
  assert.deepEqual(reviewFirst, ['partiallyGranted', ...OUTCOME_KEYS.filter((k) => k.startsWith('withheld.'))]);
  for (const k of OUTCOME_KEYS) assert.match(OUTCOMES[k].basis, /条例|国办函/);
});
