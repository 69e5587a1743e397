// Console pages of the self-assessment (自评报告), issue 17 §3. The agency (its editor, head or
// administrator) opens its self-assessment of a year, drafts it from its facts, edits the text,
// drafts it again and submits it to the government office above it; the office (its administrators
// and supervisors) sees its agencies' self-assessments of the year, opens one, returns it with a
// reason or accepts it. Registered by ../console.ts on the module's console plugin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../../core/errors.ts';
import { html } from '../../../core/html.ts';
import type { AppDeps } from '../../../core/http/deps.ts';
import { currentYear } from '../../../core/today.ts';
import { staffContext } from '../../../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../../orgs/shell/console-layout.ts';
import { consoleView } from '../../../orgs/shell/console-view.ts';
import { ancestorsOf, findOrgById } from '../../../orgs/store.ts';
import { assessmentPolicy } from '../policy.ts';
import * as commands from './commands.ts';
import type { SelfAssessment } from './model.ts';
import { readableBy } from './present.ts';
import { isEditable, officeAbove, SELF_ASSESSMENT_STATE_LABELS } from './rules.ts';
import './scope.ts';
import * as store from './store.ts';
import { fieldError, formErrors, type Errors } from '../forms.ts';


const when = (d: Date | null) => (d ? d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');
const yearOf = (raw: unknown, fallback: number) => {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : fallback;
};
const stateLabel = (s: SelfAssessment | null, forOffice: boolean) =>
  !s ? (forOffice ? '未报送' : '未起草') : forOffice && s.state === 'draft' ? '未报送' : SELF_ASSESSMENT_STATE_LABELS[s.state];


const NOTICES: Record<string, string> = {
  created: '已按本机构的任务、整改和年度报告情况生成草稿，请修改完善后提交。', redrafted: '已按当前数据重新生成草稿。', saved: '已保存。',
  submitted: '已提交，等待政府办公室审核。', returned: '已退回。', accepted: '已通过。',
};
const noticeOf = (request: FastifyRequest) => NOTICES[String((request.query as { notice?: string }).notice ?? '')];

interface PageState {
  notice?: string | undefined;
  error?: string | undefined;
  text?: string;
  errors?: Errors;
  decide?: Errors;
}

/** One self-assessment with what the viewer may do with it. */
async function selfAssessmentBody(deps: AppDeps, view: ConsoleView, s: SelfAssessment, state: PageState) {
  const office = (await findOrgById(deps.db, s.officeOrgId))!;
  const agency = (await findOrgById(deps.db, s.orgId))!;
  const work = assessmentPolicy.work(view.staff, agency) && isEditable(s.state);
  const manage = assessmentPolicy.manage(view.staff, office) && s.state === 'submitted';
  const errors = state.errors ?? {};
  const paragraphs = s.text.split('\n').filter((l) => l.trim() !== '');
  // an error of the text's form is shown beside the field; when the form is not shown (no longer editable), on top
  const error = state.error ?? (work ? undefined : Object.values(errors)[0]);
  return html`${noticeBox(state.notice)}${errorBox(error)}
<table class="data" id="self-assessment">
  <tr><th scope="row">单位</th><td>${s.orgName}</td></tr>
  <tr><th scope="row">报送对象</th><td>${s.officeName}</td></tr>
  <tr><th scope="row">年度</th><td>${s.year}</td></tr>
  <tr><th scope="row">状态</th><td id="self-assessment-state">${SELF_ASSESSMENT_STATE_LABELS[s.state]}</td></tr>
  ${s.state === 'returned' && s.returnReason ? html`<tr><th scope="row">退回理由</th><td id="return-reason">${s.returnReason}</td></tr>` : ''}
  <tr><th scope="row">最近修改</th><td>${when(s.editedAt)}${s.editedBy ? `（${s.editedBy}）` : ''}</td></tr>
  <tr><th scope="row">提交</th><td>${when(s.submittedAt)}${s.submittedBy ? `（${s.submittedBy}）` : ''}</td></tr>
  <tr><th scope="row">审核</th><td>${when(s.decidedAt)}${s.decidedBy ? `（${s.decidedBy}）` : ''}</td></tr>
</table>
${work
  ? html`<h2>编辑自评报告</h2>
<p class="muted">草稿按本机构的任务完成情况、整改事项和年度报告生成，数字均来自平台记录；请结合本单位实际修改完善后提交。</p>
<form method="post" action="/console/assessment/self-assessments/${s.id}" id="self-assessment-form">
  ${csrfField(view.csrf)}
  <p><label for="self-assessment-text">自评报告正文</label>${fieldError(errors, 'text')}<br><textarea id="self-assessment-text" name="text" rows="30" cols="90">${state.text ?? s.text}</textarea></p>
  <p><button type="submit" name="action" value="save">保存</button> <button type="submit" name="action" value="submit">提交</button></p>
</form>
<form method="post" action="/console/assessment/self-assessments/${s.id}/redraft" id="redraft-form">${csrfField(view.csrf)}
  <p><button type="submit">重新生成草稿</button> <span class="muted">按当前数据重新生成，替换现有正文。</span></p>
</form>`
  : html`<h2>自评报告正文</h2>
<div class="self-assessment-text" id="self-assessment-text">${paragraphs.length ? paragraphs.map((p) => html`<p>${p}</p>`) : html`<p class="muted">（正文为空）</p>`}</div>`}
${manage
  ? html`<h2>审核</h2>
<form method="post" action="/console/assessment/self-assessments/${s.id}/accept" class="inline" id="accept-form">${csrfField(view.csrf)}<button type="submit">通过</button></form>
<form method="post" action="/console/assessment/self-assessments/${s.id}/return" id="return-form">${csrfField(view.csrf)}
  <p><label>退回理由 <input type="text" name="reason" size="60"></label>${fieldError(state.decide ?? {}, 'reason')}</p>
  <p><button type="submit">退回</button></p>
</form>`
  : ''}`;
}

async function selfAssessmentPage(deps: AppDeps, view: ConsoleView, s: SelfAssessment, state: PageState = {}): Promise<string> {
  const office = (await findOrgById(deps.db, s.officeOrgId))!;
  const back = assessmentPolicy.manage(view.staff, office) && view.org.id === office.id
    ? html`<p><a href="/console/assessment/self-assessments?year=${s.year}">← 各单位 ${s.year} 年度自评报告</a></p>`
    : html`<p><a href="/console/assessment">← 任务和整改</a></p>`;
  return consolePage(view, `${s.year} 年度自评报告：${s.orgName}`, html`${back}${await selfAssessmentBody(deps, view, s, state)}`);
}

/** The current organization's own self-assessment of a year, or the button that drafts it. */
async function ownPage(deps: AppDeps, view: ConsoleView, year: number, state: PageState = {}): Promise<string> {
  const s = await store.findAgencySelfAssessment(deps.db, view.org.id, year);
  const work = assessmentPolicy.work(view.staff, view.org);
  const office = s ? null : officeAbove(await ancestorsOf(deps.db, view.org));
  return consolePage(
    view,
    '自评报告',
    html`<p><a href="/console/assessment">← 任务和整改</a></p>
<form method="get" action="/console/assessment/self-assessment" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
${s
  ? await selfAssessmentBody(deps, view, s, state)
  : html`${noticeBox(state.notice)}${errorBox(state.error)}
<p class="muted" id="no-self-assessment">${office ? `本机构尚未起草 ${year} 年度自评报告（报送${office.fullName}）。` : '本机构上级没有政府办公室，不需要报送自评报告。'}</p>
${work && office
  ? html`<form method="post" action="/console/assessment/self-assessment" id="create-form">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}">
  <p><button type="submit">生成草稿</button> <span class="muted">按本机构 ${year} 年的任务完成情况、整改事项和上一年度的年度报告生成。</span></p>
</form>`
  : ''}`}`,
  );
}

async function officeListPage(deps: AppDeps, view: ConsoleView, year: number): Promise<string> {
  const rows = await store.listForOffice(deps.db, view.org, year);
  const count = (label: string) => rows.filter((r) => stateLabel(r.selfAssessment, true) === label).length;
  return consolePage(
    view,
    '各单位自评报告',
    html`<p><a href="/console/assessment">← 任务和整改</a></p>
<form method="get" action="/console/assessment/self-assessments" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
<h2>${year} 年度自评报告</h2>
<p id="self-assessment-counts">共 ${rows.length} 个单位：待审核 ${count('已报送待审核')}，已通过 ${count('已通过')}，已退回 ${count('已退回')}，未报送 ${count('未报送')}。</p>
${rows.length
  ? html`<table class="data" id="office-self-assessments">
  <thead><tr><th scope="col">单位</th><th scope="col">状态</th><th scope="col">提交时间</th><th scope="col">审核时间</th></tr></thead>
  <tbody>${rows.map((r) => {
    const s = r.selfAssessment && r.selfAssessment.state !== 'draft' ? r.selfAssessment : null;
    return html`<tr data-org="${r.orgCode ?? r.orgId}"><th scope="row">${s ? html`<a href="/console/assessment/self-assessments/${s.id}">${r.orgName}</a>` : r.orgName}</th><td>${stateLabel(r.selfAssessment, true)}</td><td>${when(s?.submittedAt ?? null)}</td><td>${when(s?.decidedAt ?? null)}</td></tr>`;
  })}</tbody>
</table>`
  : html`<p class="muted">本机构下没有部门。</p>`}`,
  );
}

/** Adds the self-assessment's pages to the module's console plugin (mounted under /console). */
export function registerSelfAssessmentConsole(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const view = (request: FastifyRequest, reply: FastifyReply) => consoleView(deps, request, reply, 'assessment');
  const ctx = (v: ConsoleView, request: FastifyRequest) => staffContext(v.staff, request.id);
  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  const text = (request: FastifyRequest) => (typeof body(request).text === 'string' ? (body(request).text as string) : '');
  /** The self-assessment of the route, when the viewer may read it (the office sees no unsubmitted draft). */
  const readable = async (v: ConsoleView, request: FastifyRequest) => {
    const s = await store.findSelfAssessment(db, Number((request.params as { selfAssessmentId: string }).selfAssessmentId));
    if (!s || !readableBy(v.staff, s)) throw notFound('该自评报告');
    return s;
  };

  app.get('/assessment/self-assessment', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    return reply.type('text/html').send(await ownPage(deps, v, yearOf((request.query as { year?: string }).year, currentYear()), { notice: noticeOf(request) }));
  });

  app.post('/assessment/self-assessment', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    const year = yearOf(body(request).year, currentYear());
    try {
      await commands.createSelfAssessment(db, ctx(v, request), v.org.id, { year: body(request).year });
    } catch (err) {
      const e = formErrors(err, 'year');
      if (!e) throw err;
      reply.status(e.status);
      return reply.type('text/html').send(await ownPage(deps, v, year, { error: Object.values(e.errors)[0] }));
    }
    return reply.redirect(`/console/assessment/self-assessment?year=${year}&notice=created`, 303);
  });

  app.get('/assessment/self-assessments', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    if (!assessmentPolicy.manage(v.staff, v.org)) throw forbidden('只有政府办公室的系统管理员或监督员可以查看各单位的自评报告');
    return reply.type('text/html').send(await officeListPage(deps, v, yearOf((request.query as { year?: string }).year, currentYear())));
  });

  app.get('/assessment/self-assessments/:selfAssessmentId', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    return reply.type('text/html').send(await selfAssessmentPage(deps, v, await readable(v, request), { notice: noticeOf(request) }));
  });

  app.post('/assessment/self-assessments/:selfAssessmentId', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    const s = await readable(v, request);
    const submit = body(request).action === 'submit';
    try {
      if (submit) await commands.submitSelfAssessment(db, ctx(v, request), s.id, { text: text(request) });
      else await commands.saveSelfAssessment(db, ctx(v, request), s.id, { text: text(request) });
    } catch (err) {
      const e = formErrors(err, 'text');
      if (!e) throw err;
      reply.status(e.status);
      return reply.type('text/html').send(await selfAssessmentPage(deps, v, s, { text: text(request), errors: e.errors }));
    }
    return reply.redirect(`/console/assessment/self-assessments/${s.id}?notice=${submit ? 'submitted' : 'saved'}`, 303);
  });

  app.post('/assessment/self-assessments/:selfAssessmentId/redraft', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    const s = await readable(v, request);
    try {
      await commands.redraftSelfAssessment(db, ctx(v, request), s.id);
    } catch (err) {
      const e = formErrors(err, 'text');
      if (!e) throw err;
      reply.status(e.status);
      return reply.type('text/html').send(await selfAssessmentPage(deps, v, s, { error: Object.values(e.errors)[0] }));
    }
    return reply.redirect(`/console/assessment/self-assessments/${s.id}?notice=redrafted`, 303);
  });

  for (const decision of ['accept', 'return'] as const) {
    app.post(`/assessment/self-assessments/:selfAssessmentId/${decision}`, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const s = await readable(v, request);
      try {
        await commands.decideSelfAssessment(db, ctx(v, request), s.id, decision, body(request));
      } catch (err) {
        const e = formErrors(err, 'reason');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await selfAssessmentPage(deps, v, s, e.errors.reason && e.status === 400 ? { decide: e.errors } : { error: Object.values(e.errors)[0] }));
      }
      return reply.redirect(`/console/assessment/self-assessments/${s.id}?notice=${decision === 'accept' ? 'accepted' : 'returned'}`, 303);
    });
  }
}
