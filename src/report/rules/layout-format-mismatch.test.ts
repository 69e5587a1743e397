import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import type { AnnualReport } from '../model/report.ts';
import { layoutFormatMismatch as rule } from './layout-format-mismatch.ts';

const check = (r: AnnualReport) => rule.check(r, {});

test('layout.format-mismatch: consistent reports of both formats pass', () => {
  assert.deepEqual(check(fixtureReport('valid-2021')), []);
  assert.deepEqual(check(fixtureReport('valid-2019')), []);
});

test('layout.format-mismatch: a 2019-shaped table 3 (single 其他处理 row) in a 2021 report', () => {
  const r: AnnualReport = fixtureReport('valid-2021');
  r.table3 = fixtureReport('valid-2019').table3;
  const hits = check(r);
  assert.equal(hits.length, 1);
  assert.deepEqual(hits[0]?.cells, ['table3']);
  assert.match(hits[0]!.message, /表三是 2019 格式的结构（“（六）其他处理”只有一行），但报告声明为2021 格式/);
});

test('layout.format-mismatch: 2021 keys in table 2 of a 2019 report', () => {
  const r: AnnualReport = fixtureReport('valid-2019');
  r.table2 = fixtureReport('valid-2021').table2;
  const hits = check(r);
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /^表二是 2021 格式的结构/);
});

test('layout.format-mismatch: the year calls for the other format', () => {
  const late = fixtureReport('valid-2019');
  late.year = 2021;
  assert.equal(check(late)[0]?.message, '报告年度为 2021 年，应使用2021 格式（国办公开办函〔2021〕30号），但 format 声明为 “2019”');
  const early = fixtureReport('valid-2021');
  early.year = 2020;
  assert.deepEqual(check(early)[0]?.cells, ['format', 'year']);
});
