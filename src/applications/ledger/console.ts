// Console page of the ledger import: download the template, upload an .xlsx into the current
// organization (check only, or import), see the errors per row or what was created, and the
// earlier imports. The form is multipart; the CSRF token travels in it (catalogue's parser).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { acceptUploads, type UploadForm } from '../../core/http/uploads.ts';
import { consolePage, csrfField, errorBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { STATE_LABELS, type CaseState } from '../model.ts';
import { applicationPolicy } from '../policy.ts';
import { importLedger, MAX_LEDGER_BYTES } from './import.ts';
import type { LedgerImportReport } from './model.ts';
import { listImports } from './store.ts';
import { ledgerTemplate, TEMPLATE_FILE_NAME } from './template.ts';
import { attachmentHeader } from '../../core/http/file-names.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function resultBox(r: LedgerImportReport): SafeHtml {
  if (r.duplicateOf) {
    return html`<div class="notice" role="status" id="ledger-result"><p>该文件（内容完全相同）已于 ${when(r.duplicateOf.at)} 由 ${r.duplicateOf.actorName} 导入（导入记录 ${r.duplicateOf.importId}），本次未作任何更改。</p></div>`;
  }
  const warnings = r.warnings.length ? html`<ul class="small">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : '';
  if (!r.ok) {
    return html`<div class="error" role="alert" id="ledger-result">
  <p><strong>${r.dryRun ? '检查未通过' : '未导入'}</strong>：“${r.fileName}”中有 ${r.errors.length} 处问题${r.dryRun ? '' : '，整个文件没有导入任何申请'}。请在 Excel 中改正后重新上传。</p>
  <ol id="ledger-errors">${r.messages.map((m) => html`<li>${m}</li>`)}</ol>
</div>${warnings}`;
  }
  const summary = `共读取 ${r.rowsRead} 行：${r.dryRun ? '将新建' : '新建'} ${r.created} 件，${r.dryRun ? '将续办' : '续办'} ${r.updated} 件，已导入过未变化 ${r.unchanged} 件。`;
  const rows = r.rows.filter((x) => x.status !== 'unchanged');
  return html`<div class="notice" role="status" id="ledger-result">
  <p><strong>${r.dryRun ? '检查通过，尚未导入' : '导入完成'}</strong>：${summary}${r.dryRun ? '确认无误后，请选择“导入”再上传一次。' : ''}</p>
</div>${warnings}
${rows.length
  ? html`<table class="data" id="ledger-rows"><thead><tr><th scope="col">行</th><th scope="col">处理</th><th scope="col">申请编号</th><th scope="col">状态</th></tr></thead>
  <tbody>${rows.slice(0, 1000).map(
    (x) => html`<tr><td>${x.sheet} 第${x.row}行</td><td>${x.status === 'created' ? (r.dryRun ? '将新建' : '新建') : r.dryRun ? '将续办' : '续办'}</td>
    <td>${x.caseId ? html`<a href="/console/applications/${x.caseId}">${x.receiptNo}</a>` : '—'}</td><td>${STATE_LABELS[x.state as CaseState] ?? x.state}</td></tr>`,
  )}</tbody></table>`
  : ''}`;
}

async function page(deps: AppDeps, view: ConsoleView, result: LedgerImportReport | null, message: string | null): Promise<string> {
  const canImport = applicationPolicy.handle(view.staff, view.org);
  const imports = await listImports(deps.db, view.org.id);
  return consolePage(
    view,
    `导入依申请公开台账`,
    html`<p><a href="/console/applications">← 返回申请列表</a></p>
${errorBox(message)}${result ? resultBox(result) : ''}
<p>把 Excel 台账（.xlsx）中的申请导入为本机关的案件：每行一件，连同收到申请、补正、收费、延期、答复和办结的日期，年度报告表三随即按这些案件计算。
列名见<a href="/console/applications/ledger/template">台账模板（下载 .xlsx）</a>，常见的列名写法（如“申请人姓名”“受理日期”“办结日期”“答复类型”）也能识别，简体、繁体均可。</p>
<p class="small">文件中只要有一行有误，整个文件都不导入，并逐行列出问题；同一文件重复导入不会重复建案，台账补充了答复后再次导入，会续办已导入的案件。</p>
${canImport
  ? html`<form method="post" action="/console/applications/ledger" enctype="multipart/form-data" class="stack" id="ledger-form">
  ${csrfField(view.csrf)}
  <label for="ledger-file">台账文件（.xlsx，最大 ${MAX_LEDGER_BYTES / 1024 / 1024} MB）</label>
  <input id="ledger-file" type="file" name="file" accept=".xlsx,${XLSX}" required>
  <fieldset><legend>操作</legend>
    <label><input type="radio" name="mode" value="check" checked> 仅检查，不导入</label>
    <label><input type="radio" name="mode" value="import"> 导入（全部无误时才写入）</label>
  </fieldset>
  <button type="submit">上传</button>
</form>`
  : html`<p class="muted">只有本机关的依申请办理人或负责人可以导入台账。</p>`}
<h2>导入记录</h2>
${imports.length
  ? html`<table class="data" id="ledger-imports"><thead><tr><th scope="col">时间</th><th scope="col">文件</th><th scope="col">行数</th><th scope="col">新建</th><th scope="col">续办</th><th scope="col">未变化</th><th scope="col">操作人</th></tr></thead>
  <tbody>${imports.map((i) => html`<tr><td>${when(i.createdAt)}</td><td>${i.fileName}</td><td>${i.rowsRead}</td><td>${i.casesCreated}</td><td>${i.casesUpdated}</td><td>${i.rowsUnchanged}</td><td>${i.actorName}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">本机关尚未导入过台账。</p>`}`,
  );
}

export function ledgerConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // a little over the limit, so that the import refuses a large file with its own message
    await acceptUploads(app, { maxFileBytes: MAX_LEDGER_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      if (!applicationPolicy.read(v.staff, v.org)) throw forbidden('只有依申请办理人、机关负责人和监督员可以查看依申请公开案件');
      return v;
    };

    app.get('/applications/ledger', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      return reply.type('text/html').send(await page(deps, v, null, null));
    });

    app.get('/applications/ledger/template', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(XLSX).header('content-disposition', attachmentHeader(TEMPLATE_FILE_NAME)).send(await ledgerTemplate()),
    );

    app.post('/applications/ledger', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const body = (request.body ?? {}) as UploadForm;
      const file = body.file;
      try {
        if (!file || typeof file !== 'object' || file.content.length === 0) throw invalid('请选择要导入的台账文件（.xlsx）');
        const result = await importLedger(db, staffContext(v.staff, request.id), v.org.id, file, { dryRun: body.mode !== 'import' });
        if (!result.ok) reply.status(422);
        return reply.type('text/html').send(await page(deps, v, result, null));
      } catch (err) {
        const e = err as { status?: number; message: string };
        if (!(typeof e.status === 'number' && e.status < 500 && e.status !== 403)) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(await page(deps, v, null, e.message));
      }
    });
  };
}

