// Console pages of the 12345 work orders, in the current organization: upload a platform export (.xlsx)
// and see what it did (new, already imported, updated, rows not imported), the files imported so far,
// and the download of the orders answered here in the platform's layout (or the standard one).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, invalid } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { attachmentHeader } from '../../core/http/file-names.ts';
import { acceptUploads, type UploadForm } from '../../core/http/uploads.ts';
import { staffContext } from '../../orgs/context.ts';
import { consolePage, csrfField, errorBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { CATEGORY_LABELS, STATE_LABELS } from '../model.ts';
import { interactionPolicy } from '../policy.ts';
import { exportHotlineOrders } from './export.ts';
import { importHotlineOrders, MAX_HOTLINE_BYTES, reportLine, type HotlineImportReport } from './import.ts';
import { listImports } from './store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_LABELS = { new: '新增', already: '已导入过，未改动', updated: '已更新' } as const;

function resultBox(r: HotlineImportReport): SafeHtml {
  const nothing = r.added === 0 && r.updated === 0;
  return html`<div class="notice" role="status" id="hotline-result" tabindex="-1" autofocus><p><strong>${nothing ? '未作改动' : '导入完成'}</strong>：${reportLine(r)}</p></div>
${r.problems.length ? html`<div class="error" role="alert" id="hotline-problems"><p>以下 ${r.problems.length} 行未导入：</p><ol>${r.problems.map((p) => html`<li>${p}</li>`)}</ol></div>` : ''}
${r.warnings.length ? html`<details id="hotline-warnings"${r.warnings.length <= 5 ? html` open` : ''}><summary>提示（${r.warnings.length} 条）</summary><ul class="small">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul></details>` : ''}
${r.orders.length
  ? html`<table class="data" id="hotline-orders"><thead><tr><th scope="col">行</th><th scope="col">工单编号</th><th scope="col">处理</th><th scope="col">类别</th><th scope="col">受理日期</th><th scope="col">状态</th></tr></thead>
<tbody>${r.orders.map((o) => html`<tr><td>${o.row}</td><td><a href="/console/letters/${o.messageId}">${o.orderNo}</a></td><td>${STATUS_LABELS[o.status]}${o.changes.length ? html`（${o.changes.join('、')}）` : ''}</td><td>${CATEGORY_LABELS[o.category]}</td><td>${o.receivedOn}</td><td>${STATE_LABELS[o.state]}</td></tr>`)}</tbody></table>`
  : ''}`;
}

async function page(deps: AppDeps, view: ConsoleView, result: HotlineImportReport | null, message: string | null): Promise<string> {
  const canHandle = interactionPolicy.handle(view.staff, view.org);
  const imports = await listImports(deps.db, view.org.id);
  return consolePage(
    view,
    '12345 工单导入导出',
    html`<p><a href="/console/letters">← 返回留言办理</a></p>
${errorBox(message)}${result ? resultBox(result) : ''}
<p>把 12345 热线平台导出的工单（.xlsx，每行一个工单）导入本机关的留言办理：类别、受理日期、答复期限、来电人和诉求内容随工单导入，在本平台办理、答复并纳入统计。
识别的列有 工单编号、受理时间（来电时间）、诉求类型（工单类型）、诉求标题、诉求内容（问题描述）、来电人、联系电话、办理时限、办结时间、办理结果（答复内容）、满意度（回访结果）、是否公开等；表头上方可以有标题行。</p>
<p class="small">同一工单编号只导入一次：再次导入同一文件不会重复，平台上已办结或已回访的工单会更新答复和满意度。没有工单编号的行不导入，并逐行列出。</p>
${canHandle
  ? html`<form method="post" action="/console/hotline" enctype="multipart/form-data" class="stack" id="hotline-form">
  ${csrfField(view.csrf)}
  <label for="hotline-file">工单文件（.xlsx，最大 ${MAX_HOTLINE_BYTES / 1024 / 1024} MB）</label>
  <input id="hotline-file" type="file" name="file" accept=".xlsx,${XLSX}" required>
  <button type="submit">上传并导入</button>
</form>
<h2>导出答复</h2>
<p>导出在本平台答复、平台上尚无答复的工单，含答复内容、办结时间和状态，上传回 12345 平台：
<a href="/console/hotline/export" id="hotline-export">按导入时的格式下载（.xlsx）</a> · <a href="/console/hotline/export?layout=standard">按标准格式下载</a> · <a href="/console/hotline/export?all=1">下载全部已导入的工单</a></p>`
  : html`<p class="muted">只有本机关的依申请办理人或负责人可以导入和导出 12345 工单。</p>`}
<h2>导入记录</h2>
${imports.length
  ? html`<table class="data" id="hotline-imports"><thead><tr><th scope="col">导入日期</th><th scope="col">文件</th><th scope="col">工单数</th></tr></thead>
<tbody>${imports.map((i) => html`<tr><td>${i.importedOn}</td><td>${i.fileName}</td><td>${i.orders}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">尚未导入 12345 工单。</p>`}`,
  );
}

export function hotlineConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // a little over the limit, so that the command refuses a large file with its own message
    await acceptUploads(app, { maxFileBytes: MAX_HOTLINE_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleView> => {
      const v = await consoleView(deps, request, reply, 'letters');
      if (!interactionPolicy.read(v.staff, v.org)) throw forbidden('只有依申请办理人、机关负责人、系统管理员和监督员可以查看留言');
      return v;
    };

    app.get('/hotline', { schema: { hide: true } }, async (request, reply) => reply.type('text/html').send(await page(deps, await view(request, reply), null, null)));

    app.post('/hotline', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!interactionPolicy.handle(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人或负责人可以导入 12345 工单');
      const file = ((request.body ?? {}) as UploadForm).file;
      try {
        if (!file || typeof file !== 'object' || file.content.length === 0) throw invalid('请选择要导入的 12345 工单文件（.xlsx）');
        const result = await importHotlineOrders(db, staffContext(v.staff, request.id), v.org.id, file);
        return reply.type('text/html').send(await page(deps, v, result, null));
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await page(deps, v, null, err.message));
      }
    });

    app.get('/hotline/export', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const q = (request.query ?? {}) as { layout?: string; all?: string };
      const x = await exportHotlineOrders(db, staffContext(v.staff, request.id), v.org.id, { layout: q.layout === 'standard' ? 'standard' : 'original', all: q.all === '1' });
      return reply.type(XLSX).header('content-disposition', attachmentHeader(x.fileName)).send(x.content);
    });
  };
}
