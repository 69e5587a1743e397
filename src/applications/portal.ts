// The public side of 依申请公开: the application form (条例第二十九条) and its paper 申请表 (DOCX),
// the 回执 and case status for the applicant (receipt number plus phone or e-mail), answering a 补正
// request (第三十条) or a request for reasons (第三十五条) online, and withdrawing. No personal data
// is ever shown: see present.ts presentCasePublic.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { ZodError } from 'zod';
import { DomainError, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { csrfToken, protectFromCsrf } from '../core/http/csrf.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgByCode, findOrgById, listOrgs } from '../orgs/store.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';
import { applicationForm, ATTACHMENT_RULES, type FormValues } from './application-form.ts';
import { correctOnline, reasonsOnline, submitOnline, withdrawOnline } from './commands.ts';
import { applicationInputSchema, fieldErrors } from './model.ts';
import { presentCasePublic, type PublicCase } from './present.ts';
import { receipt } from './portal-receipt.ts';
import { caseClock, provisionalDueDate } from './rules/case-clock.ts';
import { normalizeEmail, phoneDigits } from './rules/identity.ts';
import { findApplicant, findCase, findCaseByReceiptNo, listEvents, type NewAttachment } from './store.ts';
import { today } from '../core/today.ts';
import { attachmentHeader, cleanFileName } from '../core/http/file-names.ts';
import { checkPublicAttachments } from '../core/http/public-attachments.ts';
import { renderApplicationFormDocx } from './letters/application-form-docx.ts';

const CASE_COOKIE = 'gk_case';
const CASE_COOKIE_MINUTES = 30;

const assets = html`<link rel="stylesheet" href="/assets/applications.css"><script src="/assets/applications.js" defer></script>`;

/** Agencies that answer applications (条例第二十七条): not the region nodes of the tree. */
const answersApplications = (o: Organization) => ['government', 'department', 'subunit'].includes(o.kind);
/** The blank paper 申请表 of an agency (the 指南 links the same address). */
const paperFormHref = (o: Organization) => `/apply/${o.code}/form.docx`;

// ── Attachments (multipart) ─────────────────────────────────────────────────

interface Upload {
  fileName: string;
  mimetype: string;
  content: Buffer;
  truncated: boolean;
}
const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** Size, count and type checks (the content must match the extension); a Chinese message per problem. */
const checkUploads = (list: readonly Upload[]): { attachments: NewAttachment[]; error: string | null } => checkPublicAttachments(list, ATTACHMENT_RULES);

// ── The applicant's access to one case ──────────────────────────────────────

const sameText = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};

/** Receipt number plus the phone or e-mail given in the application. */
async function verifyApplicant(deps: AppDeps, receiptNo: string, contact: string): Promise<number | null> {
  const c = await findCaseByReceiptNo(deps.db, receiptNo.trim().toUpperCase());
  if (!c) return null;
  const a = (await findApplicant(deps.db, c.id))!;
  const given = contact.trim();
  const ok = given.includes('@') ? sameText(normalizeEmail(given), a.email) : sameText(phoneDigits(given), phoneDigits(a.phone));
  return ok ? c.id : null;
}

function grantAccess(reply: FastifyReply, request: FastifyRequest, caseId: number): void {
  reply.setCookie(CASE_COOKIE, String(caseId), {
    path: '/track', httpOnly: true, sameSite: 'strict', signed: true, secure: request.protocol === 'https', maxAge: CASE_COOKIE_MINUTES * 60,
  });
}

function caseIdFromCookie(request: FastifyRequest): number | null {
  const raw = request.cookies[CASE_COOKIE];
  if (!raw) return null;
  const u = request.unsignCookie(raw);
  return u.valid && u.value && /^\d+$/.test(u.value) ? Number(u.value) : null;
}

async function publicCase(deps: AppDeps, caseId: number): Promise<PublicCase | null> {
  const c = await findCase(deps.db, caseId);
  if (!c) return null;
  const [events, org, rules] = await Promise.all([listEvents(deps.db, caseId), findOrgById(deps.db, c.orgId), loadClockRules(deps.db, c.orgId)]);
  const now = today();
  return presentCasePublic(c, org!.fullName, events, caseClock(rules, c, events, now), provisionalDueDate(rules, c, now));
}

// ── Pages ───────────────────────────────────────────────────────────────────

const NOTICES: Record<string, string> = {
  submitted: '您的申请已提交。请记下申请编号，凭编号和联系电话（或电子邮箱）查询办理进度。',
  // Said to whoever sends the same content again, who may not be the applicant (an ID or credit-code
  // number and a title are easy to know): it opens nothing, it only says how the applicant looks it up.
  duplicate: '本机关已收到内容相同的申请，本次未重复登记。申请人请凭当时取得的申请编号和当时填写的联系电话（或电子邮箱）查询办理进度；遗失编号的，请联系本机关政府信息公开工作机构。',
  corrected: '您的补正内容已提交，答复期限自本机关收到补正之日起重新计算。',
  reasons: '您说明的理由已提交，本机关将审查后作出答复。',
  withdrawn: '您的申请已撤回。',
};

function lookupForm(csrf: string, values: { receiptNo?: string }, error?: string, notice?: string): SafeHtml {
  return html`${notice && NOTICES[notice] ? html`<p class="notice" role="status">${NOTICES[notice]}</p>` : ''}${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/track" class="stack">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label for="t-receiptNo">申请编号</label><input id="t-receiptNo" name="receiptNo" value="${values.receiptNo ?? ''}" autocomplete="off" required>
  <label for="t-contact">申请时填写的联系电话或电子邮箱</label><input id="t-contact" name="contact" autocomplete="off" required>
  <button type="submit">查询</button>
</form>`;
}

/** The requests an applicant answers online in one text field, and the route that takes the answer. */
const ANSWERS = {
  correction: { id: 'corr', path: '/track/correction', field: 'description', notice: 'corrected', title: '请补正申请内容（条例第三十条）', label: '补正后的申请内容', button: '提交补正' },
  reasons: { id: 'reasons', path: '/track/reasons', field: 'reasons', notice: 'reasons', title: '请说明申请理由（条例第三十五条）', label: '您的申请理由', button: '提交说明' },
} as const;
type Answer = (typeof ANSWERS)[keyof typeof ANSWERS];

function answerForm(a: Answer, body: SafeHtml, csrf: string, text: string): SafeHtml {
  return html`<section aria-labelledby="${a.id}"><h2 id="${a.id}">${a.title}</h2>
  ${body}
  <form method="post" action="${a.path}" class="stack">
    <input type="hidden" name="_csrf" value="${csrf}">
    <label for="${a.id}-text">${a.label}</label>
    <textarea id="${a.id}-text" name="${a.field}" rows="5" required>${text}</textarea>
    <button type="submit">${a.button}</button>
  </form></section>`;
}

/** answerText: what the applicant typed in the open request's form, kept when it is refused. */
function casePage(pc: PublicCase, csrf: string, notice: string | undefined, error?: string, answerText = ''): SafeHtml {
  const withdrawable = ['submitted', 'received', 'correction_requested', 'corrected', 'consulting', 'consulted', 'fee_notified', 'paid', 'extended'].includes(pc.state);
  return html`${assets}${notice && NOTICES[notice] ? html`<p class="notice" role="status">${NOTICES[notice]}</p>` : ''}
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${receipt(pc)}
${pc.correction
  ? answerForm(ANSWERS.correction,
    html`<p>需要补正的事项：</p><p class="notice">${pc.correction.items}</p>
  <p>补正期限：${pc.correction.dueOn}。逾期无正当理由不补正的，视为放弃申请。</p>`,
    csrf, answerText)
  : ''}
${pc.reasons
  ? answerForm(ANSWERS.reasons,
    html`<p class="notice">${pc.reasons.grounds}</p>
  <p>请于 ${pc.reasons.dueOn} 前说明理由。本机关认为理由不合理的，将告知您不予处理。</p>`,
    csrf, answerText)
  : ''}
${pc.fee ? html`<p class="notice">本申请需缴纳信息处理费 ${pc.fee.amountYuan} 元，缴费期限 ${pc.fee.paymentDueOn}。请按收费通知书的方式缴纳。</p>` : ''}
<h2>办理记录</h2>
<ul class="timeline">${pc.timeline.map((e) => html`<li>${e.onDate} ${e.label}</li>`)}</ul>
${withdrawable
  ? html`<form method="post" action="/track/withdraw" class="stack">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label class="inline"><input type="checkbox" name="confirm" value="yes" required> 我确认撤回本申请（撤回后本机关不再处理）</label>
  <button type="submit">撤回申请</button>
</form>`
  : ''}
<form method="post" action="/track/logout"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">退出查询</button></form>`;
}

// ── Routes ──────────────────────────────────────────────────────────────────

export function applicationPortalRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // Registered in this plugin only: the other public pages take no uploads.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: ATTACHMENT_RULES.maxBytes + 1, files: 10, fields: 40, fieldSize: 20_000 },
      onFile: async function (this: FastifyRequest, part) {
        const content = await part.toBuffer();
        const list = uploads.get(this) ?? [];
        list.push({ fileName: cleanFileName(part.filename ?? ''), mimetype: part.mimetype, content, truncated: part.file.truncated });
        uploads.set(this, list);
      },
    });
    protectFromCsrf(app);

    const formPage = async (reply: FastifyReply, org: Organization, values: FormValues, errors: Record<string, string>) =>
      reply.type('text/html').send(
        portalPage(
          `向${org.fullName}申请公开政府信息`,
          html`${assets}<p>依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向本机关申请获取政府信息；已主动公开的信息可直接在本平台查阅。不在网上申请的，可<a href="${paperFormHref(org)}" download>下载申请表（Word）</a>，填写后当面提交、邮寄或传真。</p>
${applicationForm({ action: `/apply/${org.code}`, csrf: csrfToken(reply), submissionKey: values.submissionKey || randomUUID(), values, errors, attachments: true })}`,
          // The full name: with several counties on one platform a short name (县自然资源局) is ambiguous.
          { siteName: `${org.fullName}政府信息公开` },
        ),
      );

    app.get('/apply', { schema: { hide: true } }, async (_request, reply) => {
      const orgs = (await listOrgs(db)).filter(answersApplications);
      return reply.type('text/html').send(
        portalPage(
          '申请公开政府信息',
          html`<p>请选择您要申请的行政机关（条例第二十七条：向负责该政府信息公开的行政机关提出）。已提交的申请可以<a href="/track">查询办理进度</a>。</p>
<ul>${orgs.map((o) => html`<li><a href="/apply/${o.code}">${o.fullName}</a> <span class="small">· <a href="${paperFormHref(o)}" download>申请表（Word）</a></span></li>`)}</ul>`,
        ),
      );
    });

    app.get('/apply/:orgCode', { schema: { hide: true } }, async (request, reply) => {
      const org = await findOrgByCode(db, (request.params as { orgCode: string }).orgCode);
      if (!org || !answersApplications(org)) throw notFound('该机关');
      return formPage(reply, org, {}, {});
    });

    app.get('/apply/:orgCode/form.docx', { schema: { hide: true } }, async (request, reply) => {
      const org = await findOrgByCode(db, (request.params as { orgCode: string }).orgCode);
      if (!org || !answersApplications(org)) throw notFound('该机关');
      const content = await renderApplicationFormDocx(org);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`${org.fullName}政府信息公开申请表.docx`, 'application-form.docx'))
        .send(content);
    });

    app.post(
      '/apply/:orgCode',
      { schema: { hide: true }, config: { rateLimit: { max: deps.config.applyRatePerHour, timeWindow: '1 hour', shared: true } } },
      async (request, reply) => {
        const org = await findOrgByCode(db, (request.params as { orgCode: string }).orgCode);
        if (!org || !answersApplications(org)) throw notFound('该机关');
        const body = Object.fromEntries(
          Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
        ) as FormValues;
        const { _csrf, submissionKey, ...fields } = body;
        const checked = checkUploads(uploads.get(request) ?? []);
        const refuse = (errors: Record<string, string>) => {
          // A file must be chosen again after an error (browsers never refill file inputs).
          if (checked.attachments.length && !errors.attachments) errors.attachments = '出于安全原因，请重新选择附件';
          reply.status(400);
          return formPage(reply, org, body, errors);
        };
        if (checked.error) {
          // A bad attachment is reported together with the form's own problems, never in a second round.
          const parsed = applicationInputSchema.safeParse(fields);
          return refuse({ ...(parsed.success ? {} : fieldErrors(parsed.error)), attachments: checked.error });
        }
        try {
          const result = await submitOnline(db, org, fields, submissionKey || null, checked.attachments, request.id);
          // Only a new application opens its page; a duplicate opens none (its applicant already has the number).
          if (result.duplicate) return reply.redirect('/track?notice=duplicate', 303);
          grantAccess(reply, request, result.case.id);
          return reply.redirect('/track?notice=submitted', 303);
        } catch (err) {
          if (err instanceof ZodError) return refuse(fieldErrors(err));
          if (err instanceof DomainError && err.code === 'VALIDATION') return refuse({ [(err.details as { field?: string } | undefined)?.field ?? 'form']: err.message });
          throw err;
        }
      },
    );

    app.get('/track', { schema: { hide: true } }, async (request, reply) => {
      const csrf = csrfToken(reply);
      const caseId = caseIdFromCookie(request);
      const pc = caseId === null ? null : await publicCase(deps, caseId);
      const notice = (request.query as { notice?: string }).notice;
      if (!pc) return reply.type('text/html').send(portalPage('查询申请办理进度', lookupForm(csrf, {}, undefined, notice)));
      return reply.type('text/html').send(portalPage('申请办理进度', casePage(pc, csrf, notice)));
    });

    app.post('/track', { schema: { hide: true }, config: { rateLimit: { max: deps.config.lookupRatePer10Minutes, timeWindow: '10 minutes', shared: true } } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, string>;
      const receiptNo = String(body.receiptNo ?? '');
      const caseId = await verifyApplicant(deps, receiptNo, String(body.contact ?? ''));
      if (caseId === null) {
        reply.status(400);
        return reply.type('text/html').send(portalPage('查询申请办理进度', lookupForm(csrfToken(reply), { receiptNo }, '申请编号或联系方式不正确，请核对后重试')));
      }
      grantAccess(reply, request, caseId);
      return reply.redirect('/track', 303);
    });

    const withCase = async (request: FastifyRequest, reply: FastifyReply) => {
      const caseId = caseIdFromCookie(request);
      if (caseId === null) {
        reply.status(403);
        reply.type('text/html').send(portalPage('查询申请办理进度', lookupForm(csrfToken(reply), {}, '查询已过期，请重新输入申请编号和联系方式')));
        return null;
      }
      return caseId;
    };

    /** The applicant answers an open request in one text field; refused, the page keeps the text. */
    const answer = (a: Answer, run: (caseId: number, text: string, requestId: string) => Promise<unknown>) =>
      app.post(a.path, { schema: { hide: true } }, async (request, reply) => {
        const caseId = await withCase(request, reply);
        if (caseId === null) return reply;
        const text = String(((request.body ?? {}) as Record<string, unknown>)[a.field] ?? '');
        try {
          await run(caseId, text, request.id);
          return reply.redirect(`/track?notice=${a.notice}`, 303);
        } catch (err) {
          if (!(err instanceof DomainError) || err.status >= 500) throw err;
          reply.status(err.status);
          return reply.type('text/html').send(portalPage('申请办理进度', casePage((await publicCase(deps, caseId))!, csrfToken(reply), undefined, err.message, text)));
        }
      });
    answer(ANSWERS.correction, (id, text, rid) => correctOnline(db, id, text, rid));
    answer(ANSWERS.reasons, (id, text, rid) => reasonsOnline(db, id, text, rid));

    app.post('/track/withdraw', { schema: { hide: true } }, async (request, reply) => {
      const caseId = await withCase(request, reply);
      if (caseId === null) return reply;
      const confirmed = ((request.body ?? {}) as Record<string, unknown>).confirm === 'yes';
      try {
        if (!confirmed) throw new DomainError('VALIDATION', '请勾选“我确认撤回本申请”');
        await withdrawOnline(db, caseId, request.id);
        return reply.redirect('/track?notice=withdrawn', 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(portalPage('申请办理进度', casePage((await publicCase(deps, caseId))!, csrfToken(reply), undefined, err.message)));
      }
    });

    app.post('/track/logout', { schema: { hide: true } }, async (_request, reply) => {
      reply.clearCookie(CASE_COOKIE, { path: '/track' });
      return reply.redirect('/track', 303);
    });
  };
}
