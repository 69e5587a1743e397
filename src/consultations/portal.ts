// The public side of consultation: the list of open and closed consultations (/consultations, and per
// agency /orgs/<code>/consultations), a consultation's page — the draft, its 起草说明, the period, the
// approved comments (never who wrote them), the comment form while it is open, the 结果反馈 once
// published — and the comment form's POST (CSRF, the shared rate limit of the public forms).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { paragraphs } from './text.ts';
import { csrfToken, protectFromCsrf } from '../core/http/csrf.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { today } from '../core/today.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgByCode, findOrgById, listOrgs } from '../orgs/store.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';
import { submitComment } from './commands.ts';
import { fieldErrors } from './model.ts';
import { presentPoint, presentPublic, presentPublicComment, type PublicConsultation } from './present.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { countComments, findAttachment, findAttachmentContent, findConsultation, listComments, listFeedbackPoints, listPublicConsultations } from './store.ts';

const NOTICES: Record<string, string> = {
  submitted: '您的意见已提交，感谢参与。意见经审核后公开（不公开姓名和联系方式）；采纳情况将在结果反馈中说明。',
};

interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

function commentForm(c: PublicConsultation, csrf: string, state: FormState): SafeHtml {
  const err = (f: string) => (state.errors[f] ? html`<span class="field-error" id="e-${f}">${state.errors[f]}</span>` : '');
  const inv = (f: string) => (state.errors[f] ? html` aria-invalid="true" aria-describedby="e-${f}"` : '');
  return html`<section aria-labelledby="comment-title" id="comment-form"><h2 id="comment-title">发表意见</h2>
<p class="small">征求意见截止日期：${c.endsOn}（当日仍可提交）。姓名和联系方式可以不填；填写的，仅供本机关核实和联系，不会公开。意见经审核后公开。</p>
<form method="post" action="/consultations/${c.id}/comments" class="stack">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label for="c-body">您的意见</label>${err('body')}
  <textarea id="c-body" name="body" rows="8" required${inv('body')}>${state.values.body ?? ''}</textarea>
  <label for="c-name">姓名或单位（选填）</label>${err('name')}
  <input id="c-name" name="name" value="${state.values.name ?? ''}" autocomplete="name"${inv('name')}>
  <label for="c-contact">联系方式（选填，不公开）</label>${err('contact')}
  <input id="c-contact" name="contact" value="${state.values.contact ?? ''}"${inv('contact')}>
  <button type="submit">提交意见</button>
</form></section>`;
}

export function consultationPortalRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    protectFromCsrf(app);

    const listBody = async (org: Organization | null): Promise<SafeHtml> => {
      const day = today();
      const all = (await listPublicConsultations(db, day, org?.path ?? null)).map((c) => ({ ...presentPublic(c, day), orgId: c.orgId }));
      const orgNames = new Map((await listOrgs(db)).map((o) => [o.id, o.fullName]));
      const open = all.filter((c) => c.phase === 'open');
      const ended = all.filter((c) => c.phase === 'closed' || c.phase === 'concluded');
      const list = (items: typeof all, empty: string) =>
        items.length
          ? html`<ul class="consultations">${items.map((c) => html`<li><a href="/consultations/${c.id}">${c.title}</a> <span class="muted">${org === null || c.orgId !== org.id ? html`${orgNames.get(c.orgId) ?? ''} · ` : ''}${c.kindLabel} · ${c.startsOn} 至 ${c.endsOn} · ${c.phaseLabel}</span></li>`)}</ul>`
          : html`<p class="muted">${empty}</p>`;
      return html`<p>行政机关起草行政规范性文件、作出重大行政决策等，向社会公开征求意见，并公布意见采纳情况（结果反馈）。</p>
<section aria-labelledby="open-title"><h2 id="open-title">正在征求意见</h2>${list(open, '目前没有正在征求意见的事项。')}</section>
<section aria-labelledby="ended-title"><h2 id="ended-title">已结束的征求意见</h2>${list(ended, '暂无已结束的征求意见。')}</section>`;
    };

    app.get('/consultations', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html').send(portalPage('意见征集', await listBody(null))));

    app.get('/orgs/:code/consultations', { schema: { hide: true } }, async (request, reply) => {
      const org = await findOrgByCode(db, (request.params as { code: string }).code);
      if (!org) throw notFound('该机关');
      return reply.type('text/html').send(portalPage(`${org.fullName}意见征集`, await listBody(org), { siteName: `${org.fullName}政府信息公开` }));
    });

    const page = async (reply: FastifyReply, id: number, state: FormState = { values: {}, errors: {} }, notice?: string) => {
      const found = Number.isSafeInteger(id) ? await findConsultation(db, id) : undefined;
      const day = today();
      if (!found || found.status === 'draft' || day < found.startsOn) throw notFound('该意见征集');
      const c = presentPublic(found, day);
      const org = (await findOrgById(db, found.orgId)) as Organization;
      const [approved, points, counts, attachment] = await Promise.all([listComments(db, found.id, 'approved'), listFeedbackPoints(db, found.id), countComments(db, found.id), findAttachment(db, found.id)]);
      const comments = approved.map(presentPublicComment);
      const body = html`${notice && NOTICES[notice] ? html`<p class="notice" role="status">${NOTICES[notice]}</p>` : ''}${state.errors.form ? html`<p class="error" role="alert">${state.errors.form}</p>` : ''}
<dl class="facts" id="consultation-facts">
  <dt>发布机关</dt><dd><a href="/orgs/${org.code}/consultations">${org.fullName}</a></dd>
  <dt>文件类别</dt><dd>${c.kindLabel}</dd>
  <dt>征求意见期限</dt><dd>${c.startsOn} 至 ${c.endsOn}</dd>
  <dt>状态</dt><dd id="phase">${c.phaseLabel}</dd>
  ${c.contact ? html`<dt>书面意见的提交方式</dt><dd>${c.contact}</dd>` : ''}
</dl>
${c.shortPeriodReason ? html`<p class="notice">本次征求意见期限较短，理由：${c.shortPeriodReason}</p>` : ''}
<section aria-labelledby="draft-title"><h2 id="draft-title">征求意见稿</h2>${attachment ? html`<p id="draft-file">下载：<a href="/consultations/${c.id}/draft-file" download>${attachment.fileName}</a>（${Math.ceil(attachment.size / 1024)} KB）</p>` : ''}<div class="draft-text">${paragraphs(c.draft)}</div></section>
<section aria-labelledby="explanation-title"><h2 id="explanation-title">起草说明</h2>${paragraphs(c.explanation)}</section>
${c.feedback
  ? html`<section aria-labelledby="feedback-title" id="feedback"><h2 id="feedback-title">结果反馈</h2>
<p>本次征求意见共收到意见 <strong id="comment-total">${counts.total}</strong> 条${counts.offline ? `（其中书面意见 ${counts.offline} 条）` : ''}，公开 ${counts.approved} 条。结果反馈公布日期：${c.feedback.publishedOn}。</p>
${paragraphs(c.feedback.summary)}
${points.length
  ? html`<table class="data" id="feedback-points"><thead><tr><th scope="col">序号</th><th scope="col">意见要点</th><th scope="col">处理结果</th><th scope="col">理由</th></tr></thead>
<tbody>${points.map(presentPoint).map((p, i) => html`<tr><td>${i + 1}</td><td>${p.point}</td><td>${p.resultLabel}</td><td>${p.reason || '—'}</td></tr>`)}</tbody></table>`
  : ''}
${c.finalDocument ? html`<p id="final-document">正式文件：<a href="${c.finalDocument.href}">${c.finalDocument.title}</a></p>` : ''}
</section>`
  : ''}
<section aria-labelledby="comments-title" id="comments"><h2 id="comments-title">公众意见（${comments.length} 条公开）</h2>
${comments.length
  ? html`<ol class="comments">${comments.map((m) => html`<li><div>${paragraphs(m.body)}</div><p class="muted small">${m.receivedOn}</p></li>`)}</ol>`
  : html`<p class="muted">暂无公开的意见。</p>`}
</section>
${c.phase === 'open' ? commentForm(c, csrfToken(reply), state) : html`<p class="muted" id="closed-note">${c.phase === 'concluded' ? '本次征求意见已结束，结果反馈见上。' : `本次征求意见已于 ${c.endsOn} 截止，不再接收意见；结果反馈将在本页公布。`}</p>`}
<p><a href="/consultations">← 全部意见征集</a></p>`;
      return reply.type('text/html').send(portalPage(c.title, body, { siteName: `${org.fullName}政府信息公开` }));
    };

    app.get('/consultations/:consultationId', { schema: { hide: true } }, async (request, reply) => {
      const { consultationId } = request.params as { consultationId: string };
      if (!/^\d{1,15}$/.test(consultationId)) throw notFound('该意见征集');
      return page(reply, Number(consultationId), undefined, (request.query as { notice?: string }).notice);
    });

    app.get('/consultations/:consultationId/draft-file', { schema: { hide: true } }, async (request, reply) => {
      const { consultationId } = request.params as { consultationId: string };
      const found = /^\d{1,15}$/.test(consultationId) ? await findConsultation(db, Number(consultationId)) : undefined;
      if (!found || found.status === 'draft' || today() < found.startsOn) throw notFound('该意见征集');
      const file = await findAttachmentContent(db, found.id);
      if (!file) throw notFound('该文件');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
    });

    app.post(
      '/consultations/:consultationId/comments',
      { schema: { hide: true }, config: { rateLimit: { max: deps.config.applyRatePerHour, timeWindow: '1 hour', shared: true } } },
      async (request, reply) => {
        const { consultationId } = request.params as { consultationId: string };
        if (!/^\d{1,15}$/.test(consultationId)) throw notFound('该意见征集');
        const id = Number(consultationId);
        const raw = (request.body ?? {}) as Record<string, unknown>;
        const values = Object.fromEntries(['body', 'name', 'contact'].map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : '']));
        try {
          await submitComment(db, id, values, request.id);
          return reply.redirect(`/consultations/${id}?notice=submitted`, 303);
        } catch (err) {
          if (err instanceof ZodError) {
            reply.status(400);
            return page(reply, id, { values, errors: fieldErrors(err) });
          }
          if (err instanceof DomainError && err.status < 500 && err.code !== 'NOT_FOUND') {
            reply.status(err.status);
            return page(reply, id, { values, errors: { form: err.message } });
          }
          throw err;
        }
      },
    );
  };
}
