import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { comparablePrevious, crossYearPrevious as rule } from './cross-year-previous.ts';

test('cross-year.previous-report: the same agency, the year before', () => {
  const report = fixtureReport('valid-2021');
  const previous = fixtureReport('valid-2021-previous');
  assert.deepEqual(rule.check(report, { previous }), []);
  assert.deepEqual(rule.check(report, {}), []);
  assert.equal(comparablePrevious(report, { previous }), previous);
});

test('cross-year.previous-report: wrong year or other agency disables cross-year rules', () => {
  const report = fixtureReport('valid-2021');
  const previous = fixtureReport('valid-2021-previous');
  previous.year = 2022;
  previous.agency = '安澜市清河区交通运输局';
  const hits = rule.check(report, { previous });
  assert.deepEqual(
    hits.map((h) => h.message),
    [
      '所给上一年度报告是 2022 年度的，本报告是 2024 年度，应为 2023 年度；跨年度检查已跳过',
      '所给上一年度报告的机关为“安澜市清河区交通运输局”，与本报告“安澜市清河区市场监督管理局”不同；跨年度检查已跳过',
    ],
  );
  assert.equal(comparablePrevious(report, { previous }), null);
});
