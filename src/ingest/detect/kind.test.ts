import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './kind.ts';

const texts = (...lines: string[]) => lines.map((text, i) => ({ text, where: { kind: 'line' as const, line: i + 1 } }));

test('kind: a report title, the part headings or the tables make a report', () => {
  assert.deepEqual(classify({ texts: texts('某局2023年政府信息公开工作年度报告'), hasReportTitle: true, headings: 0, tables: 0 }), { report: true });
  assert.deepEqual(classify({ texts: texts('正文'), hasReportTitle: false, headings: 5, tables: 0 }), { report: true });
  assert.deepEqual(classify({ texts: texts('县政府办:'), hasReportTitle: false, headings: 0, tables: 2 }), { report: true });
});

test('kind: a letter to an office calling itself a self-evaluation is not a report, with the reasons', () => {
  const k = classify({ texts: texts('县政府办:', '现将我局2023年度政务公开工作推进落实情况自评报告如下:'), hasReportTitle: false, headings: 0, tables: 0 });
  assert.equal(k.report, false);
  if (!k.report) assert.equal(k.reason, '开头是公文称呼“县政府办:”（第1行）；第2行自称“自评报告”；没有“政府信息公开工作年度报告”的标题；没有年度报告六个部分的标题；没有表二、表三、表四');
});

test('kind: a notice about the annual report is not the report', () => {
  const k = classify({ texts: texts('关于报送2023年政府信息公开工作年度报告的通知'), hasReportTitle: true, headings: 0, tables: 0 });
  assert.equal(k.report, false);
});
