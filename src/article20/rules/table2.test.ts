import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countDecisionsInYear, table2Rows, tallyDecisions, type Ledgers } from './table2.ts';

const empty: Ledgers = { decisions: [], counts: [], fees: [], items: [], procurement: [] };

test('decisions count in the calendar year of their 决定日期, across the boundary 12-31 / 01-01', () => {
  const decisions = [
    { category: 'licensing' as const, decidedOn: '2024-12-31', status: 'confirmed' as const },
    { category: 'licensing' as const, decidedOn: '2025-01-01', status: 'confirmed' as const },
    { category: 'licensing' as const, decidedOn: '2025-12-31', status: 'confirmed' as const },
    { category: 'licensing' as const, decidedOn: '2026-01-01', status: 'confirmed' as const },
    { category: 'penalty' as const, decidedOn: '2025-06-01', status: 'confirmed' as const },
  ];
  assert.equal(countDecisionsInYear(decisions, 'licensing', 2024), 1);
  assert.equal(countDecisionsInYear(decisions, 'licensing', 2025), 2);
  assert.equal(countDecisionsInYear(decisions, 'licensing', 2026), 1);
  assert.equal(countDecisionsInYear(decisions, 'penalty', 2025), 1);
});

test('only confirmed entries count; the entered ones are reported', () => {
  const l: Ledgers = { ...empty, decisions: [
    { category: 'licensing', decidedOn: '2025-03-01', status: 'confirmed' },
    { category: 'licensing', decidedOn: '2025-03-02', status: 'entered' },
  ] };
  assert.deepEqual(tallyDecisions(l, 'licensing', 2025), { category: 'licensing', source: 'decisions', counted: 1, unconfirmed: 1, ignoredHandCount: 0 });
  assert.equal(table2Rows(l, 2025, '2021').licensing.decisions, 1);
});

test('hand counts add up per year, and are not added to a year that has imported decisions', () => {
  const counts = [
    { category: 'penalty' as const, year: 2025, count: 5, status: 'confirmed' as const },
    { category: 'penalty' as const, year: 2025, count: 7, status: 'confirmed' as const },
    { category: 'penalty' as const, year: 2025, count: 2, status: 'entered' as const },
    { category: 'licensing' as const, year: 2025, count: 40, status: 'confirmed' as const },
  ];
  const l: Ledgers = { ...empty, counts, decisions: [{ category: 'licensing', decidedOn: '2025-05-05', status: 'confirmed' }] };
  assert.deepEqual(tallyDecisions(l, 'penalty', 2025), { category: 'penalty', source: 'counts', counted: 12, unconfirmed: 2, ignoredHandCount: 0 });
  assert.deepEqual(tallyDecisions(l, 'licensing', 2025), { category: 'licensing', source: 'decisions', counted: 1, unconfirmed: 0, ignoredHandCount: 40 });
  assert.deepEqual(tallyDecisions(l, 'coercion', 2025).source, 'none');
});

test('the 2021 rows: counts and fees in 万元; nothing entered is 0', () => {
  assert.deepEqual(table2Rows(empty, 2025, '2021'), { licensing: { decisions: 0 }, penalty: { decisions: 0 }, coercion: { decisions: 0 }, fees: { amountWanYuan: 0 } });
  const l: Ledgers = { ...empty, fees: [
    { year: 2025, amountFen: 12_000_000n, status: 'confirmed' },
    { year: 2025, amountFen: 345_678n, status: 'confirmed' },
    { year: 2025, amountFen: 1n, status: 'entered' },
    { year: 2024, amountFen: 99n, status: 'confirmed' },
  ] };
  assert.equal(table2Rows(l, 2025, '2021').fees.amountWanYuan, 12.345678);
});

test('the 2019 rows: 上一年项目数量, signed 本年增/减, decisions, 政府集中采购', () => {
  const l: Ledgers = {
    decisions: [{ category: 'coercion', decidedOn: '2019-04-01', status: 'confirmed' }],
    counts: [{ category: 'other_services', year: 2019, count: 9, status: 'confirmed' }],
    fees: [],
    items: [
      { year: 2019, item: 'licensing', previousCount: 120, change: -3, status: 'confirmed' },
      { year: 2019, item: 'fees', previousCount: 4, change: 1, status: 'confirmed' },
      { year: 2019, item: 'penalty', previousCount: 50, change: 2, status: 'entered' },
    ],
    procurement: [{ year: 2019, projects: 3, amountFen: 25_100_000n, status: 'confirmed' }],
  };
  assert.deepEqual(table2Rows(l, 2019, '2019'), {
    licensing: { previousCount: 120, change: -3, decisions: 0 },
    otherServices: { previousCount: 0, change: 0, decisions: 9 },
    penalty: { previousCount: 0, change: 0, decisions: 0 },
    coercion: { previousCount: 0, change: 0, decisions: 1 },
    fees: { previousCount: 4, change: 1 },
    procurement: { projects: 3, amount: '251000元' },
  });
});
