import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { cellsInteger as rule } from './cells-integer.ts';

test('cells.integer: the fee amount may be a decimal (0.35 万元)', () => {
  const r = fixtureReport('valid-2021');
  assert.equal(r.table2!.fees.amountWanYuan, 0.35);
  assert.deepEqual(rule.check(r, {}), []);
  assert.deepEqual(rule.check(fixtureReport('valid-2019'), {}), []);
});

test('cells.integer: decimals in counts are errors', () => {
  const r = fixtureReport('valid-2021');
  r.table2!.normativeDocuments.issued = 2.5;
  r.table3!.newReceived[6] = 39.0001;
  const hits = rule.check(r, {});
  assert.deepEqual(hits.map((h) => h.cells), [['table2.normativeDocuments.issued'], ['table3.newReceived[6]']]);
  assert.equal(hits[0]?.message, '表二“行政规范性文件”行“本年制发件数”为 2.5，件数应为整数');
  const r19 = fixtureReport('valid-2019');
  r19.table2!.licensing.change = -1.5;
  assert.equal(rule.check(r19, {})[0]?.cells[0], 'table2.licensing.change');
});
