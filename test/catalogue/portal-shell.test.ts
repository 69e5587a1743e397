// The portal shell on every page: a search box, the main links and the 简体/繁體 switch in the header;
// the 繁體 view converts every portal page (home, report archive, apply, track), not only the catalogue;
// home and organization pages lead to the catalogue and the guide. No JavaScript, no external assets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const searchForms = (body: string) => body.match(/<form[^>]*role="search"[^>]*>/g) ?? [];

test('home: header search (role="search", GET /search), links to every organization’s catalogue and guide', async () => {
  const res = await new Client(t.app).get('/');
  assert.equal(res.statusCode, 200);
  const forms = searchForms(res.body);
  assert.ok(forms.length >= 1, 'a search form');
  assert.ok(forms.every((f) => /method="get"/.test(f) && /action="\/search"/.test(f)));
  assert.match(res.body, /<header class="portal-header">[\s\S]*role="search"[\s\S]*<\/header>/);
  assert.match(res.body, /<input id="site-q" name="q" type="search"/);
  assert.match(res.body, /<label for="site-q"/, 'the header search input has a label');
  assert.ok(res.body.includes('href="/orgs/QS-ZRZY/catalogue"'));
  assert.ok(res.body.includes('href="/orgs/QS-ZRZY/guide"'));
  assert.ok(res.body.includes('href="/orgs/SF-YL-QS/catalogue"'), 'the region overview');
  assert.ok(!res.body.includes('href="/orgs/SF-YL-QS/guide"'), 'regions have no guide of their own');
  assert.ok(!res.body.includes('<script'), 'no JavaScript');
  assert.ok(!/(src|href)="(https?:)?\/\//.test(res.body), 'no external assets');
  assert.match(res.body, /<a class="variant-switch" href="\/variant\?to=hant&amp;back=%2F" lang="zh-TW">繁體<\/a>/);
  const css = await new Client(t.app).get('/assets/portal.css');
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
});

test('organization page links its catalogue, guide, reports and application form, and searches within it', async () => {
  const res = await new Client(t.app).get('/orgs/QS-ZRZY');
  assert.equal(res.statusCode, 200);
  for (const href of ['/orgs/QS-ZRZY/catalogue', '/orgs/QS-ZRZY/guide', '/orgs/QS-ZRZY/reports', '/apply/QS-ZRZY']) assert.ok(res.body.includes(`href="${href}"`), href);
  assert.match(res.body, /<input type="hidden" name="org" value="QS-ZRZY">/);
  for (const href of ['/orgs/QS-ZRZY/catalogue', '/orgs/QS-ZRZY/guide', '/apply/QS-ZRZY']) assert.equal((await new Client(t.app).get(href)).statusCode, 200, href);
});

test('the 繁體 cookie converts the report archive, home, apply and track pages; the switch leads back to the same page', async () => {
  const c = new Client(t.app);
  const plain = await c.get('/orgs/QS-ZRZY/reports');
  assert.match(plain.body, /<html lang="zh-CN">/);
  assert.match(plain.body, /青山县自然资源局政府信息公开工作年度报告/);
  assert.match(plain.body, /href="\/variant\?to=hant&amp;back=%2Forgs%2FQS-ZRZY%2Freports"/, 'the switch returns to this page');

  const set = await c.get(`/variant?to=hant&back=${encodeURIComponent('/orgs/QS-ZRZY/reports')}`);
  assert.equal(set.statusCode, 303);
  assert.equal(set.headers.location, '/orgs/QS-ZRZY/reports');
  const reports = await c.get('/orgs/QS-ZRZY/reports');
  assert.match(reports.body, /<html lang="zh-TW">/);
  assert.match(reports.body, /青山縣自然資源局政府信息公開工作年度報告/);
  assert.doesNotMatch(reports.body, /青山县自然资源局/);
  assert.match(reports.body, /<a class="variant-switch" href="\/variant\?to=hans&amp;back=%2Forgs%2FQS-ZRZY%2Freports" lang="zh-CN">简体<\/a>/, 'the way back is labelled in 简体');
  for (const [url, text] of [['/', '機構'], ['/apply', '申請'], ['/track', '查詢'], ['/orgs/QS-ZRZY', '聯繫方式']] as const) {
    const page = await c.get(url);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /<html lang="zh-TW">/, url);
    assert.ok(page.body.includes(text), `${url}: ${text}`);
  }
  // Back to 简体; /variant never redirects off the site.
  await c.get('/variant?to=hans&back=/');
  assert.match((await c.get('/orgs/QS-ZRZY/reports')).body, /青山县自然资源局/);
  for (const back of ['//evil.example', '/\\evil.example', 'https://evil.example']) {
    assert.equal((await c.get(`/variant?to=hant&back=${encodeURIComponent(back)}`)).headers.location, '/', back);
  }
});

test('the console is not converted', async () => {
  const c = new Client(t.app);
  await c.get('/variant?to=hant&back=/');
  const login = await c.get('/console/login');
  assert.match(login.body, /<html lang="zh-CN">/);
});
