// Console pages of the appeals register (复议诉讼): the records that count in a year's table 4
// with that table and the button that writes it into the year's report draft; registering and
// correcting a record; recording its outcome with the decision document; downloading it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { acceptUploads, type UploadForm } from '../core/http/uploads.ts';
import { currentYear } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { TABLE4_COLUMNS, TABLE4_GROUPS, table4GroupFullLabel } from '../report/model/layout.ts';
import { reportPolicy } from '../report/policy.ts';
import { appealForm, outcomeForm, type FormValues } from './appeal-form.ts';
import * as commands from './commands.ts';
import { KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL, type Appeal } from './model.ts';
import { appealPolicy } from './policy.ts';
import { MAX_DOCUMENT_BYTES } from './rules/document.ts';
import { table4Standing } from './rules/table4.ts';
import type { AppealHooks } from './hooks.ts';
import { registerLedgerPages } from './ledger/console.ts';
import './scope.ts';
import { findAppeal, findDocumentContent } from './store.ts';
import { storeTable4InDraft, table4ForYear } from './table4-report.ts';
import { formFields } from '../core/http/csrf.ts';
import { formErrors } from '../core/validation.ts';

const yearOf = (raw: unknown, fallback: number) => {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : fallback;
};
const standingLabel = (s: ReturnType<typeof table4Standing>) => (s === null ? '—' : s === 'pending' ? PENDING_LABEL : OUTCOME_LABELS[s]);

/** A record's fields as the edit form shows them. */
const valuesOf = (a: Appeal, withParty: boolean): FormValues => ({
  kind: a.kind, receiptNo: a.receiptNo, party: withParty ? a.party : '', body: a.body, caseNumber: a.caseNumber, receivedOn: a.receivedOn, note: a.note,
});

async function listPage(deps: AppDeps, view: ConsoleView, year: number, message: { notice?: string; error?: string } = {}): Promise<string> {
  const { table4, appeals } = await table4ForYear(deps.db, view.org.id, year);
  const canEdit = appealPolicy.edit(view.staff, view.org);
  const withParty = appealPolicy.readPersonalData(view.staff, view.org);
  return consolePage(
    view,
    `复议诉讼`,
    html`${noticeBox(message.notice)}${errorBox(message.error)}
<p>${canEdit ? html`<a class="button" href="/console/appeals/new">登记复议或诉讼</a> <a class="button" href="/console/appeals/import">导入复议诉讼台账</a>` : ''}</p>
<form method="get" action="/console/appeals" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">查看</button></form>
<h2>${year} 年计入表四的复议诉讼</h2>
<p class="small">计入某年度的，是该年内审结的（按结果计）和该年末尚未审结的（计为尚未审结，含以前年度收到的）；以前年度已审结的不再计入。规则和理由见 docs/appeals-table4.md。</p>
${appeals.length
  ? html`<table class="data" id="appeals">
  <thead><tr><th scope="col">类别</th><th scope="col">案号</th><th scope="col">复议机关或法院</th>${withParty ? html`<th scope="col">申请人（原告）</th>` : ''}<th scope="col">涉及的申请</th><th scope="col">收到日期</th><th scope="col">审结日期</th><th scope="col">${year} 年表四中</th></tr></thead>
  <tbody>${appeals.map((a) => html`<tr><td><a href="/console/appeals/${a.id}">${KIND_LABELS[a.kind]}</a></td><td>${a.caseNumber || '—'}</td><td>${a.body}</td>${withParty ? html`<td>${a.party}</td>` : ''}<td>${a.receiptNo || '—'}</td><td>${a.receivedOn}</td><td>${a.decidedOn ?? '—'}</td><td>${standingLabel(table4Standing(a, year))}</td></tr>`)}</tbody>
</table>`
  : html`<p class="muted">${year} 年没有计入表四的复议诉讼。</p>`}
<h2>${year} 年度表四（由台账计算）</h2>
<table class="data" id="table4">
  <thead><tr><th scope="col">类别</th>${TABLE4_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
  <tbody>${TABLE4_GROUPS.map((g) => html`<tr><th scope="row">${table4GroupFullLabel(g)}</th>${table4[g.key].map((n) => html`<td>${n}</td>`)}</tr>`)}</tbody>
</table>
${reportPolicy.edit(view.staff, view.org)
  ? html`<form method="post" action="/console/appeals/table4" class="inline">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}"><button type="submit">写入 ${year} 年度报告草稿</button></form>`
  : html`<p class="muted">写入年度报告草稿须由本机关信息发布员或系统管理员操作。</p>`}`,
  );
}

async function recordPage(view: ConsoleView, a: Appeal, state: { notice?: string | null; edit?: { values: FormValues; errors: Record<string, string> }; outcome?: { values: FormValues; errors: Record<string, string> } } = {}): Promise<string> {
  const canEdit = appealPolicy.edit(view.staff, view.org);
  const withParty = appealPolicy.readPersonalData(view.staff, view.org);
  const row = (label: string, value: SafeHtml | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return consolePage(
    view,
    `${KIND_LABELS[a.kind]}${a.caseNumber ? ` ${a.caseNumber}` : ''}`,
    html`<p><a href="/console/appeals?year=${(a.decidedOn ?? a.receivedOn).slice(0, 4)}">← 返回复议诉讼台账</a></p>
${noticeBox(state.notice)}
<table class="data" id="appeal">
  ${row('类别', KIND_LABELS[a.kind])}
  ${row('复议机关或法院', a.body)}
  ${row('案号', a.caseNumber || '—')}
  ${withParty ? row('申请人（原告）', a.party) : ''}
  ${row('涉及的申请', a.receiptNo ? html`${a.receiptNo}${a.caseId === null ? html` <span class="muted">（本平台未登记该申请）</span>` : ''}` : '—')}
  ${row('收到日期', a.receivedOn)}
  ${row('结果', a.outcome ? `${OUTCOME_LABELS[a.outcome]}（${a.decidedOn} 审结）` : PENDING_LABEL)}
  ${a.newReply ? row('重新答复', html`<span id="new-reply">责令重新答复：${a.newReply.orderedOn} 收到决定${a.newReply.dueOn ? `，限 ${a.newReply.dueOn} 前答复` : ''}${a.caseId !== null ? html`；<a href="/console/applications/${a.caseId}">申请 ${a.receiptNo}</a> 已恢复办理` : '；未关联本平台登记的申请，请人工重新办理'}</span>`) : ''}
  ${row('决定书、判决书', a.document ? (withParty ? html`<a href="/console/appeals/${a.id}/document">${a.document.fileName}</a>（${Math.ceil(a.document.size / 1024)} KB）` : a.document.fileName) : '—')}
  ${row('备注', a.note || '—')}
</table>
${canEdit
  ? html`<h2>登记结果</h2>
${outcomeForm({ action: `/console/appeals/${a.id}/outcome`, csrf: view.csrf, values: state.outcome?.values ?? { outcome: a.outcome ?? 'pending', decidedOn: a.decidedOn ?? '', ...(a.newReply ? { newReply: 'on', newReplyOrderedOn: a.newReply.orderedOn, newReplyDueOn: a.newReply.dueOn ?? '' } : {}) }, errors: state.outcome?.errors ?? {} })}
<h2>修改记录</h2>
${appealForm({ action: `/console/appeals/${a.id}`, csrf: view.csrf, values: state.edit?.values ?? valuesOf(a, withParty), errors: state.edit?.errors ?? {}, submitLabel: '保存修改' })}`
  : ''}`,
  );
}

export function appealConsoleRoutes(deps: AppDeps, hooks: AppealHooks = {}) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // the outcome form carries the decision document; a little over the limit, so that the command
    // refuses a large file with its own message
    await acceptUploads(app, { maxFileBytes: MAX_DOCUMENT_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleView> => {
      const v = await consoleView(deps, request, reply, 'appeals');
      const org = request.scopedOrg ?? v.org;
      if (!appealPolicy.read(v.staff, org)) throw forbidden('只有依申请办理人、机关负责人、信息发布员、系统管理员和监督员可以查看复议诉讼台账');
      return { ...v, org };
    };
    const recordOf = async (request: FastifyRequest) => {
      const a = await findAppeal(db, Number((request.params as { appealId: string }).appealId));
      if (!a) throw notFound('该复议诉讼记录');
      return a;
    };

    app.get('/appeals', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await listPage(deps, v, yearOf((request.query as { year?: string }).year, currentYear())));
    });

    app.post('/appeals/table4', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const year = yearOf(formFields(request.body).year, currentYear() - 1);
      try {
        const saved = await storeTable4InDraft(db, staffContext(v.staff, request.id), v.org.id, year);
        return reply.type('text/html').send(await listPage(deps, v, year, { notice: `已写入 ${year} 年度报告草稿（第 ${saved.version} 版）。` }));
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await listPage(deps, v, year, { error: err.message }));
      }
    });

    app.get('/appeals/new', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!appealPolicy.edit(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人或负责人可以登记复议诉讼');
      return reply.type('text/html').send(consolePage(v, '登记复议或诉讼', appealForm({ action: '/console/appeals', csrf: v.csrf, values: {}, errors: {}, submitLabel: '登记' })));
    });

    app.post('/appeals', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = formFields(request.body);
      try {
        const id = await commands.createAppeal(db, staffContext(v.staff, request.id), v.org.id, values);
        return reply.redirect(`/console/appeals/${id}?notice=created`, 303);
      } catch (err) {
        const e = formErrors(err, 'party');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(consolePage(v, '登记复议或诉讼', appealForm({ action: '/console/appeals', csrf: v.csrf, values, errors: e.errors, submitLabel: '登记' })));
      }
    });

    app.get('/appeals/:appealId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      const notice = n === 'created' ? '已登记。' : n === 'saved' ? '已保存。' : null;
      return reply.type('text/html').send(await recordPage(v, await recordOf(request), { notice }));
    });

    app.post('/appeals/:appealId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const a = await recordOf(request);
      const values = formFields(request.body);
      try {
        await commands.updateAppeal(db, staffContext(v.staff, request.id), a.id, values);
        return reply.redirect(`/console/appeals/${a.id}?notice=saved`, 303);
      } catch (err) {
        const e = formErrors(err, 'receivedOn');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await recordPage(v, a, { edit: { values, errors: e.errors } }));
      }
    });

    app.post('/appeals/:appealId/outcome', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const a = await recordOf(request);
      const body = (request.body ?? {}) as UploadForm;
      const values = formFields(body);
      const file = typeof body.document === 'object' && body.document.content.length > 0 ? body.document : null;
      try {
        await commands.recordOutcome(db, staffContext(v.staff, request.id), a.id, values, file, hooks);
        return reply.redirect(`/console/appeals/${a.id}?notice=saved`, 303);
      } catch (err) {
        const e = formErrors(err, 'decidedOn');
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await recordPage(v, a, { outcome: { values, errors: e.errors } }));
      }
    });

    registerLedgerPages(app, deps, view);

    app.get('/appeals/:appealId/document', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!appealPolicy.readPersonalData(v.staff, v.org)) throw forbidden('决定书载有当事人个人信息，只有本机关依申请办理人和负责人可以下载');
      const file = await findDocumentContent(db, (await recordOf(request)).id);
      if (!file) throw notFound('该文书');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
    });
  };
}
