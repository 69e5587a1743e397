// The public catalogue (条例第二十四条：信息检索、查阅、下载): an organization's disclosure home
// with its columns, column lists, item pages with the metadata block and 有效性, search in 简体
// and 繁體, the generated 指南, RSS per column, sitemap.xml and a print view. Server-rendered, no
// JavaScript, no external assets; the 繁體 view of these pages is the portal's (src/portal/variant.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../core/errors.ts';
import { html, trustedHtml, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { documentShell } from '../core/http/page.ts';
import { PageCache } from '../core/http/page-cache.ts';
import { pageVariant } from '../orgs/shell/variant.ts';
import { columnPageScopes, itemPageScopes, SITEMAP_PART, sitemapScope } from './page-scopes.ts';
import type { Organization } from '../orgs/model.ts';
import { ancestorsOf, findOrgByCode, findOrgById, listOrgs } from '../orgs/store.ts';
import { superiorGovernmentName } from '../orgs/rules.ts';
import { portalPage, searchBox } from '../orgs/shell/portal-layout.ts';
import { ensureCatalogue } from './commands.ts';
import { guideHtml } from './guide.ts';
import { VALIDITY_LABELS, type Column, type Item, type Version } from './model.ts';
import { metadataOf } from './present.ts';
import { bodyHtml } from './rules/body.ts';
import { highlight } from './search/snippet.ts';
import { cachedSearch } from './search/service.ts';
import { sendFile } from './attachment-download.ts';
import {
  attachmentContent,
  columnActivity,
  columnOrgId,
  countLiveInColumn,
  findColumn,
  findLiveAttachment,
  findLiveItem,
  itemOrgId,
  listAttachments,
  listColumns,
  listLinks,
  listLiveColumnIds,
  listLiveForSitemapPart,
  listLiveInColumn,
  listLiveInColumnFrom,
  liveItemIdRange,
  type ColumnCursor,
  listLiveUnder,
  type LiveListEntry,
} from './store.ts';
import { VisitRecorder } from './visits.ts';
import { currentYear } from '../core/today.ts';

const PAGE_SIZE = 20;
/** Where a cached item page's view count goes: filled in per request (the page itself is shared). */
const VIEW_COUNT = '<!--gk:views-->';
/**
 * Memory for rendered pages per process: an item page is a few KB of text (tens with a long body), so
 * thousands of the most read stay; column pages likewise. A page is rendered again after a minute at
 * the latest, for the views other processes counted meanwhile.
 */
const ITEM_CACHE = { maxBytes: 64 * 1024 * 1024, maxAgeMs: 60_000 };
const COLUMN_CACHE = { maxBytes: 32 * 1024 * 1024, maxAgeMs: 60_000 };
/** Parts of the sitemap (50,000 URLs, about 3.5 MB each): a crawler reads them in turn, a few stay. */
const SITEMAP_CACHE = { maxBytes: 48 * 1024 * 1024, maxAgeMs: 10 * 60_000 };
const REGION_KINDS = ['province', 'city', 'county'];
const STYLE = html`<link rel="stylesheet" href="/assets/catalogue.css">`;

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/**
 * A list of items: the title with its 有效性 badge as one flexible box, the 文号 and date beside it
 * where there is room and under it in a narrow column card (catalogue.css: ul.items).
 */
function entryList(entries: readonly (LiveListEntry & { orgName?: string })[]): SafeHtml {
  return html`<ul class="items">${entries.map(
    (e) => html`<li><span class="entry-title"><a href="/items/${e.itemId}">${e.title}</a>${e.docKind && e.validity !== 'effective' ? html` <span class="badge">${VALIDITY_LABELS[e.validity]}</span>` : ''}</span>
  <span class="meta">${e.orgName ? html`<span>${e.orgName}</span> · ` : ''}${e.docNumber ? html`<span>${e.docNumber}</span> · ` : ''}<time datetime="${e.publishedDate}">${e.publishedDate}</time></span></li>`,
  )}</ul>`;
}

/** A column page's cursor in a link: 发布日期 (or "-" when undated) and the item id. */
const cursorOf = (e: LiveListEntry) => `${e.publishedDate ?? '-'}.${e.itemId}`;
export function parseCursor(raw: unknown): ColumnCursor | null {
  const m = typeof raw === 'string' ? /^(\d{4}-\d{2}-\d{2}|-)\.(\d{1,15})$/.exec(raw) : null;
  return m ? { date: m[1] === '-' ? null : m[1]!, itemId: Number(m[2]) } : null;
}

/**
 * 上一页 / 下一页 by keyset: each link names the item it continues from, so page 5,000 costs what page 1
 * does; the page number travels along for display.
 */
function pagination(base: string, page: number, total: number, entries: readonly LiveListEntry[]): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return html``;
  const prev = page === 2 ? base : `${base}?page=${page - 1}&after=${cursorOf(entries[0]!)}`;
  const next = `${base}?page=${page + 1}&before=${cursorOf(entries.at(-1)!)}`;
  return html`<nav class="pagination" aria-label="分页">${page > 1 && entries.length ? html`<a href="${prev}">上一页</a>` : ''} <span>第 ${page} / ${pages} 页，共 ${total} 条</span> ${page < pages && entries.length ? html`<a href="${next}">下一页</a>` : ''}</nav>`;
}

const breadcrumb = (parts: (readonly [string, string] | string)[]) =>
  html`<nav class="breadcrumb" aria-label="当前位置">${parts.map((p, i) => html`${i ? ' › ' : ''}${typeof p === 'string' ? html`<span aria-current="page">${p}</span>` : html`<a href="${p[0]}">${p[1]}</a>`}`)}</nav>`;

export function cataloguePortalRoutes(deps: AppDeps) {
  const { db } = deps;
  const visits = new VisitRecorder(db);
  // Published pages rendered once (src/core/http/page-cache.ts; what they depend on: page-scopes.ts).
  const itemPages = new PageCache<{ orgId: number; views: number; counted: number }>(ITEM_CACHE);
  const columnPages = new PageCache<{ orgId: number }>(COLUMN_CACHE);
  const sitemapParts = new PageCache<null>(SITEMAP_CACHE);

  const client = (request: FastifyRequest) => ({ address: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
  // The header (search box, 简体/繁體 switch) and the 繁體 conversion come from the portal shell (src/portal).
  const page = (_request: FastifyRequest, title: string, body: SafeHtml, org?: Organization) =>
    // The full name: with several counties on one platform, 县自然资源局 names no one agency.
    portalPage(title, html`${STYLE}${body}`, org ? { siteName: `${org.fullName}政府信息公开` } : {});

  async function orgByCode(code: string): Promise<Organization> {
    const org = await findOrgByCode(db, code);
    if (!org) throw notFound('该机构');
    return org;
  }

  return async (app: FastifyInstance) => {
    visits.start();
    app.addHook('onClose', () => visits.stop());
    // ── Organization home (region: the organizations below it and their newest items)
    app.get('/orgs/:code/catalogue', { schema: { hide: true } }, async (request, reply) => {
      const org = await orgByCode((request.params as { code: string }).code);
      if (REGION_KINDS.includes(org.kind)) {
        const below = (await listOrgs(db, org.path)).filter((o) => o.id !== org.id && !REGION_KINDS.includes(o.kind));
        const latest = await listLiveUnder(db, org.path, 20);
        return reply.type('text/html').send(
          page(request, `${org.fullName}政府信息公开`, html`${searchBox({ org: org.code })}
<section aria-labelledby="latest"><h2 id="latest">最新公开</h2>${latest.length ? entryList(latest) : html`<p>暂无公开信息。</p>`}</section>
<section aria-labelledby="orgs"><h2 id="orgs">各机关政府信息公开</h2><ul class="columns">${below.map((o) => html`<li><a href="/orgs/${o.code}/catalogue">${o.fullName}</a></li>`)}</ul></section>`),
        );
      }
      await ensureCatalogue(db, org.id);
      const [columns, activity] = await Promise.all([listColumns(db, org.id), columnActivity(db, org.id)]);
      const top = columns.filter((c) => c.parentId === null);
      const latestByColumn = new Map<number, LiveListEntry[]>();
      await Promise.all(columns.filter((c) => activity.has(c.id)).map(async (c) => latestByColumn.set(c.id, await listLiveInColumn(db, [c.id], 5, 0))));
      void visits.record(org.id, client(request));
      const columnBlock = (c: Column): SafeHtml => {
        const children = columns.filter((x) => x.parentId === c.id);
        if (c.kind === 'guide') return html`<section class="column"><h3><a href="/orgs/${org.code}/guide">${c.name}</a></h3><p>政府信息的分类、编排体系、获取方式和工作机构联系方式。</p></section>`;
        if (c.kind === 'report') {
          return html`<section class="column"><h3><a href="/columns/${c.id}">${c.name}</a></h3><p><a href="/orgs/${org.code}/reports">历年政府信息公开工作年度报告</a></p>${latestByColumn.get(c.id)?.length ? entryList(latestByColumn.get(c.id)!) : ''}</section>`;
        }
        if (children.length) return html`<section class="column-group"><h2>${c.name}</h2><div class="column-grid">${children.map(columnBlock)}</div></section>`;
        const entries = latestByColumn.get(c.id) ?? [];
        return html`<section class="column"><h3><a href="/columns/${c.id}">${c.name}</a> <span class="muted">${activity.get(c.id)?.count ?? 0} 条</span></h3>${entries.length ? entryList(entries) : html`<p class="muted">暂无信息</p>`}</section>`;
      };
      return reply.type('text/html').send(
        page(
          request,
          '政府信息公开目录',
          html`${breadcrumb([['/', '首页'], [`/orgs/${org.code}`, org.shortName], '政府信息公开'])}${searchBox({ org: org.code })}
<p><a href="/orgs/${org.code}/guide">政府信息公开指南</a> · <a href="/orgs/${org.code}">工作机构联系方式</a> · <a href="/orgs/${org.code}/reports">年度报告</a> · <a href="/apply/${org.code}">依申请公开</a></p>
<div class="column-grid">${top.map(columnBlock)}</div>`,
          org,
        ),
      );
    });

    app.get('/orgs/:code/guide', { schema: { hide: true } }, async (request, reply) => {
      const org = await orgByCode((request.params as { code: string }).code);
      await ensureCatalogue(db, org.id);
      const [columns, ancestors] = await Promise.all([listColumns(db, org.id), ancestorsOf(db, org)]);
      void visits.record(org.id, client(request));
      return reply.type('text/html').send(
        page(request, `${org.fullName}政府信息公开指南`, html`${breadcrumb([['/', '首页'], [`/orgs/${org.code}/catalogue`, org.shortName], '政府信息公开指南'])}${searchBox({ org: org.code })}${guideHtml(org, superiorGovernmentName(org, ancestors), columns, org.updatedAt.slice(0, 10))}`, org),
      );
    });

    // ── Column list
    app.get('/columns/:columnId', { schema: { hide: true } }, async (request, reply) => {
      const { columnId } = request.params as { columnId: string };
      if (!/^\d{1,15}$/.test(columnId)) throw notFound('该栏目');
      const q = request.query as { page?: string; before?: string; after?: string };
      const before = parseCursor(q.before);
      const after = parseCursor(q.after);
      // A link of this page carries a cursor; a typed ?page=N without one is read by offset (first 10,000 pages).
      const pageNo = Math.max(1, Math.min(before || after ? 1_000_000 : 10_000, Number(q.page) || 1));
      const cursorKey = (c: ColumnCursor | null) => (c ? `${c.date ?? '-'}.${c.itemId}` : '');
      const key = `${columnId}|${pageNo}|${cursorKey(before)}|${cursorKey(after)}`;
      const cached = await columnPages.page(
        db,
        key,
        async () => {
          const orgId = await columnOrgId(db, columnId);
          if (orgId === null) throw notFound('该栏目');
          return columnPageScopes(orgId);
        },
        async () => {
          const column = await findColumn(db, Number(columnId));
          if (!column) throw notFound('该栏目');
          const org = (await findOrgById(db, column.orgId))!;
          const columns = await listColumns(db, org.id);
          const ids = [column.id, ...columns.filter((c) => c.parentId === column.id).map((c) => c.id)];
          const list = before ? listLiveInColumnFrom(db, ids, PAGE_SIZE, { before }) : after ? listLiveInColumnFrom(db, ids, PAGE_SIZE, { after }) : listLiveInColumn(db, ids, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE);
          const [entries, total] = await Promise.all([list, countLiveInColumn(db, ids)]);
          const parent = column.parentId ? columns.find((c) => c.id === column.parentId) : undefined;
          const body = page(
            request,
            column.name,
            html`${breadcrumb([['/', '首页'], [`/orgs/${org.code}/catalogue`, org.shortName], ...(parent ? [[`/columns/${parent.id}`, parent.name] as const] : []), column.name])}
${searchBox({ org: org.code, column })}
${column.description ? html`<p class="muted">${column.description}</p>` : ''}
${column.kind === 'report' ? html`<p><a href="/orgs/${org.code}/reports">历年政府信息公开工作年度报告</a></p>` : ''}
${entries.length ? entryList(entries) : html`<p>本栏目暂无信息。</p>`}
${pagination(`/columns/${column.id}`, pageNo, total, entries)}
<p class="small"><a href="/columns/${column.id}/rss.xml">RSS 订阅本栏目</a></p>`,
            org,
          );
          return { html: body, scopes: columnPageScopes(org.id), data: { orgId: org.id } };
        },
      );
      void visits.record(cached.data.orgId, client(request));
      return columnPages.send(request, reply, cached, pageVariant(request));
    });

    app.get('/columns/:columnId/rss.xml', { schema: { hide: true } }, async (request, reply) => {
      const { columnId } = request.params as { columnId: string };
      const column = /^\d{1,15}$/.test(columnId) ? await findColumn(db, Number(columnId)) : undefined;
      if (!column) throw notFound('该栏目');
      const org = (await findOrgById(db, column.orgId))!;
      // Like the column's list page: a parent column's feed carries its child columns' items too.
      const ids = [column.id, ...(await listColumns(db, org.id)).filter((c) => c.parentId === column.id).map((c) => c.id)];
      const entries = await listLiveInColumn(db, ids, 30, 0);
      const base = origin(request);
      const rfc822 = (d: string) => new Date(`${d}T00:00:00+08:00`).toUTCString();
      const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${xml(`${org.fullName} · ${column.name}`)}</title>
<link>${xml(`${base}/columns/${column.id}`)}</link>
<description>${xml(`${org.fullName}政府信息公开：${column.name}`)}</description>
<language>zh-cn</language>
${entries.map((e) => `<item><title>${xml(e.title)}</title><link>${xml(`${base}/items/${e.itemId}`)}</link><guid isPermaLink="false">${xml(e.indexNumber)}</guid><pubDate>${rfc822(e.publishedDate)}</pubDate>${e.docNumber ? `<description>${xml(e.docNumber)}</description>` : ''}</item>`).join('\n')}
</channel></rss>`;
      return reply.type('application/rss+xml; charset=utf-8').send(body);
    });

    // ── Item page and print view
    async function liveItem(request: FastifyRequest) {
      const { itemId } = request.params as { itemId: string };
      const live = /^\d{1,15}$/.test(itemId) ? await findLiveItem(db, Number(itemId)) : undefined;
      if (!live) throw notFound('该信息（可能尚未发布或已撤回）');
      const org = (await findOrgById(db, live.item.orgId))!;
      return { ...live, org, column: { id: live.version.columnId, name: live.columnName } };
    }

    const metaTable = (org: Organization, item: Item, v: Version) => {
      const m = metadataOf(org, item, v);
      const pairs: [string, string | SafeHtml | null][] = [
        ['索引号', m.indexNumber],
        ['发布机构', m.publisher],
        ['文号', m.docNumber],
        ['主题分类', m.topic],
        ['成文日期', m.writtenDate],
        ['发布日期', m.publishedDate],
        ['公开方式', m.disclosureMode],
        // only a policy document has a 有效性; elsewhere the row is left out, not shown as “—”
        ...(m.validity ? [['有效性', html`${m.validity}${m.validityDate && item.validity !== 'effective' ? `（${m.validityDate}）` : ''}`] as [string, SafeHtml]] : []),
      ];
      const cell = ([label, value]: [string, string | SafeHtml | null], wide = false) => html`<th scope="row">${label}</th><td${wide ? html` colspan="3"` : ''}>${value || '—'}</td>`;
      const rows = Array.from({ length: Math.ceil(pairs.length / 2) }, (_, i) => pairs.slice(i * 2, i * 2 + 2));
      return html`<table class="meta" aria-label="信息元数据"><tbody>
${rows.map((r) => html`<tr>${r.length === 2 ? html`${cell(r[0]!)}${cell(r[1]!)}` : cell(r[0]!, true)}</tr>`)}
</tbody></table>`;
    };

    async function renderItem(request: FastifyRequest) {
      const { item, version: v, org, column } = await liveItem(request);
      const [attachments, links] = await Promise.all([listAttachments(db, v.id), listLinks(db, item.id)]);
      const ended = v.docKind && item.validity !== 'effective';
      const linked = (list: { itemId: number; title: string; live: boolean }[], label: string) => {
        const shown = list.filter((l) => l.live);
        return shown.length ? html`<section class="related"><h2>${label}</h2><ul>${shown.map((l) => html`<li><a href="/items/${l.itemId}">${l.title}</a></li>`)}</ul></section>` : '';
      };
      const body = page(
        request,
        v.title,
        html`${breadcrumb([['/', '首页'], [`/orgs/${org.code}/catalogue`, org.shortName], [`/columns/${column.id}`, column.name], '正文'])}
${searchBox({ org: org.code })}
${metaTable(org, item, v)}
${ended ? html`<p class="validity-notice" role="note">本文件已${VALIDITY_LABELS[item.validity]}${item.validityDate ? `（${item.validityDate}）` : ''}${item.validityNote ? `：${item.validityNote}` : ''}。</p>` : ''}
<article class="article">${v.summary ? html`<p class="summary">${v.summary}</p>` : ''}${bodyHtml(v.body)}</article>
${attachments.length ? html`<section class="attachments"><h2>附件</h2><ul>${attachments.map((a) => html`<li><a href="/attachments/${a.id}" download>${a.fileName}</a> <span class="muted">${Math.ceil(a.sizeBytes / 1024)} KB</span></li>`)}</ul></section>` : ''}
${linked(links.interpretations, '相关解读')}${linked(links.policies, '解读的政策文件')}
<p class="item-foot"><span>浏览次数：${trustedHtml(VIEW_COUNT)}</span> · <a href="/items/${item.id}/print">打印本页</a></p>`,
        org,
      );
      // The views stored and those this process holds unwritten, as of rendering; later ones are added per request.
      return { html: body, scopes: itemPageScopes(item.id, org.id), data: { orgId: org.id, views: item.viewCount + visits.pendingItemViews(item.id), counted: visits.itemViewsCounted(item.id) } };
    }

    app.get('/items/:itemId', { schema: { hide: true } }, async (request, reply) => {
      const { itemId } = request.params as { itemId: string };
      if (!/^\d{1,15}$/.test(itemId)) throw notFound('该信息（可能尚未发布或已撤回）');
      const id = Number(itemId);
      const cached = await itemPages.page(
        db,
        `${id}`,
        async () => {
          const orgId = await itemOrgId(db, itemId);
          if (orgId === null) throw notFound('该信息（可能尚未发布或已撤回）');
          return itemPageScopes(id, orgId);
        },
        () => renderItem(request),
      );
      // A page from the cache (or a 304) is a view like any other.
      await visits.record(cached.data.orgId, client(request), id);
      const views = cached.data.views + Math.max(0, visits.itemViewsCounted(id) - cached.data.counted);
      return itemPages.send(request, reply, cached, pageVariant(request), { fill: [VIEW_COUNT, String(views)] });
    });

    app.get('/items/:itemId/print', { schema: { hide: true } }, async (request, reply) => {
      const { item, version: v, org } = await liveItem(request);
      return reply.type('text/html').send(
        documentShell({
          title: v.title,
          bodyClass: 'print',
          body: html`${STYLE}<main class="print-view"><p class="muted">${org.fullName} · 政府信息公开</p><h1>${v.title}</h1>${metaTable(org, item, v)}<article class="article">${bodyHtml(v.body)}</article>
<p class="print-actions noprint" hidden><button type="button" data-action="print">打印</button> <button type="button" class="secondary" data-action="close" data-back="/items/${item.id}">关闭</button></p>
<noscript><p class="muted noprint"><a href="/items/${item.id}">返回</a> · 使用浏览器的打印功能打印本页</p></noscript></main>
<script src="/assets/print.js" defer></script>`,
        }),
      );
    });

    // 条例第二十四条：下载. Only attachments of live versions.
    app.get('/attachments/:attachmentId', { schema: { hide: true } }, async (request, reply) => {
      const { attachmentId } = request.params as { attachmentId: string };
      const a = /^\d{1,15}$/.test(attachmentId) ? await findLiveAttachment(db, Number(attachmentId)) : undefined;
      const content = a && (await attachmentContent(db, a.orgId, a.sha256));
      if (!a || !content) throw notFound('该附件');
      return sendFile(reply, a, content);
    });

    // ── Search
    const searchQuery = z.object({
      q: z.string().max(200).optional().default(''),
      org: z.string().max(40).optional(),
      column: z.coerce.number().int().positive().optional().catch(undefined),
      year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
      docNumber: z.string().max(100).optional(),
      order: z.enum(['relevance', 'date']).optional().catch(undefined),
      page: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
    });

    app.get('/search', { schema: { hide: true } }, async (request, reply) => {
      const q = searchQuery.parse(request.query);
      const org = q.org ? await findOrgByCode(db, q.org) : undefined;
      const result = await cachedSearch(db, { q: q.q, org: org?.code ?? null, columnId: q.column ?? null, year: q.year ?? null, docNumber: q.docNumber ?? null, order: q.order, page: q.page });
      const params = (over: Record<string, string | number | undefined>) => {
        const p = new URLSearchParams();
        const all = { q: q.q, org: org?.code, column: q.column, year: q.year, docNumber: q.docNumber, order: q.order, ...over };
        for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') p.set(k, String(v));
        return `/search?${p}`;
      };
      const thisYear = currentYear();
      const asked = Boolean(q.q.trim() || q.docNumber);
      return reply.type('text/html').send(
        page(
          request,
          '搜索政府信息',
          html`<form class="searchbox" method="get" action="/search" role="search">
  <label for="q">关键词</label> <input id="q" name="q" value="${q.q}" placeholder="标题、正文或文号，简体繁體均可">
  <label for="docNumber">文号</label> <input id="docNumber" name="docNumber" value="${q.docNumber ?? ''}" size="14">
  <label for="year">年份</label> <select id="year" name="year"><option value="">不限</option>${Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => html`<option value="${y}"${q.year === y ? html` selected` : ''}>${y}</option>`)}</select>
  ${org ? html`<label class="inline"><input type="checkbox" name="org" value="${org.code}" checked> 仅限${org.fullName}</label>` : ''}
  ${q.column ? html`<label class="inline"><input type="checkbox" name="column" value="${q.column}" checked> 仅本栏目</label>` : ''}
  <button type="submit">搜索</button>
</form>
${asked
  ? html`<p class="result-count" role="status">找到 ${result.totalCapped ? `${result.total} 条以上` : `${result.total} 条`}结果${result.terms.length ? html`（${result.terms.join(' ')}）` : ''} ·
  排序：${q.order === 'date' ? html`<a href="${params({ order: 'relevance', page: undefined })}">相关度</a> | <strong>日期</strong>` : html`<strong>相关度</strong> | <a href="${params({ order: 'date', page: undefined })}">日期</a>`}</p>
<ol class="results">${result.hits.map(
    (h) => html`<li><h2><a href="/items/${h.itemId}">${highlight(h.title, result.highlights)}</a></h2>
  <p class="excerpt">${highlight(h.excerpt, result.highlights)}…</p>
  <p class="meta">${h.orgFullName} · 索引号 ${h.indexNumber}${h.docNumber ? html` · ${highlight(h.docNumber, result.highlights)}` : ''} · <time datetime="${h.publishedDate}">${h.publishedDate}</time></p></li>`,
  )}</ol>
${!result.hits.length && result.total ? html`<p>第 ${result.page} 页已超出列出的结果（前 ${result.total} 条）。请加上机构、栏目、年份或更多关键词缩小范围。</p>` : ''}
${result.total > result.pageSize || result.totalCapped ? html`<nav class="pagination" aria-label="分页">${result.page > 1 ? html`<a href="${params({ page: result.page - 1 })}">上一页</a>` : ''} 第 ${result.page} 页 ${(result.page * result.pageSize < result.total || (result.totalCapped && result.hits.length === result.pageSize)) && result.page < 50 ? html`<a href="${params({ page: result.page + 1 })}">下一页</a>` : ''}</nav>` : ''}`
  : html`<p>请输入关键词。可以输入简体或繁體；关键词自动分词，结果须包含每个词，完整包含关键词的排在前面；多个关键词用空格分开。</p>`}`,
          org,
        ),
      );
    });

    // ── Sitemaps (sitemaps.org): an index of parts of at most 50,000 URLs — the organizations' pages
    // and columns, then the live items by blocks of ids, each part one indexed range read.
    const urlset = (urls: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>`;
    const url = (base: string, loc: string, lastmod?: string) => `<url><loc>${xml(base + loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    const XML_TYPE = 'application/xml; charset=utf-8';
    const sendXml = (reply: FastifyReply, body: string) => reply.type(XML_TYPE).send(body);

    app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
      const base = origin(request);
      const range = await liveItemIdRange(db);
      const parts = range ? Array.from({ length: Math.floor(range.max / SITEMAP_PART) - Math.floor(range.min / SITEMAP_PART) + 1 }, (_, i) => Math.floor(range.min / SITEMAP_PART) + i) : [];
      const entry = (loc: string) => `<sitemap><loc>${xml(base + loc)}</loc></sitemap>`;
      return sendXml(
        reply,
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${[entry('/sitemap-pages.xml'), ...parts.map((k) => entry(`/sitemap-items-${k}.xml`))].join('\n')}\n</sitemapindex>`,
      );
    });

    app.get('/sitemap-pages.xml', { schema: { hide: true } }, async (request, reply) => {
      const base = origin(request);
      const [orgs, columns] = await Promise.all([listOrgs(db), listLiveColumnIds(db)]);
      return sendXml(reply, urlset([
        url(base, '/'),
        ...orgs.map((o) => url(base, `/orgs/${o.code}/catalogue`)),
        ...orgs.filter((o) => !REGION_KINDS.includes(o.kind)).map((o) => url(base, `/orgs/${o.code}/guide`)),
        ...columns.map((id) => url(base, `/columns/${id}`)),
      ]));
    });

    app.get('/sitemap-items-:part.xml', { schema: { hide: true } }, async (request, reply) => {
      const part = (request.params as { part: string }).part;
      if (!/^\d{1,9}$/.test(part)) throw notFound('该网站地图');
      const base = origin(request);
      // Rendered once per version of its block (50,000 URLs cost about a second to read and write).
      const scopes = [sitemapScope(Number(part))];
      const cached = await sitemapParts.page(db, `${base}|${part}`, async () => scopes, async () => {
        const items = await listLiveForSitemapPart(db, Number(part) * SITEMAP_PART, (Number(part) + 1) * SITEMAP_PART);
        return { html: urlset(items.map((i) => url(base, `/items/${i.itemId}`, i.publishedDate))), scopes, data: null };
      });
      return sitemapParts.send(request, reply, cached, 'xml', { type: XML_TYPE });
    });
  };
}

