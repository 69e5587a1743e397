import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankReport } from '../model/blank-report.ts';
import type { AnnualReport, AnnualReport2019, AnnualReport2021, Cell } from '../model/report.ts';
import { exactSum, layoutMismatch, procurementYuan, sumReports } from './sum.ts';

const r2021 = (year = 2025, agency: string | null = 'A'): AnnualReport2021 => blankReport('2021', year, agency);
const r2019 = (year = 2020, agency: string | null = 'A'): AnnualReport2019 => blankReport('2019', year, agency);

test('exactSum adds decimals as printed, without floating-point drift', () => {
  assert.equal(exactSum([0.1, 0.2]), 0.3);
  assert.equal(exactSum([0.35, 1.2, 0.05]), 1.6);
  assert.equal(exactSum([]), 0);
  assert.equal(exactSum([-3, 5, 0]), 2);
  assert.equal(exactSum([1e-7, 2e-7]), 3e-7);
  assert.equal(exactSum([12345678.91, 0.09]), 12345679);
  assert.equal(exactSum(Array.from({ length: 10 }, () => 0.1)), 1);
});

test('tables 2, 3 and 4 are summed cell by cell; fees in 万元 exactly', () => {
  const a = r2021(2025, '甲局');
  a.table2!.fees.amountWanYuan = 0.1;
  a.table2!.licensing.decisions = 326;
  a.table3!.newReceived = [14, 3, 0, 0, 1, 0, 18];
  a.table4!.review = [1, 0, 0, 0, 1];
  const b = r2021(2025, '乙局');
  b.table2!.fees.amountWanYuan = 0.2;
  b.table2!.licensing.decisions = 57;
  b.table3!.newReceived = [9, 2, 0, 0, 0, 0, 11];
  b.table4!.review = [0, 1, 0, 1, 2];
  const sum = sumReports([{ key: 'A', name: '甲局', report: a }, { key: 'B', name: '乙局', report: b }], 2025, '县政府办');
  assert.deepEqual(sum.summed, ['A', 'B']);
  assert.deepEqual(sum.excluded, []);
  assert.deepEqual(sum.unknown, []);
  const r = sum.report as AnnualReport2021;
  assert.equal(r.format, '2021');
  assert.equal(r.agency, '县政府办');
  assert.equal(r.year, 2025);
  assert.equal(r.table2!.fees.amountWanYuan, 0.3);
  assert.equal(r.table2!.licensing.decisions, 383);
  assert.deepEqual(r.table3!.newReceived, [23, 5, 0, 0, 1, 0, 29]);
  assert.deepEqual(r.table3!['other.noCorrection'], [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(r.table4!.review, [1, 1, 0, 1, 3]);
});

test('no report to sum gives a report of zeros in the layout of the year', () => {
  const sum = sumReports([], 2020, null);
  assert.equal(sum.report.format, '2019');
  const zeros = r2019(2020, null);
  zeros.table2!.procurement.amount = '0元';
  assert.deepEqual(sum.report, zeros);
});

test('a null cell in any report makes the sum’s cell null and names the agency', () => {
  const a = r2021();
  const b = r2021();
  a.table3!.granted[0] = null;
  b.table3!.granted[0] = null;
  b.table4!.litigationDirect[4] = null;
  const sum = sumReports([{ key: 'A', name: '甲局', report: a }, { key: 'B', name: '乙局', report: b }, { key: 'C', name: '丙局', report: r2021() }], 2025, null);
  const r = sum.report as AnnualReport2021;
  assert.equal(r.table3!.granted[0], null);
  assert.equal(r.table3!.granted[1], 0, 'the other cells are summed');
  assert.equal(r.table4!.litigationDirect[4], null);
  assert.deepEqual(
    sum.unknown.map((u) => [u.cell, u.key]),
    [['table3.granted[0]', 'A'], ['table3.granted[0]', 'B'], ['table4.litigationDirect[4]', 'B']],
  );
  assert.match(sum.unknown[0]!.locator, /^表三第3行“（一）予以公开”“自然人”列$/);
  assert.match(sum.unknown[2]!.locator, /^表四“行政诉讼·未经复议直接起诉”“总计”列$/);
});

test('a table missing from a report makes every cell of that table null, listed once for the agency', () => {
  const a = r2021();
  a.table4 = null;
  const sum = sumReports([{ key: 'A', name: '甲局', report: a }, { key: 'B', name: '乙局', report: r2021() }], 2025, null);
  assert.ok(Object.values(sum.report.table4!).every((line: Cell[]) => line.every((c) => c === null)));
  assert.ok(Object.values(sum.report.table3!).every((line: Cell[]) => line.every((c) => c === 0)));
  assert.deepEqual(sum.unknown, [{ cell: 'table4', locator: '表四（整表）', key: 'A', name: '甲局', reason: '报告未包含表四' }]);
});

test('a report with the other layout’s tables, or of another year, is not summed and says why', () => {
  const mixed = r2021(2025) as unknown as AnnualReport;
  mixed.table3 = r2019(2025).table3; // 2019-shaped table 3 in a 2021 report
  const other = r2021(2024);
  const sum = sumReports(
    [{ key: 'A', name: '甲局', report: r2021() }, { key: 'M', name: '混合局', report: mixed }, { key: 'Y', name: '往年局', report: other }],
    2025,
    null,
  );
  assert.deepEqual(sum.summed, ['A']);
  assert.deepEqual(sum.excluded.map((e) => e.key), ['M', 'Y']);
  assert.match(sum.excluded[0]!.reason, /表三为 2019 格式（国办公开办函〔2019〕60号），与 2025 年度适用的 2021 格式/);
  assert.equal(sum.excluded[1]!.reason, '报告年度为 2024，不是 2025');
  assert.equal(layoutMismatch(r2019(2020), 2020), null);
  assert.match(layoutMismatch(r2021(2020), 2020)!, /表二为 2021 格式/);
});

test('2019 采购总金额 is summed when every one reads as 元, else null with the reason', () => {
  const a = r2019();
  const b = r2019();
  a.table2!.procurement = { projects: 2, amount: '251000元' };
  b.table2!.procurement = { projects: 1, amount: '1.5万元' };
  const ok = sumReports([{ key: 'A', name: '甲局', report: a }, { key: 'B', name: '乙局', report: b }], 2020, null).report as AnnualReport2019;
  assert.deepEqual(ok.table2!.procurement, { projects: 3, amount: '266000元' });

  const c = r2019();
  c.table2!.procurement = { projects: 1, amount: '约30万' };
  const bad = sumReports([{ key: 'A', name: '甲局', report: a }, { key: 'C', name: '丙局', report: c }], 2020, null);
  assert.equal((bad.report as AnnualReport2019).table2!.procurement.amount, null);
  assert.equal((bad.report as AnnualReport2019).table2!.procurement.projects, 3);
  assert.deepEqual(bad.unknown.map((u) => [u.cell, u.key, u.reason]), [['table2.procurement.amount', 'C', '采购总金额“约30万”不是以元为单位的金额']]);

  assert.deepEqual(procurementYuan('0.1元'), { yuan: 0.1 });
  assert.deepEqual(procurementYuan(' 251,000.50 元'), { yuan: 251000.5 });
  assert.deepEqual(procurementYuan('0.00015万元'), { yuan: 1.5 });
  assert.deepEqual(procurementYuan(''), { yuan: 0 });
  assert.deepEqual(procurementYuan('/'), { yuan: 0 });
  assert.deepEqual(procurementYuan('251000'), { reason: '采购总金额“251000”未注明单位（元）' });
  assert.deepEqual(procurementYuan(null), { reason: '采购总金额无法读取' });
  const sumText = sumReports(
    [0.1, 0.2].map((v, i) => {
      const r = r2019();
      r.table2!.procurement.amount = `${v}元`;
      return { key: String(i), name: String(i), report: r };
    }),
    2020,
    null,
  ).report as AnnualReport2019;
  assert.equal(sumText.table2!.procurement.amount, '0.3元');
});
