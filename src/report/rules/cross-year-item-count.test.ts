import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { crossYearItemCount as rule } from './cross-year-item-count.ts';

function pair() {
  const report = fixtureReport('valid-2019');
  const previous = fixtureReport('valid-2019');
  previous.year = report.year - 1;
  // 2019: 行政许可 37 items, 2 dropped in 2019 → 35 items at the start of 2020
  previous.table2!.licensing = { previousCount: 37, change: -2, decisions: 600 };
  previous.table2!.penalty = { previousCount: 11, change: 1, decisions: 40 };
  return { report, previous };
}

test('cross-year.item-count: 上一年项目数量 = last year\'s count + 本年增/减', () => {
  const { report, previous } = pair();
  assert.deepEqual(rule.check(report, { previous }), []);
});

test('cross-year.item-count: counts that do not carry over', () => {
  const { report, previous } = pair();
  previous.table2!.licensing.change = 0;
  const hits = rule.check(report, { previous });
  assert.equal(hits.length, 1);
  assert.equal(
    hits[0]?.message,
    '表二“行政许可”行“上一年项目数量”为 35，但 2019 年度报告同一行上一年项目数量 37、本年增/减 0，应为 37',
  );
  assert.deepEqual(hits[0]?.cells, [
    'table2.licensing.previousCount',
    'previous.table2.licensing.previousCount',
    'previous.table2.licensing.change',
  ]);
});

test('cross-year.item-count: not applied to 2021-format table 2', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), { previous: fixtureReport('valid-2021-previous') }), []);
});
