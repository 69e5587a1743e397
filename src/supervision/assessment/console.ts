// Console pages of the task breakdown (任务分解) and rectification items (整改), issue 17 §3. The office
// (a government office: its administrators and supervisors) sees the year's tasks with each agency's
// progress, writes and publishes tasks, accepts or returns the agencies' reports, sends rectification
// items and confirms or reopens their closing; the agency (its editor, head, administrator) sees its
// tasks, reports progress with evidence (links to its published items, a file) and closes its items.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { attachmentHeader } from '../../core/http/file-names.ts';
import { acceptUploads, type UploadForm } from '../../core/http/uploads.ts';
import { currentYear, today } from '../../core/today.ts';
import { staffContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { findOrgById } from '../../orgs/store.ts';
import * as commands from './commands.ts';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type Progress, type Rectification, type Task } from './model.ts';
import { assessmentPolicy } from './policy.ts';
import { MAX_EVIDENCE_BYTES } from './rules/document.ts';
import { isOverdue } from './rules/overdue.ts';
import { PROGRESS_STATE_LABELS, RECTIFICATION_STATE_LABELS, TASK_STATE_LABELS } from './rules/transitions.ts';
import { resultsWorkbook } from './results-xlsx.ts';
import { registerSelfAssessmentConsole } from './self-assessment/console.ts';
import './scope.ts';
import * as store from './store.ts';
import { fieldError, formErrors, type Errors } from './forms.ts';

type Values = Record<string, string | string[]>;

const yearOf = (raw: unknown, fallback: number) => {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : fallback;
};


const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const stateCell = (p: Progress, deadline: string) => {
  const overdue = isOverdue(deadline, p.state, today());
  return html`<span class="state-${p.state}${overdue ? ' overdue' : ''}">${PROGRESS_STATE_LABELS[p.state]}${overdue ? html` <strong class="urgent">逾期</strong>` : ''}</span>`;
};
const linkList = (links: readonly string[]) =>
  links.length ? html`<ul class="evidence-links">${links.map((l) => html`<li><a href="${l}">${l}</a></li>`)}</ul>` : '—';
const docLink = (d: { id: number; fileName: string; size: number } | null) =>
  d ? html`<a href="/console/assessment/documents/${d.id}">${d.fileName}</a>（${Math.ceil(d.size / 1024)} KB）` : '—';

/** The form fields of an urlencoded or multipart body, without the CSRF token and files. */
function fields(body: unknown): Values {
  const { _csrf: _, ...values } = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string | string[]] => typeof e[1] === 'string' || Array.isArray(e[1])));
}

// --- pages

async function overviewPage(deps: AppDeps, view: ConsoleView, year: number, message: { notice?: string | undefined; error?: string } = {}): Promise<string> {
  const manage = assessmentPolicy.manage(view.staff, view.org);
  const tasks = manage ? await store.listOfficeTasks(deps.db, view.org.id, year) : [];
  const mine = await store.listAgencyTasks(deps.db, view.org.id, year);
  const agencies = [...new Map(tasks.flatMap((t) => t.agencies.map((a) => [a.orgId, a.orgName] as const))).entries()];
  return consolePage(
    view,
    '任务和整改',
    html`${noticeBox(message.notice)}${errorBox(message.error)}
<p><a href="/console/assessment/rectifications">整改事项</a>${assessmentPolicy.work(view.staff, view.org) || !manage ? html` · <a href="/console/assessment/self-assessment?year=${year}" id="own-self-assessment">本机构自评报告</a>` : ''}${manage ? html` · <a href="/console/assessment/self-assessments?year=${year}" id="office-self-assessments">各单位自评报告</a>` : ''}</p>
<form method="get" action="/console/assessment" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
${manage
  ? html`<h2>${year} 年政务公开重点工作任务分解</h2>
<p><a class="button" href="/console/assessment/tasks/new?year=${year}">新建任务</a> <a class="button" href="/console/assessment/results.xlsx?year=${year}">导出 ${year} 年完成情况（Excel）</a></p>
${tasks.length
  ? html`<table class="data" id="office-tasks">
  <thead><tr><th scope="col">任务</th><th scope="col">完成时限</th><th scope="col">状态</th>${agencies.map(([, name]) => html`<th scope="col">${name}</th>`)}</tr></thead>
  <tbody>${tasks.map((t) => html`<tr data-task="${t.id}"><th scope="row"><a href="/console/assessment/tasks/${t.id}">${t.title}</a></th><td>${t.deadline}</td><td>${TASK_STATE_LABELS[t.state]}</td>${agencies.map(([orgId]) => {
    const p = t.agencies.find((a) => a.orgId === orgId);
    return html`<td>${p ? html`${p.lead ? '牵头·' : ''}${t.state === 'published' ? html`<a href="/console/assessment/progress/${p.id}">${stateCell(p, t.deadline)}</a>` : '待发布'}` : ''}</td>`;
  })}</tr>`)}</tbody>
</table>`
  : html`<p class="muted">${year} 年尚未分解任务。</p>`}`
  : ''}
<h2>本机构承担的 ${year} 年任务</h2>
${mine.length
  ? html`<table class="data" id="my-tasks">
  <thead><tr><th scope="col">任务</th><th scope="col">分工</th><th scope="col">完成时限</th><th scope="col">佐证材料要求</th><th scope="col">状态</th></tr></thead>
  <tbody>${mine.map(({ task, mine: p }) => html`<tr data-progress="${p.id}"><th scope="row"><a href="/console/assessment/progress/${p.id}">${task.title}</a></th><td>${p.lead ? '牵头' : '配合'}</td><td>${task.deadline}</td><td>${task.evidenceExpected || '—'}</td><td>${stateCell(p, task.deadline)}</td></tr>`)}</tbody>
</table>`
  : html`<p class="muted">本机构没有 ${year} 年的任务。</p>`}`,
  );
}

async function taskForm(deps: AppDeps, view: ConsoleView, office: Organization, opts: { action: string; values: Values; errors: Errors; submitLabel: string }): Promise<SafeHtml> {
  const agencies = await store.agenciesBelow(deps.db, office);
  const others = [opts.values.otherOrgIds ?? []].flat();
  const v = (k: string) => one(opts.values[k]);
  return html`<form method="post" action="${opts.action}" class="task-form" id="task-form">
  ${csrfField(view.csrf)}
  <p><label>年度 <input type="number" name="year" value="${v('year')}" min="2008" max="2100" required></label>${fieldError(opts.errors, 'year')}</p>
  <p><label>任务内容<br><textarea name="title" rows="3" cols="70" required>${v('title')}</textarea></label>${fieldError(opts.errors, 'title')}</p>
  <p><label>牵头单位 <select name="leadOrgId" required><option value="">请选择</option>${agencies.map((a) => html`<option value="${a.id}"${String(a.id) === v('leadOrgId') ? html` selected` : ''}>${a.fullName}</option>`)}</select></label>${fieldError(opts.errors, 'leadOrgId')}</p>
  <fieldset><legend>配合单位</legend>${agencies.map((a) => html`<label class="check"><input type="checkbox" name="otherOrgIds" value="${a.id}"${others.includes(String(a.id)) ? html` checked` : ''}> ${a.fullName}</label> `)}${fieldError(opts.errors, 'otherOrgIds')}</fieldset>
  <p><label>完成时限 <input type="date" name="deadline" value="${v('deadline')}" required></label>${fieldError(opts.errors, 'deadline')}</p>
  <p><label>佐证材料要求<br><textarea name="evidenceExpected" rows="2" cols="70">${v('evidenceExpected')}</textarea></label>${fieldError(opts.errors, 'evidenceExpected')}</p>
  <p><button type="submit">${opts.submitLabel}</button></p>
</form>`;
}

const taskValues = (t: Task): Values => ({
  year: String(t.year), title: t.title, deadline: t.deadline, evidenceExpected: t.evidenceExpected,
  leadOrgId: String(t.agencies.find((a) => a.lead)?.orgId ?? ''), otherOrgIds: t.agencies.filter((a) => !a.lead).map((a) => String(a.orgId)),
});

async function taskPage(deps: AppDeps, view: ConsoleView, t: Task, state: { notice?: string | undefined; error?: string; edit?: { values: Values; errors: Errors } } = {}): Promise<string> {
  const office = (await findOrgById(deps.db, t.orgId))!;
  const manage = assessmentPolicy.manage(view.staff, office);
  return consolePage(
    view,
    `任务：${t.title}`,
    html`<p><a href="/console/assessment?year=${t.year}">← 返回 ${t.year} 年任务</a></p>
${noticeBox(state.notice)}${errorBox(state.error)}
<table class="data" id="task">
  <tr><th scope="row">发布机关</th><td>${office.fullName}</td></tr>
  <tr><th scope="row">年度</th><td>${t.year}</td></tr>
  <tr><th scope="row">完成时限</th><td>${t.deadline}</td></tr>
  <tr><th scope="row">佐证材料要求</th><td>${t.evidenceExpected || '—'}</td></tr>
  <tr><th scope="row">状态</th><td id="task-state">${TASK_STATE_LABELS[t.state]}</td></tr>
</table>
<h2>各单位完成情况</h2>
<table class="data" id="task-agencies">
  <thead><tr><th scope="col">单位</th><th scope="col">分工</th><th scope="col">状态</th><th scope="col">说明</th><th scope="col">佐证</th></tr></thead>
  <tbody>${t.agencies.map((p) => html`<tr data-org="${p.orgCode ?? p.orgId}"><th scope="row">${t.state === 'published' ? html`<a href="/console/assessment/progress/${p.id}">${p.orgName}</a>` : p.orgName}</th><td>${p.lead ? '牵头' : '配合'}</td><td>${t.state === 'published' ? stateCell(p, t.deadline) : '待发布'}</td><td>${p.note || '—'}</td><td>${linkList(p.evidenceLinks)} ${p.document ? docLink(p.document) : ''}</td></tr>`)}</tbody>
</table>
${manage && t.state === 'draft'
  ? html`<form method="post" action="/console/assessment/tasks/${t.id}/publish" class="inline" id="publish-form">${csrfField(view.csrf)}<button type="submit">发布任务</button></form>
<form method="post" action="/console/assessment/tasks/${t.id}/delete" class="inline">${csrfField(view.csrf)}<button type="submit">删除草稿</button></form>
<h2>修改任务</h2>
${await taskForm(deps, view, office, { action: `/console/assessment/tasks/${t.id}`, values: state.edit?.values ?? taskValues(t), errors: state.edit?.errors ?? {}, submitLabel: '保存修改' })}`
  : ''}`,
  );
}

async function progressPage(deps: AppDeps, view: ConsoleView, p: Progress, state: { notice?: string | undefined; form?: { values: Values; errors: Errors }; decide?: Errors } = {}): Promise<string> {
  const t = (await store.findTask(deps.db, p.taskId))!;
  const office = (await findOrgById(deps.db, t.orgId))!;
  const agency = (await findOrgById(deps.db, p.orgId))!;
  const work = assessmentPolicy.work(view.staff, agency) && (p.state === 'open' || p.state === 'returned');
  const manage = assessmentPolicy.manage(view.staff, office) && p.state === 'submitted';
  const values = state.form?.values ?? { note: p.note, links: p.evidenceLinks.join('\n') };
  const errors = state.form?.errors ?? {};
  const decideErrors = state.decide ?? {};
  return consolePage(
    view,
    `任务完成情况：${p.orgName}`,
    html`<p><a href="/console/assessment?year=${t.year}">← 返回 ${t.year} 年任务</a></p>
${noticeBox(state.notice)}
<table class="data" id="progress">
  <tr><th scope="row">任务</th><td>${t.title}</td></tr>
  <tr><th scope="row">发布机关</th><td>${office.fullName}</td></tr>
  <tr><th scope="row">单位</th><td>${p.orgName}（${p.lead ? '牵头' : '配合'}）</td></tr>
  <tr><th scope="row">完成时限</th><td>${t.deadline}</td></tr>
  <tr><th scope="row">佐证材料要求</th><td>${t.evidenceExpected || '—'}</td></tr>
  <tr><th scope="row">状态</th><td id="progress-state">${stateCell(p, t.deadline)}</td></tr>
  ${p.returnReason && p.state === 'returned' ? html`<tr><th scope="row">退回理由</th><td id="return-reason">${p.returnReason}</td></tr>` : ''}
  <tr><th scope="row">完成情况说明</th><td>${p.note || '—'}</td></tr>
  <tr><th scope="row">佐证链接</th><td>${linkList(p.evidenceLinks)}</td></tr>
  <tr><th scope="row">佐证文件</th><td>${docLink(p.document)}</td></tr>
</table>
${work
  ? html`<h2>报送完成情况</h2>
<form method="post" action="/console/assessment/progress/${p.id}" enctype="multipart/form-data" id="progress-form">
  ${csrfField(view.csrf)}
  <p><label>完成情况说明<br><textarea name="note" rows="4" cols="70">${one(values.note)}</textarea></label>${fieldError(errors, 'note')}</p>
  <p><label>佐证链接（每行一个：本部门已发布条目的地址，如 /items/123，或其他网址）<br><textarea name="links" rows="3" cols="70">${one(values.links)}</textarea></label>${fieldError(errors, 'links')}</p>
  <p><label>佐证文件（PDF、OFD、Word、Excel、图片，不超过 20 MB） <input type="file" name="document"></label>${fieldError(errors, 'document')}</p>
  <p><button type="submit" name="action" value="save">保存</button> <button type="submit" name="action" value="submit">报送完成</button></p>
</form>`
  : ''}
${manage
  ? html`<h2>验收</h2>
<form method="post" action="/console/assessment/progress/${p.id}/accept" class="inline" id="accept-form">${csrfField(view.csrf)}<button type="submit">验收通过</button></form>
<form method="post" action="/console/assessment/progress/${p.id}/return" id="return-form">${csrfField(view.csrf)}
  <p><label>退回理由 <input type="text" name="reason" size="50"></label>${fieldError(decideErrors, 'reason')}</p>
  <p><button type="submit">退回</button></p>
</form>`
  : ''}`,
  );
}

async function rectificationsPage(deps: AppDeps, view: ConsoleView, state: { notice?: string | undefined; form?: { values: Values; errors: Errors } } = {}): Promise<string> {
  const manage = assessmentPolicy.manage(view.staff, view.org);
  const sent = manage ? await store.listRectifications(deps.db, view.org.id, 'office') : [];
  const received = await store.listRectifications(deps.db, view.org.id, 'agency');
  const agencies = manage ? await store.agenciesBelow(deps.db, view.org) : [];
  const values = state.form?.values ?? {};
  const errors = state.form?.errors ?? {};
  const v = (k: string) => one(values[k]);
  const now = today();
  const table = (id: string, rows: Rectification[], withOrg: boolean) =>
    rows.length
      ? html`<table class="data" id="${id}">
  <thead><tr>${withOrg ? html`<th scope="col">整改部门</th>` : html`<th scope="col">下发机关</th>`}<th scope="col">问题</th><th scope="col">来源</th><th scope="col">整改时限</th><th scope="col">状态</th></tr></thead>
  <tbody>${rows.map((r) => html`<tr data-rectification="${r.id}"><td>${withOrg ? r.orgName : r.officeName}</td><th scope="row"><a href="/console/assessment/rectifications/${r.id}">${r.finding}</a></th><td>${SOURCE_KIND_LABELS[r.sourceKind]}${r.sourceRef ? `：${r.sourceRef}` : ''}</td><td>${r.deadline}</td><td>${RECTIFICATION_STATE_LABELS[r.state]}${isOverdue(r.deadline, r.state, now) ? html` <strong class="urgent">逾期</strong>` : ''}</td></tr>`)}</tbody>
</table>`
      : html`<p class="muted">没有整改事项。</p>`;
  return consolePage(
    view,
    '整改事项',
    html`<p><a href="/console/assessment">← 任务和整改</a></p>
${noticeBox(state.notice)}
${manage
  ? html`<h2>下发整改事项</h2>
<form method="post" action="/console/assessment/rectifications" id="rectification-form">
  ${csrfField(view.csrf)}
  <p><label>整改部门 <select name="orgId" required><option value="">请选择</option>${agencies.map((a) => html`<option value="${a.id}"${String(a.id) === v('orgId') ? html` selected` : ''}>${a.fullName}</option>`)}</select></label>${fieldError(errors, 'orgId')}</p>
  <p><label>问题来源 <select name="sourceKind">${SOURCE_KINDS.map((k) => html`<option value="${k}"${k === (v('sourceKind') || 'manual') ? html` selected` : ''}>${SOURCE_KIND_LABELS[k]}</option>`)}</select></label>${fieldError(errors, 'sourceKind')}</p>
  <p><label>来源说明（如检查批次、考核指标） <input type="text" name="sourceRef" value="${v('sourceRef')}" size="50"></label>${fieldError(errors, 'sourceRef')}</p>
  <p><label>发现的问题<br><textarea name="finding" rows="3" cols="70" required>${v('finding')}</textarea></label>${fieldError(errors, 'finding')}</p>
  <p><label>整改时限 <input type="date" name="deadline" value="${v('deadline')}" required></label>${fieldError(errors, 'deadline')}</p>
  <p><button type="submit">下发整改</button></p>
</form>
<h2>已下发的整改事项</h2>
${table('sent-rectifications', sent, true)}`
  : ''}
<h2>本机构的整改事项</h2>
${table('my-rectifications', received, false)}`,
  );
}

async function rectificationPage(deps: AppDeps, view: ConsoleView, r: Rectification, state: { notice?: string | undefined; form?: { values: Values; errors: Errors }; decide?: Errors } = {}): Promise<string> {
  const office = (await findOrgById(deps.db, r.officeOrgId))!;
  const agency = (await findOrgById(deps.db, r.orgId))!;
  const work = assessmentPolicy.work(view.staff, agency) && r.state === 'open';
  const manage = assessmentPolicy.manage(view.staff, office) && r.state === 'closed';
  const values = state.form?.values ?? { note: r.closingNote, links: r.evidenceLinks.join('\n') };
  const errors = state.form?.errors ?? {};
  const overdue = isOverdue(r.deadline, r.state, today());
  return consolePage(
    view,
    `整改事项：${r.orgName}`,
    html`<p><a href="/console/assessment/rectifications">← 返回整改事项</a></p>
${noticeBox(state.notice)}
<table class="data" id="rectification">
  <tr><th scope="row">问题</th><td>${r.finding}</td></tr>
  <tr><th scope="row">来源</th><td>${SOURCE_KIND_LABELS[r.sourceKind]}${r.sourceRef ? `：${r.sourceRef}` : ''}</td></tr>
  <tr><th scope="row">下发机关</th><td>${r.officeName}</td></tr>
  <tr><th scope="row">整改部门</th><td>${r.orgName}</td></tr>
  <tr><th scope="row">整改时限</th><td>${r.deadline}</td></tr>
  <tr><th scope="row">状态</th><td id="rectification-state">${RECTIFICATION_STATE_LABELS[r.state]}${overdue ? html` <strong class="urgent">逾期</strong>` : ''}</td></tr>
  ${r.reopenReason && r.state === 'open' ? html`<tr><th scope="row">重新打开的理由</th><td>${r.reopenReason}</td></tr>` : ''}
  <tr><th scope="row">整改情况</th><td>${r.closingNote || '—'}</td></tr>
  <tr><th scope="row">佐证链接</th><td>${linkList(r.evidenceLinks)}</td></tr>
  <tr><th scope="row">佐证文件</th><td>${docLink(r.document)}</td></tr>
</table>
${work
  ? html`<h2>报送整改完成</h2>
<form method="post" action="/console/assessment/rectifications/${r.id}/close" enctype="multipart/form-data" id="close-form">
  ${csrfField(view.csrf)}
  <p><label>整改情况<br><textarea name="note" rows="4" cols="70">${one(values.note)}</textarea></label>${fieldError(errors, 'note')}</p>
  <p><label>佐证链接（每行一个） <br><textarea name="links" rows="3" cols="70">${one(values.links)}</textarea></label>${fieldError(errors, 'links')}</p>
  <p><label>佐证文件 <input type="file" name="document"></label>${fieldError(errors, 'document')}</p>
  <p><button type="submit">报送整改完成</button></p>
</form>`
  : ''}
${manage
  ? html`<h2>确认整改</h2>
<form method="post" action="/console/assessment/rectifications/${r.id}/confirm" class="inline" id="confirm-form">${csrfField(view.csrf)}<button type="submit">确认整改完成</button></form>
<form method="post" action="/console/assessment/rectifications/${r.id}/reopen" id="reopen-form">${csrfField(view.csrf)}
  <p><label>重新打开的理由 <input type="text" name="reason" size="50"></label>${fieldError(state.decide ?? {}, 'reason')}</p>
  <p><button type="submit">重新打开</button></p>
</form>`
  : ''}`,
  );
}

const NOTICES: Record<string, string> = {
  created: '已保存任务草稿；发布后各单位可以看到。', saved: '已保存。', published: '任务已发布。', deleted: '已删除任务草稿。',
  submitted: '已报送完成情况，等待政府办公室验收。', accepted: '已验收。', returned: '已退回。',
  sent: '整改事项已下发。', closed: '已报送整改完成，等待确认。', confirmed: '已确认整改完成。', reopened: '整改事项已重新打开。',
};
const noticeOf = (request: FastifyRequest) => NOTICES[String((request.query as { notice?: string }).notice ?? '')];

export function assessmentConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    await acceptUploads(app, { maxFileBytes: MAX_EVIDENCE_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = (request: FastifyRequest, reply: FastifyReply) => consoleView(deps, request, reply, 'assessment');
    const ctx = (v: ConsoleView, request: FastifyRequest) => staffContext(v.staff, request.id);
    const param = (request: FastifyRequest, name: string) => Number((request.params as Record<string, string>)[name]);
    const taskOf = async (request: FastifyRequest) => {
      const t = await store.findTask(db, param(request, 'taskId'));
      if (!t) throw notFound('该任务');
      return t;
    };
    /** A draft task is the office's working: only its managers see it. */
    const readableTask = async (v: ConsoleView, request: FastifyRequest) => {
      const t = await taskOf(request);
      const office = (await findOrgById(db, t.orgId))!;
      if (t.state === 'draft' && !assessmentPolicy.manage(v.staff, office)) throw notFound('该任务');
      return t;
    };
    const progressOf = async (request: FastifyRequest) => {
      const p = await store.findProgress(db, param(request, 'progressId'));
      if (!p) throw notFound('该任务');
      const t = await store.findTask(db, p.taskId);
      if (t?.state !== 'published') throw notFound('该任务');
      return p;
    };
    const rectificationOf = async (request: FastifyRequest) => {
      const r = await store.findRectification(db, param(request, 'rectificationId'));
      if (!r) throw notFound('该整改事项');
      return r;
    };
    const fileOf = (body: unknown) => {
      const f = ((body ?? {}) as UploadForm).document;
      return typeof f === 'object' && f.content.length > 0 ? f : null;
    };

    app.get('/assessment', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await overviewPage(deps, v, yearOf((request.query as { year?: string }).year, currentYear()), { notice: noticeOf(request) }));
    });

    app.get('/assessment/results.xlsx', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!assessmentPolicy.manage(v.staff, v.org)) throw forbidden('只有政府办公室的系统管理员或监督员可以导出任务完成情况');
      const year = yearOf((request.query as { year?: string }).year, currentYear());
      const [tasks, rects] = await Promise.all([store.listOfficeTasks(db, v.org.id, year), store.listRectifications(db, v.org.id, 'office')]);
      const buffer = await resultsWorkbook(v.org.fullName, year, tasks, rects.filter((r) => r.createdAt.getFullYear() === year || r.state !== 'confirmed'));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${v.org.shortName}${year}年政务公开任务完成情况.xlsx`))
        .send(buffer);
    });

    app.get('/assessment/tasks/new', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!assessmentPolicy.manage(v.staff, v.org)) throw forbidden('只有政府办公室的系统管理员或监督员可以发布任务');
      const year = yearOf((request.query as { year?: string }).year, currentYear());
      return reply.type('text/html').send(consolePage(v, '新建任务', await taskForm(deps, v, v.org, { action: '/console/assessment/tasks', values: { year: String(year) }, errors: {}, submitLabel: '保存任务草稿' })));
    });

    app.post('/assessment/tasks', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = fields(request.body);
      try {
        const id = await commands.createTask(db, ctx(v, request), v.org.id, values);
        return reply.redirect(`/console/assessment/tasks/${id}?notice=created`, 303);
      } catch (err) {
        const e = formErrors(err, 'title');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(consolePage(v, '新建任务', await taskForm(deps, v, v.org, { action: '/console/assessment/tasks', values, errors: e.errors, submitLabel: '保存任务草稿' })));
      }
    });

    app.get('/assessment/tasks/:taskId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await taskPage(deps, v, await readableTask(v, request), { notice: noticeOf(request) }));
    });

    app.post('/assessment/tasks/:taskId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const t = await readableTask(v, request);
      const values = fields(request.body);
      try {
        await commands.updateTask(db, ctx(v, request), t.id, values);
        return reply.redirect(`/console/assessment/tasks/${t.id}?notice=saved`, 303);
      } catch (err) {
        const e = formErrors(err, 'title');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await taskPage(deps, v, t, { edit: { values, errors: e.errors } }));
      }
    });

    for (const [path, run, notice] of [
      ['publish', commands.publishTask, 'published'],
      ['delete', commands.deleteTask, 'deleted'],
    ] as const) {
      app.post(`/assessment/tasks/:taskId/${path}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const t = await readableTask(v, request);
        try {
          await run(db, ctx(v, request), t.id);
        } catch (err) {
          const e = formErrors(err, 'task');
          if (!e) throw err;
          reply.status(e.status);
          return reply.type('text/html').send(await taskPage(deps, v, t, { error: Object.values(e.errors)[0] }));
        }
        return reply.redirect(path === 'delete' ? `/console/assessment?year=${t.year}&notice=${notice}` : `/console/assessment/tasks/${t.id}?notice=${notice}`, 303);
      });
    }

    app.get('/assessment/progress/:progressId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await progressPage(deps, v, await progressOf(request), { notice: noticeOf(request) }));
    });

    app.post('/assessment/progress/:progressId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const p = await progressOf(request);
      const values = fields(request.body);
      const submit = one(values.action) === 'submit';
      try {
        await commands.saveProgress(db, ctx(v, request), p.id, values, submit, fileOf(request.body));
        return reply.redirect(`/console/assessment/progress/${p.id}?notice=${submit ? 'submitted' : 'saved'}`, 303);
      } catch (err) {
        const e = formErrors(err, 'note');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await progressPage(deps, v, p, { form: { values, errors: e.errors } }));
      }
    });

    for (const decision of ['accept', 'return'] as const) {
      app.post(`/assessment/progress/:progressId/${decision}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const p = await progressOf(request);
        try {
          await commands.decideProgress(db, ctx(v, request), p.id, decision, fields(request.body));
          return reply.redirect(`/console/assessment/progress/${p.id}?notice=${decision === 'accept' ? 'accepted' : 'returned'}`, 303);
        } catch (err) {
          const e = formErrors(err, 'reason');
          if (!e) throw err;
          reply.status(e.status);
          return reply.type('text/html').send(await progressPage(deps, v, p, { decide: e.errors }));
        }
      });
    }

    app.get('/assessment/rectifications', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await rectificationsPage(deps, v, { notice: noticeOf(request) }));
    });

    app.post('/assessment/rectifications', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = fields(request.body);
      try {
        // The office is the current organization, or the one named by a finding's 整改 button (rectify-finding.ts).
        const officeId = Number(one(values.officeId)) || v.org.id;
        const id = await commands.createRectification(db, ctx(v, request), officeId, values);
        return reply.redirect(`/console/assessment/rectifications/${id}?notice=sent`, 303);
      } catch (err) {
        const e = formErrors(err, 'finding');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await rectificationsPage(deps, v, { form: { values, errors: e.errors } }));
      }
    });

    app.get('/assessment/rectifications/:rectificationId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await rectificationPage(deps, v, await rectificationOf(request), { notice: noticeOf(request) }));
    });

    app.post('/assessment/rectifications/:rectificationId/close', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const r = await rectificationOf(request);
      const values = fields(request.body);
      try {
        await commands.closeRectification(db, ctx(v, request), r.id, values, fileOf(request.body));
        return reply.redirect(`/console/assessment/rectifications/${r.id}?notice=closed`, 303);
      } catch (err) {
        const e = formErrors(err, 'note');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await rectificationPage(deps, v, r, { form: { values, errors: e.errors } }));
      }
    });

    for (const decision of ['confirm', 'reopen'] as const) {
      app.post(`/assessment/rectifications/:rectificationId/${decision}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const r = await rectificationOf(request);
        try {
          await commands.decideRectification(db, ctx(v, request), r.id, decision, fields(request.body));
          return reply.redirect(`/console/assessment/rectifications/${r.id}?notice=${decision === 'confirm' ? 'confirmed' : 'reopened'}`, 303);
        } catch (err) {
          const e = formErrors(err, 'reason');
          if (!e) throw err;
          reply.status(e.status);
          return reply.type('text/html').send(await rectificationPage(deps, v, r, { decide: e.errors }));
        }
      });
    }

    app.get('/assessment/documents/:evidenceDocId', { schema: { hide: true } }, async (request, reply) => {
      await view(request, reply);
      const file = await store.findDocumentContent(db, param(request, 'evidenceDocId'));
      if (!file) throw notFound('该文件');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
    });

    registerSelfAssessmentConsole(app, deps);
  };
}
