// Small charts drawn on the server as SVG (no script, no CDN): horizontal stacked bars, stacked columns
// and a line of one series. Every chart carries its numbers as text — an aria-label with the whole
// content for screen readers, a <title> per mark for the pointer, and the figures written beside the
// marks — so that it reads in 简体, prints in black and white, and survives without colour. All text is
// escaped here; callers pass plain strings.
import { escapeHtml } from './html.ts';

export interface ChartSeries {
  label: string;
  colour: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, in the order of the series. */
  values: readonly number[];
}

interface ChartText {
  /** The class of the <svg> (tests and stylesheets find the chart by it). */
  className: string;
  /** What the chart shows; starts the aria-label. */
  title: string;
  /** The counting word after a number: 件, 个. */
  unit: string;
}

const FONT = 13;
const esc = escapeHtml;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A label cut to `max` characters with an ellipsis (the whole label stays in the <title> and aria-label). */
function fit(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** "label：A 3 件，B 0 件" — one row of the text equivalent. */
function rowText(series: readonly ChartSeries[], row: ChartRow, unit: string): string {
  return `${row.label}：${series.map((s, i) => `${s.label} ${row.values[i] ?? 0} ${unit}`).join('，')}`;
}

function legend(series: readonly ChartSeries[], y: number, width: number): { svg: string; height: number } {
  const item = 150;
  const perLine = Math.max(1, Math.floor(width / item));
  const svg = series
    .map((s, i) => {
      const x = (i % perLine) * item;
      const dy = y + Math.floor(i / perLine) * 20;
      return `<g transform="translate(${x},${dy})"><rect width="12" height="12" fill="${esc(s.colour)}"/><text x="18" y="11" font-size="${FONT}">${esc(s.label)}</text></g>`;
    })
    .join('');
  return { svg, height: Math.ceil(series.length / perLine) * 20 };
}

function svgOpen(c: ChartText, summary: string, width: number, height: number): string {
  return `<svg class="${esc(c.className)}" role="img" aria-label="${esc(summary)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">`;
}

/**
 * Horizontal bars, one per row, each split by the series. `scale` 'share': every bar is the full width
 * (the mix of each row); 'count': bar lengths follow the row totals (the largest fills the width).
 */
export function stackedBarChart(c: ChartText & { series: readonly ChartSeries[]; rows: readonly ChartRow[]; scale: 'share' | 'count' }): string {
  const width = 640;
  const labelWidth = c.rows.length > 1 || c.rows[0]?.label ? 170 : 0;
  const totalWidth = 70;
  const barWidth = width - labelWidth - totalWidth;
  const barHeight = 22;
  const gap = 8;
  const maxTotal = Math.max(1, ...c.rows.map((r) => sum(r.values)));
  const marks = c.rows
    .map((row, r) => {
      const y = r * (barHeight + gap);
      const total = sum(row.values);
      const full = c.scale === 'share' ? Math.max(1, total) : maxTotal;
      let x = labelWidth;
      const rects = row.values
        .map((v, i) => {
          if (v <= 0) return '';
          const w = (v / full) * barWidth;
          const s = c.series[i]!;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${esc(s.colour)}"><title>${esc(`${row.label} ${s.label} ${v} ${c.unit}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const name = labelWidth ? `<text x="${labelWidth - 6}" y="${y + 16}" font-size="${FONT}" text-anchor="end">${esc(fit(row.label, 12))}</text>` : '';
      const end = c.scale === 'share' ? labelWidth + barWidth : x;
      return `${name}${rects}<text x="${(end + 6).toFixed(1)}" y="${y + 16}" font-size="${FONT}">${esc(`${total} ${c.unit}`)}</text>`;
    })
    .join('');
  const top = c.rows.length * (barHeight + gap);
  const key = legend(c.series, top + 6, width);
  const summary = `${c.title}。${c.rows.map((r) => rowText(c.series, r, c.unit)).join('；')}`;
  return `${svgOpen(c, summary, width, top + 6 + key.height)}${marks}${key.svg}</svg>`;
}

/** Vertical columns, one per row (e.g. a year), each stacked by the series, with its total on top. */
export function stackedColumnChart(c: ChartText & { series: readonly ChartSeries[]; rows: readonly ChartRow[] }): string {
  const width = 640;
  const plotHeight = 160;
  const top = 20;
  const slot = width / Math.max(1, c.rows.length);
  const columnWidth = Math.min(64, slot * 0.6);
  const maxTotal = Math.max(1, ...c.rows.map((r) => sum(r.values)));
  const marks = c.rows
    .map((row, r) => {
      const x = r * slot + (slot - columnWidth) / 2;
      let y = top + plotHeight;
      const rects = row.values
        .map((v, i) => {
          if (v <= 0) return '';
          const h = (v / maxTotal) * plotHeight;
          y -= h;
          const s = c.series[i]!;
          return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${columnWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${esc(s.colour)}"><title>${esc(`${row.label} ${s.label} ${v} ${c.unit}`)}</title></rect>`;
        })
        .join('');
      const cx = (x + columnWidth / 2).toFixed(1);
      return `${rects}<text x="${cx}" y="${(y - 4).toFixed(1)}" font-size="${FONT}" text-anchor="middle">${esc(String(sum(row.values)))}</text>`
        + `<text x="${cx}" y="${top + plotHeight + 16}" font-size="${FONT}" text-anchor="middle">${esc(row.label)}</text>`;
    })
    .join('');
  const axis = `<line x1="0" y1="${top + plotHeight}" x2="${width}" y2="${top + plotHeight}" stroke="#555" stroke-width="1"/>`;
  const key = legend(c.series, top + plotHeight + 28, width);
  const summary = `${c.title}。${c.rows.map((r) => rowText(c.series, r, c.unit)).join('；')}`;
  return `${svgOpen(c, summary, width, top + plotHeight + 28 + key.height)}${axis}${marks}${key.svg}</svg>`;
}

/** One series as a line with a dot and the figure at each point; null points are left out (said in the text). */
export function lineChart(c: ChartText & { colour: string; points: readonly { label: string; value: number | null }[] }): string {
  const width = 640;
  const plotHeight = 120;
  const top = 22;
  const slot = width / Math.max(1, c.points.length);
  const maxValue = Math.max(1, ...c.points.map((p) => p.value ?? 0));
  const at = (i: number, v: number) => [i * slot + slot / 2, top + plotHeight - (v / maxValue) * plotHeight] as const;
  const known = c.points.map((p, i) => ({ p, i })).filter((x) => x.p.value !== null);
  const path = known.map(({ p, i }, k) => `${k ? 'L' : 'M'}${at(i, p.value!).map((n) => n.toFixed(1)).join(' ')}`).join(' ');
  const dots = known
    .map(({ p, i }) => {
      const [x, y] = at(i, p.value!);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${esc(c.colour)}"><title>${esc(`${p.label} ${p.value} ${c.unit}`)}</title></circle>`
        + `<text x="${x.toFixed(1)}" y="${(y - 8).toFixed(1)}" font-size="${FONT}" text-anchor="middle">${esc(String(p.value))}</text>`;
    })
    .join('');
  const labels = c.points
    .map((p, i) => `<text x="${(i * slot + slot / 2).toFixed(1)}" y="${top + plotHeight + 18}" font-size="${FONT}" text-anchor="middle">${esc(p.label)}</text>`)
    .join('');
  const axis = `<line x1="0" y1="${top + plotHeight}" x2="${width}" y2="${top + plotHeight}" stroke="#555" stroke-width="1"/>`;
  const summary = `${c.title}。${c.points.map((p) => `${p.label}：${p.value === null ? '无数据' : `${p.value} ${c.unit}`}`).join('；')}`;
  const line = path ? `<path d="${path}" fill="none" stroke="${esc(c.colour)}" stroke-width="2"/>` : '';
  return `${svgOpen(c, summary, width, top + plotHeight + 26)}${axis}${line}${dots}${labels}</svg>`;
}
