import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOverrides, combineParts } from './assemble.ts';
import { withOverride, type CellOverride } from './override.ts';
import { cellValue, withCellValue } from '../model/cells.ts';
import type { Table2_2021, Table4 } from '../model/report.ts';

const table4: Table4 = { review: [1, 1, 0, 0, 2], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: [0, 0, 0, 0, 0] };
const override = (cell: string, value: number, reason = '纸质台账补录'): CellOverride => ({ cell, value, computed: null, reason, byName: '负责人', at: '2026-12-06T00:00:00.000Z' });

test('combineParts: a blank report of the year\'s layout with each part\'s cells; nothing else is filled', () => {
  const { report, cellSources, facts } = combineParts('某局', 2025, [
    { table2: { licensing: { decisions: 12 } } as Partial<Table2_2021>, sources: [{ cell: 'table2.licensing.decisions', description: '行政许可决定 12 件' }], facts: { administrativeFeesYuan: '0' } },
    { table4, sources: [], facts: { interpretations: 3 } },
  ]);
  assert.equal(report.format, '2021');
  assert.equal(cellValue(report, 'table2.licensing.decisions'), 12);
  assert.equal(cellValue(report, 'table2.penalty.decisions'), 0, 'no record, no decision');
  assert.deepEqual(report.table4, table4);
  assert.equal(cellValue(report, 'table3.newReceived[6]'), 0);
  assert.equal(cellValue(report, 'table4.review[4]'), 2);
  assert.deepEqual(cellSources.map((s) => s.cell), ['table2.licensing.decisions']);
  assert.equal(facts.interpretations, 3);
  assert.equal(combineParts('某局', 2020, []).report.format, '2019', '2019–2020: the 2019 layout');
});

test('applyOverrides: the cell takes the hand value, the override keeps what the records give now', () => {
  const { report } = combineParts('某局', 2025, [{ table4, sources: [] }]);
  const { report: out, overrides } = applyOverrides(report, [override('table4.review[0]', 2)]);
  assert.equal(cellValue(out, 'table4.review[0]'), 2);
  assert.equal(cellValue(report, 'table4.review[0]'), 1, 'the computed report is not changed');
  assert.equal(overrides[0]!.computed, 1);
  const other = applyOverrides(report, [override('table2.otherServices.decisions', 5)]);
  assert.deepEqual(other.overrides, [], 'a cell of the other layout no longer applies');
});

test('withOverride: a later override of the same cell replaces the earlier one', () => {
  const list = withOverride(withOverride([], override('table4.review[0]', 2)), override('table4.review[0]', 3, '再次核对'));
  assert.deepEqual(list.map((o) => [o.cell, o.value, o.reason]), [['table4.review[0]', 3, '再次核对']]);
});

test('cellValue / withCellValue: by machine name, never a text cell or an unknown one', () => {
  const { report } = combineParts('某局', 2025, []);
  assert.equal(cellValue(report, 'table3.granted[6]'), 0);
  assert.equal(cellValue(withCellValue(report, 'table3.granted[6]', 4), 'table3.granted[6]'), 4);
  assert.equal(cellValue(report, 'table3.nothing[0]'), undefined);
  assert.throws(() => withCellValue(report, 'table9.x[0]', 1), /没有数字单元格/);
});
