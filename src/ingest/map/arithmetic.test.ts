import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derive, feasible, fullyKnown, holds, type Equation } from './arithmetic.ts';

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
