// Console pages of the scoring scheme (考核评分, issue 17 §3). The office (its administrators and
// supervisors) writes the year's indicators — computed from platform data or scored by a person —,
// computes the computed ones for every agency, scores the others with a reason, reads the result table
// and exports it, and sends a lost point to the agency as a 整改 item. An agency reads its own scores
// with the data behind each one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, notFound } from '../../../core/errors.ts';
import { html, type SafeHtml } from '../../../core/html.ts';
import type { AppDeps } from '../../../core/http/deps.ts';
import { attachmentHeader } from '../../../core/http/file-names.ts';
import { addDays } from '../../../core/date.ts';
import { currentYear, today } from '../../../core/today.ts';
import { staffContext } from '../../../orgs/context.ts';
import type { Organization } from '../../../orgs/model.ts';
import type { AgencyFactSource } from '../../../orgs/shell/agency-facts.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../../orgs/shell/console-layout.ts';
import { consoleView } from '../../../orgs/shell/console-view.ts';
import { findOrgById } from '../../../orgs/store.ts';
import { assessmentPolicy } from '../policy.ts';
import { GRADE_LABELS } from '../rules/scoring.ts';
import * as commands from './commands.ts';
import type { Indicator, Score } from './model.ts';
import { scoringResults, type AgencyResult } from './results.ts';
import { resultsSheet } from './results-xlsx.ts';
import './scope.ts';
import * as store from './store.ts';
import { fieldError, formErrors, type Errors } from '../forms.ts';
import { formFields } from '../../../core/http/csrf.ts';

type Values = Record<string, string>;

const yearOf = (raw: unknown) => {
  const y = Number((raw as { year?: string } | undefined)?.year);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : currentYear();
};
const points = (n: number | null) => (n === null ? '—' : String(n));

/** How an indicator loses points, in words. */
export function deductionText(i: Indicator): string {
  if (i.points === 0) return '不计分';
  if (i.source === null) return '人工评分，说明理由';
  return i.deduction === null ? '出现即扣除全部分值' : `每处扣 ${i.deduction} 分，扣完为止`;
}

const methodText = (i: Indicator, sources: readonly AgencyFactSource[]) => {
  if (i.source === null) return '人工评分';
  const s = sources.find((x) => x.key === i.source);
  return s ? `自动计算：${s.label}（${s.basis}）` : '自动计算（计算方法已不可用）';
};

function scoreCell(s: Score | undefined): SafeHtml {
  if (!s) return html`<td class="muted">未评分</td>`;
  return html`<td class="${s.veto ? 'count-error' : ''}" title="${s.detail}">${points(s.score)}${s.veto ? html` <strong class="urgent">否决</strong>` : ''}</td>`;
}


async function officePage(deps: AppDeps, view: ConsoleView, year: number, sources: readonly AgencyFactSource[], state: { notice?: string | undefined; error?: string; form?: { values: Values; errors: Errors } } = {}): Promise<string> {
  const { indicators, rows, computedAt } = await scoringResults(deps.db, view.org, year);
  const v = state.form?.values ?? { points: '', deduction: '', source: '' };
  const errors = state.form?.errors ?? {};
  const full = indicators.reduce((s, i) => s + i.points, 0);
  return consolePage(
    view,
    `考核评分 · ${year}`,
    html`<p><a href="/console/assessment?year=${year}">← 任务和整改</a></p>
${noticeBox(state.notice)}${errorBox(state.error)}
<form method="get" action="/console/assessment/scoring" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
<h2>${year} 年考核指标</h2>
<p class="small">出现单项否决的机关直接评为不合格，其他指标不再计分；否则总分低于满分的 60% 为不合格（国办秘函〔2019〕19号的评分办法）。每项指标扣分以其分值为限。</p>
${indicators.length
  ? html`<table class="data" id="indicators">
  <thead><tr><th scope="col">指标</th><th scope="col">分值</th><th scope="col">扣分办法</th><th scope="col">单项否决</th><th scope="col">评分方式</th><th scope="col"></th></tr></thead>
  <tbody>${indicators.map((i) => html`<tr data-indicator="${i.id}"><th scope="row">${i.title}${i.description ? html`<br><span class="small">${i.description}</span>` : ''}</th><td>${i.points}</td><td>${deductionText(i)}</td><td>${i.veto ? '是' : '否'}</td><td class="small">${methodText(i, sources)}</td>
    <td><form method="post" action="/console/assessment/scoring/indicators/${i.id}/delete" class="inline">${csrfField(view.csrf)}<button type="submit" class="link">删除</button></form></td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">合计</th><td>${full}</td><td colspan="4"></td></tr></tfoot>
</table>`
  : html`<p class="muted">${year} 年尚未制定考核指标。</p>`}
<details${state.form ? html` open` : ''}><summary>新增指标</summary>
<form method="post" action="/console/assessment/scoring/indicators" id="indicator-form">
  ${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}">
  <p><label>指标名称 <input type="text" name="title" value="${v.title ?? ''}" size="40" required></label>${fieldError(errors, 'title')}</p>
  <p><label>评分说明 <input type="text" name="description" value="${v.description ?? ''}" size="60"></label>${fieldError(errors, 'description')}</p>
  <p><label>分值 <input type="number" name="points" value="${v.points ?? ''}" min="0" step="0.01" required></label>${fieldError(errors, 'points')}
     <label>每处扣分 <input type="number" name="deduction" value="${v.deduction ?? ''}" min="0" step="0.01"></label> <span class="small">不填则出现即扣除全部分值</span>${fieldError(errors, 'deduction')}</p>
  <p><label class="check"><input type="checkbox" name="veto"${v.veto ? html` checked` : ''}> 单项否决指标</label>${fieldError(errors, 'veto')}</p>
  <p><label>评分方式 <select name="source"><option value="">人工评分（填写理由）</option>${sources.map((s) => html`<option value="${s.key}"${v.source === s.key ? html` selected` : ''}>自动计算：${s.label}</option>`)}</select></label>${fieldError(errors, 'source')}</p>
  <p><button type="submit">添加指标</button></p>
</form></details>
<h2>考核结果</h2>
<form method="post" action="/console/assessment/scoring/compute" class="inline" id="compute-form">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}"><button type="submit">按平台数据计算得分</button></form>
<span class="small">${computedAt ? `上次计算：${computedAt.toISOString().slice(0, 16).replace('T', ' ')}（UTC）` : '尚未计算'}；人工评分的指标在各机关的评分页填写。</span>
<a class="button" href="/console/assessment/scoring.xlsx?year=${year}">导出考核结果（Excel）</a>
${resultsTable(indicators, rows, year)}`,
  );
}

function resultsTable(indicators: readonly Indicator[], rows: readonly AgencyResult[], year: number): SafeHtml {
  if (!indicators.length) return html``;
  return html`<div class="table-scroll"><table class="data" id="scoring-results">
  <thead><tr><th scope="col">机关</th>${indicators.map((i) => html`<th scope="col">${i.title}<br><span class="small">${i.points} 分</span></th>`)}<th scope="col">总分</th><th scope="col">结果</th><th scope="col">排名</th></tr></thead>
  <tbody>${rows.map((r) => html`<tr data-code="${r.agency.code}"><th scope="row"><a href="/console/assessment/scoring/agencies/${r.agency.id}?year=${year}">${r.agency.fullName}</a></th>${r.scores.map(scoreCell)}
    <td>${points(r.result.total)}</td><td class="${r.result.grade === 'pass' ? '' : r.result.grade === 'incomplete' ? 'muted' : 'count-error'}">${GRADE_LABELS[r.result.grade]}</td><td>${r.rank ?? '—'}</td></tr>`)}</tbody>
</table></div>`;
}

async function agencyPage(deps: AppDeps, view: ConsoleView, agency: Organization, year: number, sources: readonly AgencyFactSource[], state: { notice?: string | undefined; scoreForm?: { indicatorId: number; values: Values; errors: Errors } } = {}): Promise<string> {
  const sections: SafeHtml[] = [];
  for (const officeId of await store.officesAssessing(deps.db, agency, year)) {
    const office = (await findOrgById(deps.db, officeId))!;
    const manage = assessmentPolicy.manage(view.staff, office);
    const { indicators, rows } = await scoringResults(deps.db, office, year, agency);
    const row = rows[0]!;
    sections.push(html`<h2>${office.fullName}的考核</h2>
<p id="scoring-result">总分：<strong>${points(row.result.total)}</strong>；结果：<strong>${GRADE_LABELS[row.result.grade]}</strong></p>
<table class="data" id="agency-scores">
  <thead><tr><th scope="col">指标</th><th scope="col">分值</th><th scope="col">得分</th><th scope="col">数据和依据</th><th scope="col">评分</th></tr></thead>
  <tbody>${indicators.map((i, k) => {
    const s = row.scores[k];
    const form = state.scoreForm?.indicatorId === i.id ? state.scoreForm : null;
    const lost = s && (s.veto || (s.score !== null && s.score < i.points));
    return html`<tr data-indicator="${i.id}"><th scope="row">${i.title}<br><span class="small">${deductionText(i)}${i.veto ? '；单项否决' : ''}</span></th><td>${i.points}</td>${scoreCell(s)}
    <td>${s ? html`${s.detail}${s.href ? html` <a href="${s.href}">查看</a>` : ''}` : html`<span class="muted">${i.source === null ? '待人工评分' : '待计算'}</span>`}</td>
    <td class="small">${s ? html`${s.computed ? '自动计算' : '人工评分'}·${s.scoredByName}<br>${s.scoredAt.toISOString().slice(0, 10)}` : '—'}</td></tr>
    ${manage && commands.byHandAllowed(i, s)
      ? html`<tr class="score-form"><td colspan="5"><form method="post" action="/console/assessment/scoring/indicators/${i.id}/agencies/${agency.id}" id="score-${i.id}">${csrfField(view.csrf)}
        <label>得分 <input type="number" name="score" min="0" max="${i.points}" step="0.01" value="${form?.values.score ?? (s?.score ?? '')}" required></label>${i.veto ? html` <label class="check"><input type="checkbox" name="veto"${s?.veto ? html` checked` : ''}> 单项否决</label>` : ''}
        <label>理由 <input type="text" name="reason" size="50" value="${form?.values.reason ?? (s && !s.computed ? s.detail : '')}" required></label> <button type="submit">保存评分</button>
        ${form ? html`${fieldError(form.errors, 'score')}${fieldError(form.errors, 'reason')}${fieldError(form.errors, 'veto')}` : ''}</form></td></tr>`
      : ''}
    ${manage && lost
      ? html`<tr class="rectify-form"><td colspan="5"><form method="post" action="/console/assessment/rectifications" class="inline">${csrfField(view.csrf)}
        <input type="hidden" name="orgId" value="${agency.id}"><input type="hidden" name="sourceKind" value="score"><input type="hidden" name="sourceRef" value="${year} 年考核指标：${i.title}">
        <input type="hidden" name="finding" value="${i.title}：${s!.detail}"><label>整改时限 <input type="date" name="deadline" value="${addDays(today(), 30)}" required></label> <button type="submit">下发整改</button></form></td></tr>`
      : ''}`;
  })}</tbody>
</table>`);
  }
  return consolePage(
    view,
    `考核评分：${agency.fullName} · ${year}`,
    html`${noticeBox(state.notice)}
<form method="get" action="/console/assessment/scoring/agencies/${agency.id}" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
${sections.length ? sections : html`<p class="muted">${year} 年没有对本机关的考核指标。</p>`}
<p class="small">自动计算的得分是计算当日平台记录的结果；可点“查看”核对数据。</p>`,
  );
}

const NOTICES: Record<string, string> = { added: '已添加指标。', deleted: '已删除指标和它的得分。', computed: '已按平台数据计算得分。', scored: '已保存评分。' };
const noticeOf = (request: FastifyRequest) => NOTICES[String((request.query as { notice?: string }).notice ?? '')];

export function scoringConsoleRoutes(deps: AppDeps, sources: readonly AgencyFactSource[]) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    const view = (request: FastifyRequest, reply: FastifyReply) => consoleView(deps, request, reply, 'assessment');
    const ctx = (v: ConsoleView, request: FastifyRequest) => staffContext(v.staff, request.id);
    const param = (request: FastifyRequest, name: string) => Number((request.params as Record<string, string>)[name]);
    const body = (request: FastifyRequest): Values => formFields(request.body);
    const managing = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await view(request, reply);
      if (!assessmentPolicy.manage(v.staff, v.org)) throw forbidden('只有政府办公室的系统管理员或监督员可以制定考核指标和评分');
      return v;
    };

    app.get('/assessment/scoring', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const year = yearOf(request.query);
      // an agency reads its own scores here
      if (!assessmentPolicy.manage(v.staff, v.org)) return reply.type('text/html').send(await agencyPage(deps, v, v.org, year, sources));
      return reply.type('text/html').send(await officePage(deps, v, year, sources, { notice: noticeOf(request) }));
    });

    app.post('/assessment/scoring/indicators', { schema: { hide: true } }, async (request, reply) => {
      const v = await managing(request, reply);
      const values = body(request);
      try {
        await commands.addIndicator(db, ctx(v, request), v.org.id, values, sources);
        return reply.redirect(`/console/assessment/scoring?year=${yearOf(values)}&notice=added`, 303);
      } catch (err) {
        const e = formErrors(err, 'title');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await officePage(deps, v, yearOf(values), sources, { form: { values, errors: e.errors } }));
      }
    });

    app.post('/assessment/scoring/indicators/:indicatorId/delete', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const id = param(request, 'indicatorId');
      const year = (await store.findIndicator(db, id))?.year ?? currentYear();
      await commands.deleteIndicator(db, ctx(v, request), id);
      return reply.redirect(`/console/assessment/scoring?year=${year}&notice=deleted`, 303);
    });

    app.post('/assessment/scoring/compute', { schema: { hide: true } }, async (request, reply) => {
      const v = await managing(request, reply);
      const year = yearOf(body(request));
      try {
        await commands.computeScores(db, ctx(v, request), v.org.id, year, sources);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await officePage(deps, v, year, sources, { error: err.message }));
      }
      return reply.redirect(`/console/assessment/scoring?year=${year}&notice=computed`, 303);
    });

    app.get('/assessment/scoring/agencies/:orgId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const agency = await findOrgById(db, param(request, 'orgId'));
      if (!agency || !assessmentPolicy.read(v.staff, agency)) throw notFound('该机关');
      return reply.type('text/html').send(await agencyPage(deps, v, agency, yearOf(request.query), sources, { notice: noticeOf(request) }));
    });

    app.post('/assessment/scoring/indicators/:indicatorId/agencies/:orgId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const indicatorId = param(request, 'indicatorId');
      const agency = await findOrgById(db, param(request, 'orgId'));
      if (!agency) throw notFound('该机关');
      const values = body(request);
      const year = (await store.findIndicator(db, indicatorId))?.year ?? currentYear();
      try {
        await commands.scoreByHand(db, ctx(v, request), indicatorId, agency.id, values);
        return reply.redirect(`/console/assessment/scoring/agencies/${agency.id}?year=${year}&notice=scored`, 303);
      } catch (err) {
        const e = formErrors(err, 'score');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await agencyPage(deps, v, agency, year, sources, { scoreForm: { indicatorId, values, errors: e.errors } }));
      }
    });

    app.get('/assessment/scoring.xlsx', { schema: { hide: true } }, async (request, reply) => {
      const v = await managing(request, reply);
      const year = yearOf(request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${v.org.shortName}-${year}年考核结果.xlsx`))
        .send(await resultsSheet(await scoringResults(db, v.org, year), year, sources));
    });
  };
}
