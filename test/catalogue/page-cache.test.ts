// Published pages rendered once (issue 19 §2): item pages, column pages and the portal home come from
// each process's page cache, and every change they show — publication, withdrawal, a new 解读, an
// organization renamed, a column changed — reaches the pages of a second app instance on the same
// database at once. A withdrawn item is gone from the item page, the column page, the home page,
// search and the sitemap as soon as the withdrawal has returned. ETag / 304 and Cache-Control;
// views still counted; nothing of a signed-in reader on a cached page.
//
// On PostgreSQL the two instances have their own connection pools, as two processes would; on PGlite
// (one process by nature) they share the database but not their caches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/server.ts';
import type { Database } from '../../src/core/db/database.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { CACHED_PAGE_CONTROL } from '../../src/core/http/page-cache.ts';
import { todayInChina } from '../../src/core/date.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { updateOrg } from '../../src/orgs/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem, setInterpretationLink, updateColumn, withdrawItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import type { Column } from '../../src/catalogue/model.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

const ops = cliContext();
let t: TestApp;
let dbB: Database;
let appB: FastifyInstance;
/** A reader of each instance. */
let a: Client;
let b: Client;
let orgId = 0;
let otherOrgId = 0;
let notices: Column;
let policies: Column;
let interps: Column;
let otherColumn: Column;

// Dated today: the newest on the portal home, above the demo data.
const publish = async (org: number, column: number, title: string, date = todayInChina()) =>
  (await importPublishedItem(t.db, ops, org, { content: { columnId: column, title, body: `${title}的正文。` }, publishedDate: date })).id;

/**
 * Changes a live title behind the commands' back (no version bumped): a page that still shows the old
 * title afterwards was answered from the cache.
 */
const sneakTitle = (itemId: number, title: string) =>
  t.db.query('update catalogue_versions set title = $2 where id = (select published_version_id from catalogue_items where id = $1)', [itemId, title]);

const body = async (client: Client, url: string) => {
  const res = await client.get(url);
  assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
  return res.body;
};

before(async () => {
  t = await testApp();
  dbB = t.url ? await openPostgres(t.url, { max: 4 }) : t.db;
  appB = await buildApp({ db: dbB, config: t.config });
  a = new Client(t.app);
  b = new Client(appB);
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  const other = (await findOrgByCode(t.db, 'QS-SL'))!;
  orgId = org.id;
  otherOrgId = other.id;
  await ensureCatalogue(t.db, org.id);
  await ensureCatalogue(t.db, other.id);
  const cols = await listColumns(t.db, org.id);
  notices = cols.find((c) => c.name === '通知公告')!;
  policies = cols.find((c) => c.name === '政策文件')!;
  interps = cols.find((c) => c.name === '政策解读')!;
  otherColumn = (await listColumns(t.db, other.id)).find((c) => c.name === '工作动态')!;
});

after(async () => {
  await appB.close();
  if (dbB !== t.db) await dbB.close();
  await t.close();
});

test('an item page is rendered once: the cached page is served until something it shows changes', async () => {
  const id = await publish(orgId, notices.id, '关于林区防火期的通告');
  const first = await body(b, `/items/${id}`);
  assert.match(first, /关于林区防火期的通告/);
  await sneakTitle(id, '改过的标题');
  assert.match(await body(b, `/items/${id}`), /关于林区防火期的通告/, 'served from the cache');
  // A publication elsewhere (another organization) does not touch this page.
  await publish(otherOrgId, otherColumn.id, '水利局的新消息');
  assert.match(await body(b, `/items/${id}`), /关于林区防火期的通告/, 'not invalidated by an unrelated change');
  // Instance A never had it: it renders from the database.
  assert.match(await body(a, `/items/${id}`), /改过的标题/);
});

test('publication: the column page and the portal home of the other instance show the new item at once', async () => {
  await body(b, `/columns/${notices.id}`);
  await body(b, '/');
  const id = await publish(orgId, notices.id, '关于春季植树造林的通知');
  assert.match(await body(b, `/columns/${notices.id}`), new RegExp(`/items/${id}"`));
  assert.match(await body(b, '/'), /关于春季植树造林的通知/);
  assert.match(await body(b, `/items/${id}`), /关于春季植树造林的通知/);
});

test('withdrawal: gone from the item page, the column page, the home page, search and the sitemap of both instances at once', async () => {
  const id = await publish(orgId, notices.id, '关于松材线虫病疫木清理的公告');
  for (const c of [a, b]) {
    assert.match(await body(c, `/items/${id}`), /松材线虫病疫木清理/);
    assert.match(await body(c, `/columns/${notices.id}`), /松材线虫病疫木清理/);
    assert.match(await body(c, '/'), /松材线虫病疫木清理/);
    assert.match(await body(c, `/search?q=${encodeURIComponent('松材线虫病')}`), new RegExp(`/items/${id}"`));
    assert.match(await body(c, `/sitemap-items-${Math.floor(id / 50_000)}.xml`), new RegExp(`/items/${id}<`));
  }
  const sitemapTag = String((await a.get(`/sitemap-items-${Math.floor(id / 50_000)}.xml`)).headers.etag);
  await withdrawItem(t.db, ops, id, { reason: '内容有误，撤回更正' });
  for (const c of [b, a]) {
    const page = await c.get(`/items/${id}`);
    assert.equal(page.statusCode, 404, 'never served from a cache once withdrawn');
    assert.equal((await c.get(`/items/${id}`, { 'if-none-match': '*' })).statusCode, 404, 'nor confirmed by a 304');
    assert.doesNotMatch(await body(c, `/columns/${notices.id}`), /松材线虫病疫木清理/);
    assert.doesNotMatch(await body(c, '/'), /松材线虫病疫木清理/);
    assert.doesNotMatch(await body(c, `/search?q=${encodeURIComponent('松材线虫病')}`), new RegExp(`/items/${id}"`));
    assert.doesNotMatch(await body(c, `/sitemap-items-${Math.floor(id / 50_000)}.xml`), new RegExp(`/items/${id}<`));
    assert.equal((await c.get(`/sitemap-items-${Math.floor(id / 50_000)}.xml`, { 'if-none-match': sitemapTag })).statusCode, 200, 'the old part is not confirmed');
  }
});

test('a new 解读: the policy page of the other instance lists it at once', async () => {
  const policy = await publish(orgId, policies.id, '青山县林地保护利用管理办法');
  assert.doesNotMatch(await body(b, `/items/${policy}`), /相关解读/);
  const interp = await publish(orgId, interps.id, '《青山县林地保护利用管理办法》政策解读');
  await setInterpretationLink(t.db, ops, policy, interp, true);
  const page = await body(b, `/items/${policy}`);
  assert.match(page, /相关解读/);
  assert.match(page, new RegExp(`/items/${interp}"`));
  assert.match(await body(b, `/items/${interp}`), /解读的政策文件/);
  // Withdrawing the 解读 takes it off the policy's page too.
  await withdrawItem(t.db, ops, interp, { reason: '解读将重新撰写' });
  assert.doesNotMatch(await body(b, `/items/${policy}`), /相关解读/);
});

test('an organization renamed: its item pages and the portal home of the other instance show the new name', async () => {
  const id = await publish(orgId, notices.id, '关于护林员招聘的公告');
  assert.match(await body(b, `/items/${id}`), /青山县林业局/);
  assert.match(await body(b, '/'), /青山县林业局/);
  await body(b, `/columns/${notices.id}`);
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await updateOrg(t.db, ops, org.id, {
    kind: org.kind, fullName: '青山县林业和草原局', shortName: '县林草局', code: org.code, indexTemplate: org.indexTemplate,
    address: org.address, phone: org.phone, fax: org.fax, email: org.email, officeHours: org.officeHours, website: org.website, reportDeadline: org.reportDeadline,
  });
  assert.match(await body(b, `/items/${id}`), /青山县林业和草原局/);
  assert.match(await body(b, '/'), /青山县林业和草原局/);
  assert.match(await body(b, `/columns/${notices.id}`), /县林草局/);
});

test('a column changed: its name on the column page and in the breadcrumb of its items, on the other instance', async () => {
  const id = await publish(orgId, notices.id, '关于森林防火宣传月的通知');
  assert.match(await body(b, `/items/${id}`), />通知公告</);
  assert.match(await body(b, `/columns/${notices.id}`), /<h1>通知公告<\/h1>/);
  await updateColumn(t.db, ops, notices.id, { name: '通知公示', parentId: notices.parentId, kind: notices.kind, updateDays: notices.updateDays, description: notices.description });
  assert.match(await body(b, `/items/${id}`), />通知公示</);
  assert.match(await body(b, `/columns/${notices.id}`), /<h1>通知公示<\/h1>/);
});

test('ETag and 304: a weak tag per page version and view, Cache-Control a proxy can honour, the view still counted', async () => {
  const id = await publish(orgId, notices.id, '关于野生动物保护宣传的通知');
  const reader = new Client(appB);
  const first = await reader.get(`/items/${id}`);
  assert.equal(first.statusCode, 200);
  const etag = String(first.headers.etag);
  assert.match(etag, /^W\/"[^"]+"$/);
  assert.equal(first.headers['cache-control'], CACHED_PAGE_CONTROL);
  assert.match(String(first.headers.vary), /Cookie/i);
  assert.equal(first.headers['set-cookie'], undefined, 'a shared page sets no cookie');
  assert.match(first.body, /浏览次数：1</);

  const again = await reader.get(`/items/${id}`, { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, etag);
  assert.match((await reader.get(`/items/${id}`)).body, /浏览次数：3</, 'the 304 was a view too');

  // The 繁體 view is another representation: another tag, and the 简体 tag does not confirm it.
  await reader.get('/variant?to=hant&back=/');
  const hant = await reader.get(`/items/${id}`, { 'if-none-match': etag });
  assert.equal(hant.statusCode, 200);
  assert.notEqual(hant.headers.etag, etag);
  assert.match(hant.body, /關於野生動物保護宣傳的通知/);
  // Converted once for every 繁體 reader, the view count still filled in per request.
  const count = (page: string) => Number(/瀏覽次數：(\d+)</.exec(page)?.[1]);
  const hantAgain = await reader.get(`/items/${id}`);
  assert.equal(count(hantAgain.body), count(hant.body) + 1);
  assert.doesNotMatch(hantAgain.body, /gk:views/);
  await reader.get('/variant?to=hans&back=/');

  // A change of the page gives a new tag: the old one no longer answers 304.
  await updateColumn(t.db, ops, policies.id, { name: '规范性文件', parentId: policies.parentId, kind: policies.kind, updateDays: policies.updateDays, description: policies.description });
  const changed = await reader.get(`/items/${id}`, { 'if-none-match': etag });
  assert.equal(changed.statusCode, 200);
  assert.notEqual(changed.headers.etag, etag);

  // Column pages, the home page and the sitemap's parts carry tags too.
  for (const url of [`/columns/${notices.id}`, '/', `/sitemap-items-${Math.floor(id / 50_000)}.xml`]) {
    const r = await reader.get(url);
    assert.ok(r.headers.etag, url);
    assert.equal((await reader.get(url, { 'if-none-match': String(r.headers.etag) })).statusCode, 304, url);
  }
});

test('no personal or session state on a cached page: a signed-in member of staff gets the anonymous page', async () => {
  const id = await publish(orgId, notices.id, '关于古树名木普查结果的公示');
  const anonymous = await body(b, `/items/${id}`);
  const staff = await new Client(appB).loginReady('zrzy.editor');
  const signedIn = await staff.get(`/items/${id}`);
  assert.equal(signedIn.statusCode, 200);
  const strip = (s: string) => s.replace(/浏览次数：\d+/, '').replace(/back=[^"&]*/g, '');
  assert.equal(strip(signedIn.body), strip(anonymous));
  assert.doesNotMatch(signedIn.body, /zrzy\.editor|退出|_csrf/);
  assert.equal(signedIn.headers['set-cookie'], undefined);
});
