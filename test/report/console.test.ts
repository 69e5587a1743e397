// The console's annual-report pages through HTTP: the list with deadlines, creating a report,
// the entry form (save a number and see the findings change; invalid input keeps what was
// typed and saves nothing), earlier versions read-only, publishing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let editor: Client;
let reportUrl = '';

before(async () => {
  t = await testApp();
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(() => t.close());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every field of the entry form on a page, as the browser would submit it. */
function formFields(page: string): Record<string, string> {
  const form = /<form method="post" action="[^"]+" id="report-entry"[\s\S]*?<\/form>/.exec(page)?.[0];
  assert.ok(form, 'the page has the entry form');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    if (name && name !== '_csrf') fields[decode(name)] = decode(value);
  }
  for (const m of form.matchAll(/<textarea name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[decode(m[1]!)] = decode(m[2]!);
  return fields;
}

const versionCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from report_versions')).at(0)!.n;

test('the list shows the organization’s reports with status, counts and the deadline', async () => {
  const res = await editor.get('/console/reports');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<a href="\/console\/reports" aria-current="page">年度报告<\/a>/);
  assert.match(res.body, /2025 年度<\/a>[\s\S]*?已发布[\s\S]*?2026-01-31/);
  assert.match(res.body, /2024 年度<\/a>[\s\S]*?已发布[\s\S]*?2025-01-31/);
  assert.ok(!res.body.includes('青山县生态环境局'), 'only the current organization');
});

test('create a report for a year; a year twice or out of range re-renders with the typed year', async () => {
  const created = await editor.post('/console/reports', { year: '2023' }, '/console/reports');
  assert.equal(created.statusCode, 303);
  reportUrl = created.headers.location!.split('?')[0]!;
  assert.match(reportUrl, /^\/console\/reports\/\d+$/);
  const page = await editor.get(`${reportUrl}?notice=created`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /年度报告已新建/);
  assert.match(page.body, /<h1>2023 年度报告<\/h1>/);
  assert.match(page.body, /2024-01-31/);
  // Every cell of tables 2, 3 and 4 is a field, labelled with where it is on the printed table.
  const fields = formFields(page.body);
  assert.equal(Object.keys(fields).filter((k) => k.startsWith('table2.')).length, 10);
  assert.equal(Object.keys(fields).filter((k) => k.startsWith('table3.')).length, 25 * 7);
  assert.equal(Object.keys(fields).filter((k) => k.startsWith('table4.')).length, 15);
  assert.match(page.body, /name="table3\.withheld\.stateSecret\[0\]" value="0"[\s\S]*?aria-label="表三第5行“（三）不予公开 1\.属于国家秘密”“自然人”列"/);
  assert.match(page.body, /<th scope="colgroup" colspan="7">申请人情况<\/th>/);

  const again = await editor.post('/console/reports', { year: '2023' }, '/console/reports');
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /2023 年度报告已存在/);
  const future = await editor.post('/console/reports', { year: '2999' }, '/console/reports');
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /value="2999"/);
});

test('saving a number makes a new version and the findings change', async () => {
  const page = await editor.get(reportUrl);
  const fields = formFields(page.body);
  assert.match(page.body, /未发现问题/);
  const res = await editor.post(reportUrl, { ...fields, 'table3.newReceived[0]': '5', note: '录入新收申请' }, reportUrl);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const after = await editor.get(res.headers.location!);
  assert.match(after.body, /已保存为新版本/);
  assert.match(after.body, /表三“自然人”列勾稽关系不成立：第一项加第二项之和为 5/);
  assert.match(after.body, /<td class="finding-error"><input id="f-table3-newReceived-0" name="table3\.newReceived\[0\]" value="5"/);
  assert.match(after.body, /第 2 版（当前）/);
  assert.match(after.body, /录入新收申请/);

  // Put the number where it balances: the findings go away again.
  const balanced = { ...formFields(after.body), 'table3.granted[0]': '5', 'table3.granted[6]': '5', 'table3.total[0]': '5', 'table3.total[6]': '5', 'table3.newReceived[6]': '5' };
  const ok = await editor.post(reportUrl, balanced, reportUrl);
  assert.equal(ok.statusCode, 303);
  const clean = await editor.get(reportUrl);
  assert.match(clean.body, /未发现问题/);
  assert.doesNotMatch(clean.body, /class="finding-error"/);
});

test('invalid numbers re-render the form with the clerk’s input and a Chinese message; nothing is saved', async () => {
  const page = await editor.get(reportUrl);
  const fields = formFields(page.body);
  const before = await versionCount();
  const res = await editor.post(
    reportUrl,
    { ...fields, 'table3.granted[1]': 'abc', 'table4.review[0]': '7', 'narrative.一': '本年度收到申请5件。', note: '半途' },
    reportUrl,
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /未保存，请改正以下单元格：表三第3行“（一）予以公开”“商业企业”列：“abc”不是数字/);
  assert.match(res.body, /name="table3\.granted\[1\]" value="abc"/);
  assert.match(res.body, /name="table4\.review\[0\]" value="7"/);
  assert.match(res.body, /本年度收到申请5件。<\/textarea>/);
  assert.match(res.body, /name="note" value="半途"/);
  assert.equal(await versionCount(), before);
});

test('an earlier version is shown read-only through ?version=N', async () => {
  const res = await editor.get(`${reportUrl}?version=1`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /正在查看第 1 版（只读/);
  assert.doesNotMatch(res.body, /id="report-entry"/);
  assert.match(res.body, /<table class="gk-table gk-table3"/);
  assert.equal((await editor.get(`${reportUrl}?version=99`)).statusCode, 404);
});

test('publishing: the editor has no button, the head publishes; errors need a confirmation', async () => {
  const page = await editor.get(reportUrl);
  assert.doesNotMatch(page.body, /\/publish"/);
  const head = await new Client(t.app).loginReady('zrzy.head');
  const headPage = await head.get(reportUrl);
  assert.doesNotMatch(headPage.body, /id="report-entry"/, 'the head reads, the editor edits');
  assert.match(headPage.body, /发布第 3 版/);
  assert.doesNotMatch(headPage.body, /name="revisionNote"/, 'a first publication is no revision');
  const res = await head.post(`${reportUrl}/publish`, { version: '3' }, reportUrl);
  assert.equal(res.statusCode, 303);
  const published = await head.get(res.headers.location!);
  assert.match(published.body, /第 3 版已发布/);

  // A version with errors: publishing without the confirmation is refused.
  const fields = formFields((await editor.get(reportUrl)).body);
  await editor.post(reportUrl, { ...fields, 'table4.review[0]': '1' }, reportUrl);
  // Version 3 is public, so publishing 4 is a revision: 修订说明 and two confirmations (the error, the replacement).
  const form = (await head.get(reportUrl)).body;
  assert.match(form, /<h2>发布修订版<\/h2>/);
  assert.match(form, /<textarea id="revisionNote" name="revisionNote"[^>]* required/);
  assert.match(form, /name="confirm" value="1" required> 第 4 版有 1 条错误，我已逐条核对，仍要发布/);
  assert.match(form, /name="confirm" value="2" required> 公开门户上的第 3 版将被第 4 版替换，并公示修订日期和修订说明/);
  const noNote = await head.post(`${reportUrl}/publish`, { version: '4', confirm: ['1', '2'] }, reportUrl);
  assert.equal(noNote.statusCode, 400);
  assert.match(noNote.body, /未发布：公开门户上已有第 3 版：再次发布是对公开报告的修订，请填写修订说明/);
  const refused = await head.post(`${reportUrl}/publish`, { version: '4', revisionNote: '补录行政复议数', confirm: '2' }, reportUrl);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /未发布：发布前请确认：第 4 版有 1 条错误/);
  assert.match(refused.body, /补录行政复议数<\/textarea>/, 'the note typed is kept');
  const confirmed = await head.post(`${reportUrl}/publish`, { version: '4', revisionNote: '补录行政复议数', confirm: ['1', '2'] }, reportUrl);
  assert.equal(confirmed.statusCode, 303);
  const audit = await t.db.query<{ action: string; actor_name: string }>(
    `select action, actor_name from audit_log where target_type = 'report' and target_id = $1 order by id`,
    [reportUrl.split('/').pop()!],
  );
  assert.deepEqual(audit.map((a) => a.action), ['report.create', 'report.edit', 'report.edit', 'report.publish', 'report.edit', 'report.publish']);
});

test('a 2019-format report (year 2020) is entered on its own layout, text cells kept as typed', async () => {
  const created = await editor.post('/console/reports', { year: '2020' }, '/console/reports');
  assert.equal(created.statusCode, 303);
  const url = created.headers.location!.split('?')[0]!;
  const page = await editor.get(url);
  assert.match(page.body, /2019 格式（国办公开办函〔2019〕60号）/);
  const fields = formFields(page.body);
  assert.equal(Object.keys(fields).filter((k) => k.startsWith('table2.')).length, 22);
  assert.equal(Object.keys(fields).filter((k) => k.startsWith('table3.')).length, 23 * 7);
  assert.match(page.body, /name="table2\.procurement\.amount" value="0"\s+type="text"/);
  // Table 4 left entirely blank: the report does not contain it.
  const blank4 = Object.fromEntries(Object.keys(fields).filter((k) => k.startsWith('table4.')).map((k) => [k, '']));
  const res = await editor.post(url, { ...fields, ...blank4, 'table2.procurement.amount': '251000元', 'table2.licensing.change': '-3' }, url);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const id = Number(url.split('/').pop());
  const [row] = await t.db.query<{ content: { table2: { procurement: { amount: string }; licensing: { change: number } }; table4: unknown } }>(
    'select content from report_versions where report_id = $1 and version = 2',
    [id],
  );
  assert.equal(row!.content.table2.procurement.amount, '251000元');
  assert.equal(row!.content.table2.licensing.change, -3);
  assert.equal(row!.content.table4, null);
  const after = await editor.get(url);
  assert.match(after.body, /（本报告未包含此表）|name="table4\.review\[0\]" value=""/);
});
