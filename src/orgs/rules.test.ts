import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annualReportDeadline, canBeChildOf, formatIndexNumber, indexTemplateProblem, nextAnnualReport, superiorGovernmentName, DEFAULT_INDEX_TEMPLATE } from './rules.ts';

test('tree shape: a department sits under a government or a region, or at the root until placed', () => {
  assert.equal(canBeChildOf('department', 'government'), true);
  assert.equal(canBeChildOf('department', 'county'), true);
  assert.equal(canBeChildOf('department', null), true);
  assert.equal(canBeChildOf('department', 'department'), false);
  assert.equal(canBeChildOf('subunit', 'department'), true);
  assert.equal(canBeChildOf('province', 'city'), false);
  assert.equal(canBeChildOf('government', null), false);
});

test('条例第四十九条 annual-report deadlines: departments 1月31日, governments 3月31日, local override wins', () => {
  assert.equal(annualReportDeadline({ kind: 'department', reportDeadline: null }, 2025), '2026-01-31');
  assert.equal(annualReportDeadline({ kind: 'subunit', reportDeadline: null }, 2025), '2026-01-31');
  assert.equal(annualReportDeadline({ kind: 'government', reportDeadline: null }, 2025), '2026-03-31');
  assert.equal(annualReportDeadline({ kind: 'county', reportDeadline: null }, 2019), '2020-03-31');
  assert.equal(annualReportDeadline({ kind: 'department', reportDeadline: '01-26' }, 2021), '2022-01-26');
});

test('索引号 template: default gov.cn form and custom forms', () => {
  assert.equal(formatIndexNumber(DEFAULT_INDEX_TEMPLATE, { code: '000014349', date: '2017-08-01', seq: 110 }), '000014349/2017-00110');
  assert.equal(formatIndexNumber('{code}/{yyyy}{mm}-{seq:05}', { code: '11341702486344515H', date: '2021-10-09', seq: 13 }), '11341702486344515H/202110-00013');
  assert.equal(formatIndexNumber('sggzyjyzx/{yyyy}-{seq:5}', { code: 'x', date: '2024-01-02', seq: 2 }), 'sggzyjyzx/2024-00002');
  assert.equal(indexTemplateProblem(DEFAULT_INDEX_TEMPLATE), null);
  assert.match(indexTemplateProblem('{code}/{yyyy}')!, /流水号/);
  assert.match(indexTemplateProblem('{code}/{year}-{seq}')!, /\{year\}/);
});

test('the annual report due next: last year’s until its deadline, then this year’s (条例第四十九条)', () => {
  const department = { kind: 'department' as const, reportDeadline: null };
  const county = { kind: 'county' as const, reportDeadline: null };
  assert.deepEqual(nextAnnualReport(department, '2026-01-15'), { year: 2025, deadline: '2026-01-31' });
  assert.deepEqual(nextAnnualReport(department, '2026-01-31'), { year: 2025, deadline: '2026-01-31' });
  assert.deepEqual(nextAnnualReport(department, '2026-02-01'), { year: 2026, deadline: '2027-01-31' });
  assert.deepEqual(nextAnnualReport(department, '2026-12-06'), { year: 2026, deadline: '2027-01-31' }, 'December: the coming January, not the last');
  assert.deepEqual(nextAnnualReport(county, '2026-03-01'), { year: 2025, deadline: '2026-03-31' });
  assert.deepEqual(nextAnnualReport({ kind: 'department', reportDeadline: '01-26' }, '2026-01-27'), { year: 2026, deadline: '2027-01-26' });
});

test('条例第五十一条 / 行政复议法第二十四条: a county department answers to the county 人民政府, not to its office', () => {
  const county = [
    { kind: 'province' as const, shortName: '示范省' },
    { kind: 'city' as const, shortName: '云岭市' },
    { kind: 'county' as const, shortName: '青山县' },
  ];
  const office = { kind: 'government' as const, shortName: '县政府办' };
  assert.equal(superiorGovernmentName({ kind: 'department' }, [...county, office]), '青山县人民政府');
  assert.equal(superiorGovernmentName({ kind: 'subunit' }, [...county, office, { kind: 'department', shortName: '县自然资源局' }]), '青山县人民政府');
  assert.equal(superiorGovernmentName({ kind: 'government' }, county), '云岭市人民政府', 'a government answers to the one above');
  assert.equal(superiorGovernmentName({ kind: 'department' }, county.slice(0, 2)), '云岭市人民政府', 'a city department');
  assert.equal(superiorGovernmentName({ kind: 'county' }, county.slice(0, 2)), '云岭市人民政府');
  assert.equal(superiorGovernmentName({ kind: 'department' }, []), null, 'an agency not yet placed in its region');
});
