// 栏目更新情况 (the inspection rules of domain-reference §D.4 [W19], computed by rules/health.ts: per
// rule, with the thresholds of the reference), late publications (条例第二十六条), daily visits (PV/UV),
// and 年报表二 第二十条第（一）项 computed from the catalogue.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { addDays } from '../../core/date.ts';
import { currentYear, today } from '../../core/today.ts';
import { reportPolicy } from '../../report/policy.ts';
import { ensureCatalogue } from '../commands.ts';
import { cataloguePolicy } from '../policy.ts';
import { LONG_UNUPDATED_DAYS, NEWS_WINDOW_DAYS, NOTICE_WINDOW_DAYS, type ColumnStatus } from '../rules/health.ts';
import { dailyVisits } from '../store.ts';
import { healthOf } from '../health-of.ts';
import { computeTable2Section1, storeTable2Section1 } from '../report-table2.ts';
import { messageOf, statusOf } from './forms.ts';
import { catalogueMenu } from './items.ts';

export function healthConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    app.get('/catalogue/health', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
      await ensureCatalogue(db, view.org.id);
      const now = today();
      const [health, visits] = await Promise.all([healthOf(db, view.org.id, now), dailyVisits(db, view.org.id, addDays(now, -30))]);
      const status = (r: ColumnStatus) =>
        r.empty
          ? html`<strong class="late">空白栏目</strong>`
          : r.longUnupdated
            ? html`<strong class="late">长期未更新（超过 ${Math.max(r.column.updateDays!, LONG_UNUPDATED_DAYS)} 天）</strong>`
            : r.notUpdated
              ? html`<strong class="late">超过 ${r.column.updateDays} 天未更新</strong>`
              : '正常';
      return reply.type('text/html').send(
        consolePage(
          view,
          `栏目更新与访问统计`,
          html`${catalogueMenu(view)}
<h2>检查指标</h2>
<table class="data health-rules"><thead><tr><th scope="col">指标</th><th scope="col">本机构</th><th scope="col">单项否决标准</th><th scope="col">依据</th></tr></thead>
<tbody>${health.rules.map(
    (r) => html`<tr data-rule="${r.rule}"${r.veto ? html` class="late"` : ''}><th scope="row">${r.label}</th><td><strong>${r.count}</strong> ${r.rule === 'undated' || r.rule === 'late' ? '条' : '个'}${r.veto ? html`（<strong>达到单项否决标准</strong>）` : ''}</td>
  <td>${r.threshold === null ? '—' : `累计 ${r.threshold} 个及以上`}</td><td class="muted">${r.source}</td></tr>`,
  )}</tbody></table>
<p class="muted">动态、要闻类为更新周期不超过 ${NEWS_WINDOW_DAYS} 天的栏目，通知公告、政策文件类为更新周期不超过 ${NOTICE_WINDOW_DAYS} 天的栏目；空白栏目不计入未更新的两项。未注明发布日期的信息不算更新。</p>
<h2>各栏目更新情况</h2>
<table class="data"><thead><tr><th scope="col">栏目</th><th scope="col">更新周期</th><th scope="col">已公开</th><th scope="col">最近发布</th><th scope="col">状况</th></tr></thead>
<tbody>${health.columns.map((r) => html`<tr><td>${r.column.name}</td><td>${r.column.updateDays ? `${r.column.updateDays} 天` : '按需'}</td><td>${r.count}</td><td>${r.lastPublished ?? '—'}${r.age !== null ? `（${r.age} 天前）` : ''}</td>
  <td>${status(r)}</td></tr>`)}</tbody></table>
${health.undated.length ? html`<h2>未注明发布日期的信息</h2><ul>${health.undated.map((u) => html`<li><a href="/console/catalogue/items/${u.itemId}">${u.title}</a></li>`)}</ul>` : ''}
<h2>逾期公开（条例第二十六条）</h2>
${health.calendarProblem ? html`<p class="muted">${health.calendarProblem}</p>` : ''}
${health.late.length ? html`<table class="data"><thead><tr><th scope="col">标题</th><th scope="col">应公开日期</th><th scope="col">实际发布</th><th scope="col">逾期（工作日）</th></tr></thead>
<tbody>${health.late.map((l) => html`<tr><td><a href="/console/catalogue/items/${l.itemId}">${l.title}</a></td><td>${l.deadline}</td><td>${l.publishedDate ?? '未发布'}</td><td>${l.workingDaysLate}</td></tr>`)}</tbody></table>` : html`<p>近一年没有逾期公开的信息。</p>`}
<h2>近 30 日访问统计</h2>
<p class="muted">浏览量（PV）和访客数（UV）按日统计；访客以当日随机盐值的哈希区分，当日结束后哈希和盐值即删除，不保存 IP 地址等个人信息。</p>
${visits.length ? html`<table class="data"><thead><tr><th scope="col">日期</th><th scope="col">浏览量</th><th scope="col">访客数</th></tr></thead>
<tbody>${visits.map((d) => html`<tr><td>${d.day}</td><td>${d.pv}</td><td>${d.uv}</td></tr>`)}</tbody></table>` : html`<p>暂无访问记录。</p>`}`,
        ),
      );
    });

    const table2Page = async (request: FastifyRequest, reply: FastifyReply, opts: { error?: string; notice?: string } = {}) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
      const lastYear = currentYear() - 1;
      const q = request.query as { year?: string; notice?: string };
      const year = Math.min(lastYear + 1, Math.max(2008, Number(q.year) || lastYear));
      const t = await computeTable2Section1(db, view.org.id, year);
      const row = (label: string, c: { issued: number | null; abolished: number | null; inForce: number | null }) =>
        html`<tr><th scope="row">${label}</th><td>${c.issued}</td><td>${c.abolished}</td><td>${c.inForce}</td></tr>`;
      const canStore = reportPolicy.edit(view.staff, view.org) && year >= 2021;
      return reply.type('text/html').send(
        consolePage(
          view,
          `年报表二 第二十条第（一）项`,
          html`${catalogueMenu(view)}${noticeBox(opts.notice ?? (q.notice === 'stored' ? `已写入 ${year} 年度报告草稿（新版本），请在年度报告中核对后发布。` : null))}${errorBox(opts.error)}
<form method="get" action="/console/catalogue/table2" class="inline"><label>年度 <input name="year" value="${year}" inputmode="numeric" size="6"></label><button type="submit">计算</button></form>
<table class="data"><caption>第二十条第（一）项（${year} 年度）</caption>
<thead><tr><th scope="col">信息内容</th><th scope="col">本年制发件数</th><th scope="col">本年废止件数</th><th scope="col">现行有效件数</th></tr></thead>
<tbody>${row('规章', t.regulations)}${row('行政规范性文件', t.normativeDocuments)}</tbody></table>
<p class="muted">按已发布（未撤回）的规章和行政规范性文件计算：制发以成文日期（无成文日期时以发布日期）所在年度计；废止含“废止”和“失效”；现行有效为年末仍有效（含已修订）的件数。</p>
${canStore ? html`<form method="post" action="/console/catalogue/table2" class="inline">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}"><button type="submit">写入 ${year} 年度报告草稿</button></form>` : ''}`,
        ),
      );
    };

    app.get('/catalogue/table2', { schema: { hide: true } }, (request, reply) => table2Page(request, reply));
    app.post('/catalogue/table2', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      const year = Number(((request.body ?? {}) as { year?: string }).year);
      try {
        await storeTable2Section1(db, staffContext(view.staff, request.id), view.org.id, year);
        return reply.redirect(`/console/catalogue/table2?year=${year}&notice=stored`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return table2Page(request, reply, { error: message });
      }
    });
  };
}
