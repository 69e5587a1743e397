// What the head of an agency signs and publishes, in Chromium, as the walk-through did:
// - issue 21 item 8: the 答复书 awaiting signature is on the case page word for word, one wording per
//   outcome, no template alternatives such as “（或告知获取该政府信息的方式、途径和时间）”;
// - issue 21 item 7: publishing a report again asks for a 修订说明 and confirmations, and the portal
//   then shows that it was revised, when, why, and the earlier version.
// Screenshots go with the test output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import * as applications from '../../src/applications/commands.ts';
import { saveReportVersion } from '../../src/report/commands.ts';
import { findVersion, listReportsOfOrg } from '../../src/report/store.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';
import { today } from '../../src/core/today.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR, signedIn } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let browser: Browser;
let base: string;
let head: Page;

before(async () => {
  t = await testApp();
  const { seedApplicationsDemo } = await import('../../src/applications/demo.ts');
  await seedApplicationsDemo(t.db);
  base = await listenForBrowser(t.app);
  browser = await launchBrowser();
  head = await signedIn(await browser.newContext(), base, 'zrzy.head');
});
after(async () => {
  await browser?.close();
  await t.close();
});

test('item 8: the head reads the whole 答复书 before signing; 予以公开 has one wording', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  // A case on time, replied “予以公开” by the handler: the wording the walk-through found with its alternative.
  const [c] = await t.db.query<{ id: number }>(`select id from applications where org_id = $1 and state = 'received' order by id limit 1`, [org.id]);
  await applications.draftReply(t.db, cliContext(), c!.id, { on: today(), outcome: 'granted', deliveredBy: '电子邮件', reasons: '所申请的文件随本答复书以电子邮件附件提供。' });
  await head.goto(`${base}/console/applications/${c!.id}`);
  const letter = head.locator('#reply-draft-text');
  await letter.scrollIntoViewIfNeeded();
  await head.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-reply-before-signing.png'), fullPage: true });
  const text = await letter.innerText();
  assert.match(text, /经审查，您申请的政府信息属于可以公开的政府信息，本机关予以公开。/);
  assert.match(text, /说明：所申请的文件随本答复书以电子邮件附件提供。/);
  assert.match(text, /六个月内依法向人民法院提起行政诉讼/, 'the remedy clause, as the letter carries it');
  assert.doesNotMatch(text, /（或/, 'no template alternative');
  assert.equal(await head.locator('summary', { hasText: '审核签发答复（负责人）' }).isVisible(), true, 'the head signs on the same page');
});

test('item 7: publishing again is a revision — 修订说明 and confirmations, then 已修订 and 修订记录 on the portal', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const report = (await listReportsOfOrg(t.db, org.id)).find((r) => r.year === 2025)!;
  const published = (await findVersion(t.db, report.id, report.publishedVersion!))!;
  const corrected = structuredClone(published.report) as AnnualReport2021;
  corrected.table2!.licensing.decisions = (corrected.table2!.licensing.decisions ?? 0) + 1;
  await saveReportVersion(t.db, cliContext(), report.id, { report: corrected, narrative: published.narrative, note: '更正行政许可决定数' });

  await head.goto(`${base}/console/reports/${report.id}`);
  const form = head.locator('#publish-form');
  assert.equal(await form.getByRole('heading').innerText(), '发布修订版');
  // Without a note the browser does not even send the form; the server refuses it as well (console test).
  await form.getByRole('button', { name: /发布第 \d+ 版（修订）/ }).click();
  assert.equal(await form.locator('textarea[name="revisionNote"]').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing), true);
  await form.locator('textarea[name="revisionNote"]').fill('更正表二“行政许可 本年处理决定数量”，原数字少计 1 件');
  for (const box of await form.locator('input[name="confirm"]').all()) await box.check();
  await form.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-report-revision-form.png') });
  await form.getByRole('button', { name: /发布第 \d+ 版（修订）/ }).click();
  await head.waitForURL(/notice=published/);

  const portal = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await portal.goto(`${base}/orgs/QS-ZRZY/reports/2025`);
  await portal.screenshot({ path: join(SCREENSHOT_DIR, 'issue21-report-revised-portal.png'), fullPage: true });
  assert.match(await portal.locator('main').innerText(), /已修订 修订日期：\d{4}-\d{2}-\d{2}/);
  const history = portal.locator('section.revisions');
  assert.match(await history.innerText(), /修订：更正表二“行政许可 本年处理决定数量”，原数字少计 1 件/);
  assert.match(await history.innerText(), /首次发布/);
  await history.getByRole('link', { name: '查看该版本' }).click();
  assert.match(await portal.locator('#superseded').innerText(), /^这是 \d{4}-\d{2}-\d{2} 发布的版本，已于 \d{4}-\d{2}-\d{2} 修订。/);
  await portal.close();
});
