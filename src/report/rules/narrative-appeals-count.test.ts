import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { narrativeAppealsCount as rule } from './narrative-appeals-count.ts';

test('narrative.appeals-count: the text agrees with table 4', () => {
  const report = fixtureReport('valid-2021');
  const narrative = { 一: '全年因政府信息公开被申请行政复议4件、提起行政诉讼2件。' };
  assert.deepEqual(rule.check(report, { narrative: { 四: '行政复议4件，行政诉讼2件。' } }), []);
  assert.deepEqual(rule.check(report, { narrative }), [], 'phrases like 被申请行政复议4件、提起行政诉讼2件 are read');
  assert.deepEqual(rule.check(report, {}), []);
});

test('narrative.appeals-count: seed 001 says 行政诉讼0件 but table 4 shows 2', () => {
  const report = fixtureReport('seed-001');
  const hits = rule.check(report, { narrative: { 一: '政府信息复议0件、行政诉讼0件。' } });
  assert.deepEqual(
    hits.map((h) => h.message),
    ['“一、总体情况”中写“行政诉讼0件”，但表四行政诉讼“未经复议直接起诉”总计 2 与“复议后起诉”总计 0 之和为 2'],
  );
  assert.deepEqual(hits[0]?.cells, ['table4.litigationDirect[4]', 'table4.litigationAfterReview[4]', 'narrative.一']);
});

test('narrative.appeals-count: a wrong 复议 count', () => {
  const report = fixtureReport('valid-2021');
  const hits = rule.check(report, { narrative: { 六: '本年度行政复议1件。' } });
  assert.equal(hits[0]?.message, '“六、其他需要报告的事项”中写“复议1件”，但表四“行政复议”“总计”为 4');
});

test('narrative.appeals-count: the outcomes stated in the same clause are compared with their columns', () => {
  const report = fixtureReport('valid-2021');
  const t = report.table4!;
  const said = `行政复议${t.review[4]}件，其中结果维持${t.review[0]! + 1}件、结果纠正${t.review[1]}件；行政诉讼${t.litigationDirect[4]! + t.litigationAfterReview[4]!}件，其中尚未审结${t.litigationDirect[3]! + t.litigationAfterReview[3]!}件。`;
  const hits = rule.check(report, { narrative: { 一: said } });
  assert.deepEqual(hits.map((h) => h.cells), [['table4.review[0]', 'narrative.一']]);
  assert.match(hits[0]!.message, new RegExp(`写“结果维持${t.review[0]! + 1}件”，但表四行政复议“结果维持”为 ${t.review[0]}`));
});
