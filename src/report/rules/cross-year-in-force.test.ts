import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { crossYearInForce as rule } from './cross-year-in-force.ts';

test('cross-year.in-force: 现行有效 = last year\'s + 制发 − 废止', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), { previous: fixtureReport('valid-2021-previous') }), []);
});

test('cross-year.in-force: a jump in 现行有效件数 is a warning', () => {
  const report = fixtureReport('valid-2021');
  report.table2!.normativeDocuments.inForce = 20;
  const hits = rule.check(report, { previous: fixtureReport('valid-2021-previous') });
  assert.equal(rule.severity, 'warning');
  assert.equal(hits.length, 1);
  assert.equal(
    hits[0]?.message,
    '表二“行政规范性文件”行“现行有效件数”为 20，但 2023 年度现行有效件数 10 + 本年制发 3 − 本年废止 1 = 12；如有修订等原因请在报告中说明',
  );
  assert.equal(hits[0]?.values?.expected, 12);
});
