// Portal home: the newest information published by every agency (最新公开), every organization with its disclosure contact details (条例第十二条：指南须载明
// 政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式), and the way to
// each organization's 政府信息公开目录 and 指南 (条例第二十四条：信息检索、查阅、下载).
import type { FastifyInstance } from 'fastify';
import { html } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { PageCache } from '../core/http/page-cache.ts';
import { SITE_SCOPE } from '../core/http/page-versions.ts';
import { pageVariant } from '../orgs/shell/variant.ts';
import { notFound } from '../core/errors.ts';
import { ORG_KIND_LABELS, type Organization } from '../orgs/model.ts';
import { findOrgByCode, listOrgs } from '../orgs/store.ts';
import { portalPage, searchBox } from '../orgs/shell/portal-layout.ts';
import { listLiveUnder } from '../catalogue/store.ts';

/** How many of the newest published items the home page lists (最新公开). */
const LATEST_ON_HOME = 10;

/** Regions (省、市、县) have an overview of the organizations below them, not a catalogue or 指南 of their own. */
const isRegion = (o: Organization) => o.kind === 'province' || o.kind === 'city' || o.kind === 'county';

export function portalHomeRoutes(deps: AppDeps) {
  // Rendered once per change of what it shows (src/core/http/page-cache.ts): every publication and
  // withdrawal, every organization added or renamed bumps SITE_SCOPE.
  const home = new PageCache<null>({ maxBytes: 4 * 1024 * 1024, maxAgeMs: 10 * 60_000 });
  async function renderHome() {
    const [orgs, latest] = await Promise.all([listOrgs(deps.db), listLiveUnder(deps.db, '/', LATEST_ON_HOME)]);
    const depth = (o: Organization) => o.path.split('/').length - 3;
    const page = portalPage(
      '政府信息公开平台',
      html`<p>查阅各机关主动公开的政府信息、政府信息公开指南和年度报告，或依法申请公开政府信息；对征求意见的文件草案，可在<a href="/consultations">意见征集</a>中发表意见。</p>
${searchBox()}
${latest.length
  ? html`<section id="latest" aria-labelledby="latest-title"><h2 id="latest-title">最新公开</h2>
<ul class="latest">${latest.map((e) => html`<li><a href="/items/${e.itemId}">${e.title}</a> <span class="muted">${e.orgName} · <time datetime="${e.publishedDate}">${e.publishedDate}</time></span></li>`)}</ul></section>`
  : ''}
<h2>机构</h2>
<ul class="org-tree">
  ${orgs.map(
    (o) => html`<li style="margin-left:${depth(o) * 1.5}em"><a href="/orgs/${o.code}">${o.fullName}</a> <span class="muted">${ORG_KIND_LABELS[o.kind]}</span>
    <span class="links"><a href="/orgs/${o.code}/catalogue">${isRegion(o) ? '政府信息公开' : '公开目录'}</a>${isRegion(o) ? '' : html` · <a href="/orgs/${o.code}/guide">公开指南</a>`}</span></li>`,
  )}
</ul>`,
    );
    return { html: page, scopes: [SITE_SCOPE], data: null };
  }

  return async (app: FastifyInstance) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const page = await home.page(deps.db, 'home', async () => [SITE_SCOPE], renderHome);
      return home.send(request, reply, page, pageVariant(request));
    });

    app.get('/orgs/:code', { schema: { hide: true } }, async (request, reply) => {
      const org = await findOrgByCode(deps.db, (request.params as { code: string }).code);
      if (!org) throw notFound('该机构');
      const row = (label: string, value: string) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
      return reply.type('text/html').send(
        portalPage(
          org.fullName,
          html`<nav aria-label="本机构政府信息公开"><ul class="org-links">
  <li><a href="/orgs/${org.code}/catalogue">${isRegion(org) ? '政府信息公开（各机关）' : '政府信息公开目录'}</a></li>
  ${isRegion(org) ? '' : html`<li><a href="/orgs/${org.code}/guide">政府信息公开指南</a></li>`}
  <li><a href="/orgs/${org.code}/reports">政府信息公开工作年度报告</a></li>
  <li><a href="/apply/${org.code}">依申请公开</a></li>
  <li><a href="/orgs/${org.code}/consultations">意见征集</a></li>
  ${isRegion(org) ? '' : html`<li><a href="/orgs/${org.code}/letters">信箱（咨询、建议、求助、投诉）</a></li>`}
</ul></nav>
${searchBox({ org: org.code })}
<section aria-labelledby="contact"><h2 id="contact">政府信息公开工作机构联系方式</h2>
<dl class="facts">
  ${row('办公地址', org.address)}${row('办公时间', org.officeHours)}${row('联系电话', org.phone)}${row('传真号码', org.fax)}${row('电子邮箱', org.email)}${row('网站', org.website)}
</dl></section>`,
          { siteName: `${org.fullName}政府信息公开` },
        ),
      );
    });
  };
}
