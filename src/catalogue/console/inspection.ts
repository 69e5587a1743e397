// 内容检查 (issue 17 §2, 国办秘函〔2019〕19号, domain-reference §D.4): the latest run's findings grouped by
// rule with the items, the earlier runs with their counts, a button 开始检查; and the 表述错误清单
// (global and the organization's own), edited by administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { staffContext } from '../../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox } from '../../orgs/shell/console-layout.ts';
import type { FindingAction } from '../../orgs/shell/finding-action.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { addWordingRule, ensureDefaultWording, removeWordingRule, runInspection } from '../inspection/commands.ts';
import type { UnansweredMessagesCount } from '../inspection/unanswered.ts';
import { inspectionPolicy } from '../inspection/policy.ts';
import { findingsOfRun, INSPECTION_RULE_LABELS, INSPECTION_RULES, listRuns, listWordingRules, type Finding } from '../inspection/store.ts';
import { WORDING_KIND_LABELS } from '../inspection/wording.ts';
import { dateTime, messageOf, statusOf } from './forms.ts';
import { catalogueMenu } from './items.ts';

const NOTICES: Record<string, string> = {
  done: '检查完成。',
  added: '已加入表述错误清单。',
  removed: '已从表述错误清单删除。',
};

/** A finding in words, as the agency reads it in a 整改 item. */
function findingText(f: Finding): string {
  const where = `${f.title ? `《${f.title}》` : ''}${f.place}`;
  if (f.rule === 'wording') return `${INSPECTION_RULE_LABELS.wording}：${where}“${f.sentence}”，${f.detail}，应为“${f.suggestion}”`;
  return `${INSPECTION_RULE_LABELS[f.rule]}：${where}的链接 ${f.link}，${f.detail}`;
}

/** findingAction: what a supervisor above may do with a finding (app wires the 整改 button). */
export function inspectionConsoleRoutes(deps: AppDeps, findingAction: FindingAction | undefined, unansweredMessages: UnansweredMessagesCount) {
  const { db, config } = deps;
  return async (app: FastifyInstance) => {
    const inspectionPage = async (request: FastifyRequest, reply: FastifyReply, error?: string) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      if (!inspectionPolicy.read(view.staff, view.org)) throw forbidden();
      const q = request.query as { notice?: string };
      const runs = await listRuns(db, view.org.id, 20);
      const latest = runs[0];
      const findings = latest ? await findingsOfRun(db, latest.id) : [];
      const canRun = inspectionPolicy.run(view.staff, view.org);
      const act = findingAction ? await findingAction(deps, view) : null;
      const itemLink = (f: Finding) =>
        f.itemId ? html`<a href="/console/catalogue/items/${f.itemId}">${f.title ?? `信息 ${f.itemId}`}</a>${f.versionState === 'in_review' ? html` <span class="badge">审核中</span>` : ''}` : '—';
      const ruleSection = (rule: (typeof INSPECTION_RULES)[number]) => {
        const list = findings.filter((f) => f.rule === rule);
        const count = latest!.counts[rule];
        const head = html`<h3 id="rule-${rule}">${INSPECTION_RULE_LABELS[rule]}：${count} 处</h3>`;
        if (rule === 'unanswered') return html`${head}<p class="muted">单项否决标准：监测前 1 年内收到的有效留言存在超过 3 个月未回应的。${count ? html`<a href="/console/letters?state=overdue">查看逾期留言</a>` : '未发现。'}</p>`;
        if (!list.length) return html`${head}<p>未发现。</p>`;
        const what = rule === 'wording' ? ['原句', '建议'] : rule === 'hidden_link' ? ['链接', '隐藏方式'] : ['链接', '状况'];
        return html`${head}<table class="data" data-rule="${rule}"><thead><tr><th scope="col">信息</th><th scope="col">位置</th><th scope="col">${what[0]}</th><th scope="col">${what[1]}</th><th scope="col">首次发现</th>${act ? html`<th scope="col">整改</th>` : ''}</tr></thead>
<tbody>${list.map((f) => html`<tr><td>${itemLink(f)}</td><td>${f.place}</td>
  <td>${rule === 'wording' ? f.sentence : html`<code>${f.link}</code>${rule === 'hidden_link' && f.sentence ? html`<br><span class="muted">链接文字：${f.sentence}</span>` : ''}`}</td>
  <td>${rule === 'wording' ? html`${f.detail}<br>建议改为“${f.suggestion}”（不自动修改）` : f.detail}</td><td>${f.firstSeen}${f.firstSeen !== latest!.runOn ? html` <span class="late">（仍未整改）</span>` : ''}</td>${act ? html`<td>${act({ orgId: view.org.id, source: `${latest!.runOn} 内容检查`, text: findingText(f) })}</td>` : ''}</tr>`)}</tbody></table>`;
      };
      const linkNote = latest
        ? latest.linksChecked
          ? html`外部链接 ${latest.summary.externalLinks} 个已逐一访问检查；本站链接 ${latest.summary.internalLinks} 个按数据库核对。`
          : html`外部链接 ${latest.summary.unchecked} 个<strong>未检查</strong>（未开启外部链接检查 GONGKAI_LINK_CHECK=on），不计为错链；本站链接 ${latest.summary.internalLinks} 个按数据库核对。`
        : '';
      return reply.type('text/html').send(
        consolePage(
          view,
          '内容检查',
          html`${catalogueMenu(view)}${noticeBox(NOTICES[q.notice ?? ''])}${errorBox(error)}
<p class="muted">依据国办秘函〔2019〕19号：对已发布和审核中的信息检查错链（正文和附件中的链接；本站链接按数据库核对）、暗链（以样式隐藏的链接）、严重表述错误（<a href="/console/catalogue/inspection/wording">表述错误清单</a>），以及超过 3 个月未回应的留言。检查结果只作提示，不自动修改任何内容。</p>
${canRun ? html`<form method="post" action="/console/catalogue/inspection" class="inline">${csrfField(view.csrf)}<button type="submit">开始检查</button>${config.linkCheck ? '' : html` <span class="muted">外部链接检查未开启，外部链接将记为“未检查”。</span>`}</form>` : ''}
${latest
  ? html`<h2>最近一次检查（${latest.runOn}）</h2>
<p>检查人：${latest.createdByName}，${dateTime(latest.createdAt.toISOString())}；检查信息 ${latest.summary.items} 条（版本 ${latest.summary.versions} 个），链接 ${latest.summary.links} 个。${linkNote}</p>
<ul class="inspection-counts">${INSPECTION_RULES.map((r) => html`<li><a href="#rule-${r}">${INSPECTION_RULE_LABELS[r]}</a>：<strong>${latest.counts[r]}</strong> 处</li>`)}</ul>
${INSPECTION_RULES.map(ruleSection)}
<h2>历次检查</h2>
<table class="data runs"><thead><tr><th scope="col">检查日期</th>${INSPECTION_RULES.map((r) => html`<th scope="col">${INSPECTION_RULE_LABELS[r]}</th>`)}<th scope="col">外部链接</th><th scope="col">检查人</th></tr></thead>
<tbody>${runs.map((r) => html`<tr><td>${r.runOn}</td>${INSPECTION_RULES.map((k) => html`<td>${r.counts[k]}</td>`)}<td>${r.linksChecked ? '已检查' : `未检查 ${r.summary.unchecked} 个`}</td><td>${r.createdByName}</td></tr>`)}</tbody></table>`
  : html`<p>尚未检查过。</p>`}`,
        ),
      );
    };

    app.get('/catalogue/inspection', { schema: { hide: true } }, (request, reply) => inspectionPage(request, reply));
    app.post('/catalogue/inspection', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      try {
        await runInspection(db, staffContext(view.staff, request.id), view.org.id, { checkLinks: config.linkCheck, internalHosts: config.portalHosts, unansweredMessages });
        return reply.redirect('/console/catalogue/inspection?notice=done', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return inspectionPage(request, reply, message);
      }
    });

    const wordingPage = async (request: FastifyRequest, reply: FastifyReply, opts: { error?: string; values?: Record<string, string> } = {}) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      if (!inspectionPolicy.read(view.staff, view.org)) throw forbidden();
      await ensureDefaultWording(db);
      const q = request.query as { notice?: string };
      const list = await listWordingRules(db, view.org.id);
      const canEdit = inspectionPolicy.editWording(view.staff, view.org);
      const canEditGlobal = inspectionPolicy.editGlobalWording(view.staff);
      const v = opts.values ?? {};
      const table = (rows: typeof list, editable: boolean) =>
        rows.length
          ? html`<table class="data wording"><thead><tr><th scope="col">错误表述</th><th scope="col">正确表述</th><th scope="col">类别</th><th scope="col">例外词语</th><th scope="col">适用于</th><th scope="col">状态</th>${editable ? html`<th scope="col">操作</th>` : ''}</tr></thead>
<tbody>${rows.map((r) => html`<tr${r.active ? '' : html` class="muted"`}><td>${r.wrong}</td><td>${r.right}</td><td>${WORDING_KIND_LABELS[r.kind]}</td><td>${(r.except ?? []).join('、') || '—'}</td><td>${r.since ? `${r.since} 及以后的信息` : '全部信息'}</td><td>${r.active ? '使用中' : '已删除'}</td>
${editable ? html`<td>${r.active ? html`<form method="post" action="/console/catalogue/inspection/wording/remove" class="inline">${csrfField(view.csrf)}<input type="hidden" name="ruleId" value="${r.id}"><button type="submit" class="secondary">删除</button></form>` : ''}</td>` : ''}</tr>`)}</tbody></table>`
          : html`<p>暂无条目。</p>`;
      return reply.type('text/html').send(
        consolePage(
          view,
          '表述错误清单',
          html`${catalogueMenu(view)}${noticeBox(NOTICES[q.notice ?? ''])}${errorBox(opts.error)}
<p><a href="/console/catalogue/inspection">返回内容检查</a></p>
<p class="muted">内容检查按本清单查找严重表述错误（机关名称错误、已变更的机关名称、错别字）；繁体字按简体比较。发现的问题给出原句和建议，不自动修改。本机构的条目也适用于下级机构。</p>
<h2>本机构的条目</h2>
${table(list.filter((r) => r.orgId !== null), canEdit)}
${canEdit || canEditGlobal
  ? html`<h2>增加条目</h2>
<form method="post" action="/console/catalogue/inspection/wording" class="stacked">${csrfField(view.csrf)}
<label>错误表述 <input name="wrong" value="${v.wrong ?? ''}" required maxlength="50"></label>
<label>正确表述 <input name="right" value="${v.right ?? ''}" required maxlength="50"></label>
<label>类别 <select name="kind">${Object.entries(WORDING_KIND_LABELS).map(([k, label]) => html`<option value="${k}"${(v.kind ?? 'typo') === k ? ' selected' : ''}>${label}</option>`)}</select></label>
<label>例外词语（包含错误表述的正确词语，用顿号分隔，可不填） <input name="except" value="${v.except ?? ''}"></label>
<label>仅检查此日期及以后的信息（机关更名日期，可不填） <input type="date" name="since" value="${v.since ?? ''}"></label>
${canEditGlobal ? html`<label><input type="checkbox" name="global" value="1"${v.global ? ' checked' : ''}> 加入全局清单（适用于所有机构）</label>` : ''}
<button type="submit">增加</button></form>`
  : ''}
<h2>全局清单</h2>
${table(list.filter((r) => r.orgId === null), canEditGlobal)}`,
        ),
      );
    };

    app.get('/catalogue/inspection/wording', { schema: { hide: true } }, (request, reply) => wordingPage(request, reply));
    app.post('/catalogue/inspection/wording', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      const body = (request.body ?? {}) as Record<string, string>;
      try {
        await addWordingRule(db, staffContext(view.staff, request.id), view.org.id, {
          wrong: body.wrong ?? '', right: body.right ?? '', kind: body.kind ?? '', except: body.except, since: body.since, global: body.global === '1',
        });
        return reply.redirect('/console/catalogue/inspection/wording?notice=added', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return wordingPage(request, reply, { error: message, values: body });
      }
    });
    app.post('/catalogue/inspection/wording/remove', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      const body = (request.body ?? {}) as Record<string, string>;
      try {
        await removeWordingRule(db, staffContext(view.staff, request.id), view.org.id, Number(body.ruleId));
        return reply.redirect('/console/catalogue/inspection/wording?notice=removed', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return wordingPage(request, reply, { error: message });
      }
    });
  };
}
