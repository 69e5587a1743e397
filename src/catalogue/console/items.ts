// Console pages for items: the list, the editor, the confidentiality findings in context, the
// review stages with their sign-offs, publish, withdraw, new versions, validity and 解读 links.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { CalendarNotCoveredError } from '../../calendar/rules.ts';
import { loadCalendar } from '../../calendar/store.ts';
import {
  acknowledgeFinding,
  addAttachment,
  approveStage,
  changeItemValidity,
  createItem,
  ensureCatalogue,
  openFindingsOf,
  recallSubmission,
  rejectStage,
  removeAttachment,
  returnFromReview,
  reviseItem,
  saveDraft,
  setInterpretationLink,
  submitForReview,
  withdrawItem,
} from '../commands.ts';
import { DOC_KIND_LABELS, VALIDITIES, VALIDITY_LABELS, VERSION_STATE_LABELS, VERSION_STATES, type Item, type Version, type VersionState } from '../model.ts';
import { cataloguePolicy } from '../policy.ts';
import { bodyHtml } from '../rules/body.ts';
import { DETECTOR_LABELS, findingKey } from '../rules/confidentiality.ts';
import { linkSide, otherSide } from '../rules/interpretation.ts';
import { publicationTimeliness } from '../rules/timeliness.ts';
import { canChangeValidity, hasValidity } from '../rules/validity.ts';
import '../scope.ts';
import {
  attachmentContent,
  countItemsByState,
  findAttachment,
  findItem,
  findVersionByNumber,
  latestVersion,
  listAcks,
  listAttachments,
  listColumns,
  listItemsForConsole,
  listLinkCandidates,
  listLinks,
  listSignoffs,
  listVersions,
} from '../store.ts';
import { sendFile } from '../attachment-download.ts';
import { MAX_ATTACHMENT_BYTES } from '../rules/file-type.ts';
import { acceptUploads, type UploadedFile, type UploadForm } from '../../core/http/uploads.ts';
import { serveVendorScripts } from '../../core/http/vendor-scripts.ts';
import { reviewSection } from './review-block.ts';
import { ATTACHMENT_ACCEPT, contentValues, dateTime, itemForm, messageOf, NEW_ITEM_FILE_FIELDS, stateBadge, statusOf, type FormValues } from './forms.ts';
import { today } from '../../core/today.ts';

const NOTICES: Record<string, string> = {
  created: '已保存为草稿。',
  'created-with-files': '已保存为草稿，附件已上传。',
  saved: '已保存。',
  submitted: '已提交审核。',
  approved: '已签署本环节。',
  published: '已通过全部审核环节并发布。',
  rejected: '已退回撰写人。',
  returned: '已退回撰写人（未签署本环节）。',
  recalled: '已撤回审核，信息回到草稿。',
  acknowledged: '已确认该提示。',
  withdrawn: '已撤回，门户不再显示该信息。',
  revised: '已生成新版本草稿；原版本在新版本发布前继续公开。',
  validity: '有效性已更新。',
  linked: '关联已更新。',
  attached: '附件已上传。',
  detached: '附件已删除。',
};

const body = (request: FastifyRequest) => (request.body ?? {}) as FormValues;

export function itemConsoleRoutes(deps: AppDeps) {
  const { db } = deps;

  async function listPage(request: FastifyRequest, reply: FastifyReply) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
    await ensureCatalogue(db, view.org.id);
    const q = request.query as { state?: string; page?: string };
    const state = VERSION_STATES.includes(q.state as VersionState) ? (q.state as VersionState) : null;
    const page = Math.max(1, Number(q.page) || 1);
    const [entries, counts] = await Promise.all([
      listItemsForConsole(db, view.org.id, { states: state ? [state] : undefined, limit: 50, offset: (page - 1) * 50 }),
      countItemsByState(db, view.org.id),
    ]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const tab = (key: VersionState | null, label: string, n: number) =>
      html`<a href="/console/catalogue${key ? `?state=${key}` : ''}"${state === key ? html` aria-current="page"` : ''}>${label}（${n}）</a>`;
    return reply.type('text/html').send(
      consolePage(
        view,
        `主动公开`,
        html`${catalogueMenu(view)}
<nav class="tabs" aria-label="按状态筛选">${tab(null, '全部', total)} ${VERSION_STATES.filter((s) => s !== 'superseded').map((s) => tab(s, VERSION_STATE_LABELS[s], counts[s] ?? 0))}</nav>
${entries.length === 0
  ? html`<p>暂无信息。</p>`
  : html`<table class="data">
  <thead><tr><th scope="col">标题</th><th scope="col">栏目</th><th scope="col">状态</th><th scope="col">索引号</th><th scope="col">更新时间</th></tr></thead>
  <tbody>${entries.map(
    (e) => html`<tr><td><a href="/console/catalogue/items/${e.item.id}">${e.latest.title}</a>${e.item.withdrawnAt ? html` <span class="badge">已撤回</span>` : ''}</td>
      <td>${e.columnName}</td><td>${stateBadge(e.latest)}</td><td>${e.item.indexNumber ?? '—'}</td><td>${dateTime(e.latest.updatedAt)}</td></tr>`,
  )}</tbody></table>
${entries.length === 50 ? html`<p><a href="/console/catalogue?${state ? `state=${state}&` : ''}page=${page + 1}">下一页</a></p>` : ''}`}`,
      ),
    );
  }

  async function newItemPage(request: FastifyRequest, reply: FastifyReply, values: FormValues, error?: string) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    if (!cataloguePolicy.write(view.staff, view.org)) throw forbidden('只有本机构的信息发布员可以撰写主动公开信息');
    await ensureCatalogue(db, view.org.id);
    const columns = await listColumns(db, view.org.id);
    return reply.type('text/html').send(
      consolePage(view, '撰写主动公开信息', html`${catalogueMenu(view)}${errorBox(error)}${itemForm(view, '/console/catalogue/items', columns, values, { submitLabel: '保存草稿', withFiles: true })}`),
    );
  }

  /** The item page; on a failed form the typed values and the message come back. */
  async function itemPage(request: FastifyRequest, reply: FastifyReply, opts: { values?: FormValues; error?: string } = {}) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    const itemId = Number((request.params as { itemId: string }).itemId);
    const item = (await findItem(db, itemId))!;
    const latest = (await latestVersion(db, itemId))!;
    const q = request.query as { version?: string; notice?: string };
    const shown = q.version ? ((await findVersionByNumber(db, itemId, Number(q.version))) ?? latest) : latest;
    const sections = await itemSections(view, item, latest, shown, opts.values);
    const title = `${latest.title}`;
    return reply.type('text/html').send(consolePage(view, title, html`${catalogueMenu(view)}${noticeBox(NOTICES[q.notice ?? ''])}${errorBox(opts.error)}${sections}`));
  }

  async function itemSections(view: ConsoleView, item: Item, latest: Version, shown: Version, values?: FormValues): Promise<SafeHtml> {
    const staff = view.staff;
    const org = view.org;
    const canWrite = cataloguePolicy.write(staff, org) && org.id === item.orgId;
    const columns = await listColumns(db, item.orgId);
    const columnName = (id: number) => columns.find((c) => c.id === id)?.name ?? '—';
    const [versions, signoffs, acks, links, attachments] = await Promise.all([
      listVersions(db, item.id),
      listSignoffs(db, latest.id),
      listAcks(db, latest.id),
      listLinks(db, item.id),
      listAttachments(db, shown.id),
    ]);
    const live = item.publishedVersionId !== null && item.withdrawnAt === null;
    const publishedVersion = versions.find((v) => v.id === item.publishedVersionId) ?? null;
    const open = latest.state === 'draft' || latest.state === 'in_review';
    const { findings, open: openList } = open ? await openFindingsOf(db, latest) : { findings: [], open: [] };
    const ackByKey = new Map(acks.map((a) => [`${a.detector}\u0000${a.matchText}`, a]));
    const openKeys = new Set(openList.map(findingKey));

    // ── facts
    let timeliness: SafeHtml | string = '';
    try {
      const t = publicationTimeliness(await loadCalendar(db, item.orgId), latest, today());
      if (t) {
        timeliness = html`<dt>公开时限（条例第二十六条）</dt><dd>${t.deadline} 前${latest.publishedDate ? (t.late ? html`，<strong class="late">逾期 ${t.workingDaysLate} 个工作日发布</strong>` : '，按时发布') : t.late ? html`，<strong class="late">已逾期 ${t.workingDaysLate} 个工作日</strong>` : ''}</dd>`;
      }
    } catch (e) {
      if (!(e instanceof CalendarNotCoveredError)) throw e;
      timeliness = html`<dt>公开时限</dt><dd class="muted">${e.message}</dd>`;
    }
    const facts = html`<dl class="facts">
  <dt>状态</dt><dd>${stateBadge(latest)}（第 ${latest.version} 版）${live ? html` · <a href="/items/${item.id}">在门户查看</a>` : ''}${item.withdrawnAt ? html` · 已于 ${dateTime(item.withdrawnAt)} 由 ${item.withdrawnByName} 撤回：${item.withdrawReason}` : ''}</dd>
  <dt>索引号</dt><dd>${item.indexNumber ?? '（发布时分配）'}</dd>
  <dt>栏目</dt><dd>${columnName(latest.columnId)}</dd>
  ${publishedVersion && hasValidity(publishedVersion) ? html`<dt>有效性</dt><dd>${VALIDITY_LABELS[item.validity]}${item.validityDate ? `（${item.validityDate}）` : ''} ${item.validityNote}</dd>` : ''}
  ${item.publishedVersionId ? html`<dt>浏览次数</dt><dd>${item.viewCount}</dd>` : ''}
  ${timeliness}
</dl>
${latest.rejectionReason && latest.state === 'draft' ? html`<p class="error" role="alert">${latest.rejectionReason}</p>` : ''}`;

    // ── editor or read-only content
    let content: SafeHtml;
    if (shown.id === latest.id && latest.state === 'draft' && canWrite) {
      content = html`<h2>编辑</h2>${itemForm(view, `/console/catalogue/items/${item.id}`, columns, values ?? contentValues(latest), { submitLabel: '保存草稿' })}
<form method="post" action="/console/catalogue/items/${item.id}/submit" class="inline">${csrfField(view.csrf)}
  <button type="submit"${openList.length ? html` disabled aria-describedby="findings-note"` : ''}>提交审核</button>
  ${openList.length ? html`<span id="findings-note" class="muted">有 ${openList.length} 处保密审查提示未处理，处理后才能提交</span>` : ''}
</form>`;
    } else {
      content = html`<h2>内容${shown.id !== latest.id ? html`（第 ${shown.version} 版，${VERSION_STATE_LABELS[shown.state]}）` : ''}</h2>
<dl class="facts">
  <dt>标题</dt><dd>${shown.title}</dd><dt>内容概述</dt><dd>${shown.summary || '—'}</dd>
  <dt>文号</dt><dd>${shown.docNumber || '—'}</dd><dt>发布机构</dt><dd>${shown.publisher}</dd>
  <dt>成文日期</dt><dd>${shown.writtenDate ?? '—'}</dd><dt>形成或变更日期</dt><dd>${shown.formedDate ?? '—'}</dd>
  <dt>发布日期</dt><dd>${shown.publishedDate ?? '—'}</dd><dt>主题分类</dt><dd>${shown.topic || '—'}</dd>
  <dt>文件类型</dt><dd>${shown.docKind ? DOC_KIND_LABELS[shown.docKind] : '非政策文件'}</dd>
</dl>
<div class="article">${bodyHtml(shown.body)}</div>`;
    }
    const editable = shown.id === latest.id && latest.state === 'draft' && canWrite;
    const attachmentList = html`${attachments.length || editable ? html`<h2>附件</h2>` : ''}
${attachments.length ? html`<ul>${attachments.map((a) => html`<li><a href="/console/catalogue/attachments/${a.id}">${a.fileName}</a> <span class="muted">${Math.ceil(a.sizeBytes / 1024)} KB${a.text ? `，已提取文字 ${a.text.length} 字` : ''}</span>
  ${editable ? html`<form method="post" action="/console/catalogue/attachments/${a.id}/delete" class="inline">${csrfField(view.csrf)}<button type="submit" class="link">删除</button></form>` : ''}</li>`)}</ul>` : ''}
${editable
  ? html`<form method="post" action="/console/catalogue/items/${item.id}/attachments" enctype="multipart/form-data" class="inline">${csrfField(view.csrf)}
  <label>上传附件（PDF、Word .docx、Excel .xlsx、PNG/JPEG/GIF 图片，最大 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB；文字会被提取用于检索和保密审查） <input type="file" name="file" accept="${ATTACHMENT_ACCEPT}" required></label>
  <button type="submit">上传</button></form>`
  : ''}`;

    // ── findings in context
    const canAck = cataloguePolicy.acknowledge(staff, org) && org.id === item.orgId;
    const findingsBlock = open
      ? html`<section aria-labelledby="findings"><h2 id="findings">保密审查和个人信息检查</h2>
${findings.length === 0
  ? html`<p class="notice">未发现疑似涉密标志、内部资料标注、身份证号码、手机号码、银行卡号或敏感词。</p>`
  : html`<p>“涉密不公开、公开不涉密”：以下内容须修改，或由保密审查员确认可以公开并说明理由，之后才能提交和通过审核。</p>
<ol class="findings">${findings.map((f) => {
    const ack = ackByKey.get(findingKey(f));
    return html`<li class="${openKeys.has(findingKey(f)) ? 'open' : 'acked'}"><strong>${DETECTOR_LABELS[f.detector]}</strong>（${f.field}）${f.detector === 'no_text' ? f.after : html`：<q>…${f.before}<mark>${f.match}</mark>${f.after}…</q>`}
  ${ack
    ? html`<p class="muted">已由 ${ack.userName} 于 ${dateTime(ack.at)} 确认：${ack.reason}</p>`
    : canAck
      ? html`<form method="post" action="/console/catalogue/items/${item.id}/acknowledge" class="inline">${csrfField(view.csrf)}
      <input type="hidden" name="detector" value="${f.detector}"><input type="hidden" name="match" value="${f.match}">
      <label>可以公开的理由 <input name="reason" required minlength="2" maxlength="500"></label><button type="submit">确认可以公开</button></form>`
      : html`<p class="muted">待修改或由保密审查员确认</p>`}</li>`;
  })}</ol>`}</section>`
      : '';

    // ── review (review-block.ts)
    const reviewBlock = await reviewSection(db, view, item, latest, signoffs, openList.length);
    const history = signoffs.length
      ? html`<h2>审核记录</h2><table class="data"><thead><tr><th scope="col">轮次</th><th scope="col">环节</th><th scope="col">结论</th><th scope="col">签署人</th><th scope="col">时间</th></tr></thead>
<tbody>${signoffs.map((s) => html`<tr><td>${s.round}</td><td>${s.stageName}</td><td>${s.decision === 'approve' ? '同意' : html`退回：${s.reason}`}</td><td>${s.userName}</td><td>${dateTime(s.at)}</td></tr>`)}</tbody></table>`
      : '';

    // ── after publication
    const canWithdraw = cataloguePolicy.withdraw(staff, org) && org.id === item.orgId;
    const canValidity = cataloguePolicy.validity(staff, org) && org.id === item.orgId;
    const nextValidities = VALIDITIES.filter((v) => canChangeValidity(item.validity, v));
    const published = item.publishedVersionId !== null;
    const afterBlock = html`${canWrite && !open && published
      ? html`<form method="post" action="/console/catalogue/items/${item.id}/revise" class="inline">${csrfField(view.csrf)}<button type="submit">修改（生成新版本）</button></form>`
      : ''}
${live && canWithdraw
  ? html`<form method="post" action="/console/catalogue/items/${item.id}/withdraw" class="inline">${csrfField(view.csrf)}
  <label>撤回理由 <input name="reason" required minlength="2" maxlength="500"></label><button type="submit" class="secondary">撤回</button></form>`
  : ''}
${published && canValidity && nextValidities.length && latest.docKind
  ? html`<h2>文件有效性</h2><form method="post" action="/console/catalogue/items/${item.id}/validity" class="inline">${csrfField(view.csrf)}
  <label>改为 <select name="validity">${nextValidities.map((v) => html`<option value="${v}">${VALIDITY_LABELS[v]}</option>`)}</select></label>
  <label>日期 <input type="date" name="date" required value="${today()}"></label>
  <label>说明 <input name="note" maxlength="200" placeholder="如：被青政发〔2025〕1号废止"></label><button type="submit">更新有效性</button></form>`
  : ''}`;

    // The picker offers only the other side: 解读 for a policy document, policy documents for a 解读.
    const side = linkSide({ columnKind: columns.find((c) => c.id === latest.columnId)?.kind ?? 'general', docKind: latest.docKind });
    const linkTargets = canWrite && side
      ? (await listLinkCandidates(db, item.orgId, item.id)).filter((c) => linkSide(c) === otherSide(side))
      : [];
    const isInterpretation = side === 'interpretation';
    const linkRow = (l: { itemId: number; title: string; live: boolean }, policyId: number, interpId: number) =>
      html`<li><a href="/console/catalogue/items/${l.itemId}">${l.title}</a>${l.live ? '' : html` <span class="muted">（未公开）</span>`}
  ${canWrite ? html`<form method="post" action="/console/catalogue/items/${item.id}/links" class="inline">${csrfField(view.csrf)}
    <input type="hidden" name="policyItemId" value="${policyId}"><input type="hidden" name="interpretationItemId" value="${interpId}"><input type="hidden" name="linked" value="false">
    <button type="submit" class="link">取消关联</button></form>` : ''}</li>`;
    const hasLinks = links.interpretations.length > 0 || links.policies.length > 0;
    const linksBlock = !side && !hasLinks ? '' : html`<section aria-labelledby="links"><h2 id="links">政策解读关联</h2>
${links.interpretations.length ? html`<p>本文件的解读：</p><ul>${links.interpretations.map((l) => linkRow(l, item.id, l.itemId))}</ul>` : ''}
${links.policies.length ? html`<p>本解读所解读的政策文件：</p><ul>${links.policies.map((l) => linkRow(l, l.itemId, item.id))}</ul>` : ''}
${!hasLinks ? html`<p class="muted">暂无关联。${isInterpretation ? '解读应关联其所解读的政策文件。' : '规章和行政规范性文件应同步发布解读（“三同步”）。'}</p>` : ''}
${canWrite && side && linkTargets.length
  ? html`<form method="post" action="/console/catalogue/items/${item.id}/links" class="inline">${csrfField(view.csrf)}<input type="hidden" name="linked" value="true">
  <input type="hidden" name="${isInterpretation ? 'interpretationItemId' : 'policyItemId'}" value="${item.id}">
  <label>${isInterpretation ? '关联被解读的政策文件' : '关联解读'} <select name="${isInterpretation ? 'policyItemId' : 'interpretationItemId'}" required>
    <option value="" selected disabled>${isInterpretation ? '请选择政策文件' : '请选择政策解读'}</option>
    ${linkTargets.map((c) => html`<option value="${c.itemId}">${c.title}${c.live ? (c.publishedDate ? `（${c.publishedDate}）` : '') : '（未公开）'}</option>`)}</select></label>
  <button type="submit">关联</button></form>`
  : canWrite && side
    ? html`<p class="muted">${isInterpretation ? '本机构暂无可关联的政策文件。' : '本机构暂无可关联的政策解读：请先在“政策解读”栏目撰写解读。'}</p>`
    : ''}</section>`;

    const versionList = html`<h2>版本</h2><table class="data"><thead><tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">撰写人</th><th scope="col">发布日期</th><th scope="col">更新时间</th></tr></thead>
<tbody>${versions.map((v) => html`<tr><td><a href="/console/catalogue/items/${item.id}?version=${v.version}">第 ${v.version} 版</a></td><td>${VERSION_STATE_LABELS[v.state]}</td><td>${v.authorName}</td><td>${v.publishedDate ?? '—'}</td><td>${dateTime(v.updatedAt)}</td></tr>`)}</tbody></table>`;

    return html`${facts}${findingsBlock}${reviewBlock}${content}${attachmentList}${afterBlock}${linksBlock}${history}${versionList}`;
  }

  /** Runs a command from a form; on a domain or validation error the item page comes back with the message. */
  async function act(request: FastifyRequest, reply: FastifyReply, run: (ctx: ReturnType<typeof staffContext>, itemId: number, form: FormValues) => Promise<string>, keepValues = false) {
    const itemId = Number((request.params as { itemId: string }).itemId);
    const form = body(request);
    try {
      const notice = await run(staffContext(request.staff!, request.id), itemId, form);
      return reply.redirect(`/console/catalogue/items/${itemId}?notice=${notice}`, 303);
    } catch (err) {
      const message = messageOf(err);
      if (!message) throw err;
      reply.status(statusOf(err));
      const { _csrf, ...values } = form;
      return itemPage(request, reply, { error: message, values: keepValues ? values : undefined });
    }
  }

  const expected = (form: FormValues) =>
    form.round !== undefined && form.stageIndex !== undefined ? { round: Number(form.round), stageIndex: Number(form.stageIndex) } : undefined;

  return async (app: FastifyInstance) => {
    // a little over the limit, so that the command refuses a large file with its own message;
    // the new-item form brings up to NEW_ITEM_FILE_FIELDS.length files, the draft's form one
    await acceptUploads(app, { maxFileBytes: MAX_ATTACHMENT_BYTES + 1024 * 1024, maxFiles: NEW_ITEM_FILE_FIELDS.length });
    serveVendorScripts(app, '/catalogue/editor', { 'squire.js': 'squire-rte/dist/squire.js', 'purify.js': 'dompurify/dist/purify.min.js' });
    app.get('/catalogue', { schema: { hide: true } }, listPage);
    app.get('/catalogue/new', { schema: { hide: true } }, (request, reply) => newItemPage(request, reply, {}));
    app.post('/catalogue/items', { schema: { hide: true } }, async (request, reply) => {
      const staff = request.staff!;
      // urlencoded, or multipart with the first attachments (empty file inputs send empty parts)
      const form = (request.body ?? {}) as UploadForm;
      const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
      const files = NEW_ITEM_FILE_FIELDS.map((name) => form[name]).filter((f): f is UploadedFile => typeof f === 'object' && f.content.length > 0);
      const view = await consoleView(deps, request, reply, 'catalogue');
      try {
        const { item } = await createItem(db, staffContext(staff, request.id), view.org.id, values, files, deps.config.documentLimits);
        return reply.redirect(`/console/catalogue/items/${item.id}?notice=${files.length ? 'created-with-files' : 'created'}`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        // A browser cannot refill a file input: say so rather than lose the files silently.
        return newItemPage(request, reply, values, files.length ? `${message}（草稿未保存，所选附件也需重新选择）` : message);
      }
    });
    app.get('/catalogue/items/:itemId', { schema: { hide: true } }, (request, reply) => itemPage(request, reply));
    app.post('/catalogue/items/:itemId', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await saveDraft(db, ctx, id, form), 'saved'), true),
    );
    app.post('/catalogue/items/:itemId/submit', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id) => (await submitForReview(db, ctx, id), 'submitted')),
    );
    app.post('/catalogue/items/:itemId/approve', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => ((await approveStage(db, ctx, id, expected(form))).published ? 'published' : 'approved')),
    );
    app.post('/catalogue/items/:itemId/reject', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await rejectStage(db, ctx, id, form, expected(form)), 'rejected')),
    );
    app.post('/catalogue/items/:itemId/return', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await returnFromReview(db, ctx, id, form, expected(form)), 'returned')),
    );
    app.post('/catalogue/items/:itemId/recall', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id) => (await recallSubmission(db, ctx, id), 'recalled')),
    );
    app.post('/catalogue/items/:itemId/acknowledge', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await acknowledgeFinding(db, ctx, id, form), 'acknowledged')),
    );
    app.post('/catalogue/items/:itemId/withdraw', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await withdrawItem(db, ctx, id, form), 'withdrawn')),
    );
    app.post('/catalogue/items/:itemId/revise', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id) => (await reviseItem(db, ctx, id), 'revised')),
    );
    app.post('/catalogue/items/:itemId/validity', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => (await changeItemValidity(db, ctx, id, form), 'validity')),
    );
    app.post('/catalogue/items/:itemId/attachments', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, id, form) => {
        const file = (form as unknown as { file?: UploadedFile }).file;
        if (!file || typeof file !== 'object') throw invalid('请选择要上传的文件');
        await addAttachment(db, ctx, id, file, deps.config.documentLimits);
        return 'attached';
      }),
    );
    app.post('/catalogue/attachments/:attachmentId/delete', { schema: { hide: true } }, async (request, reply) => {
      const itemId = await removeAttachment(db, staffContext(request.staff!, request.id), Number((request.params as { attachmentId: string }).attachmentId));
      return reply.redirect(`/console/catalogue/items/${itemId}?notice=detached`, 303);
    });
    app.get('/catalogue/attachments/:attachmentId', { schema: { hide: true } }, async (request, reply) => {
      const a = (await findAttachment(db, Number((request.params as { attachmentId: string }).attachmentId)))!;
      const content = await attachmentContent(db, a.orgId, a.sha256);
      if (!content) throw notFound('该附件');
      return sendFile(reply, a, content);
    });
    app.post('/catalogue/items/:itemId/links', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, async (ctx, _id, form) => {
        await setInterpretationLink(db, ctx, Number(form.policyItemId), Number(form.interpretationItemId), form.linked !== 'false');
        return 'linked';
      }),
    );
  };
}

/** The catalogue's own menu at the top of its pages. */
export function catalogueMenu(view: ConsoleView): SafeHtml {
  const s = view.staff;
  const links: [string, string, boolean][] = [
    ['/console/catalogue', '信息列表', true],
    ['/console/catalogue/new', '撰写新信息', cataloguePolicy.write(s, view.org)],
    ['/console/catalogue/review', '审核队列', cataloguePolicy.review(s, view.org)],
    ['/console/catalogue/columns', '栏目', true],
    ['/console/catalogue/health', '栏目更新与访问统计', true],
    ['/console/catalogue/inspection', '内容检查', true],
    ['/console/catalogue/table2', '年报表二（第二十条第（一）项）', true],
    ['/console/catalogue/settings', '审核设置', true],
  ];
  return html`<link rel="stylesheet" href="/assets/catalogue.css"><nav class="subnav" aria-label="主动公开">${links.filter((l) => l[2]).map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>`;
}

