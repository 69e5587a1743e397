import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SECTION_HEADINGS,
  TABLE3_COLUMNS,
  TABLE3_HEADER,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  formatForYear,
  table2Layout,
  table3OutcomeRows,
  table3Rows,
} from './layout.ts';

test('table 3 has 25 data rows in 2021 and 23 in 2019 (§B.4, §B.6)', () => {
  assert.equal(table3Rows('2021').length, 25);
  assert.equal(table3Rows('2019').length, 23);
  assert.equal(table3OutcomeRows('2021').length, 21);
  assert.equal(table3OutcomeRows('2019').length, 19);
  assert.equal(TABLE3_COLUMNS.length, 7);
  assert.equal(TABLE3_COLUMNS[6], '总计');
});

test('table 3 labels use the exact printed punctuation', () => {
  const rows = table3Rows('2021');
  const byKey = new Map(rows.map((r) => [r.key, r]));
  assert.equal(byKey.get('withheld.securityStability')?.label, '3.危及“三安全一稳定”');
  assert.equal(byKey.get('withheld.stateSecret')?.group?.label, '（三）不予公开');
  assert.equal(rows[0]?.label, '一、本年新收政府信息公开申请数量');
  assert.equal(rows.at(-1)?.label, '四、结转下年度继续办理');
  assert.equal(TABLE3_HEADER.corner, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
  assert.ok(table3Rows('2019').some((r) => r.key === 'other' && r.label === '（六）其他处理'));
});

test('table 2 has 10 data cells in 2021 and 22 in 2019 (§B.3, §B.6)', () => {
  const cells = (f: '2019' | '2021') =>
    table2Layout(f).reduce((n, s) => n + s.columns.length * s.rows.length, 0);
  assert.equal(cells('2021'), 10);
  assert.equal(cells('2019'), 22);
  assert.equal(table2Layout('2021')[3]?.columns[0]?.label, '本年收费金额（单位：万元）');
  assert.equal(table2Layout('2019')[0]?.rows[1]?.label, '规范性文件');
});

test('table 4 has 3 groups of 5 columns; six section headings', () => {
  assert.deepEqual(
    TABLE4_GROUPS.map((g) => g.key),
    ['review', 'litigationDirect', 'litigationAfterReview'],
  );
  assert.equal(TABLE4_COLUMNS.length, 5);
  assert.equal(SECTION_HEADINGS.length, 6);
  assert.equal(SECTION_HEADINGS[5], '六、其他需要报告的事项');
});

test('format by year (§B.1)', () => {
  assert.equal(formatForYear(2020), '2019');
  assert.equal(formatForYear(2021), '2021');
});
