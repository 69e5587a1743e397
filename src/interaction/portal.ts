// The public side of messages (issue 20 §1): an agency's mailbox `/orgs/<code>/letters` — the form
// (咨询、建议、求助、投诉举报; 信箱 or 领导信箱) and the replies published with the writers' consent —,
// the page that shows the query code once, the lookup by query code with the state, the reply and the
// rating form, and the public summary of every agency's figures for a year.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { csrfToken, protectFromCsrf } from '../core/http/csrf.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { acceptUploads, type UploadForm } from '../core/http/uploads.ts';
import { currentYear } from '../core/today.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgByCode, findOrgById, listOrgs } from '../orgs/store.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';
import { rateMessage, submitOnline } from './commands.ts';
import { BOX_LABELS, BOXES, CATEGORIES, CATEGORY_LABELS, fieldErrors, messageInputSchema, RATING_LABELS, RATINGS } from './model.ts';
import { presentPublished, type WriterView } from './present.ts';
import { statsOf, writerViewByCode } from './reads.ts';
import { ATTACHMENT_RULES, checkAttachments } from './rules/attachments.ts';
import { DEFAULT_REPLY_WORKING_DAYS } from './rules/deadline.ts';
import { answersMessages } from './rules/routing.ts';
import type { InteractionStats } from './rules/statistics.ts';
import { listPublished, loadDeadlineOverrides, orgsWithMessages } from './store.ts';

type Values = Record<string, string>;

const FIELD_LABELS: Record<string, string> = {
  category: '留言类别', box: '信箱', subject: '标题', content: '留言内容', name: '姓名', phone: '联系电话', email: '电子邮箱', consentPublish: '同意公开', attachments: '附件', form: '留言',
};
const REQUIRED = html` <span class="required">（必填）</span>`;

function letterForm(org: Organization, csrf: string, values: Values, errors: Record<string, string>, days: Record<string, number>): SafeHtml {
  const v = (k: string) => values[k] ?? '';
  const err = (k: string) => (errors[k] ? html`<span class="field-error" id="err-${k}">${errors[k]}</span>` : '');
  const described = (k: string) => (errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');
  const summary = Object.entries(errors);
  return html`${summary.length
    ? html`<div class="error error-summary" role="alert" id="form-errors" tabindex="-1" autofocus><p>留言有 ${summary.length} 处需要修改：</p><ul>${summary.map(([k, m]) => html`<li><a href="#f-${k}">${FIELD_LABELS[k] ?? k}：${m}</a></li>`)}</ul></div>`
    : ''}
<form method="post" action="/orgs/${org.code}/letters" class="stack letter-form" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="submissionKey" value="${v('submissionKey') || randomUUID()}">
  <fieldset id="f-category"${described('category')}><legend>留言类别${REQUIRED}</legend>
    ${CATEGORIES.map((c) => html`<label class="inline"><input type="radio" name="category" value="${c}"${v('category') === c ? html` checked` : ''}> ${CATEGORY_LABELS[c]}（${days[c]} 个工作日内答复）</label>`)}
  </fieldset>${err('category')}
  <label for="f-box">信箱</label>
  <select id="f-box" name="box">${BOXES.map((b) => html`<option value="${b}"${v('box') === b ? html` selected` : ''}>${BOX_LABELS[b]}</option>`)}</select>
  <label for="f-subject">标题${REQUIRED}</label><input id="f-subject" name="subject" value="${v('subject')}" maxlength="100" aria-required="true"${described('subject')}>${err('subject')}
  <label for="f-content">留言内容${REQUIRED}</label><textarea id="f-content" name="content" rows="8" aria-required="true"${described('content')}>${v('content')}</textarea>${err('content')}
  <label for="f-name">姓名${REQUIRED}</label><input id="f-name" name="name" value="${v('name')}" autocomplete="name" aria-required="true"${described('name')}>${err('name')}
  <label for="f-phone">联系电话 <span class="muted">（电话和邮箱至少填一项）</span></label><input id="f-phone" name="phone" value="${v('phone')}" autocomplete="tel"${described('phone')}>${err('phone')}
  <label for="f-email">电子邮箱</label><input id="f-email" name="email" value="${v('email')}" autocomplete="email"${described('email')}>${err('email')}
  <label for="f-attachments">附件 <span class="muted">（可选，最多 ${ATTACHMENT_RULES.maxFiles} 个，每个不超过 5 MB：PDF、JPG、PNG、DOC、DOCX）</span></label>
  <input id="f-attachments" type="file" name="attachment1" accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"${described('attachments')}>
  <input type="file" name="attachment2" aria-label="第二个附件" accept=".pdf,.jpg,.jpeg,.png,.doc,.docx">${err('attachments')}
  <label class="inline" for="f-consentPublish"><input id="f-consentPublish" type="checkbox" name="consentPublish" value="yes"${v('consentPublish') ? html` checked` : ''}> 同意在网站公开我的留言和答复（公开时不显示姓名和联系方式，并隐去其中的个人信息；不勾选则不公开）</label>
  <p class="muted">您的姓名和联系方式只用于办理和答复本留言。提交后将显示查询码，请妥善保存，凭查询码查看答复和评价。属于申请获取政府信息的，请通过<a href="/apply/${org.code}">依申请公开</a>提出；属于信访事项的，本机关将转信访渠道办理。</p>
  <button type="submit">提交留言</button>
</form>`;
}

function statsTable(rows: { org: Organization; s: InteractionStats }[], year: number): SafeHtml {
  const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);
  return html`<table class="data" id="letter-stats"><caption>${year} 年留言办理情况</caption>
  <thead><tr><th scope="col">机关</th><th scope="col">收到留言</th><th scope="col">已答复</th><th scope="col">按期答复</th><th scope="col">平均用时（工作日）</th><th scope="col">用时中位数（工作日）</th><th scope="col">公开答复</th><th scope="col">满意率</th></tr></thead>
  <tbody>${rows.map(({ org, s }) => html`<tr><th scope="row"><a href="/orgs/${org.code}/letters">${org.fullName}</a></th><td>${s.received}</td><td>${s.answered}</td><td>${s.answeredOnTime}</td><td>${s.averageWorkdays ?? '—'}</td><td>${s.medianWorkdays ?? '—'}</td><td>${s.published}</td><td>${pct(s.satisfaction)}${s.rated ? html` <span class="small">（${s.rated} 人评价）</span>` : ''}</td></tr>`)}</tbody>
</table>
<p class="small">满意率：评价“满意”和“基本满意”的留言占已评价留言的比例。按期答复：在答复期限内（工作日，转办的自转办之日起重新计算）答复。用时：自收到留言之日至答复之日的工作日数。合并办理的重复留言和无效留言不计入。</p>`;
}

function writerPage(w: WriterView, csrf: string, code: string, notice?: string, error?: string): SafeHtml {
  return html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<dl class="facts" id="letter">
  <dt>留言编号</dt><dd>${w.id}</dd>
  <dt>办理机关</dt><dd>${w.orgName}</dd>
  <dt>类别</dt><dd>${w.categoryLabel}</dd>
  <dt>标题</dt><dd>${w.subject}</dd>
  <dt>收到日期</dt><dd>${w.receivedOn}</dd>
  <dt>办理状态</dt><dd id="letter-state">${w.stateLabel}</dd>
  ${w.dueOn && !w.reply && ['received', 'reply_drafted'].includes(w.state) ? html`<dt>答复期限</dt><dd>${w.dueOn} 前</dd>` : ''}
  ${w.receiptNo ? html`<dt>申请编号</dt><dd id="receipt-no">${w.receiptNo}</dd>` : ''}
</dl>
${w.transfers.length ? html`<p>本留言已转${w.transfers.map((t) => `${t.toOrgName}（${t.on}）`).join('、')}办理。</p>` : ''}
${w.notice ? html`<p class="notice" id="letter-notice">${w.notice}</p>` : ''}
${w.reply ? html`<section aria-labelledby="reply-title"><h2 id="reply-title">答复</h2><p class="small">${w.reply.orgName} ${w.reply.answeredOn} 答复</p><div class="reply-text" style="white-space: pre-wrap" id="reply-text">${w.reply.text}</div></section>` : ''}
${w.parts.length ? html`<section aria-labelledby="parts-title"><h2 id="parts-title">分别办理的事项</h2><ul>${w.parts.map((p) => html`<li>${p.subject}：${p.stateLabel}${p.reply ? html`<div class="reply-text" style="white-space: pre-wrap">${p.answeredOn} 答复：${p.reply}</div>` : ''}</li>`)}</ul></section>` : ''}
${w.rating ? html`<p id="letter-rating">您的评价：${w.rating.label}（${w.rating.on}）</p>` : ''}
${w.canRate
  ? html`<form method="post" action="/letters/rate" class="stack" id="rate-form">
  <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="code" value="${code}">
  <fieldset><legend>您对本次答复是否满意？</legend>${RATINGS.map((r) => html`<label class="inline"><input type="radio" name="rating" value="${r}"> ${RATING_LABELS[r]}</label>`)}</fieldset>
  <button type="submit">提交评价</button>
</form>`
  : ''}
${w.published ? html`<p class="small">本留言和答复已在网站公开（不显示您的姓名和联系方式）。</p>` : ''}`;
}

function lookupForm(csrf: string, error?: string): SafeHtml {
  return html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/letters/lookup" class="stack">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label for="l-code">查询码</label><input id="l-code" name="code" autocomplete="off" required>
  <button type="submit">查询留言</button>
</form>`;
}

export function interactionPortalRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    await acceptUploads(app, { maxFileBytes: ATTACHMENT_RULES.maxBytes + 1024, maxFiles: ATTACHMENT_RULES.maxFiles });
    protectFromCsrf(app);

    const agency = async (code: string) => {
      const org = await findOrgByCode(db, code);
      if (!org || !answersMessages(org)) throw notFound('该机关的信箱');
      return org;
    };
    const periods = async (org: Organization) => ({ ...DEFAULT_REPLY_WORKING_DAYS, ...(await loadDeadlineOverrides(db, org.id)) });

    const mailbox = async (reply: FastifyReply, org: Organization, values: Values, errors: Record<string, string>) => {
      const [published, s] = await Promise.all([listPublished(db, org.id), statsOf(db, org.id, currentYear())]);
      return reply.type('text/html').send(
        portalPage(
          `${org.fullName}信箱`,
          html`<p>您可以就本机关职责范围内的事项咨询、提出建议、求助或投诉举报。已提交的留言可凭查询码<a href="/letters/lookup">查询答复</a>。各机关的办理情况见<a href="/letters/stats">留言办理情况统计</a>。</p>
<section aria-labelledby="write-title"><h2 id="write-title">写留言</h2>
${letterForm(org, csrfToken(reply), values, errors, await periods(org))}</section>
<section aria-labelledby="published-title"><h2 id="published-title">公开的留言答复</h2>
${published.length
  ? html`<ol class="letters" id="published-letters">${published.map(presentPublished).map((p) => html`<li><article><h3>${p.subject}</h3>
    <p class="small">${p.categoryLabel} · ${p.writer} · ${p.receivedOn} 留言 · ${p.answeredOn} 答复</p>
    <div class="letter-content" style="white-space: pre-wrap">${p.content}</div><div class="reply-text" style="white-space: pre-wrap"><strong>答复：</strong>${p.reply}</div></article></li>`)}</ol>`
  : html`<p class="muted">暂无公开的留言答复。</p>`}
</section>
<section aria-labelledby="summary-title"><h2 id="summary-title">${currentYear()} 年办理情况</h2>${statsTable([{ org, s }], currentYear())}</section>`,
          { siteName: `${org.fullName}政府信息公开` },
        ),
      );
    };

    app.get('/letters', { schema: { hide: true } }, async (_request, reply) => {
      const orgs = (await listOrgs(db)).filter(answersMessages);
      return reply.type('text/html').send(portalPage('政务信箱', html`<p>请选择您要留言的机关。已提交的留言可凭查询码<a href="/letters/lookup">查询答复</a>；<a href="/letters/stats">留言办理情况统计</a>。</p>
<ul>${orgs.map((o) => html`<li><a href="/orgs/${o.code}/letters">${o.fullName}</a></li>`)}</ul>`));
    });

    app.get('/orgs/:code/letters', { schema: { hide: true } }, async (request, reply) => mailbox(reply, await agency((request.params as { code: string }).code), {}, {}));

    app.post(
      '/orgs/:code/letters',
      { schema: { hide: true }, config: { rateLimit: { max: deps.config.applyRatePerHour, timeWindow: '1 hour', shared: true } } },
      async (request, reply) => {
        const org = await agency((request.params as { code: string }).code);
        const form = (request.body ?? {}) as UploadForm;
        const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string')) as Values;
        const files = Object.values(form).filter((x): x is { fileName: string; content: Buffer } => typeof x === 'object' && x !== null);
        const checked = checkAttachments(files);
        const refuse = (errors: Record<string, string>) => {
          if (checked.attachments.length && !errors.attachments) errors.attachments = '出于安全原因，请重新选择附件';
          reply.status(400);
          return mailbox(reply, org, values, errors);
        };
        const { _csrf: _, submissionKey, ...fields } = values;
        if (checked.error) {
          const parsed = messageInputSchema.safeParse(fields);
          return refuse({ ...(parsed.success ? {} : fieldErrors(parsed.error)), attachments: checked.error });
        }
        try {
          const result = await submitOnline(db, org, fields, submissionKey || null, checked.attachments, request.id);
          if (!result.queryCode) {
            return reply.type('text/html').send(portalPage('留言已收到', html`<p class="notice" role="status">本留言已经提交过，未重复登记。查询码已在首次提交时显示；请凭查询码<a href="/letters/lookup">查询答复</a>。</p>`));
          }
          return reply.type('text/html').header('cache-control', 'no-store').send(
            portalPage('留言已提交', html`<p class="notice" role="status">您的留言已提交${org.fullName}（留言编号 ${result.id}）。</p>
<p>您的查询码：<strong id="query-code" class="query-code">${result.queryCode}</strong></p>
<p>请记下或截图保存查询码：本页面离开后不再显示，本机关也无法找回。凭查询码可以<a href="/letters/lookup">查询办理状态和答复</a>，并对答复作出评价。</p>`),
          );
        } catch (err) {
          if (err instanceof ZodError) return refuse(fieldErrors(err));
          if (err instanceof DomainError && err.code === 'VALIDATION') return refuse({ [(err.details as { field?: string } | undefined)?.field ?? 'form']: err.message });
          throw err;
        }
      },
    );

    app.get('/letters/lookup', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html').send(portalPage('查询留言', lookupForm(csrfToken(reply)))),
    );

    const lookupLimit = { rateLimit: { max: deps.config.lookupRatePer10Minutes, timeWindow: '10 minutes', shared: true } };
    app.post('/letters/lookup', { schema: { hide: true }, config: lookupLimit }, async (request, reply) => {
      const code = String(((request.body ?? {}) as Record<string, unknown>).code ?? '');
      const w = await writerViewByCode(db, code);
      reply.header('cache-control', 'no-store');
      if (!w) {
        reply.status(400);
        return reply.type('text/html').send(portalPage('查询留言', lookupForm(csrfToken(reply), '查询码不正确，请核对后重试')));
      }
      return reply.type('text/html').send(portalPage('留言办理情况', writerPage(w, csrfToken(reply), code)));
    });

    app.post('/letters/rate', { schema: { hide: true }, config: lookupLimit }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const code = String(body.code ?? '');
      reply.header('cache-control', 'no-store');
      try {
        await rateMessage(db, code, { rating: body.rating }, request.id);
        const w = (await writerViewByCode(db, code))!;
        return reply.type('text/html').send(portalPage('留言办理情况', writerPage(w, csrfToken(reply), code, '感谢您的评价。')));
      } catch (err) {
        const message = err instanceof ZodError ? '请选择满意、基本满意或不满意' : err instanceof DomainError && err.status < 500 ? err.message : null;
        if (message === null) throw err;
        const w = await writerViewByCode(db, code);
        reply.status(400);
        if (!w) return reply.type('text/html').send(portalPage('查询留言', lookupForm(csrfToken(reply), '查询码不正确，请核对后重试')));
        return reply.type('text/html').send(portalPage('留言办理情况', writerPage(w, csrfToken(reply), code, undefined, message)));
      }
    });

    app.get('/letters/stats', { schema: { hide: true } }, async (request, reply) => {
      const raw = Number((request.query as { year?: string }).year);
      const year = Number.isInteger(raw) && raw >= 2008 && raw <= currentYear() ? raw : currentYear();
      const ids = await orgsWithMessages(db, `${year}-01-01`, `${year}-12-31`);
      const rows = [];
      for (const id of ids) {
        const org = await findOrgById(db, id);
        if (org) rows.push({ org, s: await statsOf(db, id, year) });
      }
      return reply.type('text/html').send(portalPage('留言办理情况统计', html`<form method="get" action="/letters/stats" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="${currentYear()}"></label><button type="submit">查看</button></form>
${rows.length ? statsTable(rows, year) : html`<p class="muted">${year} 年没有收到留言。</p>`}`));
    });
  };
}
