// The console and API of the Article 20 ledgers on a real database: the demo's year with its totals
// and table 2; entering a fee (errors beside the field, input kept; exact 元 → 万元), a hand count and
// 2019 item counts; confirming by the head; the part of the report with its sources and facts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { article20Part } from '../../src/article20/table2-report.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let editor: Client;
let head: Client;
let orgId = 0;

before(async () => {
  setTodayForTests(() => '2026-12-06');
  t = await testApp();
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
  editor = await new Client(t.app).loginReady('zrzy.editor');
  head = await new Client(t.app).loginReady('zrzy.head');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const totals = (body: string) => {
  const table = /<table class="data" id="totals">([\s\S]*?)<\/table>/.exec(body)![1]!;
  return Object.fromEntries([...table.matchAll(/<tr><th scope="row">(?:<a [^>]*>)?([^<]+)(?:<\/a>)?<\/th><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]));
};

test('the demo year: confirmed decisions per category and the fees in 万元, in the console and the report part', async () => {
  const res = await head.get('/console/article20?year=2025');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /第二十条事项/);
  assert.deepEqual(totals(res.body), { 行政许可: '126', 其他对外管理服务事项: '0', 行政处罚: '34', 行政强制: '5', 行政事业性收费: '28.293085 万元（282930.85 元）' });
  assert.match(res.body, /青自然资许〔2025〕第0126号/);
  assert.doesNotMatch(res.body, /确认 2025 年全部待确认记录/, 'nothing to confirm');
  const part = await article20Part.compute(t.db, orgId, 2025, '2021');
  assert.deepEqual(part.table2, { licensing: { decisions: 126 }, penalty: { decisions: 34 }, coercion: { decisions: 5 }, fees: { amountWanYuan: 28.293085 } });
  assert.deepEqual(part.facts, { administrativeFeesYuan: '282930.85' });
  assert.equal(part.sources.length, 4);
  assert.equal(part.sources[0]!.description, '行政许可决定 126 件（2025 年，逐件导入的决定，已确认）');
  // this year: only decisions up to today
  const y2026 = (await article20Part.compute(t.db, orgId, 2026, '2021')).table2 as { licensing: { decisions: number } };
  assert.ok(y2026.licensing.decisions > 100 && y2026.licensing.decisions < 126, String(y2026.licensing.decisions));
});

test('entering a fee: a wrong amount stays in the form with its message; a right one is exact and counts once confirmed', async () => {
  const bad = await editor.post('/console/article20/fees', { year: '2024', period: '', item: '不动产登记费', amount: '12.345' }, '/console/article20');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /超过两位小数/);
  assert.match(bad.body, /value="12.345"/);
  const ok = await editor.post('/console/article20/fees', { year: '2024', period: 'Q3', item: '不动产登记费', amount: '1,234.56元' }, '/console/article20');
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  assert.equal((await editor.post('/console/article20/fees', { year: '2024', period: 'Q4', item: '工本费', amount: '0.01' }, '/console/article20')).statusCode, 303);
  const pending = await head.get('/console/article20?year=2024');
  assert.match(pending.body, /确认 2024 年全部待确认记录（2 条）/);
  assert.equal(totals(pending.body)['行政事业性收费'], '0 万元（0 元）');
  const byEditor = await editor.post('/console/article20/confirm', { year: '2024' }, '/console/article20');
  assert.equal(byEditor.statusCode, 403);
  const confirmed = await head.post('/console/article20/confirm', { year: '2024' }, '/console/article20?year=2024');
  assert.equal(confirmed.statusCode, 303);
  const api = (await head.api('GET', '/api/v1/article20?year=2024')).json();
  assert.deepEqual([api.fees.totalYuan, api.fees.totalWanYuan], ['1234.57', '0.123457']);
  assert.equal(api.table2['2021'].fees.amountWanYuan, 0.123457);
});

test('hand counts are added when the year has no imported decisions; 2019 item counts are signed', async () => {
  for (const [period, count] of [['Q1', '3'], ['Q2', '4']] as const) {
    assert.equal((await editor.post('/console/article20/counts', { year: '2024', period, category: 'coercion', count }, '/console/article20')).statusCode, 303);
  }
  assert.equal((await editor.api('POST', '/api/v1/article20/counts', { year: 2025, category: 'coercion', count: 99 })).statusCode, 201);
  const item = await editor.api('POST', '/api/v1/article20/items', { year: 2024, item: 'licensing', previousCount: 40, change: -3 });
  assert.equal(item.statusCode, 201, item.body);
  const tooMany = await editor.api('POST', '/api/v1/article20/items', { year: 2024, item: 'fees', previousCount: 2, change: -3 });
  assert.equal(tooMany.statusCode, 400);
  assert.equal((await editor.api('POST', '/api/v1/article20/procurement', { year: 2024, projects: 2, amount: '251000' })).statusCode, 201);
  assert.equal((await head.api('POST', '/api/v1/article20/confirm', { year: 2024 })).statusCode, 200);
  assert.equal((await head.api('POST', '/api/v1/article20/confirm', { year: 2025 })).statusCode, 200);
  const p2019 = await article20Part.compute(t.db, orgId, 2024, '2019');
  assert.deepEqual(p2019.table2, {
    licensing: { previousCount: 40, change: -3, decisions: 0 },
    otherServices: { previousCount: 0, change: 0, decisions: 0 },
    penalty: { previousCount: 0, change: 0, decisions: 0 },
    coercion: { previousCount: 0, change: 0, decisions: 7 },
    fees: { previousCount: 0, change: 0 },
    procurement: { projects: 2, amount: '251000元' },
  });
  // 2025 has imported 行政强制 decisions: the hand count of 99 is not added, and the source says so
  const p2025 = await article20Part.compute(t.db, orgId, 2025, '2021');
  assert.equal((p2025.table2 as { coercion: { decisions: number } }).coercion.decisions, 5);
  assert.match(p2025.sources.find((s) => s.cell === 'table2.coercion.decisions')!.description, /手工录入的 99 件未计入/);
  const page = await head.get('/console/article20?year=2024');
  assert.match(page.body, /<td>40<\/td><td>-3<\/td><td>37<\/td>/);
});

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiArticle20Boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const headingLevels = (body: string) => [...body.matchAll(/<h([1-6])[^>]*>/g)].map((m) => Number(m[1]));

test('the console import: a preview page, then the confirmation adds the decisions; the head sees a 待办 and removes one', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['决定文书号', '决定日期', '类别', '事项名称']);
  ws.addRow(['青自然资强〔2026〕第0101号', '2026-03-03', '行政强制', '查封违法采矿设备']);
  ws.addRow(['青自然资强[2026]第0101号', '2026-03-03', '行政强制', '查封违法采矿设备']);
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const page = await editor.get('/console/article20/import');
  assert.equal(page.statusCode, 200);
  assert.deepEqual(headingLevels(page.body).filter((l) => l === 1).length, 1);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart({ _csrf: csrf, category: '' }, { name: '强制.xlsx', content });
  const cookies = (editor as unknown as { cookies: Map<string, string> }).cookies;
  const preview = await t.app.inject({ method: 'POST', url: '/console/article20/import', payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
  assert.match(preview.body, /将新增 <strong>1<\/strong> 件决定，重复 <strong>1<\/strong> 件/);
  assert.match(preview.body, /与本文件工作表「Sheet1」第 2 行重复/);
  const previewId = /name="previewId" value="(\d+)"/.exec(preview.body)![1]!;
  const done = await editor.post('/console/article20/import/confirm', { previewId }, '/console/article20/import');
  assert.equal(done.statusCode, 303, done.body.slice(0, 300));
  assert.equal(done.headers.location, '/console/article20?notice=imported&year=2026');
  const list = await head.get('/console/article20?year=2026&category=coercion');
  assert.match(list.body, /已导入，待确认。|青自然资强〔2026〕第0101号/);
  assert.match(list.body, /确认 2026 年全部待确认记录（1 条）/);
  const levels = headingLevels(list.body);
  assert.equal(levels.filter((l) => l === 1).length, 1);
  assert.ok(levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1), 'no heading level skipped');
  const home = await head.get('/console');
  assert.match(home.body, /2026 年第二十条事项台账待确认 <strong>1<\/strong> 件/);
  // the entered decision is removed (one audit entry); a confirmed demo decision only by the head
  const [entered] = await t.db.query<{ id: number }>(`select id from article20_decisions where doc_number = '青自然资强〔2026〕第0101号'`);
  assert.equal((await editor.api('POST', '/api/v1/article20/remove', { kind: 'decision', id: entered!.id })).statusCode, 200);
  const [confirmed] = await t.db.query<{ id: number }>(`select id from article20_decisions where doc_number = '青自然资强〔2026〕第0001号'`);
  const byEditor = await editor.api('POST', '/api/v1/article20/remove', { kind: 'decision', id: confirmed!.id });
  assert.equal(byEditor.statusCode, 403);
  const byHead = await head.post('/console/article20/remove', { kind: 'decision', id: String(confirmed!.id), year: '2026' }, '/console/article20?year=2026');
  assert.equal(byHead.statusCode, 303);
  const audit = await t.db.query<{ summary: { before: { docNumber: string; status: string } } }>(`select summary from audit_log where action = 'article20.remove' order by id`);
  assert.deepEqual(audit.map((a) => [a.summary.before.docNumber, a.summary.before.status]), [['青自然资强〔2026〕第0101号', 'entered'], ['青自然资强〔2026〕第0001号', 'confirmed']]);
});
