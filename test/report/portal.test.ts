// The public report pages: each organization's published reports, the printable page of a
// year with its downloads, imported reports marked with their findings, drafts never shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createReport, publishReport, saveReportVersion } from '../../src/report/commands.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';
import { readReport } from '../../src/report/model/parse.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

test('the organization page links to its reports; the list shows published reports only', async () => {
  const org = await get('/orgs/QS-ZRZY');
  assert.match(org.body, /<a href="\/orgs\/QS-ZRZY\/reports">政府信息公开工作年度报告<\/a>/);
  const list = await get('/orgs/QS-ZRZY/reports');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<a href="\/orgs\/QS-ZRZY\/reports\/2025">2025 年度报告<\/a>[\s\S]*?本机关发布/);
  assert.match(list.body, /<a href="\/orgs\/QS-ZRZY\/reports\/2024">2024 年度报告<\/a>/);
  const imported = await get('/orgs/QS-STHJ/reports');
  assert.match(imported.body, /2025 年度报告<\/a>[\s\S]*?<span class="tag">导入<\/span>[\s\S]*?2 条/);
  assert.match((await get('/orgs/QS-SL/reports')).body, /暂无已发布的年度报告/);
  assert.equal((await get('/orgs/NOPE/reports')).statusCode, 404);
});

test('the printable page: the official layout inside the portal, no script, download links', async () => {
  const res = await get('/orgs/QS-ZRZY/reports/2025');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>青山县自然资源局2025年政府信息公开工作年度报告<\/h1>/);
  assert.equal((res.body.match(/<h1>/g) ?? []).length, 1, 'the title once');
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(res.body.includes(`>${h}</h2>`), h);
  }
  assert.match(res.body, /<th [^>]*colspan="7">申请人情况<\/th>/);
  assert.match(res.body, /全年共收到政府信息公开申请\d+件/);
  assert.match(res.body, /本年度因政府信息公开发生行政复议2件/);
  assert.doesNotMatch(res.body, /<script/);
  assert.doesNotMatch(res.body, /本报告由已公布的原文导入/);
  for (const ext of ['docx', 'xlsx', 'pdf', 'json', 'html']) assert.ok(res.body.includes(`href="/orgs/QS-ZRZY/reports/2025.${ext}"`), ext);
});

test('downloads in every format, by extension or ?format=', async () => {
  const docx = await get('/orgs/QS-ZRZY/reports/2025.docx');
  assert.equal(docx.statusCode, 200);
  assert.match(String(docx.headers['content-type']), /wordprocessingml/);
  assert.match(String(docx.headers['content-disposition']), /attachment; filename="?QS-ZRZY-2025\.docx"?; filename\*=UTF-8''/);
  assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
  const xlsx = await get('/orgs/QS-ZRZY/reports/2025?format=xlsx');
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const pdf = await get('/orgs/QS-ZRZY/reports/2024.pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const json = await get('/orgs/QS-ZRZY/reports/2025.json');
  const report = readReport(json.body);
  assert.equal(report.year, 2025);
  assert.deepEqual(report.table4!.review, [1, 1, 0, 0, 2], 'the demo register\'s 复议 of 2025: 维持 1, 纠正 1');
  const page = await get('/orgs/QS-ZRZY/reports/2025.html');
  assert.match(page.body, /^<!DOCTYPE html>/);
  assert.equal((await get('/orgs/QS-ZRZY/reports/2025.odt')).statusCode, 404);
  assert.equal((await get('/orgs/QS-ZRZY/reports/2025?format=odt')).statusCode, 404);
  assert.equal((await get('/orgs/QS-ZRZY/reports/2023')).statusCode, 404);
});

test('an imported report is marked 导入 with its findings', async () => {
  const res = await get('/orgs/QS-STHJ/reports/2025');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<span class="tag">导入<\/span> 本报告由已公布的原文导入/);
  assert.match(res.body, /核对发现 2 条错误、0 条警告/);
  assert.match(res.body, /表三“自然人”列勾稽关系不成立：第一项加第二项之和为 9/);
});

test('drafts are never public; after an edit the published version stays until republished', async () => {
  const sl = (await findOrgByCode(t.db, 'QS-SL'))!;
  const { report, version } = await createReport(t.db, cliContext(), { orgId: sl.id, year: 2024 });
  assert.equal((await get('/orgs/QS-SL/reports/2024')).statusCode, 404);
  assert.equal((await get('/orgs/QS-SL/reports/2024.json')).statusCode, 404);
  assert.equal((await get('/orgs/QS-SL/reports/2024.pdf')).statusCode, 404);
  await publishReport(t.db, cliContext(), report.id);
  assert.equal((await get('/orgs/QS-SL/reports/2024')).statusCode, 200);

  const edited = JSON.parse(JSON.stringify(version.report)) as AnnualReport2021;
  edited.table2!.licensing.decisions = 4321;
  await saveReportVersion(t.db, cliContext(), report.id, { report: edited });
  assert.doesNotMatch((await get('/orgs/QS-SL/reports/2024')).body, /4321/, 'the draft is not shown');
  assert.equal(readReport((await get('/orgs/QS-SL/reports/2024.json')).body).table2 !== null, true);
  await publishReport(t.db, cliContext(), report.id, { revisionNote: '更正行政许可决定数', confirmed: true });
  const revised = (await get('/orgs/QS-SL/reports/2024')).body;
  assert.match(revised, />4321</);
  // The public sees that it changed: the revision date, the 修订说明, the earlier version.
  assert.match(revised, /<span class="tag">已修订<\/span> 修订日期：\d{4}-\d{2}-\d{2}/);
  assert.match(revised, /<h2 id="revisions-title">修订记录<\/h2>/);
  assert.match(revised, /修订：更正行政许可决定数/);
  assert.match(revised, /首次发布\s*<a href="\/orgs\/QS-SL\/reports\/2024\?version=1">查看该版本<\/a>/);
  const earlier = await get('/orgs/QS-SL/reports/2024?version=1');
  assert.equal(earlier.statusCode, 200);
  assert.doesNotMatch(earlier.body, />4321</);
  assert.match(earlier.body, /id="superseded">这是 .* 发布的版本，已于 .* 修订。/);
  assert.match(earlier.body, /href="\/orgs\/QS-SL\/reports\/2024.pdf\?version=1"/);
  assert.equal((await get('/orgs/QS-SL/reports/2024.json?version=1')).statusCode, 200);
  assert.equal((await get('/orgs/QS-SL/reports/2024?version=9')).statusCode, 404, 'never a version that was not published');
  const list = (await get('/orgs/QS-SL/reports')).body;
  assert.match(list, /<span class="tag">已修订<\/span>/);
});
