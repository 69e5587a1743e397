// Demo catalogue: realistic, deterministic, idempotent; the portal looks real on first start.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { seedCatalogueDemo } from '../../src/catalogue/demo.ts';
import { computeTable2Section1 } from '../../src/catalogue/report-table2.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let created = 0;
let seconds = 0;
before(async () => {
  t = await testApp();
  const started = performance.now();
  created = await seedCatalogueDemo(t.db);
  seconds = (performance.now() - started) / 1000;
});
after(() => t.close());

test('several organizations and years of published items, once', async () => {
  assert.ok(created > 250, `created ${created} items in ${seconds.toFixed(1)} s`);
  assert.equal(await seedCatalogueDemo(t.db), 0, 'a second run changes nothing');
  const perOrg = await t.db.query<{ code: string; n: number; years: number }>(
    `select o.code, count(*)::int as n, count(distinct extract(year from s.published_date))::int as years
     from catalogue_search s join organizations o on o.id = s.org_id group by o.code order by o.code`,
  );
  assert.ok(perOrg.length >= 8);
  assert.ok(perOrg.filter((r) => r.code.startsWith('QS-')).every((r) => r.n >= 30 && r.years >= 3), JSON.stringify(perOrg));
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test('the seed documents’ entries: 黎川县生态环境局 keeps its own 索引号', async () => {
  const anon = new Client(t.app);
  const found = await anon.get(`/search?q=${encodeURIComponent('2020年抚州市黎川县生态环境局政府信息公开工作年度报告')}`);
  assert.match(found.body, /LCX0040\/2021-15943/);
  assert.match((await anon.get(`/search?q=${encodeURIComponent('深化新一轮林长制改革')}&org=JX-LY`)).body, /找到 1 条结果/);
});

test('policy documents with interpretations and 有效性 feed table 2; the portal pages render', async () => {
  const ly = (await findOrgByCode(t.db, 'QS-LY'))!;
  const t2 = await computeTable2Section1(t.db, ly.id, 2024);
  assert.equal(t2.normativeDocuments.issued, 2);
  assert.ok(t2.normativeDocuments.inForce! >= 2);
  const links = await t.db.query('select 1 from catalogue_interpretations where org_id = $1', [ly.id]);
  assert.ok(links.length >= 6);
  const anon = new Client(t.app);
  for (const url of ['/orgs/QS-LY/catalogue', '/orgs/SF-YL-QS/catalogue', '/orgs/QS-LY/guide', '/sitemap.xml']) assert.equal((await anon.get(url)).statusCode, 200, url);
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  const health = await editor.get('/console/catalogue/health');
  assert.equal(health.statusCode, 200);
  // The §D.4 rules, one row each, with the reference's thresholds.
  for (const rule of ['notUpdated', 'longUnupdated', 'empty', 'undated', 'late']) assert.match(health.body, new RegExp(`<tr data-rule="${rule}"`), rule);
  assert.match(health.body, /空白栏目（不计入以上两项）<\/th><td><strong>\d+<\/strong> 个[^<]*(<strong>达到单项否决标准<\/strong>）)?<\/td>\s*<td>累计 5 个及以上<\/td>/);
  assert.match(health.body, /应更新但长期[\s\S]*?累计 10 个及以上/);
  assert.match(health.body, /国办秘函〔2019〕19号 栏目不更新 第1项/);
  // The published annual reports are the 年报 column's items: not 空白 (issue 21 item 16).
  assert.match(health.body, /<tr><td>政府信息公开年报<\/td><td>365 天<\/td><td>2<\/td><td>\d{4}-\d{2}-\d{2}（\d+ 天前）<\/td>\s*<td>正常<\/td><\/tr>/);
});

test('every demo policy document that has a 解读 links exactly its own (issue 21 item 3)', async () => {
  const items = await t.db.query<{ id: number; org_id: number; kind: string; title: string; published_date: string }>(
    `select i.id, i.org_id, c.kind, v.title, v.published_date from catalogue_items i
     join catalogue_versions v on v.id = i.published_version_id join catalogue_columns c on c.id = v.column_id
     where c.kind in ('policy', 'interpretation')`,
  );
  const links = await t.db.query<{ policy_item_id: number; interpretation_item_id: number }>('select policy_item_id, interpretation_item_id from catalogue_interpretations');
  const policies = items.filter((i) => i.kind === 'policy');
  // Its own: the 解读 the demo wrote for it — named after it and published the same day, in its organization.
  const expected = items
    .filter((i) => i.kind === 'interpretation')
    .map((interp) => {
      const own = policies.filter((p) => p.org_id === interp.org_id && `《${p.title}》政策解读` === interp.title && p.published_date === interp.published_date);
      assert.equal(own.length, 1, `${interp.title}: exactly one policy document of its own`);
      return `${own[0]!.id}→${interp.id}`;
    })
    .sort();
  const actual = links.map((l) => `${l.policy_item_id}→${l.interpretation_item_id}`).sort();
  assert.ok(expected.length >= 40, `${expected.length} 解读 in the demo`);
  assert.deepEqual(actual, expected);
  // …so the policy documents with a 解读 are many, not one per organization.
  const byOrg = new Map<number, Set<number>>();
  for (const l of links) byOrg.set(items.find((i) => i.id === l.policy_item_id)!.org_id, (byOrg.get(items.find((i) => i.id === l.policy_item_id)!.org_id) ?? new Set()).add(l.policy_item_id));
  for (const [org, linked] of byOrg) assert.ok(linked.size >= 6, `organization ${org}: ${linked.size} policy documents with a 解读`);
});
