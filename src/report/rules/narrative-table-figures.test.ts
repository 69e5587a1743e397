import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnualReport } from '../model/report.ts';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { narrativeTableFigures as rule } from './narrative-table-figures.ts';
import { draftNarrative } from '../narrative/draft.ts';

const facts = {
  publishedByColumn: [{ column: '政策文件', count: 5 }],
  interpretations: 2,
  applicationsByChannel: [{ channel: '网络申请', count: 3 }],
  processingFeesYuan: '0',
  administrativeFeesYuan: null,
  assessment: null,
};

test('narrative.table-figures: the drafted text agrees with its tables', () => {
  for (const name of ['valid-2021', 'valid-2019', 'seed-001'] as const) {
    const report: AnnualReport = fixtureReport(name as 'valid-2021');
    assert.deepEqual(rule.check(report, { narrative: draftNarrative(report, facts) as Record<string, string> }), [], name);
  }
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), [], 'no text, nothing to compare');
});

test('narrative.table-figures: a number changed in the text is reported with both numbers', () => {
  const report = fixtureReport('valid-2021');
  const text = draftNarrative(report, facts).一!;
  const licensing = report.table2 && 'licensing' in report.table2 ? report.table2.licensing.decisions : null;
  const edited = text.replace(`行政许可决定${licensing}件`, `行政许可决定${licensing! + 1}件`);
  assert.notEqual(edited, text);
  const hits = rule.check(report, { narrative: { 一: edited } });
  assert.deepEqual(hits.map((h) => h.cells), [['table2.licensing.decisions', 'narrative.一']]);
  assert.match(hits[0]!.message, new RegExp(`写“行政许可决定${licensing! + 1}件”，但表格中行政许可决定为 ${licensing}`));
});

test('narrative.table-figures: 予以公开及部分公开 is the sum of two rows, named with their values', () => {
  const report = fixtureReport('valid-2021');
  const hits = rule.check(report, { narrative: { 三: '其中：予以公开及部分公开999件。' } });
  assert.deepEqual(hits[0]?.cells, ['table3.granted[6]', 'table3.partiallyGranted[6]', 'narrative.三']);
  assert.match(hits[0]!.message, /table3\.granted\[6\] = \d+，table3\.partiallyGranted\[6\] = \d+/);
});

test('narrative.table-figures: 万元 with decimals compares exactly', () => {
  const report = fixtureReport('valid-2021');
  const fees = report.table2 && 'fees' in report.table2 && 'amountWanYuan' in report.table2.fees ? report.table2.fees.amountWanYuan : null;
  assert.deepEqual(rule.check(report, { narrative: { 一: `收取行政事业性收费${fees}万元。` } }), []);
  assert.equal(rule.check(report, { narrative: { 一: `收取行政事业性收费${fees! + 0.01}万元。` } }).length, 1);
});
