// Issue 20 acceptance in Chromium: a citizen writes to 青山县自然资源局's mailbox and gets a query code;
// the handler drafts a reply and the head signs it; the citizen sees the reply with the code and rates it;
// with consent, it appears on the portal without the contact details.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

async function signIn(page: Page, username: string, newPassword: string) {
  await page.goto(`${base}/console/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/console/password`);
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel(/^新密码/).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/console\?notice=password-changed/);
}

test('write, draft, sign, read with the code, rate, and the published reply without contact details', async () => {
  // 1. the citizen writes and gets a query code
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await page.goto(`${base}/orgs/QS-ZRZY`);
  await page.getByRole('link', { name: /信箱/ }).click();
  assert.ok(await page.getByRole('heading', { name: '青山县自然资源局信箱', level: 1 }).isVisible());
  await page.getByLabel(/咨询（2 个工作日内答复）/).check();
  await page.getByLabel(/^标题/).fill('林权证和不动产证如何换发');
  await page.getByLabel(/^留言内容/).fill('我家有一本老林权证，现在需要换发不动产权证书吗？需要带什么材料？');
  await page.getByLabel(/^姓名/).fill('陈美玲');
  await page.getByLabel(/^联系电话/).fill('13788889999');
  await page.getByLabel(/同意在网站公开/).check();
  await page.getByRole('button', { name: '提交留言' }).click();
  const code = (await page.locator('#query-code').innerText()).trim();
  assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'letters-code.png'), fullPage: true });

  // 2. the handler drafts the reply, the head signs it
  const staff = await browser.newContext();
  const console = await staff.newPage();
  await signIn(console, 'zrzy.handler', 'Handler-pass-2026');
  await console.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '留言办理' }).click();
  await console.getByRole('link', { name: '林权证和不动产证如何换发' }).click();
  assert.equal((await console.locator('#letter-state').innerText()).trim(), '办理中');
  await console.getByText('起草答复', { exact: true }).first().click();
  await console.getByLabel('答复内容').fill('您好！已登记的林权证继续有效，不强制换发；办理转让、抵押等登记时一并换发不动产权证书，请携带身份证明和原林权证到县不动产登记中心办理。');
  await console.getByRole('button', { name: '起草答复' }).click();
  await console.waitForURL(/notice=draft/);
  assert.match(await console.getByRole('status').innerText(), /已完成“起草答复”/);
  assert.equal((await console.locator('#letter-state').innerText()).trim(), '答复待签发');
  const url = console.url().replace(/\?.*$/, '');
  await staff.close();

  const headContext = await browser.newContext();
  const head = await headContext.newPage();
  await signIn(head, 'zrzy.head', 'Head-pass-2026');
  await head.getByRole('link', { name: /留言答复待您审核签发/ }).click();
  await head.getByRole('link', { name: '林权证和不动产证如何换发' }).click();
  assert.equal(head.url(), url);
  await head.getByText('签发答复', { exact: true }).first().click();
  assert.ok(await head.getByLabel(/同时在门户公开答复/).isChecked());
  await head.getByRole('button', { name: '签发答复' }).click();
  await head.waitForURL(/notice=sign/);
  assert.equal((await head.locator('#letter-state').innerText()).trim(), '已答复');
  assert.match(await head.locator('#letter-published').innerText(), /已公开/);
  await head.screenshot({ path: join(SCREENSHOT_DIR, 'letters-signed.png'), fullPage: true });
  await headContext.close();

  // 3. the citizen reads the reply with the code and rates it
  await page.goto(`${base}/letters/lookup`);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询留言' }).click();
  assert.equal((await page.locator('#letter-state').innerText()).trim(), '已答复');
  assert.match(await page.locator('#reply-text').innerText(), /已登记的林权证继续有效/);
  await page.getByLabel('满意', { exact: true }).check();
  await page.getByRole('button', { name: '提交评价' }).click();
  assert.match(await page.getByRole('status').innerText(), /感谢您的评价/);
  assert.match(await page.locator('#letter-rating').innerText(), /满意/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'letters-rated.png'), fullPage: true });
  await citizen.close();

  // 4. with consent, on the portal, without the contact details
  const visitor = await browser.newPage();
  await visitor.goto(`${base}/orgs/QS-ZRZY/letters`);
  const published = visitor.locator('#published-letters');
  const text = await published.innerText();
  assert.match(text, /林权证和不动产证如何换发/);
  assert.match(text, /已登记的林权证继续有效/);
  assert.match(text, /网友/);
  const main = await visitor.locator('main').innerText();
  for (const secret of ['陈美玲', '13788889999']) assert.ok(!main.includes(secret), `the portal shows ${secret}`);
  await visitor.screenshot({ path: join(SCREENSHOT_DIR, 'letters-published.png'), fullPage: true });
  await visitor.close();
});
