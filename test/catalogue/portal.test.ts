// The public catalogue: organization home, column pages with pagination, item pages with the
// metadata block and 有效性, search in 简体 and 繁體 with filters, guide, RSS, sitemap, print and
// 繁體 views, view counts and daily PV/UV without personal data, and the JSON search API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { todayInChina } from '../../src/core/date.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { changeItemValidity, ensureCatalogue, importPublishedItem, setInterpretationLink, withdrawItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let anon: Client;
const ids: Record<string, number> = {};
let noticeColumn = 0;
let policyColumn = 0;

before(async () => {
  t = await testApp();
  anon = new Client(t.app);
  const ops = cliContext();
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await ensureCatalogue(t.db, org.id);
  const cols = await listColumns(t.db, org.id);
  noticeColumn = cols.find((c) => c.name === '通知公告')!.id;
  policyColumn = cols.find((c) => c.name === '政策文件')!.id;
  const interpColumn = cols.find((c) => c.name === '政策解读')!.id;
  for (let i = 1; i <= 23; i++) {
    await importPublishedItem(t.db, ops, org.id, {
      content: { columnId: noticeColumn, title: `关于第${i}批林木采伐许可的公示`, body: `经审查，以下单位的林木采伐申请符合条件。编号${1000 + i}。` },
      publishedDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`,
    });
  }
  ids.policy = (await importPublishedItem(t.db, ops, org.id, {
    content: { columnId: policyColumn, title: '青山县森林防火管理办法', summary: '规范森林防火工作', body: '第一条　为了加强森林防火工作，保护森林资源，制定本办法。\n\n第二条　本办法适用于本县行政区域。', docNumber: '青林发〔2023〕5号', writtenDate: '2023-04-01', docKind: 'normative', topic: '林业' },
    publishedDate: '2023-04-06',
  })).id;
  ids.interp = (await importPublishedItem(t.db, ops, org.id, {
    content: { columnId: interpColumn, title: '《青山县森林防火管理办法》政策解读', body: '一、制定背景……' }, publishedDate: '2023-04-06',
  })).id;
  await setInterpretationLink(t.db, ops, ids.policy, ids.interp, true);
  await changeItemValidity(t.db, ops, ids.policy, { validity: 'abolished', date: '2025-03-01', note: '被青林发〔2025〕2号废止' });
  const other = (await findOrgByCode(t.db, 'QS-SL'))!;
  await ensureCatalogue(t.db, other.id);
  const slCols = await listColumns(t.db, other.id);
  await importPublishedItem(t.db, ops, other.id, {
    content: { columnId: slCols.find((c) => c.name === '工作动态')!.id, title: '水利局开展汛前检查', body: '为做好森林和水库安全度汛工作……' }, publishedDate: todayInChina(),
  });
});
after(() => t.close());

test('organization home shows the standard columns with their newest items and links to the guide', async () => {
  const res = await anon.get('/orgs/QS-LY/catalogue');
  assert.equal(res.statusCode, 200);
  for (const s of ['政府信息公开指南', '法定主动公开内容', '政策文件', '通知公告', '政府信息公开年报', '青山县森林防火管理办法', '/orgs/QS-LY/guide', 'role="search"']) assert.ok(res.body.includes(s), s);
  assert.ok(!res.body.includes('<script'), 'no JavaScript');
  assert.ok(!/(src|href)="https?:/.test(res.body), 'no external assets');
});

test('column pages: newest first, 20 per page, with pagination and RSS', async () => {
  const p1 = await anon.get(`/columns/${noticeColumn}`);
  assert.equal(p1.statusCode, 200);
  assert.equal((p1.body.match(/<li><span class="entry-title"><a href="\/items\//g) ?? []).length, 20);
  assert.match(p1.body, /第 1 \/ 2 页，共 23 条/);
  const p2 = await anon.get(`/columns/${noticeColumn}?page=2`);
  assert.equal((p2.body.match(/<li><span class="entry-title"><a href="\/items\//g) ?? []).length, 3);
  // the links continue from an item (keyset), both ways, and give the same pages
  const items = (body: string) => [...body.matchAll(/<li><span class="entry-title"><a href="\/items\/(\d+)"/g)].map((m) => m[1]);
  const next = /<a href="([^"]+)">下一页<\/a>/.exec(p1.body)![1]!.replaceAll('&amp;', '&');
  assert.match(next, /^\/columns\/\d+\?page=2&before=\d{4}-\d{2}-\d{2}\.\d+$/);
  const viaCursor = await anon.get(next);
  assert.deepEqual(items(viaCursor.body), items(p2.body));
  assert.match(viaCursor.body, /第 2 \/ 2 页，共 23 条/);
  const back = /<a href="([^"]+)">上一页<\/a>/.exec(viaCursor.body)![1]!;
  assert.equal(back, `/columns/${noticeColumn}`);
  // what 上一页 of a page 3 would ask: the items newer than the first of page 2 are page 1, newest first
  const [, firstId, firstDate] = /<a href="\/items\/(\d+)">[\s\S]*?<time datetime="([^"]+)">/.exec(viaCursor.body)!;
  const newer = await anon.get(`/columns/${noticeColumn}?page=1&after=${firstDate}.${firstId}`);
  assert.deepEqual(items(newer.body), items(p1.body));
  assert.equal((await anon.get(`/columns/${noticeColumn}?before=nonsense`)).statusCode, 200, 'a bad cursor is the first page');
  const rss = await anon.get(`/columns/${noticeColumn}/rss.xml`);
  assert.equal(rss.statusCode, 200);
  assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
  assert.match(rss.body, /<rss version="2.0">/);
  assert.match(rss.body, /<guid isPermaLink="false">QS-LY\/2024-\d{5}<\/guid>/);
  assert.equal((await anon.get('/columns/999999')).statusCode, 404);
});

test('item page: metadata block, 有效性 marked on the original, interpretations both ways, view counter, print view', async () => {
  const res = await anon.get(`/items/${ids.policy}`);
  assert.equal(res.statusCode, 200);
  for (const s of ['索引号', 'QS-LY/2023-00001', '发布机构', '青山县林业局', '文号', '青林发〔2023〕5号', '成文日期', '2023-04-01', '发布日期', '2023-04-06', '有效性', '废止（2025-03-01）']) assert.ok(res.body.includes(s), s);
  assert.match(res.body, /本文件已废止（2025-03-01）：被青林发〔2025〕2号废止/);
  assert.match(res.body, /相关解读[\s\S]*《青山县森林防火管理办法》政策解读/);
  assert.match((await anon.get(`/items/${ids.interp}`)).body, /解读的政策文件[\s\S]*青山县森林防火管理办法/);
  assert.match(res.body, /浏览次数：1/);
  assert.match((await anon.get(`/items/${ids.policy}`)).body, /浏览次数：2/);
  const print = await anon.get(`/items/${ids.policy}/print`);
  assert.equal(print.statusCode, 200);
  assert.ok(!print.body.includes('portal-header'));
  assert.match(print.body, /QS-LY\/2023-00001/);
});

test('search: simplified and traditional input, filters, date order, highlighted snippets', async () => {
  const simple = await anon.get(`/search?q=${encodeURIComponent('森林防火')}`);
  assert.match(simple.body, /找到 2 条结果/, 'the 办法 and its 解读; 森林和水库 is not 森林防火');
  assert.match(simple.body, /<mark>森林防火<\/mark>管理办法/);
  const trad = await anon.get(`/search?q=${encodeURIComponent('森林防火管理辦法')}`);
  assert.match(trad.body, /找到 2 条结果/, 'the 办法 and its 解读');
  const org = await anon.get(`/search?q=${encodeURIComponent('森林')}&org=QS-SL`);
  assert.match(org.body, /找到 1 条结果/);
  assert.match(org.body, /水利局开展汛前检查/);
  const byNumber = await anon.get(`/search?docNumber=${encodeURIComponent('青林发〔2023〕')}`);
  assert.match(byNumber.body, /找到 1 条结果/);
  const year = await anon.get(`/search?q=${encodeURIComponent('采伐')}&year=2024`);
  assert.match(year.body, /找到 23 条结果/);
  assert.match((await anon.get(`/search?q=${encodeURIComponent('采伐')}&year=2023`)).body, /找到 0 条结果/);
  assert.match((await anon.get(`/search?q=${encodeURIComponent('采伐')}&column=${noticeColumn}`)).body, /找到 23 条结果/);
  assert.match((await anon.get(`/search?q=${encodeURIComponent('采伐')}&column=${policyColumn}`)).body, /找到 0 条结果/);
  assert.match((await anon.get(`/columns/${noticeColumn}`)).body, /name="column" value="\d+" checked> 仅本栏目/);
  const dated = await anon.get(`/search?q=${encodeURIComponent('采伐 公示')}&order=date`);
  const dates = [...dated.body.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]!);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.match((await anon.get('/search?q=' + encodeURIComponent('<script>'))).body, /找到 0 条结果/);
});

test('a cached search result never shows an item withdrawn since', async () => {
  const q = `/search?q=${encodeURIComponent('第7批林木采伐')}`;
  assert.match((await anon.get(q)).body, /找到 1 条结果/);
  const [row] = await t.db.query<{ item_id: number }>(`select item_id from catalogue_search where title = '关于第7批林木采伐许可的公示'`);
  await withdrawItem(t.db, cliContext(), row!.item_id, { reason: '测试撤回' });
  assert.doesNotMatch((await anon.get(q)).body, /关于第7批林木采伐许可的公示/);
});

test('JSON search API: anonymous, the same results', async () => {
  const res = await anon.request('GET', `/api/v1/catalogue/search?q=${encodeURIComponent('森林防火管理辦法')}`, { headers: { accept: 'application/json' } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.total, 2);
  assert.deepEqual(body.terms, ['森林防火管理办法']);
  assert.equal(body.hits[0].indexNumber.startsWith('QS-LY/2023-'), true);
  assert.equal(body.hits[0].url, `/items/${body.hits[0].id}`);
});

test('guide generated from the organization: contacts, columns, time limits, remedies', async () => {
  const res = await anon.get('/orgs/QS-LY/guide');
  assert.equal(res.statusCode, 200);
  for (const s of ['青山县林业局', '0571-80000103', '青山县人民路 1 号', '20 个工作日', '第三十三条', '行政复议', '/apply/QS-LY', `/columns/${policyColumn}`]) assert.ok(res.body.includes(s), s);
});

test('繁體 view: a cookie set by a link, pages converted, back to 简体', async () => {
  const c = new Client(t.app);
  const set = await c.get(`/variant?to=hant&back=${encodeURIComponent(`/items/${ids.policy}`)}`);
  assert.equal(set.statusCode, 303);
  assert.equal(set.headers.location, `/items/${ids.policy}`);
  const page = await c.get(`/items/${ids.policy}`);
  assert.match(page.body, /<html lang="zh-TW">/);
  assert.match(page.body, /發佈機構/);
  assert.match(page.body, /青山縣森林防火管理辦法/);
  await c.get('/variant?to=hans&back=/');
  assert.match((await c.get(`/items/${ids.policy}`)).body, /发布机构/);
  assert.equal((await c.get('/variant?to=hant&back=//evil.example')).headers.location, '/', 'no open redirect');
});

test('region home and sitemap.xml', async () => {
  const region = await anon.get('/orgs/SF-YL-QS/catalogue');
  assert.equal(region.statusCode, 200);
  assert.match(region.body, /水利局开展汛前检查/);
  assert.match(region.body, /\/orgs\/QS-LY\/catalogue/);
  // a sitemap index of parts of at most 50,000 URLs: the pages, then the items by blocks of ids
  const index = await anon.get('/sitemap.xml');
  assert.equal(index.statusCode, 200);
  assert.match(index.body, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  const parts = [...index.body.matchAll(/<loc>https?:\/\/[^/]+(\/sitemap-[^<]+)<\/loc>/g)].map((m) => m[1]!);
  assert.equal(parts[0], '/sitemap-pages.xml');
  assert.deepEqual(parts.slice(1), [`/sitemap-items-${Math.floor(ids.policy! / 50_000)}.xml`]);
  const pages = await anon.get('/sitemap-pages.xml');
  assert.match(pages.body, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  assert.match(pages.body, /\/orgs\/QS-LY\/catalogue<\/loc>/);
  const map = await anon.get(parts[1]!);
  assert.equal(map.statusCode, 200);
  assert.match(String(map.headers['content-type']), /^application\/xml/);
  assert.ok(map.body.includes(`/items/${ids.policy}</loc><lastmod>2023-04-06</lastmod>`));
  assert.equal((await anon.get('/sitemap-items-x.xml')).statusCode, 404);
});

test('RSS of a parent column carries its child columns’ items, like its list page', async () => {
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  const parent = (await listColumns(t.db, org.id)).find((c) => c.name === '法定主动公开内容')!;
  const list = await anon.get(`/columns/${parent.id}`);
  assert.match(list.body, /关于第23批林木采伐许可的公示/);
  const rss = await anon.get(`/columns/${parent.id}/rss.xml`);
  assert.equal(rss.statusCode, 200);
  assert.match(rss.body, /<title>青山县森林防火管理办法<\/title>/, 'an item of the child column 政策文件');
  assert.match(rss.body, /<title>关于第23批林木采伐许可的公示<\/title>/, 'an item of the child column 通知公告');
});

test('daily PV and UV are stored as counts; visitor hashes and salts of past days are deleted', async () => {
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await anon.get('/orgs/QS-LY/catalogue');
  await new Client(t.app).get('/orgs/QS-LY/catalogue', { 'user-agent': 'another browser' });
  await t.app.close(); // flushes the buffered counts
  const [day] = await t.db.query<{ pv: number; uv: number }>('select pv, uv from catalogue_daily_visits where org_id = $1 and day = $2', [org.id, todayInChina()]);
  assert.ok(Number(day!.pv) >= 5);
  assert.equal(day!.uv, 2, 'two browsers');
  const [views] = await t.db.query<{ view_count: number }>('select view_count from catalogue_items where id = $1', [ids.policy]);
  assert.equal(views!.view_count, 4, 'two views here and two in the 繁體 test');
  const hashes = await t.db.query<{ hash: string }>('select hash from catalogue_visitor_hashes');
  assert.ok(hashes.every((h) => /^[\w-]{22}$/.test(h.hash)), 'only salted hashes, no addresses');
  await t.db.query(`insert into catalogue_visitor_hashes (org_id, day, hash) values ($1, '2020-01-01', 'x'), ($1, '2020-01-01', 'y')`, [org.id]);
  await t.db.query(`insert into catalogue_daily_visits (org_id, day, pv) values ($1, '2020-01-01', 5)`, [org.id]);
  await t.db.query(`insert into catalogue_visit_salts (day, salt) values ('2020-01-01', 's')`);
  const { forgetVisitorsBefore } = await import('../../src/catalogue/store.ts');
  await t.db.transaction((tx) => forgetVisitorsBefore(tx, todayInChina()));
  const [old] = await t.db.query<{ uv: number }>(`select uv from catalogue_daily_visits where org_id = $1 and day = '2020-01-01'`, [org.id]);
  assert.equal(old!.uv, 2);
  assert.equal((await t.db.query(`select 1 from catalogue_visitor_hashes where day < $1`, [todayInChina()])).length, 0);
  assert.equal((await t.db.query(`select 1 from catalogue_visit_salts where day < $1`, [todayInChina()])).length, 0);
});
