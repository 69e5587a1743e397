import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedDecisionRow } from '../model.ts';
import { docNumberKey } from './doc-number.ts';
import { planImport, storedKey } from './import-plan.ts';

const row = (n: number, docNumber: string, decidedOn: string, category: ParsedDecisionRow['category'] = null): ParsedDecisionRow => ({ sheet: 'Sheet1', row: n, docNumber, decidedOn, category, subject: '' });

test('a duplicate 文书号 (stored, or earlier in the file, in any bracket) is reported, not added twice', () => {
  const stored = new Set([storedKey('licensing', docNumberKey('青自然资许〔2025〕第0001号'))]);
  const plan = planImport({
    hasCategoryColumn: false, errors: [],
    rows: [
      row(2, '青自然资许[2025]第0001号', '2025-01-02'),
      row(3, '青自然资许〔2025〕第0002号', '2025-01-03'),
      row(4, '青自然资许【2025】第0002号', '2025-01-03'),
      row(5, '', '2025-01-04'),
      row(6, '青自然资许〔2025〕第0003号', '2025-13-01'),
      row(7, '青自然资许〔2026〕第0001号', '2026-01-01'),
    ],
  }, { category: 'licensing', stored, today: '2025-12-31' });
  assert.deepEqual(plan.add.map((d) => d.row), [3]);
  assert.deepEqual(plan.duplicates.map((d) => [d.row, d.reason, d.firstRow?.row]), [[2, 'stored', undefined], [4, 'file', 3]]);
  assert.deepEqual(plan.errors.map((e) => e.row), [5, 6, 7]);
  assert.match(plan.errors[2]!.message, /晚于今天/);
});

test('the same 文书号 in another category is another decision; a file category must match the chosen one', () => {
  const plan = planImport({ hasCategoryColumn: true, errors: [], rows: [row(2, 'X〔2025〕1号', '2025-02-02', 'licensing'), row(3, 'X〔2025〕1号', '2025-02-02', 'penalty')] }, { category: null, stored: new Set(), today: '2025-12-31' });
  assert.equal(plan.add.length, 2);
  const mismatch = planImport({ hasCategoryColumn: true, errors: [], rows: [row(2, 'X〔2025〕1号', '2025-02-02', 'penalty')] }, { category: 'licensing', stored: new Set(), today: '2025-12-31' });
  assert.match(mismatch.errors[0]!.message, /不符/);
});
