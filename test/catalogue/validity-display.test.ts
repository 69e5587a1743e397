// Issue 21 item 14: 有效性 belongs to policy documents. The portal and the console agree: a policy
// document shows its 有效性 in both, other information (news, 解读) shows it in neither — never
// “有效” in the console next to “—” on the portal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let editor: Client;

before(async () => {
  t = await testApp();
  const { seedCatalogueDemo } = await import('../../src/catalogue/demo.ts');
  await seedCatalogueDemo(t.db, [2025]);
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(() => t.close());

async function publishedItem(policy: boolean): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(
    `select i.id from catalogue_items i join catalogue_versions v on v.id = i.published_version_id join organizations o on o.id = i.org_id
     where o.code = 'QS-ZRZY' and i.withdrawn_at is null and (v.doc_kind is not null) = $1 order by i.id limit 1`,
    [policy],
  );
  return row!.id;
}

test('a policy document: 有效性 on the portal and in the console', async () => {
  const id = await publishedItem(true);
  const portal = (await t.app.inject({ url: `/items/${id}` })).body;
  assert.match(portal, /<th scope="row">有效性<\/th><td[^>]*>有效<\/td>/);
  const console = (await editor.get(`/console/catalogue/items/${id}`)).body;
  assert.match(console, /<dt>有效性<\/dt><dd>有效/);
});

test('other information: no 有效性 on either side', async () => {
  const id = await publishedItem(false);
  const portal = (await t.app.inject({ url: `/items/${id}` })).body;
  assert.match(portal, /<table class="meta"/);
  assert.doesNotMatch(portal, /有效性/);
  const console = (await editor.get(`/console/catalogue/items/${id}`)).body;
  assert.doesNotMatch(console, /<dt>有效性<\/dt>/);
  assert.match(console, /<dt>浏览次数<\/dt>/, 'the rest of the facts stay');
});
