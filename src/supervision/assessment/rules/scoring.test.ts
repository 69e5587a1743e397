import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessmentResult, computedIndicatorScore, manualScoreProblem, ranks, type IndicatorRule } from './scoring.ts';

const perFault: IndicatorRule = { points: 10, deduction: 3, veto: false };
const allOrNothing: IndicatorRule = { points: 10, deduction: null, veto: false };

test('a computed indicator loses its deduction per fault, never below zero', () => {
  assert.deepEqual(computedIndicatorScore(perFault, { faults: 0, threshold: null }), { score: 10, veto: false });
  assert.deepEqual(computedIndicatorScore(perFault, { faults: 2, threshold: null }), { score: 4, veto: false });
  assert.deepEqual(computedIndicatorScore(perFault, { faults: 4, threshold: null }), { score: 0, veto: false });
  assert.deepEqual(computedIndicatorScore({ points: 5, deduction: 0.1, veto: false }, { faults: 3, threshold: null }), { score: 4.7, veto: false });
});

test('without a deduction per fault the first fault loses all the points', () => {
  assert.deepEqual(computedIndicatorScore(allOrNothing, { faults: 1, threshold: null }), { score: 0, veto: false });
  assert.deepEqual(computedIndicatorScore(allOrNothing, { faults: 0, threshold: null }), { score: 10, veto: false });
});

test('no data is no score, not full points', () => {
  assert.deepEqual(computedIndicatorScore(perFault, { faults: null, threshold: null }), { score: null, veto: false });
});

test('a single-veto indicator is hit by the source threshold where it has one, else by the first fault', () => {
  const veto: IndicatorRule = { points: 10, deduction: 1, veto: true };
  // [W19] 空白栏目 ≥ 5: three empty columns cost points but are not a veto
  assert.deepEqual(computedIndicatorScore(veto, { faults: 3, threshold: false }), { score: 7, veto: false });
  assert.deepEqual(computedIndicatorScore(veto, { faults: 5, threshold: true }), { score: 5, veto: true });
  // 严重表述错误: no threshold, one is enough
  assert.equal(computedIndicatorScore(veto, { faults: 1, threshold: null }).veto, true);
  assert.equal(computedIndicatorScore(veto, { faults: 0, threshold: null }).veto, false);
  // an indicator not marked single-veto is never a veto, whatever the source says
  assert.equal(computedIndicatorScore(perFault, { faults: 9, threshold: true }).veto, false);
});

test('a person scores within 0 … the points, to two decimals', () => {
  assert.equal(manualScoreProblem(perFault, 10), null);
  assert.equal(manualScoreProblem(perFault, 7.25), null);
  assert.match(manualScoreProblem(perFault, 10.5)!, /不能超过该指标的分值 10 分/);
  assert.match(manualScoreProblem(perFault, -1)!, /负数/);
  assert.match(manualScoreProblem(perFault, 1.234)!, /两位小数/);
});

test('the result: a veto is 不合格 whatever the total; 60 % of the points pass; a missing score leaves it 未评完', () => {
  const rules = [{ points: 60, deduction: null, veto: false }, { points: 40, deduction: null, veto: true }];
  assert.deepEqual(assessmentResult(rules, [{ score: 60, veto: false }, { score: 40, veto: false }]), { total: 100, grade: 'pass' });
  assert.deepEqual(assessmentResult(rules, [{ score: 20, veto: false }, { score: 40, veto: false }]), { total: 60, grade: 'pass' });
  assert.deepEqual(assessmentResult(rules, [{ score: 19.99, veto: false }, { score: 40, veto: false }]), { total: 59.99, grade: 'fail' });
  assert.deepEqual(assessmentResult(rules, [{ score: 60, veto: false }, { score: 30, veto: true }]), { total: null, grade: 'veto' });
  assert.deepEqual(assessmentResult(rules, [{ score: 60, veto: false }, undefined]), { total: null, grade: 'incomplete' });
  assert.deepEqual(assessmentResult(rules, [{ score: null, veto: false }, { score: 40, veto: false }]), { total: null, grade: 'incomplete' });
  // a scheme of 50 points passes at 30
  assert.equal(assessmentResult([{ points: 50, deduction: null, veto: false }], [{ score: 30, veto: false }]).grade, 'pass');
  assert.equal(assessmentResult([{ points: 50, deduction: null, veto: false }], [{ score: 29.5, veto: false }]).grade, 'fail');
});

test('ranks: equal totals share a rank; vetoed and incomplete results have none', () => {
  const r = ranks([{ total: 90, grade: 'pass' }, { total: 95, grade: 'pass' }, { total: 90, grade: 'pass' }, { total: null, grade: 'veto' }, { total: 50, grade: 'fail' }]);
  assert.deepEqual(r, [2, 1, 2, null, 4]);
});
