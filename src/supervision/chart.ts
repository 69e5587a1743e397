// Charts of the dashboard drawn on the server as SVG (no script, no CDN): readable in 简体, printable,
// with a text equivalent for screen readers.
import { escapeHtml } from '../core/html.ts';
import { lineChart, stackedColumnChart } from '../core/svg-chart.ts';
import type { AgencyReportRow } from './model.ts';
import type { YearTrend } from './rules/report-trend.ts';

const COLOURS = { onTime: '#2e7d32', late: '#c62828', open: '#9e9e9e', notDue: '#1565c0' } as const;

/** One horizontal bar split by how the agencies' reports stand: 按时发布, 逾期, 未发布（未到期）. */
export function onTimeChart(rows: readonly AgencyReportRow[]): string {
  const parts = [
    { label: '按时发布', n: rows.filter((r) => r.onTime === true).length, colour: COLOURS.onTime },
    { label: '逾期发布', n: rows.filter((r) => r.onTime === false && r.publishedOn).length, colour: COLOURS.late },
    { label: '逾期未发布', n: rows.filter((r) => r.onTime === false && !r.publishedOn).length, colour: COLOURS.open },
    { label: '未到截止日', n: rows.filter((r) => r.onTime === null).length, colour: COLOURS.notDue },
  ];
  const total = Math.max(1, rows.length);
  const width = 600;
  let x = 0;
  const bars = parts
    .filter((p) => p.n > 0)
    .map((p) => {
      const w = (p.n / total) * width;
      const bar = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28" fill="${p.colour}"><title>${escapeHtml(`${p.label} ${p.n}`)}</title></rect>`;
      x += w;
      return bar;
    })
    .join('');
  const legend = parts
    .map((p, i) => `<g transform="translate(${i * 150},44)"><rect width="12" height="12" fill="${p.colour}"/><text x="18" y="11" font-size="13">${escapeHtml(`${p.label} ${p.n}`)}</text></g>`)
    .join('');
  const summary = parts.map((p) => `${p.label} ${p.n} 个`).join('，');
  return `<svg class="chart-on-time" role="img" aria-label="${escapeHtml(summary)}" viewBox="0 0 ${width} 64" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${bars}${legend}</svg>`;
}

/** The years side by side: how many agencies published on time, late, not at all, or are not yet due. */
export function reportTrendChart(trends: readonly YearTrend[]): string {
  return stackedColumnChart({
    className: 'chart-report-trend',
    title: '历年年度报告发布情况',
    unit: '个',
    series: [
      { label: '按时发布', colour: COLOURS.onTime },
      { label: '逾期发布', colour: COLOURS.late },
      { label: '逾期未发布', colour: COLOURS.open },
      { label: '未到截止日', colour: COLOURS.notDue },
    ],
    rows: trends.map((t) => ({ label: `${t.year} 年度`, values: [t.onTime, t.late, t.unpublished, t.notDue] })),
  });
}

/** The region's applications received per year, from its agencies' reports (表三 本年新收). */
export function receivedTrendChart(trends: readonly YearTrend[]): string {
  return lineChart({
    className: 'chart-received-trend',
    title: '历年新收政府信息公开申请（按各机关年度报告合计）',
    unit: '件',
    colour: COLOURS.notDue,
    points: trends.map((t) => ({ label: `${t.year} 年度`, value: t.received })),
  });
}
