import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankZeros, chooseReading, confirmedZeros, derive, feasible, fullyKnown, holds, totalHolds, type Equation } from './arithmetic.ts';

const row: Equation = { left: ['t'], right: ['a', 'b', 'c'] };

test('arithmetic: one lost cell of a row with its total is fixed', () => {
  assert.deepEqual(derive([row], new Map([['t', 10], ['a', 3], ['b', null], ['c', 5]])), new Map([['b', 2]]));
  assert.deepEqual(derive([row], new Map([['t', null], ['a', 3], ['b', 4], ['c', 5]])), new Map([['t', 12]]));
});

test('arithmetic: two lost cells are fixed only when counts ≥ 0 leave one choice', () => {
  assert.deepEqual(derive([row], new Map([['t', 3], ['a', 3], ['b', null], ['c', null]])), new Map([['b', 0], ['c', 0]]));
  assert.deepEqual(derive([row], new Map([['t', 5], ['a', 3], ['b', null], ['c', null]])), new Map());
});

test('arithmetic: equations together (勾稽: 一 + 二 = 七 + 四, 七 = Σ results)', () => {
  const eqs: Equation[] = [
    { left: ['seven'], right: ['r1', 'r2'] },
    { left: ['one', 'two'], right: ['seven', 'four'] },
  ];
  const known = new Map<string, number | null>([['one', 5], ['two', 1], ['r1', 2], ['r2', 3], ['seven', null], ['four', null]]);
  assert.deepEqual(derive(eqs, known), new Map([['seven', 5], ['four', 1]]));
  assert.equal(feasible(eqs, new Map([['one', 1], ['two', 0], ['r1', 2], ['r2', 3], ['seven', null], ['four', null]])), false);
});

test('arithmetic: feasibility with unknowns ≥ 0', () => {
  assert.equal(feasible([row], new Map([['t', 4], ['a', 3], ['b', null], ['c', 5]])), false);
  assert.equal(feasible([row], new Map([['t', 9], ['a', 3], ['b', null], ['c', 5]])), true);
  assert.equal(feasible([row], new Map([['t', null], ['a', 3], ['b', null], ['c', 5]])), true);
});

test('arithmetic: checking a printed equation', () => {
  const known = new Map<string, number | null>([['t', 8], ['a', 3], ['b', 0], ['c', 5]]);
  assert.equal(fullyKnown(row, known), true);
  assert.equal(holds(row, known), true);
  assert.equal(holds(row, new Map([...known, ['t', 9]])), false);
  assert.equal(fullyKnown(row, new Map([...known, ['b', null]])), false);
});

test('arithmetic: a printed total checks a reading', () => {
  assert.equal(totalHolds([1, 2, 3], 2, [0, 1]), true);
  assert.equal(totalHolds([1, 2, 4], 2, [0, 1]), false);
  assert.equal(totalHolds([1, null, 3], 2, [0, 1]), false, 'a cell not read checks nothing');
  assert.equal(totalHolds([1, 2, undefined], 2, [0, 1]), false);
});

test('arithmetic: of two readings the one the arithmetic keeps, or none', () => {
  assert.equal(chooseReading(true, false), 'straight');
  assert.equal(chooseReading(false, true), 'positioned');
  assert.equal(chooseReading(true, true), null);
  assert.equal(chooseReading(false, false), null);
});

test('arithmetic: a blank reads as 0 only where a part of the arithmetic fixes it to 0', () => {
  const groups = [[row]];
  // t = a + b + c with t = a + c printed: b must be 0
  assert.deepEqual(confirmedZeros(groups, new Map([['t', 8], ['a', 3], ['b', null], ['c', 5]]), ['b']), new Set(['b']));
  // t = 9: b is 1, not 0
  assert.deepEqual(confirmedZeros(groups, new Map([['t', 9], ['a', 3], ['b', null], ['c', 5]]), ['b']), new Set());
  // the total blank too (a row cut by a page break): nothing fixes b, so no 0 either
  assert.deepEqual(confirmedZeros(groups, new Map([['t', null], ['a', 3], ['b', null], ['c', 5]]), ['b', 't']), new Set());
  // a whole blank row whose total another equation fixes to 0: all of it is 0
  const col: Equation = { left: ['t'], right: ['u'] };
  assert.deepEqual(
    confirmedZeros([[row], [col]], new Map([['t', null], ['a', null], ['b', null], ['c', null], ['u', 0]]), ['t', 'a', 'b', 'c']),
    new Set(['t', 'a', 'b', 'c']),
  );
  // a group broken by the printed cells decides nothing
  assert.deepEqual(confirmedZeros(groups, new Map([['t', 1], ['a', 3], ['b', null], ['c', 5]]), ['b']), new Set());
});

test('arithmetic: blanks read as 0 except in a group that 0 would break; those stay unknown', () => {
  const col: Equation = { left: ['t'], right: ['u', 'v'] };
  // zeros left blank (Shanghai 2019): a row and a column that hold with them as 0
  assert.deepEqual(blankZeros([[row], [col]], new Map([['t', 3], ['a', 3], ['b', null], ['c', null], ['u', 3], ['v', null]]), ['b', 'c', 'v']), new Set(['b', 'c', 'v']));
  // a row total left blank: 0 breaks the row, so the total (and the row's other blanks) stay unknown
  assert.deepEqual(blankZeros([[row]], new Map([['t', null], ['a', 3], ['b', null], ['c', 5]]), ['t', 'b']), new Set());
  // a group broken by printed numbers alone gives up its blanks too, and gives nothing
  assert.deepEqual(blankZeros([[row], [col]], new Map([['t', 1], ['a', 3], ['b', null], ['c', 5], ['u', 1], ['v', null]]), ['b', 'v']), new Set(['v']));
});
