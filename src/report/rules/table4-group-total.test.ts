import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { table4GroupTotal as rule } from './table4-group-total.ts';

test('table4.group-total: each group adds up', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
  assert.deepEqual(rule.check(fixtureReport('seed-001'), {}), []);
});

test('table4.group-total: a group whose 总计 is wrong', () => {
  const r = fixtureReport('valid-2021');
  r.table4!.litigationDirect = [1, 1, 0, 1, 2];
  const hits = rule.check(r, {});
  assert.equal(hits.length, 1);
  assert.equal(
    hits[0]?.message,
    '表四“行政诉讼·未经复议直接起诉”：结果维持、结果纠正、其他结果、尚未审结之和为 3（1+1+0+1），但“总计”为 2',
  );
  assert.deepEqual(hits[0]?.cells, [0, 1, 2, 3, 4].map((i) => `table4.litigationDirect[${i}]`));
});
