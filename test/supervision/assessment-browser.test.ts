// Issue 17 §3 acceptance in Chromium: the county office's supervisor (jiandu) publishes a task, the
// editor of 青山县自然资源局 marks it done with a link to one of its published items, the office accepts
// it; then a finding of the agency's inspection becomes a 整改 item with one click, closed by the agency
// and confirmed by the office.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/core/date.ts';
import { currentYear, today } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { runInspection } from '../../src/catalogue/inspection/commands.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let itemId = 0;
const year = currentYear();
const TITLE = '在政府信息公开专栏集中公开自然资源领域规划信息';
const FINDING = /严重表述错误：《青山县国土空间总体规划》正文“根据国务院办工厅要求编制。”/;
let zrzyId = 0;
let officeId = 0;

before(async () => {
  t = await testApp();
  const zrzy = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const column = (await listColumns(t.db, (await ensureCatalogue(t.db, zrzy.id)).orgId)).find((c) => c.kind === 'general')!;
  itemId = (await importPublishedItem(t.db, cliContext(), zrzy.id, { content: { columnId: column.id, title: '青山县国土空间总体规划', body: '<p>根据国务院办工厅要求编制。</p>' }, publishedDate: addDays(today(), -2) })).id;
  await runInspection(t.db, cliContext(), zrzy.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
  zrzyId = zrzy.id;
  officeId = (await findOrgByCode(t.db, '113301000000000001'))!.id;
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** The console's organization switcher submits itself on change. */
async function switchTo(page: Page, orgId: number) {
  // the form's POST and its redirect are one navigation
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#org-switch').selectOption(String(orgId))]);
}

test('the office publishes a task, the agency reports it done with its item, the office accepts; a finding becomes a 整改 item, closed and confirmed', async () => {
  const office = await signedIn(await browser.newContext(), base, 'jiandu');
  const editor = await signedIn(await browser.newContext(), base, 'zrzy.editor');

  // the office writes and publishes the task
  await office.goto(`${base}/console/assessment?year=${year}`);
  await office.getByRole('link', { name: '新建任务' }).click();
  const form = office.locator('#task-form');
  await form.locator('textarea[name="title"]').fill(TITLE);
  await form.locator('select[name="leadOrgId"]').selectOption({ label: '青山县自然资源局' });
  await form.getByRole('checkbox', { name: '青山县生态环境局' }).check();
  await form.locator('input[name="deadline"]').fill(addDays(today(), 30));
  await form.locator('textarea[name="evidenceExpected"]').fill('已发布信息的链接');
  await form.getByRole('button', { name: '保存任务草稿' }).click();
  await office.waitForURL(/notice=created/);
  await office.getByRole('button', { name: '发布任务' }).click();
  await office.waitForURL(/notice=published/);
  assert.equal(await office.locator('#task-state').innerText(), '已发布');

  // the agency's editor: the task is on its list; reports it done with a link to its item
  await editor.goto(`${base}/console/assessment`);
  await editor.locator('#my-tasks').getByRole('link', { name: TITLE }).click();
  const progress = editor.locator('#progress-form');
  await progress.locator('textarea[name="note"]').fill('已在专栏集中公开国土空间总体规划');
  await progress.locator('textarea[name="links"]').fill(`/items/${itemId}`);
  await progress.getByRole('button', { name: '报送完成' }).click();
  await editor.waitForURL(/notice=submitted/);
  assert.match(await editor.locator('#progress-state').innerText(), /已报送待审核/);
  assert.equal(await editor.locator('.evidence-links a').getAttribute('href'), `/items/${itemId}`);
  await editor.screenshot({ path: join(SCREENSHOT_DIR, 'issue17-assessment-progress.png'), fullPage: true });

  // the office accepts it
  await office.goto(`${base}/console/assessment?year=${year}`);
  await office.locator('#office-tasks').getByRole('link', { name: '已报送待审核' }).first().click();
  await office.getByRole('button', { name: '验收通过' }).click();
  await office.waitForURL(/notice=accepted/);
  assert.match(await office.locator('#progress-state').innerText(), /已验收/);
  await office.goto(`${base}/console/assessment?year=${year}`);
  assert.match(await office.locator('#office-tasks').innerText(), /牵头·已验收/);
  await office.screenshot({ path: join(SCREENSHOT_DIR, 'issue17-assessment-tasks.png'), fullPage: true });

  // a finding of the agency's inspection becomes a 整改 item: the office opens the agency's 内容检查
  await switchTo(office, zrzyId);
  await office.goto(`${base}/console/catalogue/inspection`);
  const row = office.locator('table[data-rule="wording"] tr', { hasText: '国务院办工厅' });
  await row.getByRole('button', { name: '转为整改事项' }).click();
  await office.waitForURL(/notice=sent/);
  assert.match(await office.locator('#rectification-state').innerText(), /整改中/);
  assert.match(await office.locator('#rectification').innerText(), new RegExp(`内容检查`));
  assert.match(await office.locator('#rectification').innerText(), FINDING);

  // the agency closes it with evidence; its 工作台 had it as 待办
  await editor.goto(`${base}/console`);
  await editor.getByRole('link', { name: /整改事项待完成/ }).click();
  await editor.locator('#my-rectifications').getByRole('link', { name: FINDING }).click();
  const close = editor.locator('#close-form');
  await close.locator('textarea[name="note"]').fill('已补充发布规划信息并建立栏目更新台账');
  await close.locator('textarea[name="links"]').fill(`/items/${itemId}`);
  await close.getByRole('button', { name: '报送整改完成' }).click();
  await editor.waitForURL(/notice=closed/);

  // the office confirms
  await office.goto(`${base}/console`);
  await switchTo(office, officeId);
  await office.goto(`${base}/console/assessment/rectifications`);
  await office.locator('#sent-rectifications').getByRole('link', { name: FINDING }).click();
  await office.getByRole('button', { name: '确认整改完成' }).click();
  await office.waitForURL(/notice=confirmed/);
  assert.match(await office.locator('#rectification-state').innerText(), /已确认整改完成/);
  await office.screenshot({ path: join(SCREENSHOT_DIR, 'issue17-assessment-rectification.png'), fullPage: true });
});
