// The Article 20 ledgers on a real database through the JSON API: a 双公示 export is previewed (rows to
// add, duplicates stored or repeated in the file with other brackets, errors with their row), confirmed
// in one transaction with one audit entry, and imported again adds nothing; only the head (or an
// administrator) confirms, and only confirmed decisions count in table 2, in the year of their date.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
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

/** A 双公示 export: a title row, the header, then the rows. */
async function workbook(header: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政许可');
  ws.addRow(['青山县自然资源局行政许可信息公示']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const HEADER = ['序号', '行政相对人名称', '行政许可决定书文号', '许可类别', '许可决定日期', '许可机关'];
const licensing2025 = async () => (await article20Part.compute(t.db, orgId, 2025, '2021')).table2 as { licensing: { decisions: number } };

test('the preview names the rows to add, the duplicates and the errors by row; a file with errors is not imported', async () => {
  const contentBase64 = await workbook(HEADER, [
    [1, '青山县某某公司', '青自然资许[2026]第0001号', '普通', new Date(Date.UTC(2026, 0, 1)), '青山县自然资源局'],
    [2, '张三', '青自然资许〔2025〕第9001号', '普通', '2025-12-31', '青山县自然资源局'],
    [3, '李四', '青自然资许〔2026〕第9002号', '普通', '2026/1/1', '青山县自然资源局'],
    [4, '李四', '青自然资许【2026】 第9002号', '普通', '2026年1月1日', '青山县自然资源局'],
    [5, '王五', '青自然资许〔2026〕第9003号', '普通', '', '青山县自然资源局'],
  ]);
  const res = await editor.api('POST', '/api/v1/article20/import', { fileName: '许可.xlsx', contentBase64 });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual(p.add.map((r: { row: number; category: string; decidedOn: string }) => [r.row, r.category, r.decidedOn]), [[4, 'licensing', '2025-12-31'], [5, 'licensing', '2026-01-01']]);
  assert.deepEqual(p.duplicates.map((r: { row: number; reason: string }) => [r.row, r.reason]), [[3, 'stored'], [6, 'file']]);
  assert.deepEqual(p.errors.map((e: { row: number; message: string }) => [e.row, e.message]), [[7, '缺少决定日期']]);
  const confirm = await editor.api('POST', '/api/v1/article20/import/confirm', { previewId: p.previewId });
  assert.equal(confirm.statusCode, 400);
  assert.match(confirm.json().error.message, /1 行有误/);
});

test('a clean file is imported once, with one audit entry; importing it again adds nothing', async () => {
  const before2025 = (await licensing2025()).licensing.decisions;
  const contentBase64 = await workbook(HEADER, [
    [1, '张三', '青自然资许〔2025〕第9001号', '普通', '2025-12-31', '青山县自然资源局'],
    [2, '李四', '青自然资许〔2026〕第9002号', '普通', '2026-01-01', '青山县自然资源局'],
    [3, '李四', '青自然资许(2026)第9002号', '普通', '2026-01-01', '青山县自然资源局'],
  ]);
  const p = (await editor.api('POST', '/api/v1/article20/import', { fileName: '许可.xlsx', contentBase64 })).json();
  assert.equal(p.add.length, 2);
  assert.equal(p.duplicates.length, 1);
  const auditBefore = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'article20.import'`))[0]!.n;
  const confirm = await editor.api('POST', '/api/v1/article20/import/confirm', { previewId: p.previewId });
  assert.equal(confirm.statusCode, 200, confirm.body);
  assert.deepEqual({ added: confirm.json().added, duplicates: confirm.json().duplicates }, { added: 2, duplicates: 1 });
  assert.equal((await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'article20.import'`))[0]!.n, auditBefore + 1);
  // the same preview cannot be confirmed twice
  assert.equal((await editor.api('POST', '/api/v1/article20/import/confirm', { previewId: p.previewId })).statusCode, 404);
  // entered, not confirmed: not counted yet, and said so
  assert.equal((await licensing2025()).licensing.decisions, before2025);
  const source = (await article20Part.compute(t.db, orgId, 2025, '2021')).sources.find((s) => s.cell === 'table2.licensing.decisions')!;
  assert.match(source.description, new RegExp(`^行政许可决定 ${before2025} 件（2025 年，逐件导入的决定，已确认；另有 1 件待确认未计入）$`));
  assert.equal(source.href, '/console/article20?year=2025&category=licensing');
  // again: everything is a duplicate
  const again = (await editor.api('POST', '/api/v1/article20/import', { fileName: '许可.xlsx', contentBase64 })).json();
  assert.equal(again.add.length, 0);
  assert.deepEqual(again.duplicates.map((d: { reason: string }) => d.reason), ['stored', 'stored', 'stored']);
  const refused = await editor.api('POST', '/api/v1/article20/import/confirm', { previewId: again.previewId });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error.message, /都已导入过/);
});

test('without a 类别 column the category is chosen; the editor cannot confirm, the head can', async () => {
  const contentBase64 = await workbook(['行政处罚决定书文号', '处罚决定日期', '行政相对人名称'], [['青自然资罚〔2025〕第0901号', '2025-11-30', '某某砂石厂']]);
  const missing = await editor.api('POST', '/api/v1/article20/import', { fileName: '处罚.xlsx', contentBase64 });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().error.message, /没有“类别”列/);
  const p = (await editor.api('POST', '/api/v1/article20/import', { fileName: '处罚.xlsx', contentBase64, category: 'penalty' })).json();
  assert.equal(p.add[0].category, 'penalty');
  assert.equal((await editor.api('POST', '/api/v1/article20/import/confirm', { previewId: p.previewId })).statusCode, 200);

  const penaltyBefore = ((await article20Part.compute(t.db, orgId, 2025, '2021')).table2 as { penalty: { decisions: number } }).penalty.decisions;
  const byEditor = await editor.api('POST', '/api/v1/article20/confirm', { year: 2025 });
  assert.equal(byEditor.statusCode, 403);
  assert.match(byEditor.json().error.message, /机关负责人或系统管理员/);
  const byHead = await head.api('POST', '/api/v1/article20/confirm', { year: 2025 });
  assert.equal(byHead.statusCode, 200, byHead.body);
  assert.deepEqual(byHead.json(), { decisions: 2, counts: 0, fees: 0, items: 0, procurement: 0 });
  const after2025 = (await article20Part.compute(t.db, orgId, 2025, '2021')).table2 as { penalty: { decisions: number }; licensing: { decisions: number } };
  assert.equal(after2025.penalty.decisions, penaltyBefore + 1);
  const [audit] = await t.db.query<{ summary: { year: number; confirmed: { decisions: number } } }>(`select summary from audit_log where action = 'article20.confirm' order by id desc limit 1`);
  assert.deepEqual([audit!.summary.year, audit!.summary.confirmed.decisions], [2025, 2]);
  // nothing left to confirm
  assert.equal((await head.api('POST', '/api/v1/article20/confirm', { year: 2025 })).statusCode, 400);
});

test('a file that is not a workbook is refused in Chinese, and nothing is stored', async () => {
  const res = await editor.api('POST', '/api/v1/article20/import', { fileName: 'x.xlsx', contentBase64: Buffer.from('not a workbook').toString('base64'), category: 'licensing' });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /只能导入 Excel 工作簿/);
});
