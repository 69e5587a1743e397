// A 2021 report whose table 3 prints （六）其他处理 as one row, the 2019 way
// (issue 18 item 5): the one row stands for the three 2021 sub-rows only when
// it is 0 in every column; otherwise they are null, with a finding either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table3Rows } from '../../report/model/layout.ts';
import { table3Shape } from '../../report/model/report.ts';
import type { IngestDocument, SourceCell } from '../read/document.ts';
import { findTableRows } from './find-table.ts';
import { mapTable3, otherRowAs2021 } from './table3.ts';

/** Table 3 in the 2019 shape as a grid: every row its label and seven values. */
function table2019(other: number[]): IngestDocument {
  const zero = ['0', '0', '0', '0', '0', '0', '0'];
  const rows: string[][] = [['自然人', '法人或其他组织', '总计']];
  for (const r of table3Rows('2019')) {
    if (r.key === 'other') rows.push(['（六）其他处理', ...other.map(String)]);
    else if (r.key === 'total') rows.push(['（七）总计', ...other.map(String)]);
    else if (r.key === 'newReceived') rows.push(['一、本年新收政府信息公开申请数量', ...other.map(String)]);
    else rows.push([`${r.group ? r.group.label + ' ' : ''}${r.label}`, ...zero]);
  }
  return {
    fileType: 'markdown' as IngestDocument['fileType'],
    encoding: 'UTF-8',
    blocks: [
      {
        kind: 'table',
        table: {
          mode: 'grid',
          rows: rows.map((cells, r) => cells.map((text, c): SourceCell => ({ text, column: c, where: { kind: 'cell', file: 'html', table: 1, row: r + 1, column: c + 1 } }))),
        },
      },
    ],
  };
}

const SUB_ROWS = ['other.noCorrection', 'other.feeNotPaid', 'other.other'];

test('other row: the one row read in the 2019 shape is printed as such', () => {
  const read = mapTable3(findTableRows(table2019([0, 0, 0, 0, 0, 0, 0]), 3), '2021');
  assert.equal(read.shape, '2019');
  assert.equal(read.printedShape, '2019');
});

test('other row: 0 in every column gives three sub-rows of 0, the other rows as read, and a finding', () => {
  const read = mapTable3(findTableRows(table2019([0, 0, 0, 0, 0, 0, 0]), 3), '2021');
  const t = otherRowAs2021(read, 2023);
  assert.equal(t.shape, '2021');
  assert.equal(table3Shape(t.table!), '2021');
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  for (const k of SUB_ROWS) assert.deepEqual(rows[k], [0, 0, 0, 0, 0, 0, 0]);
  assert.ok(!('other' in rows));
  // provenance in the canonical order of the 2021 layout, the sub-rows derived from the printed row
  assert.deepEqual(
    t.provenance.map((p) => p.cell),
    table3Rows('2021').flatMap((r) => [0, 1, 2, 3, 4, 5, 6].map((i) => `table3.${r.key}[${i}]`)),
  );
  const sub = t.provenance.find((p) => p.cell === 'table3.other.feeNotPaid[6]')!;
  assert.deepEqual([sub.value, sub.confidence, sub.raw], [0, 'derived', '0']);
  const f = t.findings.find((x) => x.rule === 'ingest.other-single-row')!;
  assert.match(f.message, /2023 年.*各列均为 0，三个子项均记为 0/);
  assert.equal(f.cells.length, 21);
});

test('other row: a row not 0 throughout cannot be split; the sub-rows are null with a finding', () => {
  const read = mapTable3(findTableRows(table2019([2, 0, 0, 0, 0, 1, 3]), 3), '2021');
  const t = otherRowAs2021(read, 2022);
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  for (const k of SUB_ROWS) assert.deepEqual(rows[k], [null, null, null, null, null, null, null]);
  // what was read elsewhere stays (the 2019 arithmetic holds on the printed table)
  assert.deepEqual(rows.total, [2, 0, 0, 0, 0, 1, 3]);
  const sub = t.provenance.find((p) => p.cell === 'table3.other.other[0]')!;
  assert.deepEqual([sub.value, sub.confidence, sub.raw], [null, 'uncertain', '2']);
  const f = t.findings.find((x) => x.rule === 'ingest.other-single-row')!;
  assert.match(f.message, /各列为 2、0、0、0、0、1、3）；该行不全为 0，无法分到.*三行记为 null/);
  assert.ok(f.cells.includes('table3.other.noCorrection[0]') && f.cells.includes('table3.other.other[6]'));
});

test('other row: a table already in the 2021 shape is left alone', () => {
  const read = mapTable3(findTableRows(table2019([0, 0, 0, 0, 0, 0, 0]), 3), '2021');
  const t = otherRowAs2021(otherRowAs2021(read, 2023), 2023);
  assert.equal(t.findings.filter((x) => x.rule === 'ingest.other-single-row').length, 1);
});
