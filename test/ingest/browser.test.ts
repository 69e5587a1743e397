// Issue 21 item 9 in a real browser: the county administrator uploads seed 001 (an agency outside
// the county) at /console/reports/import, reads the preview — agency, year, tables, text and
// findings, and that the agency is outside the region — chooses an organization of the county,
// confirms, and reads the result. Before the fix the upload failed at once with “不在您可管理的
// 机构范围内”. The preview is saved as issue21-import-preview.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { seedPath } from '../fixtures/seeds/index.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await testApp();
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** Signed in as a demo user (the first login changes the initial password). */
const signIn = async (username: string): Promise<Page> => signedIn(await browser.newContext({ viewport: { width: 1280, height: 900 } }), base, username);

test('upload → preview → confirm: seed 001 as the county administrator, into an organization of the county', async () => {
  const page = await signIn('admin');
  await page.goto(`${base}/console/reports/import`);
  await page.getByLabel('文件 1').setInputFiles(seedPath('001_43470c8d9389378c.txt'));
  await page.getByRole('button', { name: '上传并预览' }).click();

  const preview = page.locator('#import-preview');
  await preview.getByRole('heading', { name: /导入预览/ }).waitFor();
  const file = preview.locator('#import-file-0');
  assert.match(await file.getByRole('heading').innerText(), /文件 1：001_43470c8d9389378c\.txt/);
  assert.match(await file.locator('[data-field="agency"]').innerText(), /^大同市新荣区自然资源局/);
  assert.match(await file.locator('[data-field="year"]').innerText(), /^2024/);
  assert.equal(await file.locator('[data-field="tables"] li', { hasText: '已读取' }).count(), 3);
  assert.match(await file.locator('[data-field="narrative"]').innerText(), /找到 一、总体情况/);
  assert.match(await file.locator('[data-field="findings"] summary').innerText(), /错误 [1-9]\d* 条，警告 \d+ 条/);
  assert.match(await file.locator('.import-target .error').innerText(), /文中机关“大同市新荣区自然资源局”是您可管理范围以外的机构，不能导入到该机构/);
  const target = file.getByLabel('导入到');
  assert.equal(await target.inputValue(), '', 'nothing preselected for an agency outside the region');
  await file.locator('[data-field="findings"] summary').click(); // the findings open in the screenshot
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-import-preview.png'), fullPage: true });

  await target.selectOption('org:QS-SL');
  await page.getByRole('button', { name: '确认导入' }).click();
  const result = page.locator('#import-result');
  await result.getByRole('heading', { name: '导入结果' }).waitFor();
  assert.match(await result.getByRole('status').innerText(), /共 1 个文件：已导入 1/);
  const row = result.locator('tr[data-status="imported"]');
  assert.match(await row.innerText(), /青山县水利局\s+2024/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-import-result.png'), fullPage: true });

  const sl = (await findOrgByCode(t.db, 'QS-SL'))!;
  const stored = await t.db.query('select 1 from reports where org_id = $1 and year = 2024 and published_version = 1', [sl.id]);
  assert.equal(stored.length, 1, 'stored and published for 青山县水利局');
});
