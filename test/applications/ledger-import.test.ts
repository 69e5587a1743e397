// Ledger import end to end on a real database: .xlsx files written with exceljs (header variants,
// traditional characters, Excel dates, typed dates, serial numbers), a check that writes nothing, a
// file with bad rows refused as a whole with errors per row, the cases with their dated history and
// audit entries, table 3 of 2025 and 2024 counting them, the same file twice, a longer ledger
// continuing its cases — then the console upload and the JSON API as the 依申请办理人.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { table3ForYear } from '../../src/applications/table3-report.ts';
import { listEvents } from '../../src/applications/store.ts';
import { importLedger } from '../../src/applications/ledger/import.ts';
import { readWorkbook } from '../../src/core/workbook.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { HEADER, ledgerFile, ledgerRows, workbook } from './ledger-workbook.ts';

let t: TestApp;
let orgId = 0;
const ORG = 'QS-ZRZY';

before(async () => {
  setTodayForTests(() => '2025-06-30');
  t = await testApp();
  orgId = (await findOrgByCode(t.db, ORG))!.id;
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const countCases = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from applications where org_id = $1', [orgId]))[0]!.n;
const auditCount = async (action: string) =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from audit_log where org_id = $1 and action = $2', [orgId, action]))[0]!.n;
async function caseOf(name: string) {
  const [c] = await t.db.query<{ id: number; receipt_no: string; state: string; channel: string; submitted_on: string; received_on: string; concluded_on: string | null; outcome: string | null; applicant_column: string; info_title: string }>(
    `select a.* from applications a join application_applicants p on p.case_id = a.id where a.org_id = $1 and p.name = $2`,
    [orgId, name],
  );
  assert.ok(c, `case of ${name}`);
  return { ...c, events: await listEvents(t.db, c.id) };
}
const table3 = async (year: number) => (await table3ForYear(t.db, orgId, year)).table3 as unknown as Record<string, number[]>;
/** Column order of table 3: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const diff = (after: Record<string, number[]>, before: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.map((n, i) => n - before[k]![i]!)]).filter(([, v]) => (v as number[]).some((n) => n !== 0)));

let before2025: Record<string, number[]>;
let before2024: Record<string, number[]>;

test('a check reads the whole file and writes nothing', async () => {
  before2025 = await table3(2025);
  before2024 = await table3(2024);
  const cases = await countCases();
  const r = await importLedger(t.db, cliContext(), orgId, { fileName: '2025年台账.xlsx', content: await ledgerFile() }, { dryRun: true });
  assert.deepEqual(r.messages, []);
  assert.equal(r.ok, true);
  assert.equal(r.dryRun, true);
  assert.deepEqual([r.rowsRead, r.created, r.updated, r.unchanged], [6, 6, 0, 0]);
  assert.deepEqual(r.rows.map((x) => [x.row, x.status, x.state]), [[3, 'created', 'closed'], [4, 'created', 'closed'], [5, 'created', 'closed'], [6, 'created', 'received'], [7, 'created', 'closed'], [8, 'created', 'closed']]);
  assert.equal(await countCases(), cases);
  assert.equal(await auditCount('application.ledger_import'), 0);
});

test('a file with bad rows is refused as a whole, with every error by row and column', async () => {
  const cases = await countCases();
  const bad = ledgerRows();
  bad.splice(6, 0,
    [8, '赵六', '自然人', null, null, '某文件', '当面', null, '2025-05-10', null, null, '2025-05-01', '予以公开', null, null],
    [9, '钱七', '法人', null, null, '另一文件', '网上', null, '2025-05-11', null, null, '2025-05-20', '不予公开', null, null],
  );
  bad.push([10, '张三', '自然人', '330106199003071236', null, '2024年度青山镇土地征收补偿安置方案', '网上', null, '2025-03-03', null, null, null, null, null, null]);
  for (const dryRun of [true, false]) {
    const r = await importLedger(t.db, cliContext(), orgId, { fileName: 'bad.xlsx', content: await ledgerFile(bad) }, { dryRun });
    assert.equal(r.ok, false);
    assert.deepEqual(r.messages, [
      '第9行「答复日期」：日期早于受理日期（2025-05-10）',
      '第10行「申請人性質」：“法人”不够具体，请写明商业企业、科研机构、社会公益组织、法律服务机构或其他（年度报告表三分列统计）',
      '第10行「答复类型」：“不予公开”不够具体：年度报告表三的“不予公开”分为几种情形，请写明是哪一种，如“不予公开-属于国家秘密”',
      '第12行：与第3行重复（申请人、收到申请日期和申请内容都相同）',
    ]);
    assert.equal(r.importId, null);
  }
  assert.equal(await countCases(), cases, 'nothing written');
  assert.equal(await auditCount('application.ledger.import'), 0);
});

let imported: Buffer;

test('the import creates real cases with their history, audited', async () => {
  const content = (imported = await ledgerFile());
  const r = await importLedger(t.db, cliContext(), orgId, { fileName: '2025年台账.xlsx', content });
  assert.deepEqual(r.messages, []);
  assert.ok(r.importId);
  assert.deepEqual([r.created, r.updated, r.unchanged], [6, 0, 0]);
  assert.ok(r.rows.every((x) => x.status === 'created' && x.caseId && /^QS-ZRZY-202[45]-\d{5}$/.test(x.receiptNo!)));

  const zhang = await caseOf('张三');
  assert.equal(zhang.channel, 'online');
  assert.deepEqual([zhang.submitted_on, zhang.received_on, zhang.concluded_on, zhang.outcome, zhang.state, zhang.applicant_column], ['2025-03-01', '2025-03-03', '2025-03-20', 'granted', 'closed', 'natural']);
  assert.deepEqual(zhang.events.map((e) => `${e.kind}@${e.onDate}`), ['submitted@2025-03-01', 'received@2025-03-03', 'replied@2025-03-20', 'closed@2025-03-20']);
  assert.match(zhang.events[0]!.note, /^据台账导入：2025年台账\.xlsx 工作表「2025年依申请公开台账」第3行；台账备注：电话确认$/);
  assert.equal(zhang.events[0]!.actorName, cliContext().actor.name);
  assert.match(zhang.receipt_no, /^QS-ZRZY-2025-\d{5}$/);

  const institute = await caseOf('青山生态研究院');
  assert.deepEqual([institute.received_on, institute.concluded_on, institute.outcome, institute.applicant_column], ['2025-03-10', '2025-04-22', 'unavailable.needsCreation', 'research']);
  assert.deepEqual(institute.events.map((e) => e.kind), ['submitted', 'received', 'extension_requested', 'extended', 'replied', 'closed']);
  assert.equal(institute.events.find((e) => e.kind === 'replied')!.data.reasons, '需要对现有数据加工分析');

  const firm = await caseOf('青山律师事务所');
  assert.deepEqual([firm.channel, firm.submitted_on, firm.received_on, firm.outcome, firm.applicant_column], ['post_signed', '2025-04-01', '2025-04-03', 'withheld.thirdPartyRights', 'legal_service']);

  const li = await caseOf('李四');
  assert.deepEqual([li.state, li.received_on, li.concluded_on], ['received', '2025-05-23', null], 'an Excel serial number; still open');

  const wang = await caseOf('王五');
  assert.deepEqual([wang.state, wang.outcome, wang.concluded_on], ['closed', 'other.other', '2025-06-05']);
  assert.deepEqual(wang.events.map((e) => e.kind), ['submitted', 'received', 'withdrawn', 'closed']);

  const firm2 = await caseOf('青山建设有限公司');
  assert.deepEqual([firm2.received_on, firm2.concluded_on, firm2.outcome], ['2024-12-20', '2025-01-10', 'unavailable.notHeld']);
  assert.match(firm2.receipt_no, /^QS-ZRZY-2024-\d{5}$/, 'numbered in the year it was submitted');

  assert.equal(await auditCount('application.ledger_import'), 6);
  assert.equal(await auditCount('application.ledger.import'), 1);
  const [entry] = await t.db.query<{ target_id: string; summary: { receiptNo: string; events: { kind: string; onDate: string }[] } }>(
    `select target_id, summary from audit_log where org_id = $1 and action = 'application.ledger_import' and target_id = $2`,
    [orgId, String(zhang.id)],
  );
  assert.equal(entry!.summary.receiptNo, zhang.receipt_no);
  assert.deepEqual(entry!.summary.events.map((e) => e.kind), ['submitted', 'received', 'replied', 'closed']);
  assert.doesNotMatch(JSON.stringify(entry!.summary), /张三|330106/, 'no personal data in the audit log');
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test('table 3 computed from the cases counts the imported applications', async () => {
  const line = (natural: number, business: number, research: number, legal: number) => [natural, business, research, 0, legal, 0, natural + business + research + legal];
  assert.deepEqual(diff(await table3(2025), before2025), {
    newReceived: line(3, 0, 1, 1),
    carriedOver: line(0, 1, 0, 0),
    granted: line(1, 0, 0, 0),
    'withheld.thirdPartyRights': line(0, 0, 0, 1),
    'unavailable.notHeld': line(0, 1, 0, 0),
    'unavailable.needsCreation': line(0, 0, 1, 0),
    'other.other': line(1, 0, 0, 0),
    total: line(2, 1, 1, 1),
    carriedForward: line(1, 0, 0, 0),
  });
  assert.deepEqual(diff(await table3(2024), before2024), { newReceived: line(0, 1, 0, 0), carriedForward: line(0, 1, 0, 0) });
});

test('the same file again changes nothing; a longer ledger continues its cases; a contradiction is refused', async () => {
  const cases = await countCases();
  const same = await importLedger(t.db, cliContext(), orgId, { fileName: '又一次.xlsx', content: imported });
  assert.equal(same.ok, true);
  assert.ok(same.duplicateOf, 'the same bytes: recognized by the hash');
  assert.equal(same.importId, null);
  const again = await importLedger(t.db, cliContext(), orgId, { fileName: '再次.xlsx', content: await ledgerFile(ledgerRows(), '2025年台账（再次导出）') });
  assert.equal(again.duplicateOf, null);
  assert.equal(again.ok, true);
  assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 6], 'another file with the same rows: recognized row by row');
  assert.equal(await countCases(), cases);

  const longer = ledgerRows({ liSiReply: ['2025-06-10', '部分公开'] });
  longer.push([8, '孙八', '社会公益组织', null, null, '全县河道采砂许可信息', '网上', null, '2025-06-12', null, null, null, null, null, null]);
  const r = await importLedger(t.db, cliContext(), orgId, { fileName: '2025年台账（6月）.xlsx', content: await ledgerFile(longer) });
  assert.deepEqual(r.messages, []);
  assert.deepEqual([r.created, r.updated, r.unchanged], [1, 1, 5]);
  const updated = r.rows.find((x) => x.status === 'updated')!;
  assert.deepEqual(updated.status === 'updated' && updated.steps, ['reply', 'close']);
  const li = await caseOf('李四');
  assert.deepEqual([li.state, li.concluded_on, li.outcome], ['closed', '2025-06-10', 'partiallyGranted']);
  assert.deepEqual(li.events.map((e) => e.kind), ['submitted', 'received', 'replied', 'closed']);
  assert.match(li.events[2]!.note, /据台账导入：2025年台账（6月）\.xlsx/);
  assert.equal(await auditCount('application.ledger_update'), 1);
  assert.equal((await caseOf('孙八')).applicant_column, 'public_welfare');

  const contradicting = await importLedger(t.db, cliContext(), orgId, { fileName: 'x.xlsx', content: await ledgerFile(ledgerRows({ zhangSanOutcome: '不予公开-属于国家秘密', liSiReply: ['2025-06-10', '部分公开'] })) });
  assert.equal(contradicting.ok, false);
  assert.equal(contradicting.messages.length, 1);
  assert.match(contradicting.messages[0]!, /^第3行「答复类型」：与已导入的申请 QS-ZRZY-2025-\d{5} 不一致：系统中为“（一）予以公开”（2025-03-20），台账为“不予公开-属于国家秘密”（2025-03-20）/);
  assert.equal(await countCases(), cases + 1);
});


// ── Console and API, as the 依申请办理人 of the organization ─────────────────

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiLedgerBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, file: { name: string; content: Buffer }, mode: 'check' | 'import', csrfPage = '/console/applications/ledger') {
  const csrf = await client.csrfFrom(csrfPage);
  const { payload, contentType } = multipart({ _csrf: csrf, mode }, file);
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.inject({ method: 'POST', url: '/console/applications/ledger', payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
}

/** A second ledger of other applicants (the 2025 H2 export of another office). */
const secondLedger = (extra: (string | number | null)[][] = []) =>
  workbook([
    {
      name: '台账',
      rows: [
        ['申请人', '申请人类型', '申请内容', '申请方式', '收到申请日期', '答复日期', '处理结果', '送达方式'],
        ['周九', '自然人', '某村集体土地确权登记资料', '当面', '2025-05-06', '2025-05-20', '（四）无法提供 1.本机关不掌握相关政府信息', '当面领取'],
        ['青山公益基金会', '社会公益组织', '县级湿地保护规划', '传真', '2025-05-07', '2025-05-28', '予以公开', '电子邮件'],
        ...extra,
      ],
    },
  ]);

let handlerClient: Client | null = null;
let editorClient: Client | null = null;
const signedInEditor = async () => (editorClient ??= await new Client(t.app).loginReady('zrzy.editor'));
const signedInHandler = async () => (handlerClient ??= await new Client(t.app).loginReady('zrzy.handler'));

test('console: the template, a check, the import, and errors per row on the page', async () => {
  const handler = await signedInHandler();
  const pageRes = await handler.get('/console/applications/ledger');
  assert.equal(pageRes.statusCode, 200);
  assert.match(pageRes.body, /enctype="multipart\/form-data"/);
  assert.match(pageRes.body, /2025年台账（6月）\.xlsx/, 'earlier imports are listed');
  assert.match((await handler.get('/console/applications')).body, /href="\/console\/applications\/ledger"/);

  const template = await handler.get('/console/applications/ledger/template');
  assert.equal(template.statusCode, 200);
  assert.match(String(template.headers['content-type']), /spreadsheetml/);
  const sheets = await readWorkbook(template.rawPayload, 100);
  assert.deepEqual(sheets.map((s) => s.name), ['依申请公开台账', '填写说明', '填写示例']);
  assert.equal(sheets[0]!.rows[0]![2], '申请人');
  const empty = await upload(handler, { name: '模板.xlsx', content: template.rawPayload }, 'check');
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /台账中没有申请记录/);

  const cases = await countCases();
  const file = { name: '下半年台账.xlsx', content: await secondLedger() };
  const checked = await upload(handler, file, 'check');
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /检查通过，尚未导入/);
  assert.match(checked.body, /将新建 2 件/);
  assert.equal(await countCases(), cases);

  const done = await upload(handler, file, 'import');
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /导入完成/);
  assert.match(done.body, /新建 2 件/);
  const link = /href="\/console\/applications\/(\d+)">QS-ZRZY-2025-\d{5}</.exec(done.body);
  assert.ok(link, 'links to the new cases');
  const casePage = await handler.get(`/console/applications/${link[1]}`);
  assert.match(casePage.body, /据台账导入：下半年台账\.xlsx/);
  assert.match(casePage.body, /本机关不掌握相关政府信息/);
  const zhou = await caseOf('周九');
  assert.notEqual(zhou.events[0]!.actorName, cliContext().actor.name, 'the clerk who uploaded is the actor');
  assert.equal((await caseOf('青山公益基金会')).channel, 'fax');

  const twice = await upload(handler, file, 'import');
  assert.match(twice.body, /已于 .* 导入（导入记录 \d+），本次未作任何更改/);

  const bad = await upload(handler, { name: '有误.xlsx', content: await secondLedger([['吴十', '自然人', '某文件', '当面', '2025-06-01', '2025-05-30', '予以公开', null]]) }, 'import');
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /未导入/);
  assert.match(bad.body, /第4行「答复日期」：日期早于收到申请日期（2025-06-01）/);
  assert.equal(await countCases(), cases + 2);

  const notXlsx = await upload(handler, { name: '台账.xls', content: Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex') }, 'check');
  assert.equal(notXlsx.statusCode, 422);
  assert.match(notXlsx.body, /旧版 Excel（\.xls）/);

  const editor = await signedInEditor();
  assert.equal((await editor.get('/console/applications/ledger')).statusCode, 403);
  assert.equal((await upload(editor, file, 'import', '/console')).statusCode, 403);
});

test('API: check, import (201), the same file (200), errors (422), the list of imports, the template', async () => {
  const handler = await signedInHandler();
  const token = (await handler.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken as string;
  const api = (method: string, url: string, json?: unknown) => handler.request(method, url, { json, headers: { 'x-csrf-token': token, accept: 'application/json' } });
  const content = await workbook([
    { name: 'Sheet1', rows: [['申请人', '申请人类型', '申请内容', '收到申请日期', '答复日期', '处理结果'], ['郑十一', '商业企业', '某项目环评批复', '2025-06-03', '2025-06-20', '不予处理-重复申请']] },
  ]);
  const body = { fileName: 'api.xlsx', contentBase64: content.toString('base64') };

  const check = await api('POST', '/api/v1/applications/ledger', { ...body, dryRun: true });
  assert.equal(check.statusCode, 200, check.body);
  assert.deepEqual([check.json().ok, check.json().created, check.json().importId], [true, 1, null]);
  const imported = await api('POST', '/api/v1/applications/ledger', body);
  assert.equal(imported.statusCode, 201, imported.body);
  const row = imported.json().rows[0];
  assert.deepEqual([row.status, row.state], ['created', 'closed']);
  const detail = await api('GET', `/api/v1/applications/${row.caseId}`);
  assert.deepEqual([detail.json().outcome, detail.json().applicantColumn, detail.json().receivedOn], ['notProcessed.repeated', 'business', '2025-06-03']);
  const again = await api('POST', '/api/v1/applications/ledger', body);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().duplicateOf.importId, imported.json().importId);

  const wrong = await workbook([{ name: 'Sheet1', rows: [['申请人', '申请人类型', '申请内容', '收到申请日期', '答复日期', '处理结果'], ['某人', '自然人', '某文件', '2025/6/3', '6月20日', '予以公开']] }]);
  const refused = await api('POST', '/api/v1/applications/ledger', { fileName: 'wrong.xlsx', contentBase64: wrong.toString('base64') });
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(refused.json().messages, ['第2行「答复日期」：无法识别的日期“6月20日”，请写成 2025-03-04、2025/3/4 或 2025年3月4日，或把单元格设为日期格式']);
  assert.deepEqual(refused.json().errors[0], { sheet: 'Sheet1', row: 2, column: '答复日期', message: '无法识别的日期“6月20日”，请写成 2025-03-04、2025/3/4 或 2025年3月4日，或把单元格设为日期格式' });

  const list = await api('GET', '/api/v1/applications/ledger/imports');
  assert.equal(list.statusCode, 200);
  assert.equal(list.json()[0].fileName, 'api.xlsx');
  assert.equal(list.json()[0].casesCreated, 1);
  const template = await api('GET', '/api/v1/applications/ledger/template');
  assert.equal(template.statusCode, 200);
  assert.match(String(template.headers['content-type']), /spreadsheetml/);

  const editor = await signedInEditor();
  const editorToken = (await editor.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken as string;
  const forbidden = await editor.request('POST', '/api/v1/applications/ledger', { json: body, headers: { 'x-csrf-token': editorToken, accept: 'application/json' } });
  assert.equal(forbidden.statusCode, 403);
  assert.match(forbidden.json().error.message, /只有本机关的依申请办理人或负责人可以导入/);
});

test('the workbook is read in a worker: past its time limit the file is refused with the limit named, the caller unharmed', async () => {
  const { parseLedgerIsolated } = await import('../../src/applications/ledger/isolated-read.ts');
  const content = await ledgerFile();
  assert.equal((await parseLedgerIsolated(content)).rows.length, 6, 'the same rows as in this process');
  // 1 ms: no worker even starts in time, as with a workbook that would take minutes to unpack
  await assert.rejects(parseLedgerIsolated(content, { timeoutMs: 1, maxMemoryMb: 512, concurrency: 1, queueLength: 1 }), (e: Error & { status?: number }) => {
    assert.ok(e.status! >= 400 && e.status! < 500, `a clerk's error, not ${e.status}`);
    assert.match(e.message, /^无法读取台账：读取超时（超过 [\d.]+ 秒），文件可能已损坏或结构异常$/);
    return true;
  });
  const refused = await parseLedgerIsolated(Buffer.from('not a workbook')).catch((e: Error) => e.message);
  assert.equal(refused, '只能导入 Excel 工作簿（.xlsx）');
});
