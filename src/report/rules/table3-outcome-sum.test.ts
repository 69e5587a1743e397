import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { table3OutcomeSum as rule } from './table3-outcome-sum.ts';

test('table3.outcome-sum: （七）总计 equals the result rows', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
  assert.deepEqual(rule.check(fixtureReport('valid-2019'), {}), []);
});

test('table3.outcome-sum: a result counted but missing from （七）总计 (2021 rows （六）1–3)', () => {
  const r = fixtureReport('valid-2021');
  r.table3!['other.feeNotPaid'][0] = 2;
  const hits = rule.check(r, {});
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0]?.cells, [
    'table3.total[0]',
    'table3.granted[0]',
    'table3.partiallyGranted[0]',
    'table3.withheld.thirdPartyRights[0]',
    'table3.withheld.processInformation[0]',
    'table3.unavailable.notHeld[0]',
    'table3.unavailable.needsCreation[0]',
    'table3.notProcessed.petitionComplaint[0]',
    'table3.notProcessed.repeated[0]',
    'table3.other.noCorrection[0]',
    'table3.other.feeNotPaid[0]',
  ]);
  assert.match(hits[0]!.message, /^表三“自然人”列：“（七）总计”为 31，但（一）至（六）各项办理结果之和为 33，其中非零的有：第3行“（一）予以公开” 15；/);
  assert.match(hits[0]!.message, /第22行“（六）其他处理 2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请” 2$/);
});

test('table3.outcome-sum: the 2019 single 其他处理 row counts', () => {
  const r = fixtureReport('valid-2019');
  r.table3!.other[6] = 0;
  const hits = rule.check(r, {});
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.values?.sum, 15);
  assert.equal(hits[0]?.values?.['table3.total[6]'], 16);
});
