// The region dashboard's report table (issue 17 §1), for supervisors and administrators of the current
// organization's area: one row per agency below with its report of the year — standing, on time,
// findings with their rule ids and a link, the figures and their change over last year — sortable by
// any column (links, no script), exported to XLSX, with a chart of who published on time and charts of the
// last five years (reports on time, late, missing; applications received). Read-only.
import type { FastifyInstance } from 'fastify';
import { forbidden } from '../core/errors.ts';
import { html, trustedHtml, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { currentYear, today } from '../core/today.ts';
import { z } from '../core/validation.ts';
import { consolePage, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { STANDING_LABELS, type AgencyReportRow, type ReportFigures } from './model.ts';
import { supervisionPolicy } from './policy.ts';
import { regionReportRows } from './region-reports.ts';
import { SORT_KEYS, type SortKey } from './rules/report-standing.ts';
import { onTimeChart, receivedTrendChart, reportTrendChart } from './chart.ts';
import { yearTrends, type YearTrend } from './rules/report-trend.ts';
import { AGENCY_KINDS, regionTrendRecords } from './store.ts';
import { listOrgs } from '../orgs/store.ts';
import type { Organization } from '../orgs/model.ts';
import type { RegionSection } from '../orgs/shell/region-section.ts';

/** How many years the trend charts show, up to the selected one. */
export const TREND_YEARS = 5;

const query = z.object({
  year: z.coerce.number().int().min(2008).max(2100).optional(),
  sort: z.enum(SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: '机关' },
  { key: 'status', label: '状态' },
  { key: 'publishedOn', label: '发布日期' },
  { key: 'errors', label: '错误' },
  { key: 'warnings', label: '警告' },
  { key: 'received', label: '新收申请' },
  { key: 'disclosureShare', label: '予以公开率' },
  { key: 'correctionRate', label: '纠错率' },
];

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const sortValue = (r: AgencyReportRow, key: SortKey): string | number => {
  if (key === 'name') return r.name;
  if (key === 'status') return ['none', 'draft', 'imported', 'published'].indexOf(r.status);
  if (key === 'publishedOn') return r.publishedOn ?? '9999';
  if (key === 'errors' || key === 'warnings') return r[key];
  return r.figures[key as keyof ReportFigures] ?? -1;
};

/** The rows in the asked order (ties by name, as printed); stable across requests. */
export function sortRows(rows: readonly AgencyReportRow[], key: SortKey, dir: 'asc' | 'desc'): AgencyReportRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c !== 0 ? sign * c : a.name.localeCompare(b.name, 'zh-CN');
  });
}

/** "+3" / "-1" / "" beside a figure: its change over last year. */
function change(now: number | null, before: number | null | undefined, asPercent = false): SafeHtml {
  if (now === null || before === null || before === undefined) return html``;
  const d = now - before;
  if (Math.abs(d) < 1e-9) return html``;
  const text = asPercent ? `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)}` : `${d > 0 ? '+' : ''}${d}`;
  return html` <span class="small change" title="与上一年度相比">${text}</span>`;
}

function onTimeText(r: AgencyReportRow): string {
  if (r.onTime === true) return '按时';
  if (r.onTime === false) return r.publishedOn ? '逾期发布' : '逾期未发布';
  return '未到期';
}

/** Everything the dashboard shows of a region and year: the report rows, the trend and each module's section. */
export interface Dashboard {
  region: Organization;
  year: number;
  rows: AgencyReportRow[];
  trends: YearTrend[];
  sections: { id: string; title: string; body: SafeHtml }[];
}

/**
 * Reads the dashboard: the report table (two statements), the trend (one statement for all its years),
 * the agencies and the sections, side by side on the connection pool.
 */
export async function loadDashboard(deps: AppDeps, region: Organization, year: number, now: string, sections: readonly RegionSection[]): Promise<Dashboard> {
  const from = year - TREND_YEARS + 1;
  const agenciesPromise = listOrgs(deps.db, region.path).then((orgs) => orgs.filter((o) => (AGENCY_KINDS as readonly string[]).includes(o.kind)));
  const renderedPromise = agenciesPromise.then((agencies) => {
    const context = { region, agencies, year, today: now };
    return Promise.all(sections.map(async (x) => ({ id: x.id, title: x.title, body: await x.render(deps, context) })));
  });
  const [rows, trendRecords, rendered] = await Promise.all([
    regionReportRows(deps.db, region.path, year, now),
    regionTrendRecords(deps.db, region.path, from, year),
    renderedPromise,
  ]);
  return { region, year, rows, trends: yearTrends(trendRecords, from, year, now), sections: rendered };
}

/** The dashboard's content (the console shell goes around it). */
export function dashboardBody(d: Dashboard, sort: SortKey, dir: 'asc' | 'desc'): SafeHtml {
  const { region, year, rows, trends, sections } = d;
  const link = (key: SortKey) => {
    const next = sort === key && dir === 'desc' ? 'asc' : 'desc';
    const mark = sort === key ? (dir === 'desc' ? ' ↓' : ' ↑') : '';
    return html`<a href="/console/supervision?year=${year}&amp;sort=${key}&amp;dir=${next}">${COLUMNS.find((c) => c.key === key)!.label}${mark}</a>`;
  };
  const late = rows.filter((r) => r.onTime === false).length;
  return html`<nav class="small" aria-label="本页内容"><a href="#region-reports">年度报告</a> · <a href="#region-trend">历年趋势</a>${sections.map((x) => html` · <a href="#region-${x.id}">${x.title}</a>`)}</nav>
<h2 id="region-reports">年度报告</h2>
<p>${region.fullName}所属各机关 ${year} 年度政府信息公开工作年度报告（公布截止日按各机关设置：部门 1 月 31 日，政府 3 月 31 日）。共 ${rows.length} 个机关，已发布 ${rows.filter((r) => r.status === 'published' || r.status === 'imported').length} 个，逾期 ${late} 个。</p>
<form method="get" action="/console/supervision" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button>
<a class="button" href="/console/supervision/reports.xlsx?year=${year}" download>导出 Excel</a></form>
<figure class="chart">${trustedHtml(onTimeChart(rows))}<figcaption>${year} 年度报告发布情况</figcaption></figure>
<div class="table-scroll"><table class="data supervision-reports">
  <thead><tr>${COLUMNS.map((c) => html`<th scope="col"${sort === c.key ? html` aria-sort="${dir === 'desc' ? 'descending' : 'ascending'}"` : ''}>${link(c.key)}</th>`)}<th scope="col">按时</th><th scope="col">检查规则</th></tr></thead>
  <tbody>${sortRows(rows, sort, dir).map(
    (r) => html`<tr data-code="${r.code}">
      <th scope="row">${r.reportId ? html`<a href="/console/reports/${r.reportId}">${r.name}</a>` : r.name}</th>
      <td>${STANDING_LABELS[r.status]}</td><td>${r.publishedOn ?? '—'}</td>
      <td class="${r.errors ? 'count-error' : ''}">${r.errors}</td><td class="${r.warnings ? 'count-warning' : ''}">${r.warnings}</td>
      <td>${r.figures.received ?? '—'}${change(r.figures.received, r.previous?.received)}</td>
      <td>${percent(r.figures.disclosureShare)}${change(r.figures.disclosureShare, r.previous?.disclosureShare, true)}</td>
      <td>${percent(r.figures.correctionRate)}</td>
      <td>${onTimeText(r)}</td>
      <td class="small">${r.rules.map((id, i) => html`${i ? '，' : ''}<code>${id}</code>`)}</td></tr>`,
  )}</tbody>
</table></div>
<p class="small">予以公开率 =（予以公开 + 部分公开）÷ 办结总计；纠错率 =（复议纠正 + 诉讼纠正）÷（复议总计 + 诉讼总计），按各机关已发布的报告（未发布的按当前版本）计算。小字为与上一年度相比的变化。</p>
<section aria-labelledby="region-trend"><h2 id="region-trend">历年趋势</h2>
<p class="small">${trends[0]?.year ?? year}—${year} 年度，按本地区现有各机关计算；新收申请为各机关年度报告（已发布的按发布版本，未发布的按当前版本）表三“本年新收”的合计${trends.some((t) => t.receivedReports < rows.length) ? '，没有报告的机关不计入' : ''}。</p>
<figure class="chart">${trustedHtml(reportTrendChart(trends))}<figcaption>历年年度报告发布情况（机关数）</figcaption></figure>
<figure class="chart">${trustedHtml(receivedTrendChart(trends))}<figcaption>历年新收政府信息公开申请（件）</figcaption></figure>
</section>
${sections.map((x) => html`<section aria-labelledby="region-${x.id}"><h2 id="region-${x.id}">${x.title}</h2>${x.body}</section>`)}`;
}

function page(view: ConsoleView, d: Dashboard, sort: SortKey, dir: 'asc' | 'desc'): string {
  return consolePage(view, `本地区年度报告 · ${d.year}`, dashboardBody(d, sort, dir));
}

async function xlsx(rows: AgencyReportRow[], year: number): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度报告`);
  ws.addRow(['机关代码', '机关', '状态', '发布日期', '公布截止日', '是否按时', '错误', '警告', '检查规则', '新收申请', '予以公开率', '纠错率', '收费（万元）']);
  for (const r of rows) {
    ws.addRow([r.code, r.name, STANDING_LABELS[r.status], r.publishedOn ?? '', r.deadline, onTimeText(r), r.errors, r.warnings, r.rules.join('、'),
      r.figures.received, r.figures.disclosureShare, r.figures.correctionRate, r.figures.feesWanYuan]);
  }
  ws.getColumn(11).numFmt = '0.0%';
  ws.getColumn(12).numFmt = '0.0%';
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function supervisionConsoleRoutes(deps: AppDeps, sections: readonly RegionSection[] = []) {
  return async (app: FastifyInstance) => {
    app.get('/supervision', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'supervision');
      if (!supervisionPolicy.read(view.staff, view.org)) throw forbidden('只有本地区的监督员和系统管理员可以查看');
      const q = query.parse(request.query);
      const year = q.year ?? currentYear() - 1;
      const dashboard = await loadDashboard(deps, view.org, year, today(), sections);
      return reply.type('text/html').send(page(view, dashboard, q.sort ?? 'errors', q.dir ?? 'desc'));
    });
    app.get('/supervision/reports.xlsx', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'supervision');
      if (!supervisionPolicy.read(view.staff, view.org)) throw forbidden('只有本地区的监督员和系统管理员可以导出');
      const year = query.parse(request.query).year ?? currentYear() - 1;
      const rows = sortRows(await regionReportRows(deps.db, view.org.path, year, today()), 'name', 'asc');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${view.org.shortName}-${year}年度报告情况.xlsx`))
        .send(await xlsx(rows, year));
    });
  };
}
