import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureReport } from '../../../test/fixtures/reports/index.ts';
import { cellsUnreadable as rule } from './cells-unreadable.ts';

test('cells.unreadable: no null cell, no finding', () => {
  assert.deepEqual(rule.check(fixtureReport('valid-2021'), {}), []);
});

test('cells.unreadable: null cells in each table are reported where they are', () => {
  const r = fixtureReport('valid-2019');
  r.table2!.procurement.amount = null;
  r.table3!.granted[2] = null;
  r.table3!.partiallyGranted[2] = null;
  r.table3!.total[0] = null;
  r.table4!.review[4] = null;
  const hits = rule.check(r, {});
  assert.deepEqual(
    hits.map((h) => h.message),
    [
      '表二“政府集中采购”行“采购总金额”无法读取（null），涉及这些单元格的检查已跳过，请对照原文补录',
      '表三第3行“（一）予以公开”至第4行“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”（共 2 行）的“科研机构”列无法读取（null），涉及这些单元格的检查已跳过，请对照原文补录',
      '表三第22行“（七）总计”的“自然人”列无法读取（null），涉及这些单元格的检查已跳过，请对照原文补录',
      '表四“行政复议”“总计”列无法读取（null），涉及这些单元格的检查已跳过，请对照原文补录',
    ],
  );
  assert.deepEqual(hits[1]?.cells, ['table3.granted[2]', 'table3.partiallyGranted[2]']);
  assert.deepEqual(hits[3]?.cells, ['table4.review[4]']);
});
