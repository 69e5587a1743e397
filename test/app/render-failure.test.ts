// A file that cannot be made (here: the PDF fonts are missing, as on a machine where `npm ci` did not
// finish) is a page in the site's frame that says what failed and gives an error number; the log
// has the cause under that number. Also the 404 page in the portal's frame. In Chromium, with screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

// Before any PDF is made in this process: the fonts are looked for once, here in an empty folder.
process.env.GONGKAI_CJK_FONT_DIR = mkdtempSync(join(tmpdir(), 'gongkai-no-fonts-'));

let t: TestApp;
let browser: Browser;
let base: string;
const log: string[] = [];

before(async () => {
  const logStream = new Writable({ write: (chunk, _enc, done) => (log.push(String(chunk)), done()) });
  t = await testApp({ logLevel: 'error' }, logStream);
  const { seedApplicationsDemo } = await import('../../src/applications/demo.ts');
  await seedApplicationsDemo(t.db);
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** The log record of a request id, as the administrator would look it up. */
const logged = (id: string) => log.map((l) => JSON.parse(l) as { reqId?: string; msg: string; err?: { message?: string } }).find((r) => r.reqId === id);

test('a report PDF that cannot be made: the portal frame, what failed, an error number the log explains', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const res = await page.goto(`${base}/orgs/QS-ZRZY/reports/2025.pdf`);
  assert.equal(res?.status(), 500);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'render-failure-report-pdf.png'), fullPage: true });
  assert.equal(await page.locator('header.portal-header a.brand').count(), 1, 'the site header is there');
  assert.equal(await page.locator('footer.portal-footer').count(), 1);
  assert.equal(await page.locator('h1').innerText(), '系统错误');
  assert.match(await page.locator('[role=alert]').innerText(), /^年度报告 PDF 文件生成失败，请稍后再试，或先下载其他格式。/);
  const id = await page.locator('code').innerText();
  const record = logged(id);
  assert.ok(record, `the log has request ${id}`);
  assert.match(record.err?.message ?? '', /年度报告 PDF 文件生成失败.*: 未找到 PDF 所需的中文字体/);
  await page.close();
  // the other formats still work, as the page says
  const docx = await t.app.inject({ url: '/orgs/QS-ZRZY/reports/2025.docx' });
  assert.equal(docx.statusCode, 200);
});

test('a letter PDF that cannot be made: the console frame for the handler; the DOCX still downloads', async () => {
  const handler = await new Client(t.app).loginReady('zrzy.handler');
  const [c] = await t.db.query<{ id: number }>(`select a.id from applications a join application_letters l on l.case_id = a.id order by a.id limit 1`);
  const pdf = await handler.get(`/console/applications/${c!.id}/letter?kind=receipt&format=pdf`, { accept: 'text/html' });
  assert.equal(pdf.statusCode, 500);
  assert.match(pdf.body, /<body class="console bare">/);
  assert.match(pdf.body, /回执（PDF）生成失败，请稍后再试，或先下载其他格式。/);
  assert.match(pdf.body, /<a href="\/console">返回工作台<\/a>/);
  const docx = await handler.get(`/console/applications/${c!.id}/letter?kind=receipt`);
  assert.equal(docx.statusCode, 200);
});

test('a page that does not exist is a 404 in the portal frame', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const res = await page.goto(`${base}/no/such/page`);
  assert.equal(res?.status(), 404);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-404.png'), fullPage: true });
  assert.equal(await page.locator('h1').innerText(), '页面不存在');
  assert.equal(await page.locator('header.portal-header').count(), 1);
  assert.equal(await page.locator('form.site-search').count(), 1, 'the search box to go on from');
  await page.close();
});
