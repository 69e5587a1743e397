// In a real browser: log in as the demo admin, change the initial password, reach the console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
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

test('demo admin logs in, must change the password, then reaches the console and switches organization', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/console`);
  assert.equal(new URL(page.url()).pathname, '/console/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/console/password`);
  assert.ok(await page.getByText('首次登录：请修改密码').isVisible());

  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel(/^新密码/).fill('Browser-pass-2026');
  await page.getByLabel('再次输入新密码').fill('Browser-pass-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(`${base}/console?notice=password-changed`);
  assert.ok(await page.getByRole('heading', { name: '工作台' }).isVisible());
  assert.ok(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).isVisible());

  // The switcher submits on change through the local script (progressive enhancement).
  const forestry = await page.locator('#org-switch option', { hasText: '青山县林业局' }).getAttribute('value');
  await Promise.all([page.waitForNavigation(), page.getByLabel('当前机构').selectOption(forestry!)]);
  assert.ok(await page.getByRole('heading', { name: '青山县林业局' }).isVisible());
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-home.png'), fullPage: true });

  await page.getByRole('link', { name: '用户' }).click();
  assert.ok(await page.getByRole('heading', { name: '用户', exact: true }).isVisible());
  assert.equal(await page.title(), '用户 · 县林业局 · gongkai 管理后台', 'the organization named once');
  await page.close();
});

test('Chinese text is drawn with real glyphs (the npm font), not empty boxes', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  // Two different characters drawn alike are the "tofu" box of a missing font.
  const drawn = await page.evaluate(() =>
    ['公', '开', '\uE000'].map((ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.font = `40px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(ch, 4, 40);
      return canvas.toDataURL();
    }),
  );
  const [gong, kai, missing] = drawn;
  assert.notEqual(gong, kai);
  assert.notEqual(gong, missing);
  assert.notEqual(kai, missing);
  await page.close();
});
