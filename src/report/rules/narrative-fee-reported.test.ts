import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { narrativeFeeReported as rule } from './narrative-fee-reported.ts';

test('narrative.fee-reported: fees reported in section 六, or no fees, or no narrative', () => {
  const report = fixtureReport('valid-2021');
  assert.deepEqual(rule.check(report, { narrative: { 六: '本年度收取信息处理费0.35万元。' } }), []);
  assert.deepEqual(rule.check(report, { narrative: { '六、其他需要报告的事项': '按规定收费。' } }), []);
  assert.deepEqual(rule.check(report, {}), []);
  report.table2!.fees.amountWanYuan = 0;
  assert.deepEqual(rule.check(report, { narrative: { 六: '无。' } }), []);
});

test('narrative.fee-reported: fees collected but section 六 is silent', () => {
  const report = fixtureReport('valid-2021');
  const [hit] = rule.check(report, { narrative: { 一: '……', 六: '本机关无其他需要报告的事项。' } });
  assert.equal(
    hit?.message,
    '表二“行政事业性收费”行“本年收费金额（单位：万元）”为 0.35，但“六、其他需要报告的事项”没有提到收费情况（“信息处理费”或“收费”）',
  );
  assert.deepEqual(hit?.cells, ['table2.fees.amountWanYuan', 'narrative.六']);
  const [missing] = rule.check(report, { narrative: { 一: '……' } });
  assert.match(missing!.message, /“六、其他需要报告的事项”没有内容$/);
});
