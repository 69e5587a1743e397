// Console page for importing published annual reports (/console/reports/import): up to five
// documents per upload (HTML, text, PDF, Word), the same import as `gongkai import`, and a table
// of what happened to each file with its findings. For administrators and supervisors; reports
// are matched to the organizations of their region by the agency printed in them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { reportPolicy } from '../../report/policy.ts';
import { IMPORTABLE_EXTENSIONS } from './files.ts';
import { IMPORT_STATUS_LABELS, type ImportItem } from './run.ts';
import { SEVERITY_LABELS } from '../../report/rules/rule.ts';
import { acceptDocumentUploads, importSummary, importUploadedDocuments, MAX_UPLOAD_BYTES, uploadOptions } from './uploads.ts';

const FILE_INPUTS = 5;
const ASSETS = html`<link rel="stylesheet" href="/assets/report.css">`;

function findingsCell(i: ImportItem): SafeHtml {
  if (i.errors === undefined) return html`—`;
  const findings = i.findings ?? [];
  const summary = `错误 ${i.errors} 条，警告 ${i.warnings ?? 0} 条`;
  if (!findings.length) return html`未发现问题`;
  return html`<details><summary>${summary}</summary><ol class="findings">${findings.map(
    (f) => html`<li class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span> ${f.message} <code class="small">${f.rule}</code></li>`,
  )}</ol></details>`;
}

function resultTable(items: ImportItem[]): SafeHtml {
  const s = importSummary(items);
  return html`<section aria-labelledby="import-result-title" id="import-result">
<h2 id="import-result-title">导入结果</h2>
<p role="status">共 ${items.length} 个文件：已导入 ${s.imported}，已存在 ${s.unchanged}，不是年度报告 ${s['not-a-report']}，失败 ${s.failed}。</p>
<table class="data" id="import-items">
  <thead><tr><th scope="col">文件</th><th scope="col">结果</th><th scope="col">机构</th><th scope="col">年度</th><th scope="col">说明</th><th scope="col">检查结果</th></tr></thead>
  <tbody>${items.map(
    (i) => html`<tr data-status="${i.status}"><td>${i.path}</td><td>${IMPORT_STATUS_LABELS[i.status]}</td>
    <td>${i.orgName ?? '—'}${i.orgCreated ? html` <span class="tag">新建</span>` : ''}</td>
    <td>${i.year ?? '—'}</td>
    <td>${i.message}${i.reportId ? html`<br><a href="/console/reports/${i.reportId}">查看报告</a>` : ''}${i.published && i.orgCode ? html` · <a href="/orgs/${i.orgCode}/reports/${i.year}">公开门户</a>` : ''}</td>
    <td>${findingsCell(i)}</td></tr>`,
  )}</tbody>
</table></section>`;
}

function page(view: ConsoleView, state: { items?: ImportItem[]; error?: string; draft?: boolean; intoCurrent?: boolean } = {}): string {
  const inputs = Array.from({ length: FILE_INPUTS }, (_, k) => k + 1);
  return consolePage(
    view,
    '导入已公布的年度报告',
    html`${ASSETS}<p><a href="/console/reports">← 返回年度报告</a></p>
${errorBox(state.error)}
<p>把各机关已在网站上公布的政府信息公开工作年度报告（网页 HTML、文本、PDF 或 Word 文件）导入为数据：读取表二、表三、表四和正文，按原文照录，并逐项核对（勾稽关系、合计、正文与表格是否一致）。
导入的报告在公开门户上发布，标注“导入”并列出核对发现的问题。</p>
<p class="small">按文中的机关名称匹配您可管理的机构（${view.staff.homePath === view.org.path ? view.org.fullName : '本机构'}及下级机构）；没有相符的机构时，在您所在的机构下新建。同一文件重复导入不会重复保存。
本机构已用自己的数据发布了同一年度的报告时，导入的版本保存为草稿，不替换已发布的报告。</p>
<form method="post" action="/console/reports/import" enctype="multipart/form-data" class="stack" id="import-form">
  ${csrfField(view.csrf)}
  <fieldset><legend>报告文件（${IMPORTABLE_EXTENSIONS.join('、')}；每次最多 ${FILE_INPUTS} 个，合计不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）</legend>
  ${inputs.map((k) => html`<label>文件 ${k} <input type="file" name="file${k}" accept="${IMPORTABLE_EXTENSIONS.join(',')}"${k === 1 ? html` required` : ''}></label>`)}
  </fieldset>
  <label><input type="checkbox" name="orgCode" value="${view.org.code}"${state.intoCurrent ? html` checked` : ''}> 全部导入到当前机构“${view.org.fullName}”（不按文中机关名称匹配）</label>
  <label><input type="checkbox" name="draft" value="1"${state.draft ? html` checked` : ''}> 只保存为草稿，暂不发布（核对后在报告页发布）</label>
  <button type="submit">导入</button>
</form>
${state.items ? resultTable(state.items) : ''}`,
  );
}

export function importConsoleRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return async (app: FastifyInstance) => {
    await acceptDocumentUploads(app);
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'reports');
      if (!reportPolicy.importDocuments(v.staff)) throw forbidden('只有系统管理员和监督员可以导入已公布的年度报告');
      return v;
    };

    app.get('/reports/import', { schema: { hide: true } }, async (request, reply) => reply.type('text/html').send(page(await view(request, reply))));

    app.post('/reports/import', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const options = uploadOptions(request.body);
      const state = { draft: options.draft, intoCurrent: options.orgCode !== undefined };
      try {
        const items = await importUploadedDocuments(db, staffContext(v.staff, request.id), request.body, config.documentLimits);
        return reply.type('text/html').send(page(v, { ...state, items }));
      } catch (err) {
        const e = err as { status?: number; message: string };
        // a full queue of documents to read (503 系统正忙) keeps the form too, with its message
        if (!(typeof e.status === 'number' && (e.status < 500 || e.status === 503) && e.status !== 403)) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(page(v, { ...state, error: e.message }));
      }
    });
  };
}
