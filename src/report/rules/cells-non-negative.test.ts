import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { cellsNonNegative as rule } from './cells-non-negative.ts';

test('cells.non-negative: valid reports pass; 2019 本年增/减 may be negative', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
  const r = fixtureReport('valid-2019');
  assert.equal(r.table2!.licensing.change, -2);
  assert.deepEqual(rule.check(r, {}), []);
});

test('cells.non-negative: a negative count or amount is an error', () => {
  const r = fixtureReport('valid-2021');
  r.table3!['unavailable.notHeld'][1] = -1;
  r.table2!.fees.amountWanYuan = -0.5;
  r.table4!.litigationAfterReview[0] = -2;
  const hits = rule.check(r, {});
  assert.deepEqual(
    hits.map((h) => h.cells[0]),
    ['table2.fees.amountWanYuan', 'table3.unavailable.notHeld[1]', 'table4.litigationAfterReview[0]'],
  );
  assert.equal(hits[1]?.message, '表三第13行“（四）无法提供 1.本机关不掌握相关政府信息”“商业企业”列为 -1，不得为负数');
  assert.equal(hits[2]?.message, '表四“行政诉讼·复议后起诉”“结果维持”列为 -2，不得为负数');
});
