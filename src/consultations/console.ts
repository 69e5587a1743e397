// Console pages of public consultation: the organization's consultations; a new one; one
// consultation — its text and period, publishing it, its comments with the moderation buttons, a
// written comment received offline, the 结果反馈 and its publication, the final document; the
// moderation queue of the organization; the minimum periods.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { acceptUploads, type UploadForm } from '../core/http/uploads.ts';
import { today } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import * as commands from './commands.ts';
import { consultationForm, errorSummary, feedbackForm, feedbackInputOf, type FormValues } from './consultation-form.ts';
import type { ConsultationHooks } from './hooks.ts';
import { COMMENT_STATUS_LABELS, CONSULTATION_KINDS, DAY_UNIT_LABELS, DAY_UNITS, KIND_LABELS, type Consultation, type ConsultationKind } from './model.ts';
import { consultationPolicy, REFUSALS } from './policy.ts';
import { DEFAULT_MINIMUM_PERIODS, describePeriod, type MinimumPeriod } from './rules/minimum-period.ts';
import { MAX_ATTACHMENT_BYTES } from './rules/attachment.ts';
import { phaseOn, PHASE_LABELS, type ConsultationPhase } from './rules/phase.ts';
import { paragraphs } from './text.ts';
import './scope.ts';
import { countComments, findAttachment, findConsultation, findMinimumPeriods, listComments, listConsultations, listFeedbackPoints, listPendingComments, pendingByConsultation } from './store.ts';
import { formFields } from '../core/http/csrf.ts';
import { formErrors } from '../core/validation.ts';

type Message = { notice?: string | null; error?: string | null };

const NOTICES: Record<string, string> = {
  created: '已保存为草稿。发布前可以修改；发布须由机关负责人操作。',
  saved: '已保存。',
  published: '已发布。开始日期起在门户接收公众意见。',
  moderated: '已审核。',
  offline: '书面意见已登记（待审核）。',
  feedback: '结果反馈已保存，尚未公布。',
  concluded: '结果反馈已公布。',
  linked: '正式文件已关联。',
  attached: '征求意见稿文件已上传。',
  settings: '最短期限已保存。',
};

const valuesOf = (c: Consultation): FormValues => ({
  kind: c.kind, title: c.title, draft: c.draft, explanation: c.explanation, startsOn: c.startsOn, endsOn: c.endsOn, contact: c.contact, shortPeriodReason: c.shortPeriodReason,
});

async function minimumsOf(deps: AppDeps, orgId: number): Promise<Record<ConsultationKind, MinimumPeriod>> {
  return { ...DEFAULT_MINIMUM_PERIODS, ...(await findMinimumPeriods(deps.db, orgId)) };
}

async function listPage(deps: AppDeps, view: ConsoleView, filter: ConsultationPhase | null, message: Message = {}): Promise<string> {
  const day = today();
  const [all, pending] = await Promise.all([listConsultations(deps.db, view.org.id), pendingByConsultation(deps.db, view.org.id)]);
  const rows = all.map((c) => ({ c, phase: phaseOn(c, day) })).filter((r) => filter === null || r.phase === filter);
  const pendingTotal = [...pending.values()].reduce((a, b) => a + b, 0);
  return consolePage(
    view,
    '意见征集',
    html`${noticeBox(message.notice)}${errorBox(message.error)}
<p>${consultationPolicy.prepare(view.staff, view.org) ? html`<a class="button" href="/console/consultations/new">新建意见征集</a> ` : ''}<a href="/console/consultations/moderation">待审核意见（${pendingTotal}）</a> · <a href="/console/consultations/settings">最短期限设置</a> · <a href="/orgs/${view.org.code}/consultations">门户页面</a></p>
<form method="get" action="/console/consultations" class="filters"><label>状态 <select name="phase"><option value="">全部</option>${(Object.keys(PHASE_LABELS) as ConsultationPhase[]).map((p) => html`<option value="${p}"${filter === p ? html` selected` : ''}>${PHASE_LABELS[p]}</option>`)}</select></label><button type="submit">筛选</button></form>
${rows.length
  ? html`<table class="data" id="consultations"><thead><tr><th scope="col">标题</th><th scope="col">类别</th><th scope="col">期限</th><th scope="col">状态</th><th scope="col">待审核意见</th></tr></thead>
<tbody>${rows.map(({ c, phase }) => html`<tr><td><a href="/console/consultations/${c.id}">${c.title}</a></td><td>${KIND_LABELS[c.kind]}</td><td>${c.startsOn} 至 ${c.endsOn}</td><td>${PHASE_LABELS[phase]}</td><td>${pending.get(c.id) ?? 0}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">${filter ? `没有${PHASE_LABELS[filter]}的意见征集。` : '本机关还没有意见征集。'}</p>`}`,
  );
}

interface DetailState extends Message {
  edit?: { values: FormValues; errors: Record<string, string> };
  feedback?: { values: FormValues; errors: Record<string, string> };
  offline?: { values: FormValues; errors: Record<string, string> };
  finalDocument?: { value: string; error: string };
  attachment?: string;
}

async function detailPage(deps: AppDeps, view: ConsoleView, c: Consultation, state: DetailState = {}): Promise<string> {
  const { staff, org, csrf } = view;
  const day = today();
  const phase = phaseOn(c, day);
  const [attachment, comments, counts, points, period, minimums] = await Promise.all([
    findAttachment(deps.db, c.id), listComments(deps.db, c.id), countComments(deps.db, c.id), listFeedbackPoints(deps.db, c.id), commands.periodCheckOf(deps.db, c.orgId, c).catch(() => null), minimumsOf(deps, c.orgId),
  ]);
  const canPrepare = consultationPolicy.prepare(staff, org);
  const canPublish = consultationPolicy.publish(staff, org);
  const canModerate = consultationPolicy.moderate(staff, org);
  const personal = consultationPolicy.readPersonalData(staff, org);
  const row = (label: string, value: SafeHtml | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const post = (path: string, label: string, extra: SafeHtml | string = '') =>
    html`<form method="post" action="/console/consultations/${c.id}${path}" class="inline">${csrfField(csrf)}${extra}<button type="submit">${label}</button></form>`;
  const moderation = (m: (typeof comments)[number]) =>
    html`<form method="post" action="/console/consultations/${c.id}/moderate" class="inline moderation">${csrfField(csrf)}<input type="hidden" name="commentId" value="${m.id}">
  <button type="submit" name="decision" value="approve">公开意见 ${m.id}</button>
  <label>不予公开的理由 <input name="reason" aria-label="意见 ${m.id} 不予公开的理由"></label><button type="submit" name="decision" value="reject" class="secondary">不予公开意见 ${m.id}</button></form>`;

  const editable = canPrepare && (phase === 'draft' || phase === 'scheduled');
  return consolePage(
    view,
    c.title,
    html`<p><a href="/console/consultations">← 返回意见征集</a>${c.status !== 'draft' && phase !== 'scheduled' ? html` · <a href="/consultations/${c.id}">门户页面</a>` : ''}</p>
${noticeBox(state.notice)}${errorBox(state.error)}
<table class="data" id="consultation">
  ${row('类别', KIND_LABELS[c.kind])}
  ${row('状态', html`<span id="phase">${PHASE_LABELS[phase]}</span>`)}
  ${row('征求意见期限', `${c.startsOn} 至 ${c.endsOn}`)}
  ${period ? row('最短期限', html`${describePeriod(period.minimum)}（截止日期不早于 ${period.minimumEnd}）${period.long ? '' : html` <strong>本次期限较短</strong>`}`) : ''}
  ${c.shortPeriodReason ? row('缩短期限的理由', c.shortPeriodReason) : ''}
  ${row('征求意见稿文件', attachment ? `${attachment.fileName}（${Math.ceil(attachment.size / 1024)} KB）` : '—')}
  ${row('书面意见的联系方式', c.contact || '—')}
  ${row('发布日期', c.publishedOn ?? '未发布')}
  ${row('收到意见', html`<span id="counts">共 ${counts.total} 条（网上 ${counts.online}，书面 ${counts.offline}）；待审核 ${counts.pending}，已公开 ${counts.approved}，不予公开 ${counts.rejected}</span>`)}
  ${c.feedbackPublishedOn ? row('结果反馈公布日期', c.feedbackPublishedOn) : ''}
  ${row('正式文件', c.finalDocument ? html`<a href="${c.finalDocument.href}">${c.finalDocument.title}</a>` : '—')}
</table>
${phase === 'draft'
  ? canPublish
    ? html`<h2>发布</h2><p>发布后，自开始日期起在门户公开征求意见稿并接收意见。</p>${post('/publish', '发布意见征集')}`
    : html`<p class="muted">草稿须由机关负责人发布。</p>`
  : ''}
<h2>征求意见稿</h2>
<div class="draft-text">${paragraphs(c.draft)}</div>
<h2>起草说明</h2>
${paragraphs(c.explanation)}
<h2>公众意见</h2>
${comments.length
  ? html`<table class="data" id="comments"><thead><tr><th scope="col">编号</th><th scope="col">收到日期</th><th scope="col">意见</th>${personal ? html`<th scope="col">姓名或单位</th><th scope="col">联系方式</th>` : ''}<th scope="col">状态</th><th scope="col">操作</th></tr></thead>
<tbody>${comments.map((m) => html`<tr id="comment-${m.id}"><td>${m.id}${m.channel === 'offline' ? '（书面）' : ''}</td><td>${m.receivedOn}</td><td>${m.body}</td>${personal ? html`<td>${m.name || '—'}</td><td>${m.contact || '—'}</td>` : ''}<td>${COMMENT_STATUS_LABELS[m.status]}${m.rejectReason ? `：${m.rejectReason}` : ''}</td><td>${canModerate && c.status !== 'concluded' ? moderation(m) : ''}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">尚未收到意见。</p>`}
${canPrepare && c.status === 'published'
  ? html`<details${state.offline ? html` open` : ''}><summary>登记书面意见</summary>
${errorSummary(state.offline?.errors ?? {}, { body: '意见', receivedOn: '收到日期' })}
<form method="post" action="/console/consultations/${c.id}/comments" class="stack">${csrfField(csrf)}
  <label for="f-offline-body">意见</label><textarea id="f-offline-body" name="body" rows="4">${state.offline?.values.body ?? ''}</textarea>
  <label for="f-offline-name">姓名或单位（选填）</label><input id="f-offline-name" name="name" value="${state.offline?.values.name ?? ''}">
  <label for="f-offline-contact">联系方式（选填）</label><input id="f-offline-contact" name="contact" value="${state.offline?.values.contact ?? ''}">
  <label for="f-receivedOn">收到日期</label><input id="f-receivedOn" name="receivedOn" type="date" value="${state.offline?.values.receivedOn ?? day}">
  <button type="submit">登记</button>
</form></details>`
  : ''}
${phase === 'closed' || phase === 'concluded'
  ? html`<h2>结果反馈</h2>
${phase === 'concluded'
  ? html`<div id="feedback">${paragraphs(c.feedbackSummary)}${points.length ? html`<ol>${points.map((p) => html`<li>${p.point}（${p.result === 'adopted' ? '采纳' : p.result === 'partly' ? '部分采纳' : '未采纳'}${p.reason ? `：${p.reason}` : ''}）</li>`)}</ol>` : ''}</div>`
  : canPrepare
    ? feedbackForm({
        action: `/console/consultations/${c.id}/feedback`, csrf, errors: state.feedback?.errors ?? {},
        summary: state.feedback?.values.summary ?? c.feedbackSummary,
        points: state.feedback ? (feedbackInputOf(state.feedback.values).points as typeof points) : points,
      })
    : c.feedbackSummary ? paragraphs(c.feedbackSummary) : html`<p class="muted">结果反馈尚未撰写。</p>`}
${phase === 'closed' && canPublish ? html`<p>公布时按记录统计收到的意见（目前 ${counts.total} 条）；待审核的意见须先审核。</p>${post('/feedback/publish', '公布结果反馈')}` : ''}`
  : ''}
${c.status !== 'draft' && canPrepare
  ? html`<h2>关联正式文件</h2>
<p class="small">正式文件在主动公开目录发布后，填写其信息编号或门户网址（如 /items/123）；留空保存则取消关联。</p>
${state.finalDocument ? html`<p class="error" role="alert">${state.finalDocument.error}</p>` : ''}
<form method="post" action="/console/consultations/${c.id}/final-document" class="inline">${csrfField(csrf)}<label for="f-finalDocument">正式文件</label> <input id="f-finalDocument" name="finalDocument" value="${state.finalDocument?.value ?? (c.finalDocument ? String(c.finalDocument.itemId) : '')}"><button type="submit">保存关联</button></form>`
  : ''}
${editable
  ? html`<h2>征求意见稿文件</h2>
<p class="small">可另附征求意见稿文件（PDF、OFD 或 Word，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB），在门户供下载；再次上传即替换。</p>
${state.attachment ? html`<p class="error" role="alert">${state.attachment}</p>` : ''}
<form method="post" action="/console/consultations/${c.id}/attachment" enctype="multipart/form-data" class="inline">${csrfField(csrf)}<label for="f-file">征求意见稿文件</label> <input id="f-file" name="file" type="file" accept=".pdf,.ofd,.doc,.docx"><button type="submit">上传</button></form>`
  : ''}
${editable
  ? html`<h2>修改</h2>${consultationForm({ action: `/console/consultations/${c.id}`, csrf, values: state.edit?.values ?? valuesOf(c), errors: state.edit?.errors ?? {}, submitLabel: '保存修改', minimums })}`
  : ''}`,
  );
}

async function moderationPage(deps: AppDeps, view: ConsoleView, message: Message = {}): Promise<string> {
  const pending = await listPendingComments(deps.db, view.org.id);
  const personal = consultationPolicy.readPersonalData(view.staff, view.org);
  return consolePage(
    view,
    '待审核的公众意见',
    html`<p><a href="/console/consultations">← 返回意见征集</a></p>${noticeBox(message.notice)}${errorBox(message.error)}
<p class="small">审核通过的意见在门户公开（不公开姓名和联系方式）；与征求意见内容无关、含有违法或人身攻击内容、涉及个人隐私的，不予公开并说明理由。</p>
${pending.length
  ? html`<table class="data" id="pending"><thead><tr><th scope="col">意见征集</th><th scope="col">收到日期</th><th scope="col">意见</th>${personal ? html`<th scope="col">姓名或单位</th>` : ''}<th scope="col">操作</th></tr></thead>
<tbody>${pending.map((m) => html`<tr><td><a href="/console/consultations/${m.consultationId}">${m.consultationTitle}</a></td><td>${m.receivedOn}</td><td>${m.body}</td>${personal ? html`<td>${m.name || '—'}</td>` : ''}<td>${consultationPolicy.moderate(view.staff, view.org)
  ? html`<form method="post" action="/console/consultations/${m.consultationId}/moderate" class="inline">${csrfField(view.csrf)}<input type="hidden" name="commentId" value="${m.id}"><input type="hidden" name="back" value="moderation"><button type="submit" name="decision" value="approve">公开</button> <input name="reason" aria-label="意见 ${m.id} 不予公开的理由" placeholder="不予公开的理由"><button type="submit" name="decision" value="reject" class="secondary">不予公开</button></form>`
  : ''}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">没有待审核的意见。</p>`}`,
  );
}

async function settingsPage(deps: AppDeps, view: ConsoleView, message: Message = {}): Promise<string> {
  const own = await findMinimumPeriods(deps.db, view.org.id);
  const canManage = consultationPolicy.manage(view.staff, view.org);
  return consolePage(
    view,
    '征求意见最短期限',
    html`<p><a href="/console/consultations">← 返回意见征集</a></p>${noticeBox(message.notice)}${errorBox(message.error)}
<p class="small">默认值：行政规范性文件 7 个工作日（国办发〔2018〕37号），重大行政决策 30 日（《重大行政决策程序暂行条例》第十四条），其他 7 日（本平台的默认值）。期限自开始日期次日起算；短于最短期限的，须填写理由并随征求意见公布。</p>
<table class="data" id="minimums"><thead><tr><th scope="col">文件类别</th><th scope="col">最短期限</th><th scope="col">来源</th>${canManage ? html`<th scope="col">修改</th>` : ''}</tr></thead>
<tbody>${CONSULTATION_KINDS.map((k) => {
  const p = own[k] ?? DEFAULT_MINIMUM_PERIODS[k];
  return html`<tr><th scope="row">${KIND_LABELS[k]}</th><td>${describePeriod(p)}</td><td>${own[k] ? '本机关设置' : '默认'}</td>${canManage
    ? html`<td><form method="post" action="/console/consultations/settings" class="inline">${csrfField(view.csrf)}<input type="hidden" name="kind" value="${k}"><input name="days" type="number" min="0" max="365" value="${p.days}" aria-label="${KIND_LABELS[k]}的天数"><select name="unit" aria-label="${KIND_LABELS[k]}的计算单位">${DAY_UNITS.map((u) => html`<option value="${u}"${p.unit === u ? html` selected` : ''}>${DAY_UNIT_LABELS[u]}</option>`)}</select><button type="submit">保存</button></form></td>`
    : ''}</tr>`;
})}</tbody></table>`,
  );
}

export function consultationConsoleRoutes(deps: AppDeps, hooks: ConsultationHooks = {}) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // the draft's file; a little over the limit, so that the command refuses a large file with its own message
    await acceptUploads(app, { maxFileBytes: MAX_ATTACHMENT_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleView> => {
      const v = await consoleView(deps, request, reply, 'consultations');
      const org = request.scopedOrg ?? v.org;
      if (!consultationPolicy.read(v.staff, org)) throw forbidden(REFUSALS.read);
      return { ...v, org };
    };
    const consultationOf = async (request: FastifyRequest) => {
      const c = await findConsultation(db, Number((request.params as { consultationId: string }).consultationId));
      if (!c) throw notFound('该意见征集');
      return c;
    };
    const send = (reply: FastifyReply, page: string) => reply.type('text/html').send(page);

    app.get('/consultations', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const p = (request.query as { phase?: string }).phase;
      return send(reply, await listPage(deps, v, p && p in PHASE_LABELS ? (p as ConsultationPhase) : null));
    });

    app.get('/consultations/new', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!consultationPolicy.prepare(v.staff, v.org)) throw forbidden(REFUSALS.prepare);
      const start = today();
      return send(reply, consolePage(v, '新建意见征集', consultationForm({ action: '/console/consultations', csrf: v.csrf, values: { startsOn: start }, errors: {}, submitLabel: '保存草稿', minimums: await minimumsOf(deps, v.org.id) })));
    });

    app.post('/consultations', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = formFields(request.body);
      try {
        const id = await commands.createConsultation(db, staffContext(v.staff, request.id), v.org.id, values);
        return reply.redirect(`/console/consultations/${id}?notice=created`, 303);
      } catch (err) {
        const e = formErrors(err, 'title');
        if (!e) throw err;
        reply.status(e.status);
        return send(reply, consolePage(v, '新建意见征集', consultationForm({ action: '/console/consultations', csrf: v.csrf, values, errors: e.errors, submitLabel: '保存草稿', minimums: await minimumsOf(deps, v.org.id) })));
      }
    });

    app.get('/consultations/moderation', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return send(reply, await moderationPage(deps, v, { notice: n ? NOTICES[n] : null }));
    });

    app.get('/consultations/settings', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return send(reply, await settingsPage(deps, v, { notice: n ? NOTICES[n] : null }));
    });

    app.post('/consultations/settings', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      try {
        await commands.setMinimumPeriod(db, staffContext(v.staff, request.id), v.org.id, formFields(request.body));
        return reply.redirect('/console/consultations/settings?notice=settings', 303);
      } catch (err) {
        const e = formErrors(err, 'days');
        if (!e) throw err;
        reply.status(e.status);
        return send(reply, await settingsPage(deps, v, { error: Object.values(e.errors).join('；') }));
      }
    });

    app.get('/consultations/:consultationId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return send(reply, await detailPage(deps, v, await consultationOf(request), { notice: n ? NOTICES[n] : null }));
    });

    /** A POST on one consultation: run, then back to its page with a notice, or the page with the refusal. */
    const act = (path: string, notice: string, run: (v: ConsoleView, c: Consultation, values: FormValues, request: FastifyRequest) => Promise<unknown>, onError: (e: { errors: Record<string, string> }, values: FormValues) => DetailState) =>
      app.post(`/consultations/:consultationId${path}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const c = await consultationOf(request);
        const values = formFields(request.body);
        try {
          await run(v, c, values, request);
          if (values.back === 'moderation') return reply.redirect(`/console/consultations/moderation?notice=${notice}`, 303);
          return reply.redirect(`/console/consultations/${c.id}?notice=${notice}`, 303);
        } catch (err) {
          const e = formErrors(err, 'form');
          if (!e) throw err;
          reply.status(e.status);
          return send(reply, await detailPage(deps, v, (await findConsultation(db, c.id))!, onError(e, values)));
        }
      });
    const ctx = (v: ConsoleView, request: FastifyRequest) => staffContext(v.staff, request.id);
    const asError = (e: { errors: Record<string, string> }): DetailState => ({ error: Object.values(e.errors).join('；') });

    act('', 'saved', (v, c, values, r) => commands.updateConsultation(db, ctx(v, r), c.id, values), (e, values) => ({ edit: { values, errors: e.errors } }));
    act('/publish', 'published', (v, c, _values, r) => commands.publishConsultation(db, ctx(v, r), c.id), asError);
    act('/moderate', 'moderated', (v, c, values, r) => commands.moderateComment(db, ctx(v, r), c.id, values), asError);
    act('/comments', 'offline', (v, c, values, r) => commands.recordOfflineComment(db, ctx(v, r), c.id, values), (e, values) => ({ offline: { values, errors: e.errors } }));
    act('/feedback', 'feedback', (v, c, values, r) => commands.saveFeedback(db, ctx(v, r), c.id, feedbackInputOf(values)), (e, values) => ({ feedback: { values, errors: e.errors } }));
    act('/feedback/publish', 'concluded', (v, c, _values, r) => commands.publishFeedback(db, ctx(v, r), c.id), asError);
    act('/attachment', 'attached', (v, c, _values, r) => {
      const file = (r.body ?? {}) as UploadForm;
      const upload = typeof file.file === 'object' && file.file.content.length > 0 ? file.file : null;
      if (!upload) throw new DomainError('VALIDATION', '请选择要上传的征求意见稿文件');
      return commands.attachDraftFile(db, ctx(v, r), c.id, upload);
    }, (e) => ({ attachment: Object.values(e.errors).join('；') }));
    act('/final-document', 'linked', (v, c, values, r) => commands.linkFinalDocument(db, ctx(v, r), c.id, values.finalDocument ?? '', hooks), (e, values) => ({ finalDocument: { value: values.finalDocument ?? '', error: Object.values(e.errors).join('；') } }));
  };
}
