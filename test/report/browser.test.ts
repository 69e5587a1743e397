// In Chromium: the public page of a demo report in the official layout (row and column labels,
// the merged header cells as laid out on screen), and the console editor's live findings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { launchBrowser, listenForBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { findReportByOrgYear, findVersion } from '../../src/report/store.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';

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

/** 自然资源局's published report of a year, as the database holds it. */
async function publishedReport(year: number): Promise<AnnualReport2021> {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const stored = (await findReportByOrgYear(t.db, org.id, year))!;
  return (await findVersion(t.db, stored.id, stored.publishedVersion!))!.report as AnnualReport2021;
}

interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  box: { x: number; y: number; width: number; height: number };
}

test('the public page of a demo report has the official table structure and merged headers', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const res = await page.goto(`${base}/orgs/QS-ZRZY/reports/2025`);
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('h1').innerText(), '青山县自然资源局2025年政府信息公开工作年度报告');
  assert.equal(await page.locator('script').count(), 0, 'no JavaScript on the public page');

  const tables = page.locator('article.gk-report table');
  assert.equal(await tables.count(), 3);
  const headers = async (index: number): Promise<HeaderCell[]> =>
    tables.nth(index).locator('th').evaluateAll((ths) =>
      ths.map((th) => {
        const r = th.getBoundingClientRect();
        const cell = th as HTMLTableCellElement;
        return { text: th.textContent ?? '', colSpan: cell.colSpan, rowSpan: cell.rowSpan, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }),
    );
  const [t2, t3, t4] = [await headers(0), await headers(1), await headers(2)];
  const find = (cells: HeaderCell[], text: string) => {
    const found = cells.filter((c) => c.text === text);
    assert.equal(found.length, 1, `“${text}” once`);
    return found[0]!;
  };

  // Table 2: the four sub-tables with their row and column labels.
  for (const label of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) assert.equal(find(t2, label).colSpan, 4);
  for (const label of ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '本年制发件数', '本年废止件数', '现行有效件数']) find(t2, label);
  assert.equal(find(t2, '本年收费金额（单位：万元）').colSpan, 3);

  // Table 3: the 3-row header and the merged row groups.
  const applicants = find(t3, '申请人情况');
  const legal = find(t3, '法人或其他组织');
  const natural = find(t3, '自然人');
  const total = find(t3, '总计');
  const outcomes = find(t3, '三、本年度办理结果');
  assert.deepEqual([applicants.colSpan, applicants.rowSpan], [7, 1]);
  assert.deepEqual([legal.colSpan, legal.rowSpan], [5, 1]);
  assert.deepEqual([natural.rowSpan, total.rowSpan], [2, 2]);
  assert.deepEqual([outcomes.colSpan, outcomes.rowSpan], [1, 22]);
  assert.equal(find(t3, '（三）不予公开').rowSpan, 8);
  assert.equal(find(t3, '（六）其他处理').rowSpan, 3);
  for (const label of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '1.属于国家秘密', '（七）总计', '四、结转下年度继续办理', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) {
    find(t3, label);
  }
  // As laid out: 申请人情况 spans from 自然人 to 总计; 法人或其他组织 sits between them.
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  assert.ok(near(applicants.box.x, natural.box.x), '申请人情况 starts above 自然人');
  assert.ok(near(applicants.box.x + applicants.box.width, total.box.x + total.box.width), '申请人情况 ends above 总计');
  assert.ok(near(legal.box.x, natural.box.x + natural.box.width) && near(legal.box.x + legal.box.width, total.box.x));
  assert.ok(outcomes.box.height > 10 * natural.box.height / 2, '三、本年度办理结果 runs down its rows');

  // Table 4: 行政复议 over 5 columns, 行政诉讼 over 10, each litigation group over 5.
  const review = find(t4, '行政复议');
  const litigation = find(t4, '行政诉讼');
  assert.deepEqual([review.colSpan, litigation.colSpan], [5, 10]);
  assert.equal(find(t4, '未经复议直接起诉').colSpan, 5);
  assert.equal(find(t4, '复议后起诉').colSpan, 5);
  assert.equal(t4.filter((c) => c.text === '结果维持').length, 3);
  assert.ok(near(litigation.box.x, review.box.x + review.box.width));

  // The numbers of the published version in their cells.
  const published = await publishedReport(2025);
  assert.equal(await page.locator('td[data-cell="table3:newReceived:0"]').innerText(), String(published.table3!.newReceived[0]));
  assert.equal(await page.locator('td[data-cell="table2:licensing:decisions"]').innerText(), String(published.table2!.licensing.decisions));
  assert.equal(await page.locator('td[data-cell="table4:review:4"]').innerText(), '2', 'the two 复议 of the demo register');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-portal-2025.png'), fullPage: true });
  await page.close();
});

test('the console editor updates the findings while the clerk types', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}/console/login`);
  await page.getByLabel('用户名').fill('zrzy.editor');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/console/password`);
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel(/^新密码/).fill('Editor-pass-2026');
  await page.getByLabel('再次输入新密码').fill('Editor-pass-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/console\?notice=password-changed/);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年度报告' }).click();
  await page.getByRole('link', { name: '2025 年度' }).click();
  assert.equal(await page.locator('#findings-summary').innerText(), '未发现问题');
  const cell = page.getByLabel('表三第1行“一、本年新收政府信息公开申请数量”“自然人”列');
  const stored = String((await publishedReport(2025)).table3!.newReceived[0]);
  assert.equal(await cell.inputValue(), stored);
  // typing before the deferred script listens would check nothing (seen on a loaded machine)
  await page.locator('#report-entry[data-live="on"]').waitFor();
  await cell.fill(String(Number(stored) + 1));
  await page.locator('#findings li.finding-error', { hasText: '表三“自然人”列勾稽关系不成立' }).waitFor();
  assert.match(await page.locator('#findings-summary').innerText(), /错误 \d+ 条.*（未保存）/);
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.match((await cell.locator('xpath=..').getAttribute('class')) ?? '', /finding-error/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-console-editor.png'), fullPage: true });
  await page.locator('.findings').screenshot({ path: join(SCREENSHOT_DIR, 'report-console-findings.png') });
  await page.locator('table.gk-table3').screenshot({ path: join(SCREENSHOT_DIR, 'report-console-table3.png') });

  // Back to the stored number: the findings clear again, and nothing was saved meanwhile.
  await cell.fill(stored);
  await page.locator('#findings-summary', { hasText: '未发现问题（未保存）' }).waitFor();
  const versions = await t.db.query<{ n: number }>(`select count(*)::int as n from report_versions v join reports r on r.id = v.report_id join organizations o on o.id = r.org_id where o.code = 'QS-ZRZY' and r.year = 2025`);
  assert.equal(versions[0]!.n, 2);
  await page.close();
});
