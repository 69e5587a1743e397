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

/** The aria-label of the chart whose <svg> has `cls`, unescaped. */
const ariaOf = (body: string, cls: string) => {
  const m = new RegExp(`<svg class="${cls}" role="img" aria-label="([^"]*)"`).exec(body);
  assert.ok(m, `the ${cls} chart is drawn`);
  return m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};
/** "label：A 3 件，B 0 件；…" of a chart's text equivalent, as label → [series, n][] */
const chartRows = (label: string) =>
  new Map(label.split('。').slice(1).join('。').split('；').map((row) => {
    const [name, values] = row.split('：') as [string, string];
    return [name, values.split('，').map((v) => { const m = /^(.*) (\d+) [件个]$/.exec(v)!; return [m[1]!, Number(m[2])] as const; })];
  }));
/** The cells of a table's body rows, tags removed, by the row's data-code. */
const tableCells = (body: string, cls: string) => {
  const table = new RegExp(`<table class="data ${cls}">[\\s\\S]*?</table>`).exec(body)![0];
  return new Map([...table.matchAll(/<tr data-code="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [
    m[1]!,
    [...m[2]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<span class="small change"[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, '').trim()),
  ]));
};

test('the outcome-mix chart draws the applications table\'s outcome columns: the region\'s total, then the busiest agencies', async () => {
  // cases concluded last year in two departments: 3 granted, 1 partly, 1 withheld; 2 not processed, 1 not held
  const outcomes: [string, string][] = [
    ['QS-ZRZY', 'granted'], ['QS-ZRZY', 'granted'], ['QS-ZRZY', 'granted'], ['QS-ZRZY', 'partiallyGranted'], ['QS-ZRZY', 'withheld.stateSecret'],
    ['QS-STHJ', 'notProcessed.repeated'], ['QS-STHJ', 'notProcessed.repeated'], ['QS-STHJ', 'unavailable.notHeld'],
  ];
  for (const [i, [code, outcome]] of outcomes.entries()) {
    await t.db.query(
      `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind, applicant_column,
         info_title, form_wanted, delivery, fingerprint)
       select id, $2, 'closed', 'in_person', $3::date, $3::date, $3::date + 10, $4, 'natural', 'natural', '测试申请', 'electronic', 'online', $2
       from organizations where code = $1`,
      [code, `CHART-${i}`, `${year}-05-${String(10 + i).padStart(2, '0')}`, outcome],
    );
  }
  const res = await jiandu.get(`/console/supervision?year=${year}`);
  const chart = chartRows(ariaOf(res.body, 'chart-outcomes'));
  const cells = tableCells(res.body, 'region-applications');
  // columns: 机关, 办理中, 逾期, 即将到期, 办结, then the five outcome groups, then the median
  const groups = ['予以公开（含部分）', '不予公开', '无法提供', '不予处理', '其他处理'];
  const total = chart.get('全地区合计')!;
  assert.deepEqual(total.map(([s]) => s), groups);
  for (const [i, g] of groups.entries()) {
    const sum = [...cells.values()].reduce((s, row) => s + Number(row[5 + i]), 0);
    assert.equal(total[i]![1], sum, `the region's ${g}`);
  }
  assert.ok(total[0]![1] >= 4 && total[1]![1] >= 1 && total[2]![1] >= 1 && total[3]![1] >= 2, `the cases concluded last year are counted: ${total}`);
  // each agency drawn has its table row's numbers, and they are the busiest
  const byName = new Map([...cells.values()].map((row) => [row[0]!, row]));
  const drawn = [...chart.keys()].filter((k) => k !== '全地区合计');
  assert.ok(drawn.length >= 1 && drawn.length <= 10);
  for (const name of drawn) assert.deepEqual(chart.get(name)!.map(([, n]) => n), byName.get(name)!.slice(5, 10).map(Number), name);
  const least = Math.min(...drawn.map((n) => Number(byName.get(n)![4])));
  assert.ok([...byName.entries()].filter(([n]) => !drawn.includes(n)).every(([, row]) => Number(row[4]) <= least), 'no agency left out concluded more');
  assert.match(res.body, /<figcaption>\d{4} 年办结申请的处理结果：全地区合计/);
});

test('the trend charts give five years up to the selected one: the report table\'s counts and its received total for that year', async () => {
  const res = await jiandu.get(`/console/supervision?year=${year}`);
  assert.match(res.body, /<h2 id="region-trend">历年趋势<\/h2>/);
  const trend = chartRows(ariaOf(res.body, 'chart-report-trend'));
  assert.deepEqual([...trend.keys()], [4, 3, 2, 1, 0].map((k) => `${year - k} 年度`));
  // the selected year's column is the on-time chart of the report table
  const onTime = new Map(ariaOf(res.body, 'chart-on-time').split('，').map((p) => { const m = /^(.*) (\d+) 个$/.exec(p)!; return [m[1]!, Number(m[2])] as const; }));
  assert.deepEqual(new Map(trend.get(`${year} 年度`)!), onTime);
  const agencies = tableCells(res.body, 'supervision-reports').size;
  for (const [y, values] of trend) assert.equal(values.reduce((s, [, n]) => s + n, 0), agencies, `every agency counted once in ${y}`);
  // received: the sum of the table's 新收申请 column (— where there is no report)
  const received = [...tableCells(res.body, 'supervision-reports').values()].map((row) => row[5]!).filter((x) => x !== '—').map(Number);
  const line = new Map(ariaOf(res.body, 'chart-received-trend').split('。')[1]!.split('；').map((p) => p.split('：') as [string, string]));
  assert.deepEqual([...line.keys()], [4, 3, 2, 1, 0].map((k) => `${year - k} 年度`));
  assert.equal(line.get(`${year} 年度`), received.length ? `${received.reduce((a, b) => a + b, 0)} 件` : '无数据');
  // an earlier year shows the same numbers when it is the selected one
  const before = await jiandu.get(`/console/supervision?year=${year - 1}`);
  assert.deepEqual(chartRows(ariaOf(before.body, 'chart-report-trend')).get(`${year - 1} 年度`), trend.get(`${year - 1} 年度`));
});
