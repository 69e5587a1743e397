import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankReport } from '../../report/model/blank-report.ts';
import { validateReport } from '../../report/rules/validate.ts';
import { countTable4, table4Standing, type CountedAppeal } from './table4.ts';

const review = (receivedOn: string, decidedOn: string | null = null, outcome: CountedAppeal['outcome'] = null): CountedAppeal => ({ kind: 'review', receivedOn, decidedOn, outcome });

test('a case decided in the year counts in the column of its outcome', () => {
  const t = countTable4(
    [review('2025-02-01', '2025-04-01', 'upheld'), review('2025-03-01', '2025-06-01', 'corrected'), { kind: 'litigation_direct', receivedOn: '2025-05-01', decidedOn: '2025-11-30', outcome: 'other' }],
    2025,
  );
  assert.deepEqual(t, { review: [1, 1, 0, 0, 2], litigationDirect: [0, 0, 1, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] });
});

test('a case received in the year and not decided by 31 December is 尚未审结', () => {
  const t = countTable4([{ kind: 'litigation_after_review', receivedOn: '2025-12-31', decidedOn: null, outcome: null }], 2025);
  assert.deepEqual(t.litigationAfterReview, [0, 0, 0, 1, 1]);
});

test('across the year boundary: 尚未审结 at the end of the year received, its outcome in the year decided', () => {
  const a = review('2024-11-20', '2025-01-02', 'corrected');
  assert.equal(table4Standing(a, 2024), 'pending');
  assert.equal(table4Standing(a, 2025), 'corrected');
  assert.equal(table4Standing(a, 2026), null, 'decided before the year: not counted again');
  assert.equal(table4Standing(a, 2023), null, 'received after the year: not yet counted');
  assert.deepEqual(countTable4([a], 2024).review, [0, 0, 0, 1, 1]);
  assert.deepEqual(countTable4([a], 2025).review, [0, 1, 0, 0, 1]);
});

test('a case open over a whole year (a lawsuit through two instances) is 尚未审结 in each year it stays open', () => {
  const a: CountedAppeal = { kind: 'litigation_direct', receivedOn: '2023-09-01', decidedOn: '2025-03-15', outcome: 'upheld' };
  assert.deepEqual([2022, 2023, 2024, 2025, 2026].map((y) => table4Standing(a, y)), [null, 'pending', 'pending', 'upheld', null]);
  const open: CountedAppeal = { kind: 'litigation_direct', receivedOn: '2023-09-01', decidedOn: null, outcome: null };
  assert.equal(table4Standing(open, 2026), 'pending');
});

test('the first and last day belong to the year', () => {
  assert.equal(table4Standing(review('2025-01-01', '2025-12-31', 'other'), 2025), 'other');
  assert.equal(table4Standing(review('2024-06-01', '2025-01-01', 'upheld'), 2024), 'pending');
  assert.equal(table4Standing(review('2024-06-01', '2024-12-31', 'upheld'), 2025), null);
});

test('an empty register gives a table of zeros, not nulls', () => {
  assert.deepEqual(countTable4([], 2025), { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] });
});

test('the counted table passes the validator in both layouts (2019 and 2021)', () => {
  const register: CountedAppeal[] = [
    review('2019-03-01', '2019-05-01', 'upheld'),
    review('2019-10-01'),
    { kind: 'litigation_direct', receivedOn: '2018-12-01', decidedOn: '2019-02-01', outcome: 'corrected' },
    { kind: 'litigation_after_review', receivedOn: '2019-07-01', decidedOn: '2020-01-10', outcome: 'other' },
  ];
  for (const [format, year] of [['2019', 2019], ['2019', 2020], ['2021', 2021]] as const) {
    const report = format === '2019' ? blankReport('2019', year) : blankReport('2021', year);
    report.table4 = countTable4(register, year);
    const table4Findings = validateReport(report).filter((f) => f.rule.startsWith('table4.') || f.cells.some((c) => c.startsWith('table4')));
    assert.deepEqual(table4Findings, [], `${format} ${year}`);
  }
  assert.deepEqual(countTable4(register, 2019), { review: [1, 0, 0, 1, 2], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 1, 1] });
  assert.deepEqual(countTable4(register, 2020), { review: [0, 0, 0, 1, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 1, 0, 1] });
});

test('a wrong total would be caught by the same validator (the check can fail)', () => {
  const report = blankReport('2021', 2025);
  report.table4 = countTable4([review('2025-02-01', '2025-04-01', 'upheld')], 2025);
  report.table4.review[4] = 2;
  assert.ok(validateReport(report).some((f) => f.rule === 'table4.group-total'));
});
