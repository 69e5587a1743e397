import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyInTitle, detectTitle, isReportTitle } from './title.ts';

const texts = (...lines: string[]) => lines.map((text, i) => ({ text, where: { kind: 'line' as const, line: i + 1 } }));

test('title: agency before or after the year, in traditional characters with pinyin', () => {
  assert.equal(agencyInTitle('新賓滿族自治縣自然資源局2023年政府信息公開工作年度報(bào)告'), '新宾满族自治县自然资源局');
  assert.equal(agencyInTitle('2020年撫州市黎川縣生態環境局政府信息公開工作年度報告'), '抚州市黎川县生态环境局');
  assert.equal(agencyInTitle('关于某县教育局2022年度政府信息公开工作年度报告'), '某县教育局');
});

test('title: the year covered comes from the title, not the publication date', () => {
  const t = detectTitle(texts('新宾县自然资源局2023年政府信息公开工作年度报告', '浏览:456次 时间:2024年1月9日'));
  assert.deepEqual([t.year?.value, t.year?.source], [2023, '标题']);
});

test('title: without a year in the title, the statistics period; failing that the publication year minus one', () => {
  assert.equal(detectTitle(texts('某局政府信息公开工作年度报告', '本报告数据统计期限为2022年1月1日至2022年12月31日。')).year?.value, 2022);
  const guessed = detectTitle(texts('某局政府信息公开工作年度报告', '发布日期：2024-01-15'));
  assert.deepEqual([guessed.year?.value, guessed.year?.source], [2023, '发布日期（2024年）的上一年']);
});

test('title: a fuller agency from the signature or the page metadata', () => {
  const t = detectTitle(texts('新荣区自然资源局2024年政府信息公开工作年度报告', '……', '大同市新荣区自然资源局', '扫一扫在手机上查看当前页面'));
  assert.deepEqual([t.agency?.value, t.agency?.source], ['大同市新荣区自然资源局', '落款']);
  const meta = detectTitle(texts('发文机关: 黎川县生态环境局', '2020年政府信息公开工作年度报告'));
  assert.deepEqual([meta.agency?.value, meta.agency?.source], ['黎川县生态环境局', '发文机关']);
});

test('title: a breadcrumb is not the title; a title wrapped over two lines is', () => {
  assert.equal(isReportTitle('首页 > 政府信息公开 > 政府信息公开年报'), true);
  const t = detectTitle(texts('首页 > 政府信息公开 > 政府信息公开年报', '青石市卫生健康委员会2020年政府信息公开工作年度报', '告'));
  assert.equal(t.title?.value, '青石市卫生健康委员会2020年政府信息公开工作年度报告');
  assert.equal(isReportTitle('现将《某局2023年度政府信息公开工作年度报告》公布如下'), false);
});
