// The portal on a phone (390 px wide, as the walk-through used): a report's numbers never break
// across lines (20 is never "2 / 0"), its tables scroll inside their own box, the item's metadata
// stacks, and no page scrolls sideways. In Chromium, with screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await testApp();
  const { seedCatalogueDemo } = await import('../../src/catalogue/demo.ts');
  await seedCatalogueDemo(t.db, [2025]);
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

const PHONE = { width: 390, height: 844 };

async function phonePage(path: string, shot: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 1 });
  const res = await page.goto(`${base}${path}`);
  assert.equal(res?.status(), 200, path);
  await page.screenshot({ path: join(SCREENSHOT_DIR, shot), fullPage: true });
  return page;
}

/** How far the page itself scrolls sideways (0: it fits the screen). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a report on a phone: every number on one line, the tables scroll in their own box, the page does not', async () => {
  const page = await phonePage('/orgs/QS-ZRZY/reports/2025', 'mobile-report.png');
  const broken = await page.locator('table.gk-table td').evaluateAll((tds) =>
    tds
      .filter((td) => /^\d+$/.test((td.textContent ?? '').trim()))
      .filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((td) => td.textContent),
  );
  assert.deepEqual(broken, [], 'numbers broken across lines');
  assert.ok((await page.locator('table.gk-table').count()) >= 3);
  const boxes = await page.locator('table.gk-table').evaluateAll((tables) => tables.map((t) => getComputedStyle(t.parentElement!).overflowX));
  assert.ok(boxes.every((o) => o === 'auto' || o === 'scroll'), `each table in a scrolling box: ${boxes.join(', ')}`);
  assert.equal(await sideways(page), 0, 'the page does not scroll sideways');
  await page.close();
});

test('search on a phone does not scroll sideways', async () => {
  const page = await phonePage('/search?q=%E5%9C%9F%E5%9C%B0', 'mobile-search.png');
  assert.ok((await page.locator('ol.results li, .results li').count()) > 0, 'there are results');
  assert.equal(await sideways(page), 0);
  await page.close();
});

test('an item page on a phone: the metadata stacks (label above value) and fits', async () => {
  // the first item the portal's search lists, as a person would reach it
  const search = await t.app.inject({ url: '/search?q=%E5%9C%9F%E5%9C%B0' });
  const href = /href="(\/items\/\d+)"/.exec(search.body)?.[1];
  assert.ok(href, 'an item to open');
  const page = await phonePage(href, 'mobile-item.png');
  const layout = await page.locator('table.meta').evaluate((table) => {
    const th = table.querySelector('th')!.getBoundingClientRect();
    const td = table.querySelector('td')!.getBoundingClientRect();
    return { labelAbove: th.bottom <= td.top + 1, valueWidth: td.width };
  });
  assert.ok(layout.labelAbove, 'the label stands above its value');
  assert.ok(layout.valueWidth > 300, `the value has the width of the screen (${layout.valueWidth} px)`);
  assert.equal(await sideways(page), 0);
  await page.close();
});

test('printing: an item page prints without the site header; the print view has 打印 and 关闭 buttons', async () => {
  const search = await t.app.inject({ url: '/search?q=%E5%9C%9F%E5%9C%B0' });
  const href = /href="(\/items\/\d+)"/.exec(search.body)![1]!;
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.goto(`${base}${href}`);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() =>
    ['.portal-header', '.portal-footer', '.site-search', '.searchbox', '.breadcrumb'].filter((sel) => {
      const el = document.querySelector(sel);
      return el && getComputedStyle(el).display !== 'none';
    }),
  );
  assert.deepEqual(printed, [], 'the site frame is not printed');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-item.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${base}${href}/print`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-view.png'), fullPage: true });
  const printButton = page.getByRole('button', { name: '打印' });
  assert.equal(await printButton.isVisible(), true);
  assert.equal(await page.getByRole('button', { name: '关闭' }).isVisible(), true);
  // 打印 opens the browser's print dialog: window.print is called
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await printButton.click();
  assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await printButton.isVisible(), false, 'the buttons themselves are not printed');
  await page.close();
});
