// Shared pieces of the catalogue console: the item form, messages, dates, state badges.
import { ZodError } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import { describeZodError } from '../../core/validation.ts';
import { csrfField, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { DOC_KIND_LABELS, DOC_KINDS, FIELD_LABELS, VERSION_STATE_LABELS, type Column, type ItemContent, type Version } from '../model.ts';
import { BODY_TAGS } from '../rules/body.ts';
import { MAX_ATTACHMENT_BYTES } from '../rules/file-type.ts';
import { topicChoices } from '../rules/standard-topics.ts';

export type FormValues = Record<string, string>;

export const messageOf = (err: unknown): string | null =>
  err instanceof ZodError ? describeZodError(err, FIELD_LABELS) : err instanceof DomainError ? err.message : null;

export const statusOf = (err: unknown) => (err instanceof DomainError ? err.status : 400);

export const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

export function contentValues(c: ItemContent): FormValues {
  return {
    columnId: String(c.columnId),
    title: c.title,
    summary: c.summary,
    body: c.body,
    docNumber: c.docNumber,
    publisher: c.publisher,
    writtenDate: c.writtenDate ?? '',
    formedDate: c.formedDate ?? '',
    topic: c.topic,
    docKind: c.docKind ?? '',
    deadlineBasis: c.deadlineBasis,
  };
}

/** Columns as indented options; the generated 指南 column takes no items. */
export function columnOptions(columns: readonly Column[], selected: string): SafeHtml {
  const depth = (c: Column): number => (c.parentId === null ? 0 : 1 + depth(columns.find((p) => p.id === c.parentId) ?? { ...c, parentId: null }));
  return html`${columns.map((c) =>
    c.kind === 'guide'
      ? ''
      : html`<option value="${c.id}"${String(c.id) === selected ? html` selected` : ''}>${'　'.repeat(depth(c))}${c.name}</option>`,
  )}`;
}

/** Files the new-item form takes with the first save (more can be added to the draft later). */
export const NEW_ITEM_FILE_FIELDS = ['file1', 'file2', 'file3'] as const;

/**
 * The item form. Plain HTML that works without JavaScript: the body is a textarea taking HTML or
 * plain text; /assets/catalogue-editor.js turns it into a rich-text editor (Squire, served from
 * the npm package by itemConsoleRoutes) when scripts run. Either way the server cleans the body
 * (rules/body.ts) — the editor only makes pasting from Word pleasant. `withFiles`: the new-item
 * form, sent as multipart with its first attachments.
 */
export function itemForm(view: ConsoleView, action: string, columns: readonly Column[], values: FormValues, opts: { submitLabel: string; withFiles?: boolean }): SafeHtml {
  const v = (k: string) => values[k] ?? '';
  const input = (name: string, attrs: SafeHtml, hint = '') =>
    html`<label>${FIELD_LABELS[name]}${hint ? html` <span class="muted">${hint}</span>` : ''} <input name="${name}" value="${v(name)}" ${attrs}></label>`;
  return html`<form method="post" action="${action}" class="stack wide"${opts.withFiles ? html` enctype="multipart/form-data"` : ''}>
  ${csrfField(view.csrf)}
  <label>${FIELD_LABELS.columnId} <select name="columnId" required><option value="">请选择栏目</option>${columnOptions(columns, v('columnId'))}</select></label>
  ${input('title', html`required maxlength="200"`)}
  ${input('summary', html`maxlength="500"`, '（目录中的内容概述，条例第十二条）')}
  <label for="item-body">${FIELD_LABELS.body}</label>
  <p class="muted" id="item-body-hint">可直接输入文字（段落之间空一行），也可使用 HTML 标签：段落 &lt;p&gt;、换行 &lt;br&gt;、加粗 &lt;strong&gt;、小标题 &lt;h3&gt; &lt;h4&gt;、列表 &lt;ul&gt; &lt;ol&gt; &lt;li&gt;、表格 &lt;table&gt;（单元格可用 colspan、rowspan）、引用 &lt;blockquote&gt;、链接 &lt;a href="https://…"&gt;。其他标签、样式和脚本在保存时去除。</p>
  <textarea id="item-body" name="body" rows="16" aria-describedby="item-body-hint" data-rich-text="${BODY_TAGS.join(' ')}">${v('body')}</textarea>
  <div class="grid2">
    ${input('docNumber', html`maxlength="100"`, '如 青自然资发〔2025〕3号')}
    ${input('publisher', html`maxlength="100"`, '（留空为本机构全称）')}
    ${input('writtenDate', html`type="date" min="1949-10-01" max="2099-12-31"`)}
    ${input('formedDate', html`type="date" min="1949-10-01" max="2099-12-31"`, '（条例第二十六条：自形成或者变更之日起20个工作日内公开；留空同成文日期）')}
    <label>${FIELD_LABELS.topic} <select name="topic"><option value="">（不分类）</option>
      ${topicChoices(v('topic')).map((t) => html`<option value="${t.value}"${v('topic').trim() === t.value ? html` selected` : ''}>${t.label}</option>`)}</select></label>
    <label>${FIELD_LABELS.docKind} <select name="docKind"><option value="">非政策文件</option>
      ${DOC_KINDS.map((k) => html`<option value="${k}"${v('docKind') === k ? html` selected` : ''}>${DOC_KIND_LABELS[k]}</option>`)}</select></label>
  </div>
  ${input('deadlineBasis', html`maxlength="200"`, '（仅当法律、法规对公开期限另有规定时填写）')}
  ${opts.withFiles
    ? html`<fieldset class="files"><legend>附件（可选）</legend>
    <p class="muted">PDF、Word .docx、Excel .xlsx、PNG/JPEG/GIF 图片，每个最大 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB；与草稿一起保存，文字会被提取用于检索和保密审查。保存后可继续添加。</p>
    ${NEW_ITEM_FILE_FIELDS.map((name, i) => html`<label>附件 ${i + 1} <input type="file" name="${name}" accept="${ATTACHMENT_ACCEPT}"></label>`)}
  </fieldset>`
    : ''}
  <p><button type="submit">${opts.submitLabel}</button></p>
</form>
<script src="/console/catalogue/editor/purify.js" defer></script>
<script src="/console/catalogue/editor/squire.js" defer></script>
<script src="/assets/catalogue-editor.js" defer></script>`;
}

/** What the file inputs offer (the server checks the real type: rules/file-type.ts). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif';

export function stateBadge(v: Pick<Version, 'state' | 'stages' | 'stageIndex'>): SafeHtml {
  const stage = v.state === 'in_review' && v.stages && v.stageIndex !== null ? v.stages[v.stageIndex]?.name : null;
  return html`<span class="badge state-${v.state}">${VERSION_STATE_LABELS[v.state]}${stage ? html`：${stage}` : ''}</span>`;
}
