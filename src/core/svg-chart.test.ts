// The server-drawn charts: every number is written as text, and every label is escaped wherever it goes
// (the marks' <title>, the text beside them, the aria-label).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineChart, stackedBarChart, stackedColumnChart } from './svg-chart.ts';

const series = [{ label: '予以公开', colour: '#2e7d32' }, { label: '不予公开 <b>', colour: '#c62828' }];

test('stacked bars: one row per label, the numbers in the text equivalent, labels escaped', () => {
  const svg = stackedBarChart({ className: 'c', title: '处理结果', unit: '件', scale: 'share', series, rows: [{ label: '全地区合计', values: [3, 1] }, { label: '"某局" & <i>', values: [0, 2] }] });
  assert.match(svg, /^<svg class="c" role="img" aria-label="处理结果。全地区合计：予以公开 3 件，不予公开 &lt;b&gt; 1 件；&quot;某局&quot; &amp; &lt;i&gt;：予以公开 0 件，不予公开 &lt;b&gt; 2 件"/);
  assert.match(svg, /<title>全地区合计 予以公开 3 件<\/title>/);
  assert.doesNotMatch(svg, /<b>|<i>|"某局"/);
  assert.equal((svg.match(/<rect [^>]*><title>/g) ?? []).length, 3, 'no mark for a zero');
  assert.match(svg, />4 件<\/text>/);
});

test('stacked columns and the line: a column or a point per year, totals and figures written, no data said', () => {
  const columns = stackedColumnChart({ className: 'y', title: '发布情况', unit: '个', series, rows: [{ label: '2024 年度', values: [5, 2] }, { label: '2025 年度', values: [6, 0] }] });
  assert.match(columns, /aria-label="发布情况。2024 年度：予以公开 5 个，不予公开 &lt;b&gt; 2 个；2025 年度：予以公开 6 个，不予公开 &lt;b&gt; 0 个"/);
  assert.match(columns, />7<\/text>/);
  assert.match(columns, />2025 年度<\/text>/);
  const line = lineChart({ className: 'l', title: '新收申请', unit: '件', colour: '#1565c0', points: [{ label: '2023 年度', value: null }, { label: '2024 年度', value: 10 }, { label: '2025 年度', value: 12 }] });
  assert.match(line, /aria-label="新收申请。2023 年度：无数据；2024 年度：10 件；2025 年度：12 件"/);
  assert.equal((line.match(/<circle /g) ?? []).length, 2);
  assert.match(line, /<path d="M[\d. ]+ L[\d. ]+"/);
});
