// 国办函〔2020〕109号 第四条、第五条: the worked readings of domain-reference §C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feeForApplications, feeForNthApplication, feeForPages, quoteFee } from './fees.ts';

test('第四条 按件计收: free up to 10 a month, then 100 元, rising 100 元 every 10 from the 31st', () => {
  const table: [number, number][] = [[1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [60, 400], [61, 500], [101, 900]];
  for (const [n, fee] of table) assert.equal(feeForNthApplication(n), fee, `application no. ${n}`);
  // 35 applications in a month: 10 × 0 + 20 × 100 + 5 × 200
  assert.equal(feeForApplications(1, 35), 3000);
  assert.throws(() => feeForNthApplication(0), RangeError);
  assert.throws(() => feeForNthApplication(1.5), RangeError);
});

test('第五条 按量计收: 30 pages free, then 10 / 20 / 40 元 a page, by the excess (超额累进)', () => {
  const table: [number, number][] = [[0, 0], [30, 0], [31, 10], [100, 700], [101, 720], [150, 1700], [200, 2700], [201, 2740], [250, 4700]];
  for (const [pages, fee] of table) assert.equal(feeForPages(pages), fee, `${pages} pages`);
  assert.throws(() => feeForPages(-1), RangeError);
});

test('第三条 one basis per application, with its explanation', () => {
  assert.deepEqual(quoteFee('by_pages', 150), { basis: 'by_pages', quantity: 150, amountYuan: 1700, explanation: '按量计收：共 150 页，收费 1700 元（国办函〔2020〕109号第五条，超额累进）' });
  assert.equal(quoteFee('by_count', 31).amountYuan, 200);
});
