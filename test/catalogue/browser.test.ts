// Acceptance (issue 6) in a real browser: an editor writes an item whose body contains an ID
// number → the check blocks it → fixed → the review stages (初审、复审、终审, then 保密审查) →
// published → visible on the portal with its 索引号 → found by search in 简体 and in 繁體.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cliContext } from '../../src/orgs/context.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await testApp();
  for (const [username, roles] of [['zr.r2', ['reviewer']], ['zr.bm', ['confidentiality']]] as const) {
    await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username, displayName: username === 'zr.r2' ? '复审人' : '保密审查员', password: DEMO_PASSWORD, roles: [...roles] });
  }
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** A fresh browser context signed in as the user (first login changes the initial password). */
const signIn = async (username: string): Promise<Page> => signedIn(await browser.newContext(), base, username);

/** The body typed as source: the rich-text editor's “HTML 源码” view shows the textarea. */
async function fillBodySource(page: Page, text: string) {
  await page.getByRole('button', { name: 'HTML 源码' }).click();
  await page.locator('textarea[name="body"]').fill(text);
}

const BODY_WITH_ID = '各乡镇人民政府：\n\n为加强耕地保护，现将有关事项通知如下。联系人：王某，身份证号码330106199003071236。\n\n一、严格落实耕地占补平衡。';
const BODY_FIXED = '各乡镇人民政府：\n\n为加强耕地保护，现将有关事项通知如下。联系人：县自然资源局耕保股，电话0571-80000101。\n\n一、严格落实耕地占补平衡。';

test('write → blocked by an ID number → fixed → every review stage → published with its 索引号 → found in 简体 and 繁體', async () => {
  const editor = await signIn('zrzy.editor');
  await editor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '主动公开' }).click();
  await editor.getByRole('link', { name: '撰写新信息' }).click();
  const policyColumn = await editor.locator('select[name="columnId"] option', { hasText: '政策文件' }).first().getAttribute('value');
  await editor.locator('select[name="columnId"]').selectOption(policyColumn!);
  await editor.locator('input[name="title"]').fill('青山县自然资源局关于进一步加强耕地保护的通知');
  await editor.locator('input[name="summary"]').fill('耕地保护有关事项');
  await fillBodySource(editor, BODY_WITH_ID);
  await editor.locator('input[name="docNumber"]').fill('青自然资发〔2025〕12号');
  await editor.locator('input[name="writtenDate"]').fill('2025-06-03');
  await editor.locator('select[name="docKind"]').selectOption('normative');
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/\/console\/catalogue\/items\/\d+\?notice=created/);
  const itemUrl = editor.url().split('?')[0]!;

  // The check blocks it: the finding in context, submission disabled.
  assert.ok(await editor.getByText('疑似身份证号码（校验位相符）').isVisible());
  assert.equal(await editor.locator('ol.findings mark').textContent(), '330106199003071236');
  assert.ok(await editor.getByRole('button', { name: '提交审核' }).isDisabled());
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'catalogue-finding.png'), fullPage: true });

  // Fixed.
  await fillBodySource(editor, BODY_FIXED);
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/notice=saved/);
  assert.ok(await editor.getByText('未发现疑似涉密标志').isVisible());
  await editor.getByRole('button', { name: '提交审核' }).click();
  await editor.waitForURL(/notice=submitted/);

  // The stages, each by its own signer.
  const stages: [string, string][] = [['zrzy.reviewer', '初审'], ['zr.r2', '复审'], ['zrzy.head', '终审'], ['zr.bm', '保密审查']];
  for (const [username, stage] of stages) {
    const page = await signIn(username);
    await page.goto(`${base}/console/catalogue/review`);
    assert.ok(await page.getByText('待您签署').isVisible(), `${username} sees the item waiting for ${stage}`);
    await page.getByRole('link', { name: '青山县自然资源局关于进一步加强耕地保护的通知' }).click();
    await page.getByRole('button', { name: new RegExp(`签署“${stage}”`) }).click();
    await page.waitForURL(new RegExp(stage === '保密审查' ? 'notice=published' : 'notice=approved'));
    await page.context().close();
  }

  await editor.goto(itemUrl);
  const indexNumber = (await editor.locator('dt:has-text("索引号") + dd').textContent())!.trim();
  assert.match(indexNumber, /^QS-ZRZY\/\d{4}-\d{5}$/);

  // On the portal, with its 索引号, no login.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${base}/orgs/QS-ZRZY/catalogue`);
  await visitor.getByRole('link', { name: '青山县自然资源局关于进一步加强耕地保护的通知' }).first().click();
  assert.ok(await visitor.getByRole('heading', { name: '青山县自然资源局关于进一步加强耕地保护的通知' }).isVisible());
  assert.equal((await visitor.locator('table.meta th:has-text("索引号") + td').textContent())!.trim(), indexNumber);
  assert.ok(await visitor.getByText('青自然资发〔2025〕12号').first().isVisible());
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'catalogue-item.png'), fullPage: true });

  // Search in 简体, then in 繁體, from the search box in the header of every portal page.
  for (const q of ['加强耕地保护', '加強耕地保護']) {
    const header = visitor.getByRole('search', { name: '全站搜索' });
    await header.getByRole('searchbox').fill(q);
    await header.getByRole('button', { name: '搜索', exact: true }).click();
    await visitor.waitForURL(/\/search\?/);
    assert.ok(await visitor.getByText('找到 1 条结果').isVisible(), `search for ${q}`);
    assert.ok(await visitor.getByRole('link', { name: '青山县自然资源局关于进一步加强耕地保护的通知' }).isVisible());
    assert.ok(await visitor.getByText(indexNumber).isVisible());
  }
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'catalogue-search.png'), fullPage: true });
});
