// Console pages of messages from the public: the list with due dates and overdue marks, registering a
// 12345 order or a letter, a message's page with its actions (transfer, merge, split, draft reply, sign
// or return, publish, convert to 依申请公开 or 信访, 无效, 办结), and the reply periods per category.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, forbidden, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { today } from '../core/today.ts';
import { loadCalendar } from '../calendar/store.ts';
import { staffContext } from '../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { listOrgs } from '../orgs/store.ts';
import * as commands from './commands.ts';
import type { InteractionHooks } from './hooks.ts';
import { BOX_LABELS, CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, fieldErrors, RATING_LABELS, STATE_LABELS, type Message } from './model.ts';
import { interactionPolicy } from './policy.ts';
import { DEFAULT_REPLY_WORKING_DAYS, dueStatus, replyWorkingDays } from './rules/deadline.ts';
import { answersMessages, canDo } from './rules/routing.ts';
import './scope.ts';
import { findAttachmentContent, findMessage, listAttachments, listMessages, listRelated, listTransfers, loadDeadlineOverrides, type ListFilter } from './store.ts';
import { formFields } from '../core/http/csrf.ts';

type Values = Record<string, string>;
interface Failed { action: string; message: string; values: Values }

const STATE_FILTERS: Record<NonNullable<ListFilter['state']>, string> = { open: '办理中', reply_drafted: '答复待签发', overdue: '已逾期', done: '已办结', all: '全部' };

function errorOf(err: unknown): { status: number; message: string } | null {
  if (err instanceof ZodError) return { status: 400, message: Object.values(fieldErrors(err)).join('；') };
  if (err instanceof DomainError && err.status < 500) return { status: err.status, message: err.message };
  return null;
}

async function flagOf(deps: AppDeps, orgId: number) {
  const cal = await loadCalendar(deps.db, orgId);
  const now = today();
  return (m: Message): SafeHtml | string => {
    if (!['received', 'reply_drafted'].includes(m.state)) return '';
    if (m.dueOn === null) return html`<span class="flag overdue">期限无法计算（工作日历未录入）</span>`;
    const s = dueStatus(cal, now, m.dueOn);
    return s === 'overdue' ? html`<span class="flag overdue">已逾期</span>` : s === 'due_soon' ? html`<span class="flag due_soon">即将到期</span>` : '';
  };
}

async function listPage(deps: AppDeps, v: ConsoleView, state: NonNullable<ListFilter['state']>, notice?: string): Promise<string> {
  const [messages, flag] = await Promise.all([listMessages(deps.db, v.org.id, { state, today: today() }), flagOf(deps, v.org.id)]);
  const canHandle = interactionPolicy.handle(v.staff, v.org);
  return consolePage(v, '留言办理', html`${noticeBox(notice)}
<p>${canHandle ? html`<a class="button" href="/console/letters/new">登记来信或 12345 工单</a> ` : ''}<a href="/console/letters/settings">答复期限</a> · <a href="/console/hotline">12345 工单导入导出</a> · <a href="/orgs/${v.org.code}/letters">本机关信箱（门户）</a></p>
<form method="get" action="/console/letters" class="filters"><label>状态 <select name="state">${Object.entries(STATE_FILTERS).map(([k, label]) => html`<option value="${k}"${k === state ? html` selected` : ''}>${label}</option>`)}</select></label><button type="submit">筛选</button></form>
${messages.length
  ? html`<table class="data" id="letters"><thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">类别</th><th scope="col">来源</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">状态</th></tr></thead>
<tbody>${messages.map((m) => html`<tr><td>${m.id}</td><td><a href="/console/letters/${m.id}">${m.subject}</a></td><td>${CATEGORY_LABELS[m.category]}${m.box === 'leader' ? html`（${BOX_LABELS.leader}）` : ''}</td><td>${CHANNEL_LABELS[m.channel]}</td><td>${m.receivedOn}</td><td>${m.dueOn ?? '—'} ${flag(m)}</td><td>${STATE_LABELS[m.state]}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">没有符合条件的留言。</p>`}`);
}

interface ActionSpec { path: string; label: string; show: (m: Message, v: ConsoleView) => boolean; fields: (m: Message, v: ConsoleView, vals: Values, extra: { agencies: { id: number; name: string }[] }) => SafeHtml }

const area = (name: string, label: string, value: string, rows = 5) => html`<label for="a-${name}">${label}</label><textarea id="a-${name}" name="${name}" rows="${rows}">${value}</textarea>`;
const input = (name: string, label: string, value: string, attrs: SafeHtml = html``) => html`<label for="a-${name}">${label}</label><input id="a-${name}" name="${name}" value="${value}"${attrs}>`;
const handles = (v: ConsoleView) => interactionPolicy.handle(v.staff, v.org);
const signs = (v: ConsoleView) => interactionPolicy.sign(v.staff, v.org);

const ACTIONS: ActionSpec[] = [
  { path: 'draft', label: '起草答复', show: (m, v) => handles(v) && canDo(m.state, 'draft'), fields: (m, _v, x) => area('reply', '答复内容', x.reply ?? m.replyText, 8) },
  { path: 'sign', label: '签发答复', show: (m, v) => signs(v) && canDo(m.state, 'sign'), fields: (m) => (m.consentPublish ? html`<label class="inline"><input type="checkbox" name="publish" value="yes" checked> 同时在门户公开答复（留言人已同意；不显示姓名和联系方式，隐去个人信息）</label>` : html`<p class="muted">留言人未同意公开，答复不在门户公开。</p>`) },
  { path: 'return', label: '退回答复', show: (m, v) => signs(v) && canDo(m.state, 'return'), fields: (_m, _v, x) => area('reason', '退回理由', x.reason ?? '', 3) },
  {
    path: 'transfer', label: '转办', show: (m, v) => handles(v) && canDo(m.state, 'transfer'),
    fields: (_m, _v, x, e) => html`<label for="a-toOrgId">转办给</label><select id="a-toOrgId" name="toOrgId"><option value="">请选择</option>${e.agencies.map((o) => html`<option value="${o.id}"${x.toOrgId === String(o.id) ? html` selected` : ''}>${o.name}</option>`)}</select>
    ${area('reason', '转办理由', x.reason ?? '', 3)}<p class="small">转办后由接收机关办理，答复期限自转办之日起按接收机关的期限重新计算。</p>`,
  },
  { path: 'merge', label: '合并重复留言', show: (m, v) => handles(v) && canDo(m.state, 'merge'), fields: (_m, _v, x) => html`${input('intoId', '合并到的留言编号', x.intoId ?? '', html` inputmode="numeric"`)}<p class="small">合并后本留言随该留言一并答复，留言人凭查询码可看到该答复；不再单独计入统计。</p>` },
  {
    path: 'split', label: '拆分事项', show: (m, v) => handles(v) && canDo(m.state, 'split'),
    fields: (_m, _v, x) => html`<label for="a-category">类别</label><select id="a-category" name="category">${CATEGORIES.map((c) => html`<option value="${c}"${x.category === c ? html` selected` : ''}>${CATEGORY_LABELS[c]}</option>`)}</select>
    ${input('subject', '拆分出的事项标题', x.subject ?? '')}${area('content', '拆分出的事项内容', x.content ?? '', 4)}`,
  },
  {
    path: 'convert-application', label: '转为政府信息公开申请', show: (m, v) => handles(v) && canDo(m.state, 'convert'),
    fields: (m, _v, x) => html`<p class="small">申请须有申请人的身份证明（条例第二十九条），请先与留言人联系取得。转换后按申请办理，留言人凭查询码可看到申请编号。</p>
    ${input('infoTitle', '所需信息的名称', x.infoTitle ?? m.subject)}${input('idType', '证件类型（如 居民身份证）', x.idType ?? '居民身份证')}${input('idNumber', '证件号码', x.idNumber ?? '')}
    <input type="hidden" name="formWanted" value="electronic"><input type="hidden" name="delivery" value="${m.contact.email ? 'email' : 'online'}">`,
  },
  { path: 'convert-petition', label: '转信访渠道', show: (m, v) => handles(v) && canDo(m.state, 'convert'), fields: (_m, _v, x) => area('reason', '理由（将告知留言人）', x.reason ?? '', 3) },
  { path: 'invalid', label: '标记为无效留言', show: (m, v) => handles(v) && canDo(m.state, 'invalid'), fields: (_m, _v, x) => area('reason', '理由（将告知留言人）', x.reason ?? '', 3) },
  { path: 'close', label: '办结', show: (m, v) => handles(v) && canDo(m.state, 'close'), fields: () => html`<p class="small">办结后留言人仍可评价。</p>` },
  { path: 'publish', label: '在门户公开答复', show: (m, v) => signs(v) && m.consentPublish && !m.published && canDo(m.state, 'publish'), fields: () => html`<p class="small">公开留言和答复，不显示姓名和联系方式，并隐去其中的个人信息。</p>` },
  { path: 'unpublish', label: '撤下公开的答复', show: (m, v) => signs(v) && m.published, fields: () => html`` },
];

async function messagePage(deps: AppDeps, v: ConsoleView, m: Message, state: { notice?: string; failed?: Failed } = {}): Promise<string> {
  const withContact = interactionPolicy.readPersonalData(v.staff, v.org);
  const [transfers, related, attachments, flag, orgs] = await Promise.all([
    listTransfers(deps.db, m.id), listRelated(deps.db, m.id), listAttachments(deps.db, m.id), flagOf(deps, v.org.id), listOrgs(deps.db),
  ]);
  const agencies = orgs.filter((o) => answersMessages(o) && o.id !== m.orgId).map((o) => ({ id: o.id, name: o.fullName }));
  const row = (label: string, value: SafeHtml | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const shown = ACTIONS.filter((a) => a.show(m, v));
  const failed = state.failed;
  return consolePage(v, `留言 ${m.id}：${m.subject}`, html`<p><a href="/console/letters">← 返回留言列表</a></p>
${noticeBox(state.notice)}
${failed ? html`<div class="error error-summary" role="alert" id="action-error" tabindex="-1" autofocus><p>未能完成“${ACTIONS.find((a) => a.path === failed.action)?.label ?? ''}”：${failed.message}</p></div>` : ''}
<table class="data" id="letter">
  ${row('状态', html`<span id="letter-state">${STATE_LABELS[m.state]}</span>`)}
  ${row('类别', `${CATEGORY_LABELS[m.category]}（${BOX_LABELS[m.box]}）`)}
  ${row('来源', CHANNEL_LABELS[m.channel])}
  ${row('收到日期', m.receivedOn)}
  ${row('答复期限', html`${m.dueOn ?? '—'}${m.clockStartOn !== m.receivedOn ? `（自 ${m.clockStartOn} 转办起算）` : ''} ${flag(m)}`)}
  ${row('留言内容', html`<div class="letter-content" style="white-space: pre-wrap">${m.content}</div>`)}
  ${withContact ? row('留言人', html`${m.contact.name}${m.contact.phone ? ` · ${m.contact.phone}` : ''}${m.contact.email ? ` · ${m.contact.email}` : ''}`) : ''}
  ${row('同意公开', m.consentPublish ? '同意' : '不同意')}
  ${attachments.length ? row('附件', withContact ? html`${attachments.map((a) => html`<a href="/console/letters/${m.id}/attachment?id=${a.id}">${a.fileName}</a>（${Math.ceil(a.size / 1024)} KB） `)}` : `${attachments.length} 个`) : ''}
  ${m.replyText ? row(m.state === 'reply_drafted' ? '答复草稿' : '答复', html`<div class="reply-text" style="white-space: pre-wrap" id="reply-text">${m.replyText}</div><span class="small">${m.replyDraftedBy ?? ''} ${m.replyDraftedOn ?? ''} 起草${m.replySignedBy ? `，${m.replySignedBy} ${m.answeredOn} 签发` : ''}</span>`) : ''}
  ${m.replyReturnedReason && m.state === 'received' ? row('退回理由', m.replyReturnedReason) : ''}
  ${m.closeReason ? row('说明', m.closeReason) : ''}
  ${m.convertedReceiptNo ? row('转为申请', html`<a href="/console/applications/${m.convertedCaseId}">${m.convertedReceiptNo}</a>`) : ''}
  ${m.mergedIntoId ? row('合并到', html`<a href="/console/letters/${m.mergedIntoId}">留言 ${m.mergedIntoId}</a>`) : ''}
  ${m.splitFromId ? row('拆分自', html`<a href="/console/letters/${m.splitFromId}">留言 ${m.splitFromId}</a>`) : ''}
  ${row('公开', m.published ? html`<span id="letter-published">已公开（${m.publishedOn}）</span>` : '未公开')}
  ${row('评价', m.rating ? `${RATING_LABELS[m.rating]}（${m.ratedOn}）` : '—')}
</table>
${transfers.length ? html`<h2>转办记录</h2><table class="data" id="transfers"><thead><tr><th scope="col">日期</th><th scope="col">转出机关</th><th scope="col">接收机关</th><th scope="col">理由</th><th scope="col">经办人</th></tr></thead><tbody>${transfers.map((t) => html`<tr><td>${t.transferredOn}</td><td>${t.fromOrgName}</td><td>${t.toOrgName}</td><td>${t.reason}</td><td>${t.byName}</td></tr>`)}</tbody></table>` : ''}
${related.length ? html`<h2>拆分和合并的留言</h2><ul>${related.map((r) => html`<li><a href="/console/letters/${r.id}">留言 ${r.id}：${r.subject}</a>（${r.splitFromId === m.id ? '拆分出的事项' : '已合并到本留言'}，${STATE_LABELS[r.state]}）</li>`)}</ul>` : ''}
<h2>办理</h2>
${shown.length
  ? shown.map((a) => html`<details id="action-${a.path}"${failed?.action === a.path ? html` open class="failed"` : ''}>
  <summary>${a.label}</summary>
  <form method="post" action="/console/letters/${m.id}/${a.path}" class="stack">${csrfField(v.csrf)}${a.fields(m, v, failed?.action === a.path ? failed.values : {}, { agencies })}<button type="submit">${a.label}</button></form>
</details>`)
  : html`<p class="muted">本留言已无可执行的办理操作。</p>`}`);
}

function settingsPage(v: ConsoleView, overrides: Record<string, number>, opts: { notice?: string; error?: string; values?: Values } = {}): string {
  const canEdit = interactionPolicy.editSettings(v.staff, v.org);
  return consolePage(v, '留言答复期限', html`${noticeBox(opts.notice)}${errorBox(opts.error)}
<p>答复期限为自收到留言之日起的工作日数（不含收到当日），按工作日历扣除节假日、计入调休上班日；转办的自转办之日起按接收机关的期限重新计算。默认值采用广东省 12345 热线的办理时限：咨询 2 个工作日，求助、建议 10 个工作日，投诉、举报 15 个工作日。修改只影响此后收到或转入的留言。</p>
<form method="post" action="/console/letters/settings" class="stack">${csrfField(v.csrf)}
${CATEGORIES.map((c) => html`<label for="d-${c}">${CATEGORY_LABELS[c]}（工作日，默认 ${DEFAULT_REPLY_WORKING_DAYS[c]}）</label><input id="d-${c}" name="${c}" type="number" min="1" max="60" value="${opts.values?.[c] ?? replyWorkingDays(c, overrides)}"${canEdit ? '' : html` disabled`}>`)}
${canEdit ? html`<button type="submit">保存</button>` : html`<p class="muted">答复期限由本机关负责人或系统管理员设置。</p>`}
</form>`);
}


function registerPage(v: ConsoleView, values: Values, error?: string): string {
  const val = (k: string) => values[k] ?? '';
  return consolePage(v, '登记来信或 12345 工单', html`${errorBox(error)}
<form method="post" action="/console/letters" class="stack">${csrfField(v.csrf)}
  <label for="r-channel">来源</label><select id="r-channel" name="channel"><option value="hotline"${val('channel') === 'hotline' ? html` selected` : ''}>12345 热线</option><option value="letter"${val('channel') === 'letter' ? html` selected` : ''}>来信</option></select>
  <label for="r-receivedOn">收到日期</label><input id="r-receivedOn" name="receivedOn" value="${val('receivedOn') || today()}">
  <label for="r-category">类别</label><select id="r-category" name="category">${CATEGORIES.map((c) => html`<option value="${c}"${val('category') === c ? html` selected` : ''}>${CATEGORY_LABELS[c]}</option>`)}</select>
  <label for="r-subject">标题</label><input id="r-subject" name="subject" value="${val('subject')}">
  <label for="r-content">内容</label><textarea id="r-content" name="content" rows="6">${val('content')}</textarea>
  <label for="r-name">姓名</label><input id="r-name" name="name" value="${val('name')}">
  <label for="r-phone">联系电话</label><input id="r-phone" name="phone" value="${val('phone')}">
  <label for="r-email">电子邮箱</label><input id="r-email" name="email" value="${val('email')}">
  <label class="inline"><input type="checkbox" name="consentPublish" value="yes"${val('consentPublish') ? html` checked` : ''}> 留言人同意公开</label>
  <button type="submit">登记</button>
</form>`);
}

export function interactionConsoleRoutes(deps: AppDeps, hooks: InteractionHooks) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    const view = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleView> => {
      const v = await consoleView(deps, request, reply, 'letters');
      const org = request.scopedOrg ?? v.org;
      if (!interactionPolicy.read(v.staff, org)) throw forbidden('只有依申请办理人、机关负责人、系统管理员和监督员可以查看留言');
      return { ...v, org };
    };
    const messageOf = async (request: FastifyRequest) => {
      const m = await findMessage(db, Number((request.params as { letterId: string }).letterId));
      if (!m) throw notFound('该留言');
      return m;
    };

    app.get('/letters', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const s = (request.query as { state?: string }).state;
      const state = (s && s in STATE_FILTERS ? s : 'open') as NonNullable<ListFilter['state']>;
      return reply.type('text/html').send(await listPage(deps, v, state));
    });

    app.get('/letters/new', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!interactionPolicy.handle(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人或负责人可以登记留言');
      return reply.type('text/html').send(registerPage(v, {}));
    });

    app.post('/letters', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = formFields(request.body);
      try {
        const r = await commands.registerMessage(db, staffContext(v.staff, request.id), v.org.id, values);
        const m = (await findMessage(db, r.id))!;
        return reply.type('text/html').send(await messagePage(deps, v, m, { notice: `已登记。请将查询码 ${r.queryCode} 告知留言人（此后不再显示），凭查询码可查看答复和评价。` }));
      } catch (err) {
        const e = errorOf(err);
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(registerPage(v, values, e.message));
      }
    });

    app.get('/letters/settings', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return reply.type('text/html').send(settingsPage(v, await loadDeadlineOverrides(db, v.org.id), { notice: n === 'saved' ? '已保存。' : undefined }));
    });

    app.post('/letters/settings', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = formFields(request.body);
      try {
        await commands.saveDeadlines(db, staffContext(v.staff, request.id), v.org.id, values);
        return reply.redirect('/console/letters/settings?notice=saved', 303);
      } catch (err) {
        const e = errorOf(err);
        if (!e) throw err;
        reply.status(e.status);
        return reply.type('text/html').send(settingsPage(v, await loadDeadlineOverrides(db, v.org.id), { error: e.message, values }));
      }
    });

    app.get('/letters/:letterId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      const done = ACTIONS.find((a) => a.path === n);
      return reply.type('text/html').send(await messagePage(deps, v, await messageOf(request), { notice: done ? `已完成“${done.label}”。` : undefined }));
    });

    app.get('/letters/:letterId/attachment', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!interactionPolicy.readPersonalData(v.staff, v.org)) throw forbidden('附件可能载有留言人的个人信息，只有本机关依申请办理人和负责人可以下载');
      const m = await messageOf(request);
      const file = await findAttachmentContent(db, m.id, Number((request.query as { id?: string }).id) || 0);
      if (!file) throw notFound('该附件');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
    });

    const run: Record<string, (ctx: ReturnType<typeof staffContext>, id: number, values: Values) => Promise<unknown>> = {
      draft: (ctx, id, x) => commands.draftReply(db, ctx, id, x),
      sign: (ctx, id, x) => commands.signReply(db, ctx, id, { publish: x.publish === 'yes' }, hooks),
      return: (ctx, id, x) => commands.returnReply(db, ctx, id, x),
      transfer: (ctx, id, x) => commands.transferMessage(db, ctx, id, x),
      merge: (ctx, id, x) => commands.mergeMessage(db, ctx, id, x),
      split: (ctx, id, x) => commands.splitMessage(db, ctx, id, x),
      'convert-application': (ctx, id, x) => commands.convertToApplication(db, ctx, id, x, hooks),
      'convert-petition': (ctx, id, x) => commands.convertToPetition(db, ctx, id, x),
      invalid: (ctx, id, x) => commands.markInvalid(db, ctx, id, x),
      close: (ctx, id) => commands.closeMessage(db, ctx, id),
      publish: (ctx, id) => commands.setPublication(db, ctx, id, true, hooks),
      unpublish: (ctx, id) => commands.setPublication(db, ctx, id, false, hooks),
    };
    for (const [path, action] of Object.entries(run)) {
      app.post(`/letters/:letterId/${path}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const m = await messageOf(request);
        const values = formFields(request.body);
        try {
          await action(staffContext(v.staff, request.id), m.id, values);
          // a transferred message belongs to another agency now: back to the list
          return reply.redirect(path === 'transfer' ? '/console/letters' : `/console/letters/${m.id}?notice=${path}`, 303);
        } catch (err) {
          const e = errorOf(err);
          if (!e) throw err;
          reply.status(e.status);
          return reply.type('text/html').send(await messagePage(deps, v, (await findMessage(db, m.id))!, { failed: { action: path, message: e.message, values } }));
        }
      });
    }
  };
}
