import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyDocumentFacts } from './table2.ts';
import { table2Section1 } from './table2.ts';

const doc = (over: Partial<PolicyDocumentFacts>): PolicyDocumentFacts => ({
  docKind: 'normative', writtenDate: '2024-03-01', publishedDate: '2024-03-05', validity: 'effective', validityDate: null, ...over,
});

const docs: PolicyDocumentFacts[] = [
  doc({ docKind: 'regulation', writtenDate: '2022-06-01' }),
  doc({ docKind: 'regulation', writtenDate: '2024-02-01', validity: 'amended', validityDate: '2024-10-01' }),
  doc({ writtenDate: '2023-01-10' }),
  doc({ writtenDate: '2023-05-10', validity: 'abolished', validityDate: '2024-04-01' }),
  doc({ writtenDate: '2024-02-10', validity: 'expired', validityDate: '2024-12-31' }),
  doc({ writtenDate: '2024-07-01' }),
  doc({ writtenDate: null, publishedDate: '2024-08-01' }), // no 成文日期: the 发布日期 counts
  doc({ writtenDate: '2025-01-02' }), // next year
  doc({ docKind: 'other_policy', writtenDate: '2024-01-01' }), // not counted in （一）
  doc({ docKind: null, writtenDate: '2024-01-01' }),
];

test('第二十条第（一）项 for 2024: issued, abolished (废止 or 失效), in force at year end', () => {
  assert.deepEqual(table2Section1(docs, 2024), {
    regulations: { issued: 1, abolished: 0, inForce: 2 },
    normativeDocuments: { issued: 3, abolished: 2, inForce: 3 },
  });
});

test('earlier and later years, and the cross-year identity 现行有效 = 上年现行有效 + 制发 − 废止', () => {
  const y2023 = table2Section1(docs, 2023);
  assert.deepEqual(y2023.normativeDocuments, { issued: 2, abolished: 0, inForce: 2 });
  assert.deepEqual(y2023.regulations, { issued: 0, abolished: 0, inForce: 1 });
  for (const year of [2023, 2024, 2025]) {
    const now = table2Section1(docs, year);
    const before = table2Section1(docs, year - 1);
    for (const k of ['regulations', 'normativeDocuments'] as const) {
      assert.equal(now[k].inForce, before[k].inForce! + now[k].issued! - now[k].abolished!, `${year} ${k}`);
    }
  }
  assert.deepEqual(table2Section1([], 2024).regulations, { issued: 0, abolished: 0, inForce: 0 });
});
