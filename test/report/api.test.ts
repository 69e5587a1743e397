// The annual-report API: stored reports (list, create, get, new version, publish, export,
// import) and the stateless check and render routes, with the demo reports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, fixtureReport } from '../fixtures/reports/index.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let editor: Client;
const tokens = new Map<Client, string>();

async function ready(username: string): Promise<Client> {
  const c = await new Client(t.app).loginReady(username);
  tokens.set(c, (await c.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken);
  return c;
}

before(async () => {
  t = await testApp();
  admin = await ready('admin');
  editor = await ready('zrzy.editor');
});
after(() => t.close());

const api = (c: Client, method: string, url: string, json?: unknown) =>
  c.request(method, url, { json, headers: { 'x-csrf-token': tokens.get(c)!, accept: 'application/json' } });
async function switchTo(c: Client, code: string) {
  const org = (await api(c, 'GET', `/api/v1/orgs/${code}`)).json();
  await c.post('/console/switch-org', { orgId: String(org.id) });
}

test('the demo reports: 自然资源局 2024 and 2025 generated from the records and published without findings', async () => {
  const res = await api(editor, 'GET', '/api/v1/reports');
  assert.equal(res.statusCode, 200);
  const list = res.json() as { year: number; status: string; errorCount: number; warningCount: number; imported: boolean; id: number }[];
  assert.deepEqual(list.map((r) => [r.year, r.status, r.errorCount, r.warningCount, r.imported]), [
    [2025, 'published', 0, 0, false],
    [2024, 'published', 0, 0, false],
  ]);
  const detail = (await api(editor, 'GET', `/api/v1/reports/${list[0]!.id}`)).json();
  assert.equal(detail.report.publishedVersion, 2);
  assert.deepEqual(detail.versions.map((v: { version: number; origin: string }) => [v.version, v.origin]), [[2, 'edit'], [1, 'compute']], 'generated, then section 五 written');
  assert.ok(detail.version.report.table2.licensing.decisions > 0, '行政许可 from the ledger');
  assert.equal(detail.version.report.table4.review[4], 2, 'the two 复议 of the register');
  assert.match(detail.version.narrative['一'], /本年度因政府信息公开发生行政复议2件，其中结果维持1件、结果纠正1件/);
  assert.match(detail.version.narrative['五'], /存在的主要问题/);
});

test('the demo report of 生态环境局 is imported with its 勾稽 error recorded, not corrected', async () => {
  await switchTo(admin, 'QS-STHJ');
  const [r] = (await api(admin, 'GET', '/api/v1/reports')).json();
  assert.equal(r.imported, true);
  assert.equal(r.errorCount, 2);
  const detail = (await api(admin, 'GET', `/api/v1/reports/${r.id}`)).json();
  assert.deepEqual(detail.version.findings.map((f: { rule: string }) => f.rule), ['table3.balance', 'table3.balance']);
  assert.deepEqual(detail.version.report.table3.total, [8, 2, 0, 0, 0, 0, 10]);
  assert.equal(detail.version.sourceName, 'http://www.qingshan.example.gov.cn/sthj/2025ndbg.html');
});

test('import → export gives back byte-identical canonical JSON; errors in Chinese name the key', async () => {
  const text = readFileSync(fixturePath('valid-2021'), 'utf8');
  const imported = await api(admin, 'POST', '/api/v1/reports/import?orgCode=QS-SL&sourceName=valid-2021.json', JSON.parse(text));
  assert.equal(imported.statusCode, 201, imported.body);
  const body = imported.json();
  assert.equal(body.created, true);
  assert.deepEqual(body.version.sources, { table2: 'imported', table3: 'imported', table4: 'imported' });
  const exported = await api(admin, 'GET', `/api/v1/reports/${body.report.id}/export`);
  assert.equal(exported.statusCode, 200);
  assert.match(String(exported.headers['content-type']), /^application\/json/);
  assert.equal(exported.body, text, 'byte-identical');
  const unpublished = await api(admin, 'GET', `/api/v1/reports/${body.report.id}/export?published=true`);
  assert.equal(unpublished.statusCode, 404);

  const broken = JSON.parse(text);
  broken.table3.granted = [1, 2, 3];
  const bad = await api(admin, 'POST', '/api/v1/reports/import?orgCode=QS-SL', broken);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'VALIDATION');
  assert.match(bad.json().error.message, /table3\.granted：应为 7 个数字的数组/);
  const notAReport = await api(admin, 'POST', '/api/v1/reports/import?orgCode=QS-SL', ['not', 'a', 'report']);
  assert.equal(notAReport.statusCode, 400);
  const outside = await api(editor, 'POST', '/api/v1/reports/import?orgCode=QS-SL', fixtureReport('valid-2021'));
  assert.equal(outside.statusCode, 404, 'another organization is out of reach');
});

test('create, save versions, read an earlier version, publish, export the published one', async () => {
  await switchTo(admin, 'QS-JY');
  const created = await api(admin, 'POST', '/api/v1/reports', { year: 2023 });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().report.id;
  assert.equal(created.json().version.report.agency, '青山县教育局');
  assert.equal((await api(admin, 'POST', '/api/v1/reports', { year: 2023 })).statusCode, 409);

  const report = created.json().version.report;
  report.table3.newReceived = [2, 0, 0, 0, 0, 0, 2];
  const put = await api(admin, 'PUT', `/api/v1/reports/${id}`, { report, narrative: { 一: '收到申请2件。' }, note: '填报', baseVersion: 1 });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().version.version, 2);
  assert.ok(put.json().version.findings.some((f: { rule: string }) => f.rule === 'table3.balance'));
  const stale = await api(admin, 'PUT', `/api/v1/reports/${id}`, { report, baseVersion: 1 });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.json().error.message, /其间已有人保存了第 2 版/);

  const v1 = (await api(admin, 'GET', `/api/v1/reports/${id}?version=1`)).json();
  assert.equal(v1.version.version, 1);
  assert.deepEqual(v1.version.report.table3.newReceived, [0, 0, 0, 0, 0, 0, 0]);
  assert.equal((await api(admin, 'GET', `/api/v1/reports/${id}?version=9`)).statusCode, 404);

  // Version 2 has errors (table3.balance): publishing asks for the confirmation.
  const unconfirmed = await api(admin, 'POST', `/api/v1/reports/${id}/publish`, { version: 2 });
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.json().error.message, /^发布前请确认：第 2 版有 2 条错误，我已逐条核对，仍要发布$/);
  const published = await api(admin, 'POST', `/api/v1/reports/${id}/publish`, { version: 2, confirm: true });
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().publishedVersion, 2);
  const exported = await api(admin, 'GET', `/api/v1/reports/${id}/export?published=true`);
  assert.deepEqual(JSON.parse(exported.body).table3.newReceived, [2, 0, 0, 0, 0, 0, 2]);
  const audit = await t.db.query<{ action: string }>(`select action from audit_log where target_type = 'report' and target_id = $1 order by id`, [String(id)]);
  assert.deepEqual(audit.map((a) => a.action), ['report.create', 'report.edit', 'report.publish']);
});

test('an editor may not publish; the head of the organization may', async () => {
  const [r] = (await api(editor, 'GET', '/api/v1/reports')).json();
  const report = (await api(editor, 'GET', `/api/v1/reports/${r.id}`)).json().version.report;
  report.table2.licensing.decisions = 352;
  assert.equal((await api(editor, 'PUT', `/api/v1/reports/${r.id}`, { report })).statusCode, 200);
  const denied = await api(editor, 'POST', `/api/v1/reports/${r.id}/publish`, {});
  assert.equal(denied.statusCode, 403);
  assert.match(denied.json().error.message, /只有本机构负责人或系统管理员可以发布/);
  const head = await ready('zrzy.head');
  assert.equal((await api(head, 'PUT', `/api/v1/reports/${r.id}`, { report })).statusCode, 403, 'the head does not edit');
  // The demo report is published: this is a revision, which needs its 修订说明 and the confirmation.
  const bare = await api(head, 'POST', `/api/v1/reports/${r.id}/publish`);
  assert.equal(bare.statusCode, 400);
  assert.match(bare.json().error.message, /请填写修订说明/);
  const revised = await api(head, 'POST', `/api/v1/reports/${r.id}/publish`, { revisionNote: '更正表二行政许可决定数', confirm: true });
  assert.equal(revised.statusCode, 200, revised.body);
});

test('check: canonical JSON in, findings out, nothing stored; with previous year and narrative', async () => {
  const count = async () => (await t.db.query('select 1 from report_versions')).length;
  const before = await count();
  const seed = await api(editor, 'POST', '/api/v1/reports/check', fixtureReport('seed-001'));
  assert.equal(seed.statusCode, 200, seed.body);
  assert.deepEqual(seed.json().findings.map((f: { rule: string }) => f.rule), [
    'cells.unreadable', 'table3.balance', 'table3.balance', 'table3.row-total', 'table3.outcome-sum', 'table3.outcome-sum',
  ]);
  assert.deepEqual([seed.json().errors, seed.json().warnings], [5, 1]);

  const current = fixtureReport('valid-2021');
  const previous = fixtureReport('valid-2021-previous');
  previous.table3!.carriedForward = [0, 0, 0, 0, 0, 0, 0];
  const wrapped = await api(editor, 'POST', '/api/v1/reports/check', { report: current, previous, narrative: { 六: '无' } });
  const rules = wrapped.json().findings.map((f: { rule: string }) => f.rule);
  assert.ok(rules.includes('cross-year.carried-over'), rules.join());
  assert.ok(rules.includes('narrative.fee-reported'), rules.join());
  const bad = await api(editor, 'POST', '/api/v1/reports/check', { schema: 'gongkai.annual-report/1', format: '2024' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /format：应为 “2019”/);
  assert.equal(await count(), before);
});

test('render: each format with its media type; a bad target is refused', async () => {
  const report = fixtureReport('valid-2021');
  const types = { html: /^text\/html/, docx: /wordprocessingml/, xlsx: /spreadsheetml/, pdf: /^application\/pdf/ } as const;
  for (const [to, type] of Object.entries(types)) {
    const res = await api(editor, 'POST', `/api/v1/reports/render?to=${to}`, report);
    assert.equal(res.statusCode, 200, `${to}: ${res.body.slice(0, 200)}`);
    assert.match(String(res.headers['content-type']), type);
    if (to === 'pdf') assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    if (to === 'docx' || to === 'xlsx') assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK');
    if (to === 'html') assert.match(res.body, /三、收到和处理政府信息公开申请情况/);
  }
  const bad = await api(editor, 'POST', '/api/v1/reports/render?to=odt', report);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /to 应为 html、docx、xlsx、pdf 之一/);
});
