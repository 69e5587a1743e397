// Issue 17 acceptance (the dashboard part) in Chromium: jiandu, the county office's supervisor, opens the
// region dashboard, sees the charts (on time, the trend over years, the outcome mix), sorts by errors,
// opens an agency's findings, and exports the XLSX (read back here).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { currentYear } from '../../src/core/today.ts';
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

test('jiandu: the dashboard, its chart, sorting by errors, an agency\'s findings, the XLSX export', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await signedIn(context, base, 'jiandu');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本地区报告' }).click();
  await page.waitForURL(/\/console\/supervision/);
  assert.equal(await page.locator('svg.chart-on-time').isVisible(), true);
  assert.match((await page.locator('svg.chart-on-time').getAttribute('aria-label'))!, /按时发布 \d+ 个/);
  // the trend over five years and the outcome mix, drawn with their numbers as text
  for (const cls of ['chart-report-trend', 'chart-received-trend', 'chart-outcomes']) assert.equal(await page.locator(`svg.${cls}`).isVisible(), true, cls);
  assert.match((await page.locator('svg.chart-report-trend').getAttribute('aria-label'))!, new RegExp(`^历年年度报告发布情况。${currentYear() - 5} 年度：按时发布 \\d+ 个`));
  assert.match((await page.locator('svg.chart-outcomes').getAttribute('aria-label'))!, /^\d{4} 年办结申请的处理结果。全地区合计：予以公开（含部分） \d+ 件/);
  assert.match(await page.locator('svg.chart-report-trend').innerHTML(), new RegExp(`<text[^>]*>${currentYear() - 1} 年度</text>`), 'the years are written under the columns');

  const errorsHeader = page.locator('table.supervision-reports thead th', { hasText: '错误' });
  await errorsHeader.getByRole('link').click(); // sorted by errors already: this turns it ascending
  await page.waitForURL(/sort=errors&dir=asc/);
  await page.locator('table.supervision-reports thead th', { hasText: '错误' }).getByRole('link').click();
  await page.waitForURL(/sort=errors&dir=desc/);
  assert.equal(await page.locator('table.supervision-reports thead th[aria-sort="descending"]').innerText(), '错误 ↓');
  const first = page.locator('table.supervision-reports tbody tr').first();
  assert.equal(await first.getAttribute('data-code'), 'QS-STHJ');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'issue17-dashboard.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const file = join(SCREENSHOT_DIR, 'issue17-dashboard.xlsx');
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const codes: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  assert.ok(codes.includes('QS-STHJ') && codes.includes('QS-ZRZY'), codes.join(','));

  await first.getByRole('link').click();
  await page.waitForURL(/\/console\/reports\/\d+$/);
  assert.match(await page.locator('#findings').innerText(), /表三“自然人”列勾稽关系不成立|勾稽/);
  assert.match(await page.locator('h1').first().innerText(), new RegExp(`${currentYear() - 1} 年度报告`));
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'issue17-agency-findings.png'), fullPage: true });
});
