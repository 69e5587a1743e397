// Importing a 复议诉讼台账 (.xlsx made here with exceljs, the way agencies keep them: a title row, the
// short spellings of 类型, results in the decisions' words): the preview (nothing written, the rows
// already registered recognized by 案号), the confirmation (one transaction, one audit entry), the same
// file again (nothing added twice), a file with errors (per row, in Chinese, nothing added), and the
// console's upload → preview → confirm and the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { importAppealLedger, previewAppealLedger } from '../../src/appeals/ledger/import.ts';
import { appealsPart, table4ForYear } from '../../src/appeals/table4-report.ts';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

type Cell = string | number | Date | null;
let t: TestApp;
let head: Client;
let orgId: number;
let receiptNo: string;
let caseId: number;

const HEADER: Cell[] = ['序号', '类型', '收件编号', '申请人/原告', '复议机关/法院', '案号', '收到日期', '决定日期/审结日期', '结果', '备注'];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function workbook(rows: Cell[][], sheet = '台账'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['青山县自然资源局行政复议、行政诉讼台账']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const goodRows = (): Cell[][] => [
  [1, '复议', receiptNo, null, '青山县人民政府', '青政复〔2023〕2号', d(2023, 4, 3), d(2023, 6, 1), '驳回复议申请', null],
  [2, '直诉', null, '赵某', '青山县人民法院', '（2023）青0122行初5号', '2023/5/6', '2023年9月1日', '撤销原答复，责令重新答复', '原告不服不予公开答复'],
  [3, '复议后诉讼', null, '钱某', '青山县人民法院', '（2024）青0122行初9号', '2024-02-01', null, '尚未审结', null],
  [4, '行政复议', null, '孙立伟', '青山县人民政府', '青政复〔2024〕7号', '2024-05-20', '2024-07-15', '维持', null],
  [5, '复议', null, '李某', '青山县人民政府', null, '2024-08-01', '2024-09-01', '申请人撤回复议申请，复议终止', null],
];

before(async () => {
  setTodayForTests(() => '2026-12-04');
  t = await testApp();
  await seedApplicationsDemo(t.db); // the demo appeals come with testApp's seedDemo
  head = await new Client(t.app).loginReady('zrzy.head');
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
  const [c] = await t.db.query<{ id: number; receipt_no: string }>('select id, receipt_no from applications where org_id = $1 order by id limit 1', [orgId]);
  receiptNo = c!.receipt_no;
  caseId = Number(c!.id);
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]!.n;

test('preview, confirm in one transaction with one audit entry, and the same file again adds nothing', async () => {
  const file = { fileName: '复议诉讼台账.xlsx', content: await workbook(goodRows()) };
  const appealsBefore = await count('select count(*)::int as n from appeals');

  const preview = await previewAppealLedger(t.db, cliContext(), orgId, file);
  assert.equal(preview.ok, true, preview.messages.join('\n'));
  assert.equal(preview.confirmed, false);
  assert.equal(preview.rowsRead, 5);
  assert.equal(preview.added, 4);
  assert.equal(preview.duplicates, 1, '青政复〔2024〕7号 is in the register already');
  assert.deepEqual(preview.rows.map((r) => [r.row, r.status, r.kind, r.outcome]), [
    [3, 'new', 'review', 'upheld'],
    [4, 'new', 'litigation_direct', 'corrected'],
    [5, 'new', 'litigation_after_review', null],
    [6, 'duplicate', 'review', 'upheld'],
    [7, 'new', 'review', 'other'],
  ]);
  assert.equal(preview.rows[0]!.caseId, caseId, 'the receipt number names the case');
  assert.equal(await count('select count(*)::int as n from appeals'), appealsBefore, 'a preview writes nothing');

  const auditBefore = await count('select count(*)::int as n from audit_log');
  const done = await importAppealLedger(t.db, cliContext(), orgId, file);
  assert.equal(done.ok, true, done.messages.join('\n'));
  assert.equal(done.confirmed, true);
  assert.equal(done.added, 4);
  assert.equal(await count('select count(*)::int as n from appeals'), appealsBefore + 4);
  assert.equal(await count('select count(*)::int as n from audit_log'), auditBefore + 1, 'one audit entry for the import');
  const [entry] = await t.db.query<{ action: string; summary: { added: number; records: { caseNumber: string }[] } }>('select action, summary from audit_log order by id desc limit 1');
  assert.equal(entry!.action, 'appeal.import');
  assert.equal(entry!.summary.added, 4);
  assert.doesNotMatch(JSON.stringify(entry!.summary), /赵某|钱某|李某/, 'no party in the audit log');

  const [first] = await t.db.query<{ party: string; case_id: number; outcome: string; decided_on: string; note: string }>(
    `select party, case_id, outcome, decided_on, note from appeals where case_number = '青政复〔2023〕2号'`,
  );
  assert.equal(Number(first!.case_id), caseId);
  assert.ok(first!.party, 'the party is the case’s applicant');
  assert.equal(first!.outcome, 'upheld');
  assert.equal(first!.decided_on, '2023-06-01');
  assert.match(first!.note, /据台账导入：复议诉讼台账\.xlsx 工作表「台账」第3行，结果：驳回复议申请/);
  const [second] = await t.db.query<{ note: string; new_reply_ordered_on: string | null }>(`select note, new_reply_ordered_on from appeals where case_number = '（2023）青0122行初5号'`);
  assert.match(second!.note, /原告不服不予公开答复；据台账导入.*责令重新答复，未自动重新办理该申请/);
  assert.equal(second!.new_reply_ordered_on, null);

  const { table4 } = await table4ForYear(t.db, orgId, 2023);
  assert.deepEqual(table4, { review: [1, 0, 0, 0, 1], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] });

  const again = await importAppealLedger(t.db, cliContext(), orgId, file);
  assert.equal(again.ok, true);
  assert.equal(again.added, 0);
  assert.equal(again.duplicates, 5, 'by 案号, and without one by kind, body, party and day received');
  assert.equal(await count('select count(*)::int as n from appeals'), appealsBefore + 4, 'nothing added twice');
});

test('the report part: table 4 of the year with one source per non-zero cell', async () => {
  const part = await appealsPart.compute(t.db, orgId, 2023, '2021');
  assert.deepEqual(part.table4, { review: [1, 0, 0, 0, 1], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] });
  assert.deepEqual(part.facts, {});
  assert.deepEqual(part.sources, [
    { cell: 'table4.review[0]', description: '行政复议·结果维持 1 件：青政复〔2023〕2号（2023 年复议诉讼台账）', href: '/console/appeals?year=2023' },
    { cell: 'table4.review[4]', description: '行政复议 1 件：青政复〔2023〕2号（2023 年复议诉讼台账）', href: '/console/appeals?year=2023' },
    { cell: 'table4.litigationDirect[1]', description: '行政诉讼·未经复议直接起诉·结果纠正 1 件：（2023）青0122行初5号（2023 年复议诉讼台账）', href: '/console/appeals?year=2023' },
    { cell: 'table4.litigationDirect[4]', description: '行政诉讼·未经复议直接起诉 1 件：（2023）青0122行初5号（2023 年复议诉讼台账）', href: '/console/appeals?year=2023' },
  ]);
  const y2024 = await appealsPart.compute(t.db, orgId, 2024, '2021');
  const other = y2024.sources.find((s) => s.cell === 'table4.review[2]')!;
  assert.match(other.description, /^行政复议·其他结果 1 件：无案号（青山县人民政府，2024-08-01 收到）/);
  assert.equal(y2024.sources.length, y2024.sources.filter((s) => s.description.includes(' 件：')).length);
});

test('a file with errors: every problem per row in Chinese, nothing added', async () => {
  const rows: Cell[][] = [
    [1, '信访', null, '甲', '青山县人民政府', '青政复〔2025〕91号', '2025-03-01', null, null, null],
    [2, '复议', null, '乙', '青山县人民政府', '青政复〔2025〕92号', '2025-03-01', null, '维持', null],
    [3, '复议', null, '丙', '青山县人民政府', '青政复〔2025〕93号', '2025-03-01', '2025-04-01', '已处理', null],
    [4, '诉讼', null, null, '青山县人民法院', '（2025）青0122行初90号', '2025-03-01', null, null, null],
    [5, '复议', null, '丁', '青山县人民政府', '青政复〔2025〕94号', '2027-01-05', null, null, null],
    [6, '复议', null, '戊', '青山县人民政府', '青政复〔2025〕94号', '2025-02-30', null, null, null],
    [7, '复议', null, '己', null, '青政复〔2025〕95号', '2025-05-01', '2025-04-01', '维持', null],
  ];
  const before = await count('select count(*)::int as n from appeals');
  const r = await importAppealLedger(t.db, cliContext(), orgId, { fileName: '有误.xlsx', content: await workbook(rows) });
  assert.equal(r.ok, false);
  const all = r.messages.join('\n');
  assert.match(all, /第3行「类型」：无法识别的类型“信访”/);
  assert.match(all, /第4行「决定日期\/审结日期」：已审结的，请填写决定日期或审结日期/);
  assert.match(all, /第5行「结果」：无法识别的结果“已处理”/);
  assert.match(all, /第6行「申请人\/原告」：请填写申请人\/原告/);
  assert.match(all, /第7行「收到日期」：收到日期 2027-01-05 不能晚于今天/);
  assert.match(all, /第8行「收到日期」：“2025-02-30”不是有效日期/);
  assert.match(all, /第9行「复议机关\/法院」：请填写复议机关或人民法院/);
  assert.match(all, /第9行「决定日期\/审结日期」：审结日期 2025-04-01 早于收到日期 2025-05-01/);
  assert.equal(await count('select count(*)::int as n from appeals'), before);

  const dup = await previewAppealLedger(t.db, cliContext(), orgId, { fileName: '重复.xlsx', content: await workbook([goodRows()[1]!, [9, '直诉', null, '赵某', '青山县人民法院', '（2025）青0122行初77号', '2025-05-06', null, null, null], [10, '直诉', null, '赵某', '青山县人民法院', '（2025）青0122行初77号', '2025-05-06', null, null, null]]) });
  assert.equal(dup.ok, false);
  assert.match(dup.messages.join('\n'), /第5行「案号」：与第4行的案号相同/);

  const notExcel = await previewAppealLedger(t.db, cliContext(), orgId, { fileName: 'a.xlsx', content: Buffer.from('not a workbook') });
  assert.deepEqual(notExcel.messages, ['只能导入 Excel 工作簿（.xlsx）']);
});

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiLedgerBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('console: template, upload → preview → confirm', async () => {
  const template = await head.get('/console/appeals/import/template');
  assert.equal(template.statusCode, 200);
  assert.equal(template.rawPayload.subarray(0, 2).toString(), 'PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual((wb.getWorksheet('复议诉讼台账')!.getRow(1).values as string[]).slice(1), HEADER);
  // the template's examples are not imported
  const fromTemplate = await previewAppealLedger(t.db, cliContext(), orgId, { fileName: '模板.xlsx', content: template.rawPayload });
  assert.match(fromTemplate.messages.join(''), /台账中没有复议诉讼记录/);

  const list = await head.get('/console/appeals');
  assert.match(list.body, /href="\/console\/appeals\/import">导入复议诉讼台账/);
  const csrf = await head.csrfFrom('/console/appeals/import');
  const { payload, contentType } = multipart({ _csrf: csrf }, {
    name: '2025台账.xlsx',
    content: await workbook([[1, '复议', null, '周某', '青山县人民政府', '青政复〔2025〕31号', '2025-07-01', '2025-08-20', '确认违法', null]]),
  });
  const cookies = (head as unknown as { cookies: Map<string, string> }).cookies;
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const preview = await t.app.inject({ method: 'POST', url: '/console/appeals/import', payload, headers: { 'content-type': contentType, accept: 'text/html', cookie } });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.match(preview.body, /预览（尚未导入）<\/strong>：共读取 1 行，将导入 1 件/);
  assert.match(preview.body, /结果纠正（2025-08-20） <span class="muted small">台账：确认违法<\/span>/);
  assert.equal(await count(`select count(*)::int as n from appeals where case_number = '青政复〔2025〕31号'`), 0);
  const previewId = /name="previewId" value="(\d+)"/.exec(preview.body)![1]!;

  const confirmed = await head.request('POST', '/console/appeals/import/confirm', { form: { _csrf: csrf, previewId } });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.match(confirmed.body, /导入完成<\/strong>：共读取 1 行，导入 1 件/);
  assert.equal(await count(`select count(*)::int as n from appeals where case_number = '青政复〔2025〕31号'`), 1);
  const twice = await head.request('POST', '/console/appeals/import/confirm', { form: { _csrf: csrf, previewId } });
  assert.equal(twice.statusCode, 404, 'a preview is confirmed once');
  assert.match(twice.body, /请重新上传台账/);
});

test('API: preview and import', async () => {
  const content = (await workbook([[1, '复议', null, '吴某', '青山县人民政府', '青政复〔2025〕41号', '2025-09-01', null, null, null]])).toString('base64');
  const preview = await head.api('POST', '/api/v1/appeals/import', { fileName: 'api.xlsx', contentBase64: content });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(preview.json().added, 1);
  assert.equal(preview.json().confirmed, false);
  const done = await head.api('POST', '/api/v1/appeals/import', { fileName: 'api.xlsx', contentBase64: content, confirm: true });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().confirmed, true);
  assert.equal(await count(`select count(*)::int as n from appeals where case_number = '青政复〔2025〕41号'`), 1);
  const bad = await head.api('POST', '/api/v1/appeals/import', { fileName: 'x.xlsx', contentBase64: Buffer.from('x').toString('base64') });
  assert.equal(bad.statusCode, 422);
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  const refused = await editor.api('POST', '/api/v1/appeals/import', { fileName: 'api.xlsx', contentBase64: content });
  assert.equal(refused.statusCode, 403);
});
