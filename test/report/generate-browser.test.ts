// Issue 16 acceptance in Chromium: the head of 青山县自然资源局 generates this year's report from the
// records, reads a cell's sources, overrides one cell with a reason (marked on the sources page, and
// the text follows the number), publishes, and the portal shows the report with the overridden number
// and no mark of the override.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { currentYear } from '../../src/core/today.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;
const year = currentYear();

before(async () => {
  t = await testApp();
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

test('the head generates the report, sees the sources of a cell, overrides it with a reason, publishes; the portal shows it', async () => {
  const head = await signedIn(await browser.newContext(), base, 'zrzy.head');
  await head.goto(`${base}/console/reports`);
  const form = head.locator('form.generate-form');
  await form.locator('input[name="year"]').fill(String(year));
  await form.getByRole('button', { name: '生成年度报告' }).click();
  await head.waitForURL(/\/sources\?notice=generated/);
  assert.match(await head.locator('h1').innerText(), new RegExp(`${year} 年度报告 · 数据来源`));

  // 行政许可: the decisions of the ledger, with a link to them.
  const licensing = head.locator('tr#cell-table2-licensing-decisions');
  const counted = Number(await licensing.locator('td').first().innerText());
  assert.ok(counted > 0, 'decisions from the 第二十条 ledger');
  assert.match(await licensing.innerText(), /行政许可决定 \d+ 件/);
  assert.match((await licensing.locator('a').first().getAttribute('href'))!, /^\/console\/article20/);
  await head.screenshot({ path: join(SCREENSHOT_DIR, 'issue16-report-sources.png'), fullPage: true });

  // Override: two decisions made before the ledger was kept.
  const override = head.locator('#override-form');
  await override.locator('select[name="cell"]').selectOption('table2.licensing.decisions');
  await override.locator('input[name="value"]').fill(String(counted + 2));
  await override.locator('textarea[name="reason"]').fill('平台上线前以纸质方式作出的行政许可决定 2 件，未录入台账');
  await override.getByRole('button', { name: '保存修改并重新生成' }).click();
  await head.waitForURL(/notice=overridden/);
  const marked = head.locator('tr#cell-table2-licensing-decisions');
  assert.equal(await marked.getAttribute('class'), 'overridden');
  assert.match(await marked.innerText(), new RegExp(`手工修改[\\s\\S]*记录计算为 ${counted}，自然资源局负责人 于 .* 手工修改为 ${counted + 2}。原因：平台上线前`));
  await head.screenshot({ path: join(SCREENSHOT_DIR, 'issue16-report-override.png'), fullPage: true });

  // The report: its text states the overridden number; publish.
  await head.getByRole('link', { name: '返回报告' }).click();
  assert.match(await head.locator('main').innerText(), new RegExp(`作出行政许可决定${counted + 2}件`));
  const publish = head.locator('#publish-form');
  for (const box of await publish.locator('input[name="confirm"]').all()) await box.check();
  await publish.getByRole('button', { name: /发布第 \d+ 版/ }).click();
  await head.waitForURL(/notice=published/);

  const portal = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const res = await portal.goto(`${base}/orgs/QS-ZRZY/reports/${year}`);
  assert.equal(res?.status(), 200);
  const text = await portal.locator('main').innerText();
  assert.match(text, new RegExp(`作出行政许可决定${counted + 2}件`));
  assert.doesNotMatch(text, /手工修改|平台上线前/, 'the override is the agency\'s working, not the published report');
  await portal.screenshot({ path: join(SCREENSHOT_DIR, 'issue16-report-portal.png'), fullPage: true });
});
