// Console pages of the annual report: the organization's reports with their deadlines, creating
// a report for a year, and the editor — every cell of tables 2–4 on the official layout, the
// narrative of sections 一–六, the findings of the current version with their cells marked,
// save (a new version), publish, and the versions (earlier ones read-only via ?version=N).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { staffContext } from '../orgs/context.ts';
import { DomainError, forbidden, notFound } from '../core/errors.ts';
import { html, trustedHtml, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { describeZodError, z } from '../core/validation.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import type { Organization } from '../orgs/model.ts';
import { annualReportDeadline } from '../orgs/rules.ts';
import { createReport, previousYearReport, publishReport, saveReportVersion } from './commands.ts';
import { cellLocator, entryCells, entryGrids, entryShapes, formValues, reportFromForm } from './entry-form.ts';
import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './model/layout.ts';
import { SEVERITY_LABELS, type Finding } from './rules/rule.ts';
import { MAX_REVISION_NOTE, publishRequirements } from './rules/publication.ts';
import type { GridCell, TableGrid } from './render/grid.ts';
import { renderHtmlFragment } from './render/html.ts';
import { reportPolicy } from './policy.ts';
import { generateForm } from './assembly/console.ts';
import { FORMAT_LABELS, ORIGIN_LABELS, SOURCE_LABELS, statusText } from './present.ts';
import './scope.ts';
import {
  findReportById,
  findVersion,
  listReportsOfOrg,
  listVersions,
  TABLE_KEYS,
  type ReportListItem,
  type ReportNarrative,
  type ReportVersion,
  type ReportVersionInfo,
  type StoredReport,
  type TableKey,
} from './store.ts';
import { currentYear, today } from '../core/today.ts';

const ASSETS = html`<link rel="stylesheet" href="/assets/report.css">`;
const TABLE_TITLES: Record<TableKey, string> = { table2: '表二', table3: '表三', table4: '表四' };
const TABLE_OF_SECTION: Partial<Record<SectionKey, TableKey>> = { 二: 'table2', 三: 'table3', 四: 'table4' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');
/** An id usable in a URL fragment: table3.withheld.stateSecret[0] → f-table3-withheld-stateSecret-0 */
const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

function deadlineText(org: Organization, r: Pick<StoredReport, 'year' | 'publishedVersion'>): SafeHtml {
  const deadline = annualReportDeadline(org, r.year);
  const overdue = r.publishedVersion === null && today() > deadline;
  return html`${deadline}${overdue ? html` <strong class="overdue">已逾期未公布</strong>` : ''}`;
}

// ── The list ────────────────────────────────────────────────────────────────

function listPage(view: ConsoleView, items: ReportListItem[], form: { year?: string; error?: string; notice?: string } = {}): string {
  const org = view.org;
  const canEdit = reportPolicy.edit(view.staff, org);
  const suggested = String(currentYear() - 1);
  return consolePage(
    view,
    `年度报告`,
    html`${noticeBox(form.notice)}${errorBox(form.error)}
<p>政府信息公开工作年度报告：条例第五十条规定的内容，按国家格式填报、检查和发布。已发布的报告在<a href="/orgs/${org.code}/reports">公开门户</a>上公布。</p>
${org.kind === 'government' ? html`<p><a href="/console/reports/rollup">本地区汇总</a>：所属部门年度报告之和，用于编制本级政府的年度报告</p>` : ''}
${reportPolicy.importDocuments(view.staff) ? html`<p><a href="/console/reports/import">导入已公布的年度报告</a>（网页、文本、PDF、Word 原文，本机构及下级机构）</p>` : ''}
${items.length
  ? html`<table class="data">
  <thead><tr><th scope="col">年度</th><th scope="col">格式</th><th scope="col">状态</th><th scope="col">当前版本</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">公布截止日</th><th scope="col">最后修改</th></tr></thead>
  <tbody>${items.map(
    (r) => html`<tr><td><a href="/console/reports/${r.id}">${r.year} 年度</a>${r.imported ? html` <span class="tag">导入</span>` : ''}</td>
    <td>${r.format}</td><td>${statusText(r)}</td><td>第 ${r.currentVersion} 版</td>
    <td class="${r.errorCount ? 'count-error' : ''}">${r.errorCount}</td><td class="${r.warningCount ? 'count-warning' : ''}">${r.warningCount}</td>
    <td>${deadlineText(org, r)}</td><td>${when(r.updatedAt)}</td></tr>`,
  )}</tbody>
</table>`
  : html`<p class="muted">本机构还没有年度报告。</p>`}
${reportPolicy.generate(view.staff, org) ? html`<h2>由记录生成年度报告</h2>${generateForm(view, org, null)}` : ''}
${canEdit
  ? html`<h2>新建年度报告</h2>
<form method="post" action="/console/reports" class="inline">
  ${csrfField(view.csrf)}
  <label>报告年度 <input name="year" type="number" min="2008" max="${currentYear()}" required value="${form.year ?? suggested}"></label>
  <button type="submit">新建</button>
</form>
<p class="small">新建的报告各表均为 0，需逐格填写（没有使用本平台台账的机构适用），按该年度适用的格式（2019—2020 年度为国办公开办函〔2019〕60号格式，2021 年度起为国办公开办函〔2021〕30号格式）。</p>`
  : ''}`,
  );
}

// ── The editor ──────────────────────────────────────────────────────────────

interface EditorState {
  /** Field values as typed (after a failed save) or from the version. */
  values: Record<string, string>;
  agency: string;
  narrative: ReportNarrative;
  note: string;
  error?: string;
  notice?: string;
  /** The values are what the clerk typed (a failed save), not a stored version. */
  unsaved?: boolean;
  /** 修订说明 as typed, kept when publishing was refused. */
  revisionNote?: string;
}

/** Which findings involve each cell name, for marking cells. */
function findingsByCell(findings: readonly Finding[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  findings.forEach((f, i) => {
    for (const c of f.cells) map.set(c, [...(map.get(c) ?? []), i]);
  });
  return map;
}

function severityClass(findings: readonly Finding[], indexes: number[] | undefined): string {
  if (!indexes?.length) return '';
  return indexes.some((i) => findings[i]!.severity === 'error') ? 'finding-error' : 'finding-warning';
}

function spans(cell: GridCell): SafeHtml {
  return html`${cell.colSpan > 1 ? html` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? html` rowspan="${cell.rowSpan}"` : ''}`;
}

/** A table of the official layout with an input in every data cell. */
function entryTable(table: TableKey, grid: TableGrid, shape: '2019' | '2021', state: EditorState, findings: readonly Finding[], disabled: boolean, overridden: ReadonlySet<string>): SafeHtml {
  const marks = findingsByCell(findings);
  const names = new Map(entryCells(table, grid).map(({ name, cell }) => [cell, name]));
  const row = (cells: GridCell[]) =>
    html`<tr>${cells.map((cell) => {
      if (cell.header) return html`<th scope="${cell.scope ?? 'col'}"${spans(cell)}>${cell.text}</th>`;
      const name = names.get(cell)!;
      const hits = marks.get(name);
      const isText = cell.kind === 'text';
      const mark = overridden.has(name) ? ' overridden' : '';
      return html`<td class="${severityClass(findings, hits)}${mark}"${spans(cell)}${mark ? html` title="手工修改（见数据来源）"` : ''}><input id="${fieldId(name)}" name="${name}" value="${state.values[name] ?? ''}"
        ${isText ? html`type="text"` : html`type="number" step="any" inputmode="decimal"`} data-kind="${isText ? 'text' : 'number'}"
        aria-label="${cellLocator(table, shape, cell.ref!)}"${hits ? html` aria-invalid="true" aria-describedby="${hits.map((i) => `finding-${i}`).join(' ')}"` : ''}${disabled ? html` disabled` : ''}></td>`;
    })}</tr>`;
  const width = grid.columnWidths.reduce((a, b) => a + b, 0);
  return html`<div class="table-scroll"><table class="gk-table gk-${table} entry-table" data-table="${table}" data-shape="${shape}">
  <colgroup>${grid.columnWidths.map((w) => html`<col style="width:${((100 * w) / width).toFixed(2)}%">`)}</colgroup>
  ${grid.headerRows ? html`<thead>${grid.rows.slice(0, grid.headerRows).map(row)}</thead>` : ''}
  <tbody>${grid.rows.slice(grid.headerRows).map(row)}</tbody>
</table></div>`;
}

function findingsList(findings: readonly Finding[], fieldNames: Set<string>, opts: { live?: boolean } = {}): SafeHtml {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = findings.length ? `错误 ${errors} 条，警告 ${findings.length - errors} 条` : '未发现问题';
  return html`<section class="findings" aria-labelledby="findings-title">
  <h2 id="findings-title">检查结果 <span class="small" id="findings-summary">${summary}</span></h2>
  <ol id="findings"${opts.live ? html` aria-live="polite"` : ''}>${findings.map((f, i) => {
    const target = f.cells.find((c) => fieldNames.has(c));
    return html`<li id="finding-${i}" class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span>
      ${target ? html`<a href="#${fieldId(target)}">${f.message}</a>` : f.message} <code class="small">${f.rule}</code></li>`;
  })}</ol>
</section>`;
}

function versionsTable(reportId: number, stored: StoredReport, versions: ReportVersionInfo[], shown: number): SafeHtml {
  return html`<section aria-labelledby="versions-title"><h2 id="versions-title">版本</h2>
<table class="data">
  <thead><tr><th scope="col">版本</th><th scope="col">方式</th><th scope="col">操作人</th><th scope="col">时间</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">说明</th><th scope="col"></th></tr></thead>
  <tbody>${versions.map(
    (v) => html`<tr${v.version === shown ? html` aria-current="true" class="current-row"` : ''}>
      <td>第 ${v.version} 版${v.version === stored.currentVersion ? '（当前）' : ''}${v.version === stored.publishedVersion ? html` <span class="tag">已发布</span>` : ''}</td>
      <td>${ORIGIN_LABELS[v.origin]}${v.sourceName ? html`<br><span class="small">${v.sourceName}</span>` : ''}</td>
      <td>${v.createdByName}</td><td>${when(v.createdAt)}</td><td>${v.errorCount}</td><td>${v.warningCount}</td><td>${v.note}</td>
      <td>${v.version === shown ? '正在查看' : html`<a href="/console/reports/${reportId}${v.version === stored.currentVersion ? '' : `?version=${v.version}`}">查看</a>`}</td></tr>`,
  )}</tbody>
</table></section>`;
}

function facts(org: Organization, stored: StoredReport, version: ReportVersion): SafeHtml {
  return html`<dl class="facts">
  <dt>机构</dt><dd>${org.fullName}</dd>
  <dt>格式</dt><dd>${FORMAT_LABELS[version.report.format]}</dd>
  <dt>状态</dt><dd>${statusText(stored)}${stored.publishedAt ? html`（${when(stored.publishedAt)} 由 ${stored.publishedByName ?? '—'} 发布）` : ''}</dd>
  <dt>公布截止日</dt><dd>${deadlineText(org, stored)}</dd>
  <dt>各表来源</dt><dd>${TABLE_KEYS.map((t) => `${TABLE_TITLES[t]}：${SOURCE_LABELS[version.sources[t]]}`).join('；')}</dd>
</dl>`;
}

/** JSON for a <script type="application/json"> block (never closes the element). */
const jsonBlock = (value: unknown) => trustedHtml(JSON.stringify(value).replace(/</g, '\\u003c'));

function editorPage(
  view: ConsoleView,
  org: Organization,
  stored: StoredReport,
  version: ReportVersion,
  versions: ReportVersionInfo[],
  state: EditorState,
  previous: unknown,
): string {
  const canEdit = reportPolicy.edit(view.staff, org);
  const canPublish = reportPolicy.publish(view.staff, org);
  const report = version.report;
  const grids = entryGrids(report);
  const shapes = entryShapes(report);
  const fieldNames = new Set(TABLE_KEYS.flatMap((t) => entryCells(t, grids[t]).map((c) => c.name)));
  const findings = version.findings;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const meta = { schema: report.schema, format: report.format, year: report.year };
  const overridden = new Set(version.overrides.map((o) => o.cell));

  const sections = SECTION_KEYS.map((key, i) => {
    const table = TABLE_OF_SECTION[key];
    return html`<section class="entry-section" aria-labelledby="sec-${i + 1}">
  <h2 id="sec-${i + 1}">${SECTION_HEADINGS[i]}</h2>
  <label class="narrative">正文 <textarea name="narrative.${key}" aria-label="${SECTION_HEADINGS[i]} 正文" rows="${key === '一' ? 8 : 4}"${canEdit ? '' : html` disabled`}>${state.narrative[key] ?? ''}</textarea></label>
  ${table ? entryTable(table, grids[table], table === 'table4' ? report.format : shapes[table], state, findings, !canEdit, overridden) : ''}
</section>`;
  });

  const needs = publishRequirements({ currentVersion: stored.currentVersion, publishedVersion: stored.publishedVersion, errors, warnings });
  const publishForm = canPublish
    ? stored.publishedVersion === stored.currentVersion
      ? html`<p class="notice">第 ${stored.currentVersion} 版已发布，公开门户显示的就是这一版。</p>`
      : html`<form method="post" action="/console/reports/${stored.id}/publish" class="stack publish" id="publish-form">
  ${csrfField(view.csrf)}
  <h2>${needs.revision ? '发布修订版' : '发布'}</h2>
  <input type="hidden" name="version" value="${stored.currentVersion}">
  ${needs.revision
    ? html`<label for="revisionNote">修订说明（必填，将在公开门户上与修订日期一并公示）</label>
  <textarea id="revisionNote" name="revisionNote" rows="3" maxlength="${MAX_REVISION_NOTE}" required placeholder="例如：更正表三“本年新收政府信息公开申请数量”，原数字有误">${state.revisionNote ?? ''}</textarea>`
    : ''}
  ${needs.confirmations.map((c, i) => html`<label class="inline"><input type="checkbox" name="confirm" value="${i + 1}" required> ${c}</label>`)}
  <button type="submit">${needs.revision ? `发布第 ${stored.currentVersion} 版（修订）` : `发布第 ${stored.currentVersion} 版`}</button>
</form>`
    : '';

  const body = html`${ASSETS}${noticeBox(state.notice)}${errorBox(state.error)}
${facts(org, stored, version)}
${version.cellSources.length || version.overrides.length
  ? html`<p class="generated">本版由记录生成${version.overrides.length ? html`，其中 <strong>${version.overrides.length}</strong> 个单元格为手工修改` : ''}：<a href="/console/reports/${stored.id}/sources">查看每个单元格的数据来源${reportPolicy.generate(view.staff, org) ? '、手工修改单元格' : ''}</a></p>`
  : ''}
${generateForm(view, org, stored.year)}
<p class="downloads">下载：<a href="/api/v1/reports/${stored.id}/export" download>canonical JSON</a>${stored.publishedVersion ? html` · <a href="/orgs/${org.code}/reports/${stored.year}">公开门户上的报告</a>` : ''}</p>
${findingsList(findings, fieldNames, { live: canEdit })}
${canEdit
  ? html`<form method="post" action="/console/reports/${stored.id}" id="report-entry" class="report-entry" data-meta="${JSON.stringify(meta)}" data-check-url="/api/v1/reports/check"${state.unsaved ? html` data-unsaved` : ''}>
  ${csrfField(view.csrf)}
  <input type="hidden" name="baseVersion" value="${stored.currentVersion}">
  <p class="small">单元格留空表示“无法读取”（对照原文补录）；整张表留空表示报告未包含此表；没有发生的事项请填 0。</p>
  <label class="agency">机关名称（报告中所写） <input name="agency" value="${state.agency}"></label>
  ${sections}
  <div class="save-bar">
    <label>修改说明 <input name="note" value="${state.note}" maxlength="500" placeholder="例如：补录表三"></label>
    <button type="submit">保存为第 ${stored.currentVersion + 1} 版</button>
  </div>
</form>
<script type="application/json" id="report-previous">${jsonBlock(previous)}</script>
<script src="/assets/report-editor.js" defer></script>`
  : html`<p class="notice">您可以查看本报告；只有本机构的信息发布员或系统管理员可以修改。</p>
${trustedHtml(renderHtmlFragment({ report, narrative: version.narrative }, { idPrefix: 'cur' }))}`}
${publishForm}
${versionsTable(stored.id, stored, versions, stored.currentVersion)}`;
  return consolePage(view, `${stored.year} 年度报告`, body);
}

/** An earlier version, read-only, in the official layout. */
function versionPage(view: ConsoleView, org: Organization, stored: StoredReport, version: ReportVersion, versions: ReportVersionInfo[]): string {
  return consolePage(
    view,
    `${stored.year} 年度报告 · 第 ${version.version} 版`,
    html`${ASSETS}<p class="notice">正在查看第 ${version.version} 版（只读，${ORIGIN_LABELS[version.origin]}，${version.createdByName}，${when(version.createdAt)}）。
<a href="/console/reports/${stored.id}">返回当前版本（第 ${stored.currentVersion} 版）</a></p>
${facts(org, stored, version)}
${findingsList(version.findings, new Set())}
${trustedHtml(renderHtmlFragment({ report: version.report, narrative: version.narrative }, { idPrefix: `v${version.version}` }))}
${versionsTable(stored.id, stored, versions, version.version)}`,
  );
}

// ── Routes ──────────────────────────────────────────────────────────────────

const editorQuery = z.object({ version: z.coerce.number({ error: '版本号应为数字' }).int().min(1).optional(), notice: z.string().optional() });
const NOTICES: Record<string, string> = { created: '年度报告已新建。', saved: '已保存为新版本。', published: '已发布，公开门户显示当前版本。' };

const messageOf = (err: unknown) =>
  err instanceof ZodError ? describeZodError(err, { year: '报告年度' }) : err instanceof DomainError ? err.message : null;

/** The form's narrative fields → { 一: …, … }. */
function narrativeFrom(body: Record<string, unknown>): ReportNarrative {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, typeof body[`narrative.${k}`] === 'string' ? (body[`narrative.${k}`] as string) : ''])) as ReportNarrative;
}

export function reportConsoleRoutes(deps: AppDeps) {
  const { db } = deps;

  async function loadReport(request: FastifyRequest): Promise<{ org: Organization; stored: StoredReport }> {
    const stored = await findReportById(db, Number((request.params as { reportId: string }).reportId));
    if (!stored) throw notFound('该年度报告');
    return { org: request.scopedOrg!, stored };
  }

  async function sendEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    org: Organization,
    stored: StoredReport,
    state: Partial<EditorState> & { status?: number } = {},
  ) {
    const view = await consoleView(deps, request, reply, 'reports');
    const version = (await findVersion(db, stored.id, stored.currentVersion))!;
    const versions = await listVersions(db, stored.id);
    const previous = await previousYearReport(db, org.id, stored.year);
    const full: EditorState = {
      values: state.values ?? formValues(version.report),
      agency: state.agency ?? version.report.agency ?? '',
      narrative: state.narrative ?? version.narrative,
      note: state.note ?? '',
      ...(state.error ? { error: state.error } : {}),
      ...(state.notice ? { notice: state.notice } : {}),
      ...(state.values ? { unsaved: true } : {}),
      ...(state.revisionNote ? { revisionNote: state.revisionNote } : {}),
    };
    if (state.status) reply.status(state.status);
    return reply.type('text/html').send(editorPage(view, org, stored, version, versions, full, previous));
  }

  return async (app: FastifyInstance) => {
    app.get('/reports', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'reports');
      const notice = NOTICES[(request.query as { notice?: string }).notice ?? ''];
      return reply.type('text/html').send(listPage(view, await listReportsOfOrg(db, view.org.id), { notice }));
    });

    app.post('/reports', { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, string>;
      const view = await consoleView(deps, request, reply, 'reports');
      try {
        const { report } = await createReport(db, staffContext(view.staff, request.id), { orgId: view.org.id, year: body.year });
        return reply.redirect(`/console/reports/${report.id}?notice=created`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(listPage(view, await listReportsOfOrg(db, view.org.id), { year: body.year, error: message }));
      }
    });

    app.get('/reports/:reportId', { schema: { hide: true, querystring: editorQuery } }, async (request, reply) => {
      const { org, stored } = await loadReport(request);
      const query = request.query as z.infer<typeof editorQuery>;
      if (query.version !== undefined && query.version !== stored.currentVersion) {
        const version = await findVersion(db, stored.id, query.version);
        if (!version) throw notFound(`第 ${query.version} 版`);
        const view = await consoleView(deps, request, reply, 'reports');
        return reply.type('text/html').send(versionPage(view, org, stored, version, await listVersions(db, stored.id)));
      }
      return sendEditor(request, reply, org, stored, { ...(query.notice && NOTICES[query.notice] ? { notice: NOTICES[query.notice] } : {}) });
    });

    app.post('/reports/:reportId', { schema: { hide: true } }, async (request, reply) => {
      const { org, stored } = await loadReport(request);
      if (!reportPolicy.edit(request.staff!, org)) throw forbidden('只有本机构的信息发布员或系统管理员可以编辑年度报告');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const typed = {
        values: Object.fromEntries(Object.entries(body).filter(([k, v]) => /^table[234]\./.test(k) && typeof v === 'string')) as Record<string, string>,
        agency: typeof body.agency === 'string' ? body.agency : '',
        narrative: narrativeFrom(body),
        note: typeof body.note === 'string' ? body.note : '',
      };
      const baseVersion = Number(body.baseVersion) || stored.currentVersion;
      const base = await findVersion(db, stored.id, baseVersion);
      if (!base) throw notFound(`第 ${baseVersion} 版`);
      const entry = reportFromForm(base.report, body);
      if (!entry.ok) {
        return sendEditor(request, reply, org, stored, { ...typed, status: 400, error: `未保存，请改正以下单元格：${entry.errors.join('；')}` });
      }
      try {
        await saveReportVersion(db, staffContext(request.staff!, request.id), stored.id, {
          report: entry.report,
          narrative: typed.narrative,
          note: typed.note,
          baseVersion,
        });
        return reply.redirect(`/console/reports/${stored.id}?notice=saved`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        const fresh = (await findReportById(db, stored.id))!;
        return sendEditor(request, reply, org, fresh, { ...typed, status: err instanceof DomainError ? err.status : 400, error: `未保存：${message}` });
      }
    });

    app.post('/reports/:reportId/publish', { schema: { hide: true } }, async (request, reply) => {
      const { org, stored } = await loadReport(request);
      const body = (request.body ?? {}) as Record<string, string | string[]>;
      const revisionNote = typeof body.revisionNote === 'string' ? body.revisionNote : '';
      try {
        const current = (await findVersion(db, stored.id, stored.currentVersion))!;
        const needs = publishRequirements({ currentVersion: stored.currentVersion, publishedVersion: stored.publishedVersion, errors: current.errorCount, warnings: current.warningCount });
        // every confirmation the form showed was ticked (a browser without `required` may send fewer)
        const ticked = new Set([body.confirm ?? []].flat());
        const expectedVersion = Number(body.version) || undefined;
        await publishReport(db, staffContext(request.staff!, request.id), stored.id, {
          ...(expectedVersion ? { expectedVersion } : {}),
          revisionNote,
          confirmed: needs.confirmations.every((_, i) => ticked.has(String(i + 1))),
        });
        return reply.redirect(`/console/reports/${stored.id}?notice=published`, 303);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        if (err.status === 403 || err.status === 404) throw err;
        return sendEditor(request, reply, org, (await findReportById(db, stored.id))!, { status: err.status, error: `未发布：${err.message}`, revisionNote });
      }
    });

  };
}
