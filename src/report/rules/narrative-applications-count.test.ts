import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { narrativeApplicationsCount as rule } from './narrative-applications-count.ts';

test('narrative.applications-count: the text agrees with table 3, or says no number', () => {
  const report = fixtureReport('valid-2021');
  assert.deepEqual(rule.check(report, { narrative: { 一: '全年共收到政府信息公开申请39件，均按时答复。' } }), []);
  assert.deepEqual(rule.check(report, { narrative: { 一: '依法办理依申请公开。' } }), []);
  assert.deepEqual(rule.check(report, {}), []);
});

test('narrative.applications-count: the text gives another number', () => {
  const report = fixtureReport('seed-001');
  report.table3!.newReceived = [3, 0, 0, 0, 0, 0, 3];
  const [hit, ...rest] = rule.check(report, {
    narrative: { 一: '2024年，自然资源局收到群众依申请公开4例并及时回复。' },
  });
  assert.equal(rest.length, 0);
  assert.equal(
    hit?.message,
    '“一、总体情况”中写“收到群众依申请公开4例”，但表三第1行“一、本年新收政府信息公开申请数量”“总计”列为 3',
  );
  assert.deepEqual(hit?.cells, ['table3.newReceived[6]', 'narrative.一']);
});
