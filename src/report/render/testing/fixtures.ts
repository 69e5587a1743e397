// Test aid: the render fixtures of test/fixtures/render/, read through the
// model's own parser. Every number in the distinct-* reports is different, so
// a number found in the wrong cell cannot pass for the right one.
import { readFileSync } from 'node:fs';
import { parseReportJson } from '../../model/parse.ts';
import type { AnnualReport } from '../../model/report.ts';
import type { ReportDocument } from '../document.ts';

export const FIXTURE_DIR = new URL('../../../../test/fixtures/render/', import.meta.url);

export type FixtureName = 'distinct-2021' | 'distinct-2019' | 'null-tables-2021';

export function fixturePath(name: FixtureName): string {
  return new URL(`${name}.json`, FIXTURE_DIR).pathname;
}

export function loadFixture(name: FixtureName): AnnualReport {
  const parsed = parseReportJson(readFileSync(fixturePath(name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.join('; ')}`);
  return parsed.report;
}

export const NARRATIVE: ReportDocument['narrative'] = {
  一: '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n\n全年主动公开政府信息若干条。',
  二: '该部分以表格形式报告。表格如下：',
  五: '一是公开内容不够全面；\n二是解读形式较为单一。',
  六: '本年度未收取信息处理费。',
};

export function fixtureDocument(name: FixtureName): ReportDocument {
  return { report: loadFixture(name), narrative: NARRATIVE };
}
