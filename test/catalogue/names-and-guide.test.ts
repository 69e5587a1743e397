// What the public reads names one agency among many (issue 21, item 13): the full name in the portal
// header and beside search results; the 指南 names the 上一级行政机关 as the letters name the
// 复议机关 (the county 人民政府, not its office), leaves out what is not registered, and offers the 申请表.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { ancestorsOf, findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { reviewBodyName } from '../../src/applications/rules/remedy.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let anon: Client;

before(async () => {
  t = await testApp();
  anon = new Client(t.app);
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await ensureCatalogue(t.db, org.id);
  const notices = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!;
  await importPublishedItem(t.db, cliContext(), org.id, {
    content: { columnId: notices.id, title: '关于松材线虫病疫木除治的通告', body: '各乡镇：为做好松材线虫病防控工作，现通告如下。' },
    publishedDate: '2025-03-10',
  });
});
after(async () => t.close());

const brand = (body: string) => /<a class="brand" href="\/">([^<]+)<\/a>/.exec(body)?.[1];

test('the portal header names the agency by its full name on every page of it', async () => {
  for (const url of ['/orgs/QS-LY', '/orgs/QS-LY/catalogue', '/orgs/QS-LY/guide', '/orgs/QS-LY/reports', '/apply/QS-LY']) {
    const res = await anon.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(brand(res.body), '青山县林业局政府信息公开', url);
  }
  assert.match((await anon.get('/orgs/QS-LY/catalogue')).body, /<title>政府信息公开目录 · 青山县林业局政府信息公开<\/title>/);
});

test('search results and the region’s newest items name the full agency; the API keeps its short-name field', async () => {
  const q = encodeURIComponent('松材线虫病');
  const page = await anon.get(`/search?q=${q}`);
  assert.match(page.body, /<p class="meta">青山县林业局 · 索引号 /);
  const region = await anon.get('/orgs/SF-YL-QS/catalogue');
  assert.match(region.body, /<span>青山县林业局<\/span> · <time datetime="2025-03-10">/);
  const api = await anon.request('GET', `/api/v1/catalogue/search?q=${q}`, { headers: { accept: 'application/json' } });
  assert.deepEqual(api.json().hits[0].organization, { code: 'QS-LY', shortName: '县林业局' });
});

test('the 指南: 上一级行政机关 is the government the letters name as 复议机关; nothing unregistered is printed; the 申请表 is offered', async () => {
  const res = await anon.get('/orgs/QS-LY/guide');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /可以向上一级行政机关（青山县人民政府）或者政府信息公开工作主管部门投诉、举报/);
  assert.doesNotMatch(res.body, /上一级行政机关（青山县人民政府办公室）/);
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  assert.equal(reviewBodyName(org, await ancestorsOf(t.db, org)), '青山县人民政府', 'the reply letters’ 复议机关 is the same body');
  // The demo departments registered no fax or website: those rows are left out, not filled with a placeholder.
  assert.doesNotMatch(res.body, /未登记/);
  assert.doesNotMatch(res.body, /<th scope="row">传真号码<\/th>/);
  assert.match(res.body, /<th scope="row">联系电话<\/th><td>0571-80000103<\/td>/);
  assert.match(res.body, /<a href="\/apply\/QS-LY\/form.docx" download>下载政府信息公开申请表（Word）<\/a>/);
  assert.equal((await anon.get('/apply/QS-LY/form.docx')).statusCode, 200);

  const office = await anon.get('/orgs/113301000000000001/guide');
  assert.match(office.body, /上一级行政机关（云岭市人民政府）/, 'the county government answers to the city’s');
  assert.match(office.body, /<th scope="row">传真号码<\/th><td>0571-80000009<\/td>/);
});
