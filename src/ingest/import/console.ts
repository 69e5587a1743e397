// Console page for importing published annual reports (/console/reports/import), in two steps:
// the upload (up to five documents: HTML, text, PDF, Word) is read and shown as a preview with a
// target organization per file (preview.ts), kept in the database meanwhile (staging.ts); the
// confirmation stores it as `gongkai import` does (confirm.ts) and shows what happened to each
// file. For administrators and supervisors, within the organizations of their region.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { consolePage, csrfField, errorBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { findOrgById, listOrgs } from '../../orgs/store.ts';
import { reportPolicy } from '../../report/policy.ts';
import { confirmStagedImport, stalePreview } from './confirm.ts';
import { IMPORTABLE_EXTENSIONS } from './files.ts';
import type { ImportItem } from './item.ts';
import { previewBody } from './preview.ts';
import { readImportFile, type ReadFile } from './read-file.ts';
import { resultTable } from './result-table.ts';
import { findStagedImport, stageImport } from './staging.ts';
import { acceptDocumentUploads, MAX_UPLOAD_BYTES, uploadedDocuments } from './uploads.ts';

const FILE_INPUTS = 5;
const TITLE = '导入已公布的年度报告';
const ASSETS = html`<link rel="stylesheet" href="/assets/report.css">`;

function uploadPage(view: ConsoleView, state: { items?: ImportItem[]; error?: string } = {}): string {
  const inputs = Array.from({ length: FILE_INPUTS }, (_, k) => k + 1);
  return consolePage(
    view,
    TITLE,
    html`${ASSETS}<p><a href="/console/reports">← 返回年度报告</a></p>
${errorBox(state.error)}
<p>把各机关已在网站上公布的政府信息公开工作年度报告（网页 HTML、文本、PDF 或 Word 文件）导入为数据：读取表二、表三、表四和正文，按原文照录，并逐项核对（勾稽关系、合计、正文与表格是否一致）。
导入的报告在公开门户上发布，标注“导入”并列出核对发现的问题。</p>
<p class="small">上传后先显示预览：每个文件读取到的机关、年度、表格、正文和核对发现，以及导入到哪个机构——文中机关与您可管理的机构（本机构及下级机构）相符时预选该机构，没有同名机构时预选在您所在的机构下新建；可以改选本区域的其他机构。确认后才保存。同一文件重复导入不会重复保存。
本机构已用自己的数据发布了同一年度的报告时，导入的版本保存为草稿，不替换已发布的报告。</p>
<form method="post" action="/console/reports/import" enctype="multipart/form-data" class="stack" id="import-form">
  ${csrfField(view.csrf)}
  <fieldset><legend>报告文件（${IMPORTABLE_EXTENSIONS.join('、')}；每次最多 ${FILE_INPUTS} 个，合计不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）</legend>
  ${inputs.map((k) => html`<label>文件 ${k} <input type="file" name="file${k}" accept="${IMPORTABLE_EXTENSIONS.join(',')}"${k === 1 ? html` required` : ''}></label>`)}
  </fieldset>
  <button type="submit">上传并预览</button>
</form>
${state.items ? resultTable(state.items) : ''}`,
  );
}

/** The preview of a staged upload (again with the user's choices and a message after an error). */
async function previewPage(deps: AppDeps, view: ConsoleView, token: string, files: readonly ReadFile[], sent?: { form: Record<string, unknown>; error: string }): Promise<string> {
  const staff: Staff = view.staff;
  const region = (await listOrgs(deps.db, staff.homePath)).filter((o) => reportPolicy.importPublished(staff, o));
  const state = { token, files, region, everyOrg: await listOrgs(deps.db), home: (await findOrgById(deps.db, staff.homeOrgId))!, ...sent };
  return consolePage(view, TITLE, html`${ASSETS}<p><a href="/console/reports/import">← 重新上传</a></p>${previewBody(state, view.csrf)}`);
}

/** A refusal the clerk can act on (input, scope, a stale preview, a busy reader) rather than a failure. */
const shownToClerk = (e: { status?: number }) => typeof e.status === 'number' && (e.status < 500 || e.status === 503);

export function importConsoleRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return async (app: FastifyInstance) => {
    await acceptDocumentUploads(app);
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'reports');
      if (!reportPolicy.importDocuments(v.staff)) throw forbidden('只有系统管理员和监督员可以导入已公布的年度报告');
      return v;
    };
    const send = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html').send(body);

    app.get('/reports/import', { schema: { hide: true } }, async (request, reply) => send(reply, 200, uploadPage(await view(request, reply))));

    // Step 1: read every file (each in a worker, under the limits) and keep the reports for the preview.
    app.post('/reports/import', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      try {
        const files: ReadFile[] = [];
        for (const file of uploadedDocuments(request.body)) files.push(await readImportFile(file, { limits: config.documentLimits, validate: true }));
        // nothing to confirm: what became of each file at once
        if (!files.some((f) => f.parsed)) return send(reply, 200, uploadPage(v, { items: files.map((f) => f.item!) }));
        const token = await stageImport(db, v.staff.userId, files);
        return send(reply, 200, await previewPage(deps, v, token, files));
      } catch (err) {
        const e = err as { status?: number; message: string };
        // a full queue of documents to read (503 系统正忙) keeps the form too, with its message
        if (!shownToClerk(e) || e.status === 403) throw err;
        return send(reply, e.status!, uploadPage(v, { error: e.message }));
      }
    });

    // Step 2: the choices of the preview checked and the staged reports stored.
    app.post('/reports/import/confirm', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const form = (request.body ?? {}) as Record<string, unknown>;
      const token = typeof form.token === 'string' ? form.token : '';
      const staged = token ? await findStagedImport(db, token, v.staff.userId) : null;
      if (!staged) return send(reply, 404, uploadPage(v, { error: stalePreview().message }));
      try {
        const draft = form.draft === '1';
        const items = await confirmStagedImport(db, { ...staffContext(v.staff, request.id), staff: v.staff }, token, staged, form, { draft });
        return send(reply, 200, uploadPage(v, { items }));
      } catch (err) {
        const e = err as { status?: number; message: string };
        if (!shownToClerk(e)) throw err;
        // taken meanwhile by another confirmation: nothing left to correct
        if (e.status === 404) return send(reply, 404, uploadPage(v, { error: e.message }));
        return send(reply, e.status!, await previewPage(deps, v, token, staged, { form, error: e.message }));
      }
    });
  };
}
