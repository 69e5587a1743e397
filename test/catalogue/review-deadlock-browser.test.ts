// Issue 21, blocker 1, in a real browser: items of 青山县林业局 sit at 复审 after its second 审核人
// and its 保密审查员 left (disabled), leaving one reviewer who signed 初审 and is the only other
// 保密审查员. Before the fix nobody could sign, return or withdraw them and no page said so. Now
// the reviewer is told why not; the head returns one, the county's administrator the other
// (no “您不在该机构”); the editor recalls the one nobody signed yet; the head's 工作台 and 审核设置
// say what cannot be completed and refuse a chain the people cannot complete; the administrator
// re-enables the two accounts on the 用户 page, and the review can be completed again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { approveStage, createItem, ensureCatalogue, submitForReview } from '../../src/catalogue/commands.ts';
import { latestVersion, listColumns } from '../../src/catalogue/store.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { userWith } from './fixtures.ts';

let t: TestApp;
let browser: Browser;
let base: string;
const items: Record<'toHead' | 'toAdmin' | 'unsigned', number> = { toHead: 0, toAdmin: 0, unsigned: 0 };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `issue21-review-deadlock-${name}.png`), fullPage: true });

before(async () => {
  t = await testApp();
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await ensureCatalogue(t.db, org.id);
  const column = (await listColumns(t.db, org.id)).find((c) => c.name === '工作动态')!.id;
  const editor = await userWith(t.db, 'QS-LY', 'ly.ed', ['editor']);
  const both = await userWith(t.db, 'QS-LY', 'ly.rv', ['reviewer', 'confidentiality']);
  await userWith(t.db, 'QS-LY', 'ly.r2', ['reviewer']);
  await userWith(t.db, 'QS-LY', 'ly.bm', ['confidentiality']);
  await userWith(t.db, 'QS-LY', 'ly.head', ['head']);
  const submit = async (title: string) => {
    const { item } = await createItem(t.db, editor, org.id, { columnId: column, title, body: `${title}。` });
    await submitForReview(t.db, editor, item.id);
    return item.id;
  };
  items.toHead = await submit('县林业局开展春季森林防火检查');
  items.toAdmin = await submit('县林业局召开林长制工作会议');
  items.unsigned = await submit('县林业局开展古树名木普查');
  await approveStage(t.db, both, items.toHead);
  await approveStage(t.db, both, items.toAdmin);
  // The second reviewer and the 保密审查员 leave.
  await t.db.query(`update users set disabled = true where username in ('ly.r2', 'ly.bm')`);

  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** A fresh browser context signed in as the user (first login changes the initial password). */
const signIn = async (username: string, password: string): Promise<Page> => signedIn(await browser.newContext(), base, username, { password });

const itemUrl = (id: number) => `${base}/console/catalogue/items/${id}`;
const stateOf = async (id: number) => (await latestVersion(t.db, id))!.state;

test('the stuck review: told why, returned by the head and by the administrator, recalled by the editor, warned, and repaired', async () => {
  // The reviewer who signed 初审 may not sign 复审, and is told so.
  const reviewer = await signIn('ly.rv', 'Test-pass-2026');
  await reviewer.goto(itemUrl(items.toHead));
  assert.ok(await reviewer.getByText('同一人不能签署两个审核环节').isVisible());
  assert.equal(await reviewer.getByRole('button', { name: /签署“复审”/ }).count(), 0);
  assert.ok(await reviewer.getByText('审核无法完成：').isVisible(), 'the page says the review cannot be completed');
  await shot(reviewer, 'reviewer');

  // The head returns it without signing.
  const head = await signIn('ly.head', 'Test-pass-2026');
  await head.goto(itemUrl(items.toHead));
  await head.getByLabel(/退回理由/).fill('复审无人可签，请待人员调整后再提交');
  await head.getByRole('button', { name: '退回撰写人' }).click();
  await head.waitForURL(/notice=returned/);
  assert.ok(await head.getByText('机构负责人在“复审”环节退回：复审无人可签，请待人员调整后再提交').isVisible());
  assert.equal(await stateOf(items.toHead), 'draft');
  await shot(head, 'returned-by-head');

  // The county's administrator, working in the county, returns the other one.
  const admin = await signIn('admin', DEMO_PASSWORD);
  await admin.goto(itemUrl(items.toAdmin));
  assert.equal(await admin.getByText('您不在该机构').count(), 0);
  await admin.getByLabel(/退回理由/).fill('人员调整，退回撰写人');
  await admin.getByRole('button', { name: '退回撰写人' }).click();
  await admin.waitForURL(/notice=returned/);
  assert.equal(await stateOf(items.toAdmin), 'draft');

  // The editor recalls the one nobody has signed yet.
  const editor = await signIn('ly.ed', 'Test-pass-2026');
  await editor.goto(itemUrl(items.unsigned));
  await editor.getByRole('button', { name: '撤回审核' }).click();
  await editor.waitForURL(/notice=recalled/);
  assert.equal(await stateOf(items.unsigned), 'draft');

  // The head's 工作台 and 审核设置 say the review cannot be completed; a chain the people cannot complete is refused.
  await head.goto(`${base}/console`);
  assert.ok(await head.getByRole('link', { name: /主动公开审核设置无法完成/ }).isVisible());
  await head.goto(`${base}/console/catalogue/settings`);
  const warning = head.getByRole('alert').filter({ hasText: '本机构的人员无法完成当前的审核设置' });
  assert.match((await warning.textContent())!, /“初审”“复审”环节须由 2 位不同的审核人签署，本机构只有 1 人：ly\.rv/);
  for (const i of [2, 3]) await head.locator(`input[name="stageName${i}"]`).fill('');
  await head.locator('input[name="stageName0"]').fill('审核');
  await head.locator('select[name="stageRole1"]').selectOption('confidentiality');
  await head.locator('input[name="stageName1"]').fill('保密审查');
  await head.getByRole('button', { name: '保存设置' }).click();
  assert.ok(await head.getByText(/本机构的人员无法完成这样的审核：“审核”“保密审查”环节须由 2 位不同的人（审核人、保密审查员）签署/).isVisible());
  await shot(head, 'settings');

  // The administrator re-enables the two accounts; the review can be completed again.
  for (const username of ['ly.r2', 'ly.bm']) {
    await admin.goto(`${base}/console/users`);
    await admin.getByRole('link', { name: `管理 ${username}` }).click();
    await admin.getByRole('button', { name: '启用账号' }).click();
    await admin.waitForURL(/notice=enabled/);
  }
  await shot(admin, 'user-enabled');
  await head.goto(`${base}/console/catalogue/settings`);
  assert.equal(await head.getByText('本机构的人员无法完成当前的审核设置').count(), 0);
  await editor.goto(itemUrl(items.toHead));
  await editor.getByRole('button', { name: '提交审核' }).click();
  await editor.waitForURL(/notice=submitted/);
  assert.equal(await stateOf(items.toHead), 'in_review');
});
