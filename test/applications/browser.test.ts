// The public application form in Chromium: a validation error first (the input kept), then the
// application submitted, then looked up by receipt number in a fresh browser session.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { setTodayForTests } from '../../src/core/today.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  setTodayForTests(() => '2025-11-03');
  t = await testApp();
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
  setTodayForTests(null);
});

test('apply online: an error, then submitted, then looked up by receipt number', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/apply`);
  await page.getByRole('link', { name: '青山县自然资源局', exact: true }).click();
  assert.ok(await page.getByRole('heading', { name: '向青山县自然资源局申请公开政府信息' }).isVisible());

  await page.getByLabel('自然人').check();
  // the script shows only the chosen applicant kind's fields
  assert.equal(await page.getByLabel('统一社会信用代码').isVisible(), false);
  await page.getByLabel('姓名').fill('李四');
  await page.getByLabel('证件类型').selectOption('居民身份证');
  await page.getByLabel('证件号码').fill('110105194912310021'); // wrong check digit
  await page.getByLabel(/^联系电话/).fill('13600001111');
  await page.getByLabel(/^所需信息的名称/).fill('青山县2025年耕地保护目标责任书');
  await page.getByLabel('电子文本').check();
  await page.getByLabel('网上获取').check();
  await page.getByRole('button', { name: '提交申请' }).click();

  const alert = page.locator('#form-errors');
  await alert.waitFor();
  assert.match(await alert.innerText(), /证件号码：居民身份证号码不正确/);
  // The reloaded page starts at the list of problems (autofocus, no script): focus is there, not on the body,
  // and the next Tab reaches the link to the field.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'form-errors');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#f-idNumber');
  assert.equal(await page.getByLabel('姓名').inputValue(), '李四');
  assert.equal(await page.getByLabel(/^所需信息的名称/).inputValue(), '青山县2025年耕地保护目标责任书');
  assert.equal(await page.getByLabel('证件号码').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'apply-error.png'), fullPage: true });

  await page.getByLabel('证件号码').fill('11010519491231002X');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(`${base}/track?notice=submitted`);
  const receiptNo = (await page.locator('#receipt-no').innerText()).trim();
  assert.equal(receiptNo, 'QS-ZRZY-2025-00001');
  assert.match(await page.getByRole('status').innerText(), /您的申请已提交/);
  const text = await page.locator('main').innerText();
  for (const secret of ['李四', '11010519491231002X', '13600001111']) assert.ok(!text.includes(secret), `the receipt page shows ${secret}`);
  assert.match(await page.locator('#due-date').innerText(), /如于今日确认收到，为 2025-12-01 前/);
  assert.ok(await page.getByRole('button', { name: '打印回执' }).isVisible(), 'the script shows the print button');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'apply-receipt.png'), fullPage: true });
  // On paper: the 回执 alone, without the site's header, the history or the forms.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.receipt').isVisible());
  assert.equal(await page.getByRole('heading', { name: '办理记录' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '撤回申请' }).isVisible(), false);
  assert.equal(await page.locator('.portal-header').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '打印回执' }).isVisible(), false);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'apply-receipt-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.close();

  // Another day, another browser: look the case up
  const context = await browser.newContext();
  const lookup = await context.newPage();
  await lookup.goto(`${base}/track`);
  await lookup.getByLabel('申请编号').fill(receiptNo);
  await lookup.getByLabel('申请时填写的联系电话或电子邮箱').fill('136 0000 1111');
  await lookup.getByRole('button', { name: '查询' }).click();
  await lookup.waitForURL(`${base}/track`);
  assert.equal((await lookup.locator('#receipt-no').innerText()).trim(), receiptNo);
  assert.equal((await lookup.locator('#case-state').innerText()).trim(), '待确认收到');
  assert.ok(await lookup.getByText('青山县2025年耕地保护目标责任书').isVisible());
  await lookup.screenshot({ path: join(SCREENSHOT_DIR, 'apply-lookup.png'), fullPage: true });
  await context.close();
});

test('the handler confirms the receipt in the console and sees the due date', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/console/login`);
  await page.getByLabel('用户名').fill('zrzy.handler');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/console/password`);
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel(/^新密码/).fill('Handler-pass-2026');
  await page.getByLabel('再次输入新密码').fill('Handler-pass-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/console\?notice=password-changed/);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
  await page.getByRole('link', { name: 'QS-ZRZY-2025-00001' }).click();
  assert.equal((await page.locator('#case-state').innerText()).trim(), '待确认收到');
  await page.getByText('确认收到申请', { exact: true }).first().click();
  // A refused action: the reloaded page opens on the message at the top, focused, linked to the form kept open.
  await page.getByLabel(/与申请人双方确认日期/).fill('2025-11-10');
  await page.getByRole('button', { name: '确认收到申请' }).click();
  const refused = page.locator('#action-error');
  await refused.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'action-error');
  assert.ok(((await refused.boundingBox())?.y ?? Infinity) < (page.viewportSize()?.height ?? 0), 'in view without scrolling');
  assert.match(await refused.innerText(), /未能完成“确认收到申请”/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-action-error.png') });
  await page.getByRole('link', { name: '转到“确认收到申请”表单修改' }).click();
  assert.equal(await page.getByLabel(/与申请人双方确认日期/).inputValue(), '2025-11-10', 'the input is kept');
  await page.getByLabel(/与申请人双方确认日期/).fill('2025-11-03');
  await page.getByRole('button', { name: '确认收到申请' }).click();
  await page.waitForURL(/notice=saved/);
  assert.match(await page.locator('#case-state').innerText(), /已受理/);
  // received Monday 2025-11-03: the 20th working day after is 2025-12-01
  assert.equal((await page.locator('#due-date').innerText()).trim(), '2025-12-01');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-application.png'), fullPage: true });
  await page.close();
});
