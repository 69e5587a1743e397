// Console pages of the register import: download the template, upload an .xlsx (the preview: every
// row with what it becomes, or the errors per row), confirm (one transaction, the rows added), in the
// current organization. Registered by the appeals console plugin (its multipart parser).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, invalid } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { attachmentHeader } from '../../core/http/file-names.ts';
import type { UploadForm } from '../../core/http/uploads.ts';
import { staffContext } from '../../orgs/context.ts';
import { consolePage, csrfField, errorBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL } from '../model.ts';
import { appealPolicy } from '../policy.ts';
import { confirmAppealLedgerPreview, MAX_APPEAL_LEDGER_BYTES, previewAppealLedger } from './import.ts';
import type { LedgerImportReport } from './model.ts';
import { appealLedgerTemplate, OUTCOME_GUIDE, TEMPLATE_FILE_NAME } from './template.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rowsTable(r: LedgerImportReport): SafeHtml | string {
  if (!r.rows.length) return '';
  return html`<table class="data" id="ledger-rows"><thead><tr><th scope="col">行</th><th scope="col">处理</th><th scope="col">类别</th><th scope="col">案号</th><th scope="col">复议机关或法院</th><th scope="col">收到日期</th><th scope="col">结果</th><th scope="col">涉及的申请</th></tr></thead>
  <tbody>${r.rows.map((x) => html`<tr><td>${x.sheet} 第${x.row}行</td>
    <td>${x.status === 'duplicate' ? html`已登记，不重复导入${x.appealId ? html`（<a href="/console/appeals/${x.appealId}">查看</a>）` : ''}` : r.confirmed ? html`已导入（<a href="/console/appeals/${x.appealId}">查看</a>）` : '将导入'}</td>
    <td>${KIND_LABELS[x.kind]}</td><td>${x.caseNumber || '—'}</td><td>${x.body}</td><td>${x.receivedOn}</td>
    <td>${x.outcome ? `${OUTCOME_LABELS[x.outcome]}（${x.decidedOn}）` : PENDING_LABEL}${x.outcomeText && x.outcomeText !== (x.outcome ? OUTCOME_LABELS[x.outcome] : PENDING_LABEL) ? html` <span class="muted small">台账：${x.outcomeText}</span>` : ''}</td>
    <td>${x.caseId ? html`<a href="/console/applications/${x.caseId}">已关联</a>` : '—'}</td></tr>`)}</tbody></table>`;
}

function resultBox(view: ConsoleView, r: LedgerImportReport): SafeHtml {
  const warnings = r.warnings.length ? html`<ul class="small" id="ledger-warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : '';
  if (!r.ok) {
    return html`<div class="error" role="alert" id="ledger-result" tabindex="-1" autofocus>
  <p><strong>${r.confirmed ? '未导入' : '检查未通过'}</strong>：“${r.fileName}”中有 ${r.errors.length} 处问题，整个文件都不会导入。请在 Excel 中改正后重新上传。</p>
  <ol id="ledger-errors">${r.messages.map((m) => html`<li>${m}</li>`)}</ol>
</div>${warnings}`;
  }
  if (r.confirmed) {
    return html`<div class="notice" role="status" id="ledger-result"><p><strong>导入完成</strong>：共读取 ${r.rowsRead} 行，导入 ${r.added} 件，已登记未重复导入 ${r.duplicates} 件。</p></div>${warnings}${rowsTable(r)}`;
  }
  return html`<div class="notice" role="status" id="ledger-result"><p><strong>预览（尚未导入）</strong>：共读取 ${r.rowsRead} 行，将导入 ${r.added} 件，已登记不重复导入 ${r.duplicates} 件。</p></div>${warnings}
${rowsTable(r)}
${r.previewId !== null
  ? html`<form method="post" action="/console/appeals/import/confirm" class="inline" id="ledger-confirm">${csrfField(view.csrf)}<input type="hidden" name="previewId" value="${r.previewId}"><button type="submit">确认导入 ${r.added} 件</button></form>
<p class="small muted">预览保留一小时；确认时会再检查一次，期间有人登记了相同案号的，不会重复导入。</p>`
  : html`<p class="muted">没有需要导入的记录。</p>`}`;
}

function page(view: ConsoleView, result: LedgerImportReport | null, message: string | null): string {
  const canImport = appealPolicy.edit(view.staff, view.org);
  return consolePage(
    view,
    '导入复议诉讼台账',
    html`<p><a href="/console/appeals">← 返回复议诉讼台账</a></p>
${errorBox(message)}${result ? resultBox(view, result) : ''}
<p>把 Excel 登记的行政复议、行政诉讼（.xlsx）导入本机关的复议诉讼台账：每行一件，含类型、收件编号、申请人（原告）、复议机关或法院、案号、收到日期、审结日期和结果。
列名见<a href="/console/appeals/import/template">台账模板（下载 .xlsx）</a>；“类型”可写 复议、诉讼、直诉、复议后诉讼，“结果”可写决定书、判决书的原话。</p>
<details><summary>“结果”计入表四的哪一栏</summary><table class="data" id="outcome-guide"><tbody>${OUTCOME_GUIDE.map(([c, w]) => html`<tr><th scope="row">${c}</th><td>${w}</td></tr>`)}</tbody></table>
<p class="small">导入的“责令重新答复”只记为结果纠正，不会自动恢复办理所涉申请；需要重新答复的，请在该记录页登记。</p></details>
${canImport
  ? html`<form method="post" action="/console/appeals/import" enctype="multipart/form-data" class="stack" id="ledger-form">
  ${csrfField(view.csrf)}
  <label for="ledger-file">台账文件（.xlsx，最大 ${MAX_APPEAL_LEDGER_BYTES / 1024 / 1024} MB）</label>
  <input id="ledger-file" type="file" name="file" accept=".xlsx,${XLSX}" required>
  <button type="submit">上传并预览</button>
</form>`
  : html`<p class="muted">只有本机关的依申请办理人或负责人可以导入复议诉讼台账。</p>`}`,
  );
}

export function registerLedgerPages(app: FastifyInstance, deps: AppDeps, view: (request: FastifyRequest, reply: FastifyReply) => Promise<ConsoleView>): void {
  const { db } = deps;
  const failed = (reply: FastifyReply, v: ConsoleView, err: unknown) => {
    if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
    reply.status(err.status);
    return reply.type('text/html').send(page(v, null, err.message));
  };

  app.get('/appeals/import', { schema: { hide: true } }, async (request, reply) => reply.type('text/html').send(page(await view(request, reply), null, null)));

  app.get('/appeals/import/template', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(XLSX).header('content-disposition', attachmentHeader(TEMPLATE_FILE_NAME)).send(await appealLedgerTemplate()),
  );

  app.post('/appeals/import', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    if (!appealPolicy.edit(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人或负责人可以导入复议诉讼台账');
    const file = ((request.body ?? {}) as UploadForm).file;
    try {
      if (!file || typeof file !== 'object' || file.content.length === 0) throw invalid('请选择要导入的台账文件（.xlsx）');
      const result = await previewAppealLedger(db, staffContext(v.staff, request.id), v.org.id, file, { keep: true });
      if (!result.ok) reply.status(422);
      return reply.type('text/html').send(page(v, result, null));
    } catch (err) {
      return failed(reply, v, err);
    }
  });

  app.post('/appeals/import/confirm', { schema: { hide: true } }, async (request, reply) => {
    const v = await view(request, reply);
    const id = Number(((request.body ?? {}) as Record<string, unknown>).previewId);
    try {
      if (!Number.isSafeInteger(id)) throw invalid('请先上传台账并预览');
      const result = await confirmAppealLedgerPreview(db, staffContext(v.staff, request.id), v.org.id, id);
      if (!result.ok) reply.status(409);
      return reply.type('text/html').send(page(v, result, null));
    } catch (err) {
      return failed(reply, v, err);
    }
  });
}
