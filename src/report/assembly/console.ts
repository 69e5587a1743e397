// Console of the assembled report (issue 16 §3): 生成年度报告 (from the records, for a year), the
// sources page of a generated report — every cell with the records it counts and a link to them,
// overridden cells marked with the number the records give, the reason, who and when — and the form
// that overrides one cell with a reason (the report is generated again with it, so the text follows).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, forbidden, notFound } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { describeZodError } from '../../core/validation.ts';
import { staffContext } from '../../orgs/context.ts';
import { currentYear } from '../../core/today.ts';
import type { Organization } from '../../orgs/model.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { numericCells } from '../rules/numeric-cells.ts';
import { reportPolicy } from '../policy.ts';
import { findReportById, findVersion, type ReportVersion, type StoredReport } from '../store.ts';
import { generateReport, overrideCell } from './commands.ts';
import type { ReportPart } from './part.ts';
import '../scope.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const NOTICES: Record<string, string> = {
  generated: '已由记录生成年度报告的新版本。请核对各单元格的数据来源，确认无误后发布。',
  overridden: '已保存手工修改，并按修改后的数字重新生成了正文。',
};

/** The "生成年度报告" form, for the list and the editor. */
export function generateForm(view: ConsoleView, org: Organization, year: number | null): SafeHtml {
  if (!reportPolicy.generate(view.staff, org)) return html``;
  return html`<form method="post" action="/console/reports/generate" class="inline generate-form">
  ${csrfField(view.csrf)}
  ${year === null
    ? html`<label>报告年度 <input name="year" type="number" min="2008" required value="${currentYear() - 1}"></label>`
    : html`<input type="hidden" name="year" value="${year}">`}
  <button type="submit">生成年度报告</button>
</form>
<p class="small">由主动公开目录、第二十条事项台账、依申请公开案件和复议诉讼台账计算表二、表三、表四，并据此起草正文第一、六部分；第五部分和手工修改保留。</p>`;
}

function sourcesPage(view: ConsoleView, org: Organization, stored: StoredReport, version: ReportVersion, state: { notice?: string; error?: string; cell?: string; value?: string; reason?: string }): string {
  const report = version.report;
  const overrides = new Map(version.overrides.map((o) => [o.cell, o]));
  const sources = new Map<string, typeof version.cellSources>();
  for (const s of version.cellSources) sources.set(s.cell, [...(sources.get(s.cell) ?? []), s]);
  const cells = numericCells(report);
  const rows = cells.filter((c) => sources.has(c.name) || overrides.has(c.name));
  const canOverride = reportPolicy.generate(view.staff, org) && version.origin === 'compute';
  const body = html`<link rel="stylesheet" href="/assets/report.css">${noticeBox(state.notice)}${errorBox(state.error)}
<p>第 ${version.version} 版${version.origin === 'compute' ? '由记录生成' : ''}（${version.createdByName}，${when(version.createdAt)}）。
下表列出有数据来源或经手工修改的单元格；未列出的单元格为 0（没有相应记录）。<a href="/console/reports/${stored.id}">返回报告</a></p>
${version.overrides.length ? html`<p class="notice">本版有 ${version.overrides.length} 个单元格为手工修改，已在下表标明；公开门户上的表格只显示数字。</p>` : ''}
<table class="data sources-table">
  <thead><tr><th scope="col">单元格</th><th scope="col">数值</th><th scope="col">数据来源</th></tr></thead>
  <tbody>${rows.map(({ name, locator, value }) => {
    const o = overrides.get(name);
    return html`<tr id="cell-${name.replace(/[^A-Za-z0-9]+/g, '-')}"${o ? html` class="overridden"` : ''}>
      <th scope="row">${locator}<br><code class="small">${name}</code></th>
      <td>${String(value)}${o ? html`<br><strong class="tag">手工修改</strong>` : ''}</td>
      <td>${(sources.get(name) ?? []).map((s) => html`<p>${s.href ? html`<a href="${s.href}">${s.description}</a>` : s.description}</p>`)}
        ${o ? html`<p class="override-note">记录计算为 ${String(o.computed ?? '—')}，${o.byName} 于 ${when(o.at)} 手工修改为 ${String(o.value)}。原因：${o.reason}</p>` : ''}</td></tr>`;
  })}</tbody>
</table>
${canOverride
  ? html`<form method="post" action="/console/reports/${stored.id}/override" class="stack" id="override-form">
  ${csrfField(view.csrf)}
  <h2>手工修改一个单元格</h2>
  <p class="small">记录中没有、但应计入报告的数字（例如平台上线前办理的事项），可以手工修改，并须说明原因。修改会在本页和命令行的数据来源中标明，并在以后每次生成时保留；正文按修改后的数字重新起草。</p>
  <label for="override-cell">单元格</label>
  <select id="override-cell" name="cell" required>${cells.map(
    ({ name, locator, value }) => html`<option value="${name}"${state.cell === name ? html` selected` : ''}>${locator}（现为 ${String(value)}）</option>`,
  )}</select>
  <label for="override-value">改为</label>
  <input id="override-value" name="value" type="number" step="any" required value="${state.value ?? ''}">
  <label for="override-reason">修改原因（必填）</label>
  <textarea id="override-reason" name="reason" rows="2" required maxlength="500">${state.reason ?? ''}</textarea>
  <button type="submit">保存修改并重新生成</button>
</form>`
  : version.origin !== 'compute'
    ? html`<p class="small">本版不是由记录生成的版本；先“生成年度报告”，再在此修改单元格。</p>`
    : ''}`;
  return consolePage(view, `${stored.year} 年度报告 · 数据来源`, body);
}

const messageOf = (err: unknown) =>
  err instanceof ZodError ? describeZodError(err, { year: '报告年度', value: '数值', reason: '修改原因', cell: '单元格' }) : err instanceof DomainError ? err.message : null;

export function generationConsoleRoutes(deps: AppDeps, parts: readonly ReportPart[]) {
  const { db } = deps;

  async function loadReport(request: FastifyRequest): Promise<{ org: Organization; stored: StoredReport; version: ReportVersion }> {
    const stored = await findReportById(db, Number((request.params as { reportId: string }).reportId));
    if (!stored) throw notFound('该年度报告');
    return { org: request.scopedOrg!, stored, version: (await findVersion(db, stored.id, stored.currentVersion))! };
  }

  return async (app: FastifyInstance) => {
    app.post('/reports/generate', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'reports');
      if (!reportPolicy.generate(view.staff, view.org)) throw forbidden('只有本机构的信息发布员、负责人或系统管理员可以生成年度报告');
      const body = (request.body ?? {}) as Record<string, string>;
      try {
        const { report } = await generateReport(db, staffContext(view.staff, request.id), view.org.id, body.year, parts);
        return reply.redirect(`/console/reports/${report.id}/sources?notice=generated`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(consolePage(view, '生成年度报告', html`${errorBox(`未生成：${message}`)}${generateForm(view, view.org, null)}<p><a href="/console/reports">返回年度报告</a></p>`));
      }
    });

    app.get('/reports/:reportId/sources', { schema: { hide: true } }, async (request, reply) => {
      const { org, stored, version } = await loadReport(request);
      const view = await consoleView(deps, request, reply, 'reports');
      const notice = NOTICES[(request.query as { notice?: string }).notice ?? ''];
      return reply.type('text/html').send(sourcesPage(view, org, stored, version, notice ? { notice } : {}));
    });

    app.post('/reports/:reportId/override', { schema: { hide: true } }, async (request, reply) => {
      const { org, stored } = await loadReport(request);
      if (!reportPolicy.generate(request.staff!, org)) throw forbidden('只有本机构的信息发布员、负责人或系统管理员可以修改年度报告');
      const body = (request.body ?? {}) as Record<string, string>;
      try {
        await overrideCell(db, staffContext(request.staff!, request.id), stored.id, body, parts);
        return reply.redirect(`/console/reports/${stored.id}/sources?notice=overridden`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        const view = await consoleView(deps, request, reply, 'reports');
        const fresh = (await findReportById(db, stored.id))!;
        const version = (await findVersion(db, fresh.id, fresh.currentVersion))!;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(sourcesPage(view, org, fresh, version, { error: `未保存：${message}`, cell: body.cell, value: body.value, reason: body.reason }));
      }
    });
  };
}
