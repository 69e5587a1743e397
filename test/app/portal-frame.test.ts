// Issue 21 item 17: what Chinese government sites have — 最新公开 on the home page, the standard
// footer from the configuration, the 长者模式 kept in a cookie (in 繁體 too); the 404 page in the
// site's frame is in test/app/render-failure.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;

before(async () => {
  t = await testApp({
    site: { sponsor: '青山县人民政府办公室', contact: '0571-80000000', siteCode: '3301220001', icp: '浙ICP备12345678号', psb: '浙公网安备 33012202000001号' },
  });
  const { seedCatalogueDemo } = await import('../../src/catalogue/demo.ts');
  await seedCatalogueDemo(t.db, [2025]);
});
after(() => t.close());

test('the home page lists the newest information of every agency, newest first', async () => {
  const home = (await t.app.inject({ url: '/' })).body;
  const section = /<section[^>]*id="latest"[^>]*>([\s\S]*?)<\/section>/.exec(home)?.[1] ?? '';
  assert.match(section, /<h2[^>]*>最新公开<\/h2>/);
  const dates = [...section.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
  assert.equal(dates.length, 10);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  assert.match(section, /<a href="\/items\/\d+">[^<]+<\/a>/);
});

test('every portal page has the configured footer: 主办单位, 联系我们, 网站标识码, ICP and 公安备案', async () => {
  for (const url of ['/', '/search?q=%E5%9C%9F%E5%9C%B0', '/orgs/QS-ZRZY/reports/2025']) {
    const page = (await t.app.inject({ url })).body;
    const footer = /<footer class="portal-footer">([\s\S]*?)<\/footer>/.exec(page)?.[1] ?? '';
    assert.match(footer, /主办单位：青山县人民政府办公室/, url);
    assert.match(footer, /联系我们：0571-80000000/);
    assert.match(footer, /网站标识码：3301220001/);
    assert.match(footer, /<a href="https:\/\/beian.miit.gov.cn\/" rel="noopener">浙ICP备12345678号<\/a>/);
    assert.match(footer, /浙公网安备 33012202000001号/);
  }
});

test('长者模式: a link in the header switches it on for every page, in a cookie, and back', async () => {
  const reader = new Client(t.app);
  const before = (await reader.get('/search?q=%E5%9C%9F%E5%9C%B0')).body;
  assert.match(before, /<body class="portal">/);
  const href = /<a class="reading-switch" href="([^"]+)">长者模式<\/a>/.exec(before)?.[1]?.replaceAll('&amp;', '&');
  assert.equal(href, '/reading-mode?to=elder&back=%2Fsearch%3Fq%3D%25E5%259C%259F%25E5%259C%25B0');
  const switched = await reader.get(href!);
  assert.equal(switched.statusCode, 303);
  assert.equal(switched.headers.location, '/search?q=%E5%9C%9F%E5%9C%B0', 'back to the page the reader was on');
  const elder = (await reader.get('/orgs/QS-ZRZY/reports/2025')).body;
  assert.match(elder, /<body class="portal elder">/);
  assert.match(elder, /<a class="reading-switch" href="[^"]+">标准模式<\/a>/);
  await reader.get('/variant?to=hant&back=%2F');
  assert.match((await reader.get('/')).body, /<body class="portal elder">[\s\S]*標準模式/, 'both views together');
  await reader.get('/reading-mode?to=standard&back=%2F');
  assert.match((await reader.get('/')).body, /<body class="portal">/);
  assert.equal((await reader.get('/reading-mode?to=elder&back=%2F%2Fevil.example')).headers.location, '/', 'back stays on this site');
});
