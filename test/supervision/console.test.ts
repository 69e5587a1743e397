// The region dashboard's report table through HTTP: the county office's supervisor (jiandu) sees every
// department's report of last year, sorted by errors first; sorting by name; the XLSX export read back;
// an editor of one agency is refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { currentYear } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let jiandu: Client;
const year = currentYear() - 1;

before(async () => {
  t = await testApp();
  jiandu = await new Client(t.app).loginReady('jiandu');
});
after(() => t.close());

/** The agencies of the report table, in the order shown. */
const names = (body: string) => {
  const table = /<table class="data supervision-reports">[\s\S]*?<\/table>/.exec(body)![0];
  return [...table.matchAll(/<tr data-code="([^"]+)">/g)].map((m) => m[1]);
};

test('the dashboard lists the agencies below with their reports, errors first; sortable; the chart is drawn', async () => {
  const res = await jiandu.get(`/console/supervision?year=${year}`);
  assert.equal(res.statusCode, 200);
  const codes = names(res.body);
  assert.equal(codes[0], 'QS-STHJ', 'the report with errors first');
  assert.ok(codes.includes('QS-ZRZY') && codes.includes('113301000000000001'));
  assert.match(res.body, /<svg class="chart-on-time" role="img" aria-label="按时发布 \d+ 个/);
  assert.match(res.body, /<code>table3\.balance<\/code>/);
  // the modules' sections: applications and catalogue health across the agencies
  assert.match(res.body, /<h2 id="region-applications">依申请公开办理情况<\/h2>[\s\S]*<tr data-code="QS-ZRZY"><th scope="row">青山县自然资源局<\/th><td>\d+<\/td>/);
  assert.match(res.body, /<h2 id="region-catalogue">主动公开栏目检查<\/h2>[\s\S]*<table class="data region-catalogue">/);
  assert.match(res.body, /<h2 id="region-inspection">内容检查（最近一次）<\/h2>[\s\S]*<tr data-code="QS-ZRZY"><th scope="row">青山县自然资源局<\/th><td colspan="\d+" class="muted">尚未检查<\/td>/);
  const byName = await jiandu.get(`/console/supervision?year=${year}&sort=name&dir=asc`);
  const sorted = names(byName.body);
  assert.deepEqual(sorted, [...sorted].sort((a, b) => {
    const name = (code: string) => new RegExp(`<tr data-code="${code}">\\s*<th scope="row">(?:<a[^>]*>)?([^<]+)`).exec(byName.body)![1]!;
    return name(a!).localeCompare(name(b!), 'zh-CN');
  }));
});

test('the XLSX export has one row per agency with its standing and findings', async () => {
  const res = await jiandu.get(`/console/supervision/reports.xlsx?year=${year}`);
  assert.equal(res.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 4), ['机关代码', '机关', '状态', '发布日期']);
  const rows = new Map<string, unknown[]>();
  ws.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
  });
  assert.equal(rows.get('QS-STHJ')![2], '已导入');
  assert.ok(Number(rows.get('QS-STHJ')![6]) >= 1);
  assert.match(String(rows.get('QS-STHJ')![8]), /table3\.balance/);
});

test('an editor of one agency may not see the region', async () => {
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  assert.equal((await editor.get('/console/supervision')).statusCode, 403);
});
