import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { crossYearCarriedOver as rule } from './cross-year-carried-over.ts';

test('cross-year.carried-over: 上年结转 equals last year\'s 结转下年度', () => {
  const report = fixtureReport('valid-2021');
  assert.deepEqual(rule.check(report, { previous: fixtureReport('valid-2021-previous') }), []);
  assert.deepEqual(rule.check(report, {}), [], 'no previous report, no check');
});

test('cross-year.carried-over: a column that was not carried over', () => {
  const report = fixtureReport('valid-2021');
  const previous = fixtureReport('valid-2021-previous');
  previous.table3!.carriedForward = [3, 1, 0, 0, 0, 0, 4];
  const hits = rule.check(report, { previous });
  assert.deepEqual(
    hits.map((h) => h.message),
    [
      '表三“自然人”列：本年度“二、上年结转政府信息公开申请数量”为 2，但 2023 年度报告“四、结转下年度继续办理”为 3，两者应相等',
      '表三“总计”列：本年度“二、上年结转政府信息公开申请数量”为 3，但 2023 年度报告“四、结转下年度继续办理”为 4，两者应相等',
    ],
  );
  assert.deepEqual(hits[0]?.cells, ['table3.carriedOver[0]', 'previous.table3.carriedForward[0]']);
  assert.equal(rule.severity, 'error');
});

test('cross-year.carried-over: works across the 2020→2021 format change', () => {
  const report = fixtureReport('valid-2021');
  report.year = 2021;
  const previous = fixtureReport('valid-2019');
  previous.agency = report.agency;
  previous.table3!.carriedForward = [2, 1, 0, 0, 0, 0, 3];
  assert.deepEqual(rule.check(report, { previous }), []);
  previous.table3!.carriedForward[6] = 0;
  assert.equal(rule.check(report, { previous }).length, 1);
});
