import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandSpans, type MergedCell } from './grid.ts';

const c = (text: string, colSpan = 1, rowSpan = 1): MergedCell => ({ text, colSpan, rowSpan });
const where = (row: number, column: number) => ({ kind: 'cell' as const, file: 'html' as const, table: 1, row: row + 1, column: column + 1 });

test('grid: rowspan and colspan are expanded into copies at every covered position', () => {
  const grid = expandSpans(
    [
      [c('三、本年度办理结果', 1, 3), c('（一）予以公开', 2), c('1')],
      [c('（三）不予公开', 1, 2), c('1.属于国家秘密'), c('2')],
      [c('2.其他法律行政法规禁止公开'), c('3')],
    ],
    where,
  );
  assert.deepEqual(
    grid.map((row) => row.map((x) => `${x.column}:${x.text}${x.copy ? '*' : ''}`)),
    [
      ['0:三、本年度办理结果', '1:（一）予以公开', '2:（一）予以公开*', '3:1'],
      ['0:三、本年度办理结果*', '1:（三）不予公开', '2:1.属于国家秘密', '3:2'],
      ['0:三、本年度办理结果*', '1:（三）不予公开*', '2:2.其他法律行政法规禁止公开', '3:3'],
    ],
  );
  // a copy points at the cell where the text is printed
  assert.deepEqual(grid[2]![0]!.where, where(0, 0));
});

test('grid: absurd spans are capped', () => {
  const grid = expandSpans([[c('a', 100000, 100000)], [c('b')]], where);
  assert.equal(grid[0]!.length, 64);
  assert.equal(grid.length, 2);
});
