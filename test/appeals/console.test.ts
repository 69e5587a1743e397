// The console pages of the appeals register on a real database: the year's list with its table 4,
// registering (errors beside the fields, input kept), correcting, recording an outcome with the
// decision document as a multipart form, downloading it, and writing table 4 into the report draft.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedAppealsDemo } from '../../src/appeals/demo.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { findReportByOrgYear, findVersion } from '../../src/report/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let head: Client;
let editor: Client;
let admin: Client;

before(async () => {
  setTodayForTests(() => '2026-12-06');
  t = await testApp();
  await seedAppealsDemo(t.db);
  head = await new Client(t.app).loginReady('zrzy.head');
  editor = await new Client(t.app).loginReady('zrzy.editor');
  admin = await new Client(t.app).loginReady('admin');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiAppealBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function postOutcome(client: Client, id: number, fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const csrf = await client.csrfFrom(`/console/appeals/${id}`);
  const { payload, contentType } = multipart({ _csrf: csrf, ...fields }, file);
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.inject({ method: 'POST', url: `/console/appeals/${id}/outcome`, payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
}

const cells = (body: string, id: string) => {
  const table = new RegExp(`<table class="data" id="${id}">([\\s\\S]*?)</table>`).exec(body)![1]!;
  return [...table.matchAll(/<tr><th scope="row">[^<]*<\/th>((?:<td>\d+<\/td>)+)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>(\d+)<\/td>/g)].map((x) => Number(x[1])));
};

test('the year’s list shows where each record stands and the table 4 counted from them', async () => {
  const res = await head.get('/console/appeals?year=2025');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h2>2025 年计入表四的复议诉讼<\/h2>/);
  assert.match(res.body, /青政复〔2025〕11号/);
  assert.match(res.body, /郑海燕/, 'the head reads the party');
  assert.doesNotMatch(res.body, /青政复〔2024〕7号/, 'decided in 2024: not in 2025');
  assert.deepEqual(cells(res.body, 'table4'), [[1, 1, 0, 0, 2], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]]);
  assert.doesNotMatch(res.body, /写入 2025 年度报告草稿/, 'the head does not edit the report');
  const byEditor = await editor.get('/console/appeals?year=2025');
  assert.equal(byEditor.statusCode, 200);
  assert.doesNotMatch(byEditor.body, /郑海燕/, 'no party for the editor');
  assert.doesNotMatch(byEditor.body, /登记复议或诉讼/);
});

test('registering: every error beside its field with the input kept, then the record page', async () => {
  const page = await head.get('/console/appeals/new');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /复议机关或人民法院 <span class="required">（必填）<\/span>/);
  const bad = await head.post('/console/appeals', { kind: 'review', party: '褚明', caseNumber: '青政复〔2026〕20号', receivedOn: '' }, '/console/appeals/new');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /有 2 处需要修改/);
  assert.match(bad.body, /请填写复议机关或人民法院/);
  assert.match(bad.body, /收到日期应为有效日期/);
  assert.match(bad.body, /value="青政复〔2026〕20号"/);
  const ok = await head.post('/console/appeals', { kind: 'review', party: '褚明', body: '青山县人民政府', caseNumber: '青政复〔2026〕20号', receivedOn: '2026-10-09' }, '/console/appeals/new');
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const recordPage = await head.get(ok.headers.location as string);
  assert.match(recordPage.body, /已登记。/);
  assert.match(recordPage.body, /<h1>行政复议 青政复〔2026〕20号<\/h1>/);
  assert.match(recordPage.body, /尚未审结/);
  const list = await head.get('/console/appeals?year=2026');
  assert.deepEqual(cells(list.body, 'table4')[0], [0, 0, 1, 1, 2]);
});

test('recording the outcome with the decision document (multipart) changes table 4 and keeps the file', async () => {
  const [row] = await t.db.query<{ id: number }>(`select id from appeals where case_number = '青政复〔2026〕20号'`);
  const doc = Buffer.from('%PDF-1.7\n复议决定书 青政复〔2026〕20号\n%%EOF\n');
  const early = await postOutcome(head, row!.id, { outcome: 'corrected', decidedOn: '2026-01-02' }, { name: '决定书.pdf', content: doc });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /审结日期不能早于收到日期 2026-10-09/);
  const wrongFile = await postOutcome(head, row!.id, { outcome: 'corrected', decidedOn: '2026-11-30' }, { name: '决定书.pdf', content: Buffer.from('not a pdf') });
  assert.equal(wrongFile.statusCode, 400);
  assert.match(wrongFile.body, /文书应为 PDF、OFD、Word/);
  const res = await postOutcome(head, row!.id, { outcome: 'corrected', decidedOn: '2026-11-30' }, { name: '决定书.pdf', content: doc });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const page = await head.get(`/console/appeals/${row!.id}`);
  assert.match(page.body, /结果纠正（2026-11-30 审结）/);
  assert.match(page.body, new RegExp(`href="/console/appeals/${row!.id}/document">决定书.pdf</a>`));
  const download = await head.get(`/console/appeals/${row!.id}/document`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.deepEqual(download.rawPayload, doc);
  assert.equal((await editor.get(`/console/appeals/${row!.id}/document`)).statusCode, 403);
  assert.deepEqual(cells((await head.get('/console/appeals?year=2026')).body, 'table4')[0], [0, 1, 1, 0, 2]);
});

test('correcting a record keeps the input on error and saves it otherwise', async () => {
  const [row] = await t.db.query<{ id: number }>(`select id from appeals where case_number = '青政复〔2026〕20号'`);
  const url = `/console/appeals/${row!.id}`;
  const bad = await head.post(url, { kind: 'review', party: '褚明', body: '青山县人民政府', caseNumber: '青政复〔2026〕21号', receivedOn: '2026-12-01' }, url);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /收到日期不能晚于审结日期 2026-11-30/);
  assert.match(bad.body, /value="青政复〔2026〕21号"/);
  const ok = await head.post(url, { kind: 'review', party: '褚明', body: '青山县人民政府', caseNumber: '青政复〔2026〕21号', receivedOn: '2026-10-10' }, url);
  assert.equal(ok.statusCode, 303);
  assert.match((await head.get(url)).body, /<h1>行政复议 青政复〔2026〕21号<\/h1>/);
});

test('the editor writes table 4 into the year’s report draft from the list page', async () => {
  const res = await editor.post('/console/appeals/table4', { year: '2026' }, '/console/appeals?year=2026');
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.match(res.body, /已写入 2026 年度报告草稿（第 \d+ 版）/);
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const report = (await findReportByOrgYear(t.db, org.id, 2026))!;
  const version = (await findVersion(t.db, report.id, report.currentVersion))!;
  assert.deepEqual(version.report.table4, { review: [0, 1, 1, 0, 2], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 1, 1] });
  assert.equal(version.sources.table4, 'computed');
});

test('the county’s administrator and supervisor reads a record of the agency below, without the party', async () => {
  const own = await admin.get('/console/appeals');
  assert.equal(own.statusCode, 200);
  assert.doesNotMatch(own.body, /青政复/, 'the county office’s own register is empty');
  const [row] = await t.db.query<{ id: number }>(`select id from appeals where case_number = '青政复〔2026〕21号'`);
  const page = await admin.get(`/console/appeals/${row!.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>行政复议 青政复〔2026〕21号<\/h1>/);
  assert.doesNotMatch(page.body, /褚明/);
  assert.doesNotMatch(page.body, /保存结果/, 'reading only');
  assert.equal((await admin.get(`/console/appeals/${row!.id}/document`)).statusCode, 403);
});
