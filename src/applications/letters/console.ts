// Console pages of the letter templates (文书模板): the list of every letter and reply outcome with
// whether the organization uses its own wording; the editor with the placeholders, a preview of the
// letter filled with a sample case, saving (the head or the administrator of the organization) and
// restoring the built-in wording. Errors (unknown or missing placeholder) keep what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { DomainError, forbidden, notFound } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import * as commands from '../commands.ts';
import type { Letter } from './compose.ts';
import { listTemplateEntries, placeholderHelp, previewTemplate, type TemplateEntry } from './templates.ts';
import { applicationPolicy } from '../policy.ts';
import { isTemplateKey, LETTER_TITLES } from './rules.ts';

const BASE = '/console/applications/letter-templates';
/** Route paths inside the console plugin (prefix /console). */
const ROUTE = '/applications/letter-templates';
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const editUrl = (e: Pick<TemplateEntry, 'kind' | 'variant'>) => `${BASE}/edit?kind=${encodeURIComponent(e.kind)}&variant=${encodeURIComponent(e.variant)}`;

function listPage(view: ConsoleView, entries: TemplateEntry[], notice: string | null): string {
  const canEdit = applicationPolicy.editTemplates(view.staff, view.org);
  return consolePage(
    view,
    `文书模板`,
    html`${noticeBox(notice)}<p><a href="/console/applications">← 返回申请列表</a></p>
<p>各类文书按模板生成：模板中的 {申请人}、{收到日期}、{信息名称} 等占位符在出具文书时替换为案件的内容。本机关未设置模板的，使用系统默认文字。
已经出具的文书按出具时的内容留存，修改模板不影响已发出的文书。${canEdit ? '' : '修改模板须由本机关的机关负责人或系统管理员操作。'}</p>
<table class="data" id="templates">
  <thead><tr><th scope="col">文书</th><th scope="col">使用的模板</th><th scope="col"></th></tr></thead>
  <tbody>${entries.map(
    (e) => html`<tr><td>${e.label}</td><td>${e.customized ? html`本机关模板 <span class="muted small">${e.updatedByName} · ${when(e.updatedAt!)}</span>` : html`<span class="muted">默认</span>`}</td>
    <td><a href="${editUrl(e)}">${canEdit ? '编辑' : '查看'}</a></td></tr>`,
  )}</tbody>
</table>`,
  );
}

function previewBox(letter: Letter) {
  return html`<section class="card" id="template-preview"><h2>预览（示例案件）</h2>
  <p><strong>${letter.title}</strong></p><p class="small">${letter.number}</p><p>${letter.addressee}</p>
  ${letter.paragraphs.map((p) => html`<p>　　${p}</p>`)}
  ${letter.signer ? html`<p class="right">签发人：${letter.signer}</p>` : ''}<p class="right">${letter.signOrg}</p><p class="right">${letter.signDate}</p></section>`;
}

function editPage(view: ConsoleView, entry: TemplateEntry, text: string, opts: { error?: string | null; notice?: string | null; preview?: Letter | null }): string {
  const canEdit = applicationPolicy.editTemplates(view.staff, view.org);
  const help = placeholderHelp(entry.kind);
  return consolePage(
    view,
    `文书模板：${entry.label}`,
    html`${noticeBox(opts.notice)}${errorBox(opts.error)}<p><a href="${BASE}">← 返回文书模板</a></p>
<p>${entry.customized ? html`本机关模板，最后由 ${entry.updatedByName} 于 ${when(entry.updatedAt!)} 修改。` : '当前使用系统默认文字。'}
每行为一段；某行的占位符在案件中都为空时（如予以公开未填写说明时的“说明：{理由}”），该行不出现。称呼、联系方式、落款和日期由系统生成。</p>
${canEdit
  ? html`<form method="post" action="${BASE}" class="stack" id="template-form">${csrfField(view.csrf)}
  <input type="hidden" name="kind" value="${entry.kind}"><input type="hidden" name="variant" value="${entry.variant}">
  <label>模板正文 <textarea name="text" rows="14">${text}</textarea></label>
  <p><button type="submit" name="intent" value="preview">预览</button> <button type="submit" name="intent" value="save">保存</button></p>
</form>
${entry.customized
  ? html`<form method="post" action="${BASE}/reset" class="inline">${csrfField(view.csrf)}<input type="hidden" name="kind" value="${entry.kind}"><input type="hidden" name="variant" value="${entry.variant}"><button type="submit">恢复默认文字</button></form>`
  : ''}`
  : html`<pre class="template-text">${text}</pre>`}
${opts.preview ? previewBox(opts.preview) : ''}
<h2>可用的占位符（${LETTER_TITLES[entry.kind]}）</h2>
<dl class="facts" id="placeholders">${help.map((p) => html`<dt>{${p.name}}${entry.required.includes(p.name) ? html` <strong>（必需）</strong>` : ''}</dt><dd>${p.meaning}</dd>`)}</dl>
<details><summary>系统默认文字</summary><pre class="template-text">${entry.defaultText}</pre></details>`,
  );
}

export function letterTemplateConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      if (!applicationPolicy.readTemplates(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人、机关负责人和系统管理员可以查看文书模板');
      return v;
    };
    const entryOf = async (v: ConsoleView, kind: string, variant: string) => {
      if (!isTemplateKey(kind, variant)) throw notFound('该文书模板');
      return (await listTemplateEntries(db, v.org.id)).find((e) => e.kind === kind && e.variant === variant)!;
    };
    type Form = { kind?: string; variant?: string; text?: string; intent?: string };

    app.get(ROUTE, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return reply.type('text/html').send(listPage(v, await listTemplateEntries(db, v.org.id), n === 'saved' ? '模板已保存。' : n === 'reset' ? '已恢复默认文字。' : null));
    });

    app.get(`${ROUTE}/edit`, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const q = request.query as Form;
      // Without a choice, the first letter of the list (接收回执)
      const entry = await entryOf(v, q.kind || 'receipt', q.kind ? (q.variant ?? '') : '');
      return reply.type('text/html').send(editPage(v, entry, entry.text, { preview: await previewTemplate(db, v.org, entry.kind, entry.variant, entry.text) }));
    });

    app.post(ROUTE, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const b = (request.body ?? {}) as Form;
      const entry = await entryOf(v, b.kind ?? '', b.variant ?? '');
      const text = b.text ?? '';
      try {
        if (!applicationPolicy.editTemplates(v.staff, v.org)) throw forbidden('只有本机关的机关负责人或系统管理员可以修改文书模板');
        const preview = await previewTemplate(db, v.org, entry.kind, entry.variant, text);
        if (b.intent !== 'save') return reply.type('text/html').send(editPage(v, entry, text, { preview }));
        await commands.saveLetterTemplate(db, staffContext(v.staff, request.id), v.org.id, { kind: entry.kind, variant: entry.variant, text });
        return reply.redirect(`${BASE}?notice=saved`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(editPage(v, entry, text, { error: err.message }));
      }
    });

    app.post(`${ROUTE}/reset`, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const b = (request.body ?? {}) as Form;
      await commands.resetLetterTemplate(db, staffContext(v.staff, request.id), v.org.id, { kind: b.kind ?? '', variant: b.variant ?? '' });
      return reply.redirect(`${BASE}?notice=reset`, 303);
    });
  };
}
