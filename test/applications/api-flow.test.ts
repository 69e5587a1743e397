// One application from the portal to the archive through HTTP: submit online → confirm receipt →
// request correction → corrected online → extension (handler asks, head approves) → consult a
// third party → reply 部分公开 → close. Every due date is counted by hand on the 2025 notice
// (国庆 10-01…10-08 off, 09-28 and 10-11 调休上班); the audit trail, the letters (DOCX read back)
// and table 3 of 2025 are checked at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { blankReport } from '../../src/report/model/blank-report.ts';
import { validateReport } from '../../src/report/rules/validate.ts';
import { findReportByOrgYear, findVersion } from '../../src/report/store.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let head: Client;
let applicant: Client;
let now = '2025-09-24';

before(async () => {
  setTodayForTests(() => now);
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
  head = await new Client(t.app).loginReady('zrzy.head');
  applicant = new Client(t.app);
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const api = (c: Client, method: string, url: string, json?: unknown) => c.api(method, url, json);

const PERSON = { name: '王小明', idNumber: '11010519491231002X', phone: '13800138000', email: 'wang@example.com', address: '青山县人民路 8 号' };

let caseId = 0;
let receiptNo = '';

async function act(c: Client, path: string, body: unknown, status = 200) {
  const res = await api(c, 'POST', `/api/v1/applications/${caseId}/${path}`, body);
  assert.equal(res.statusCode, status, `${path}: ${res.body}`);
  return res.json();
}

test('the flow from the portal to the archive, with every due date', async () => {
  // 条例第二十九条: the applicant submits online on 2025-09-24 (Wednesday)
  const form = await applicant.get('/apply/QS-ZRZY');
  assert.equal(form.statusCode, 200);
  const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!;
  const fields = {
    submissionKey: key, applicantKind: 'natural', name: PERSON.name, idType: '居民身份证', idNumber: PERSON.idNumber, phone: PERSON.phone, email: PERSON.email,
    address: PERSON.address, infoTitle: '2024年度国有建设用地使用权出让合同', infoDocNumber: '', infoDescription: '青山县城东片区', formWanted: 'electronic', delivery: 'email',
  };
  const submitted = await applicant.post('/apply/QS-ZRZY', fields, '/apply/QS-ZRZY');
  assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 500));
  assert.equal(submitted.headers.location, '/track?notice=submitted');
  const status = await applicant.get('/track?notice=submitted');
  receiptNo = /id="receipt-no">([^<]+)</.exec(status.body)![1]!;
  assert.equal(receiptNo, 'QS-ZRZY-2025-00001');
  for (const secret of Object.values(PERSON)) assert.ok(!status.body.includes(secret), `the public page shows ${secret}`);

  const [listed] = (await api(handler, 'GET', `/api/v1/applications?receiptNo=${receiptNo}`)).json();
  caseId = listed.id;
  assert.equal(listed.state, 'submitted');
  assert.equal(listed.clock.dueDate, null, '第三十一条: no clock before the receipt is confirmed');

  // 第三十一条: confirmed with the applicant on Friday 09-26 → due 10-30
  now = '2025-09-26';
  let c = await act(handler, 'confirm', { confirmedOn: '2025-09-26' });
  assert.equal(c.state, 'received');
  assert.equal(c.receivedOn, '2025-09-26');
  assert.equal(c.clock.dueDate, '2025-10-30');
  assert.equal(c.clock.correctionNoticeDue, '2025-10-13');
  assert.equal(c.applicant.name, PERSON.name, 'the handler sees the personal data');

  // 第三十条: one 补正 notice on 09-30, the clock stops
  now = '2025-09-30';
  c = await act(handler, 'correction-request', { items: '请写明合同所涉地块的名称或编号', dueOn: '2025-10-20' });
  assert.equal(c.state, 'correction_requested');
  assert.equal(c.clock.status, 'awaiting_correction');
  assert.equal(c.clock.dueDate, null);
  assert.equal((await act(handler, 'correction-request', { items: 'x', dueOn: '2025-10-20' }, 409)).error.code, 'CONFLICT');

  // The applicant looks the case up on 10-09 and answers online: the clock restarts from 10-09 → due 11-05
  now = '2025-10-09';
  const anonymous = new Client(t.app);
  const wrong = await anonymous.post('/track', { receiptNo, contact: '13900000000' }, '/track');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /申请编号或联系方式不正确/);
  const found = await anonymous.post('/track', { receiptNo, contact: PERSON.phone }, '/track');
  assert.equal(found.statusCode, 303);
  const page = await anonymous.get('/track');
  assert.match(page.body, /请写明合同所涉地块的名称或编号/);
  const corrected = await anonymous.post('/track/correction', { description: '城东片区 QS2024-07 号地块的出让合同' }, '/track');
  assert.equal(corrected.statusCode, 303);
  c = (await api(handler, 'GET', `/api/v1/applications/${caseId}`)).json();
  assert.equal(c.state, 'corrected');
  assert.equal(c.clock.clockStartsOn, '2025-10-09');
  assert.equal(c.clock.dueDate, '2025-11-05');

  // 第三十三条第二款: the handler asks for 20 working days; only the head approves
  now = '2025-10-10';
  c = await act(handler, 'extension-request', { workingDays: 20, reason: '需调取历年出让档案' });
  assert.equal(c.state, 'corrected');
  assert.ok(c.actions.includes('approveExtension'));
  const refused = await act(handler, 'extension-approval', {}, 403);
  assert.match(refused.error.message, /机关负责人/);
  now = '2025-10-13';
  c = await act(head, 'extension-approval', {});
  assert.equal(c.state, 'extended');
  assert.equal(c.clock.extendedDays, 20);
  assert.equal(c.clock.dueDate, '2025-12-03');

  // 第三十二条: third-party consultation 10-15 … 10-24 pauses 7 working days → due 12-12
  now = '2025-10-15';
  c = await act(handler, 'consultations', { party: 'third_party', partyName: '青山置业有限公司' });
  assert.equal(c.state, 'consulting');
  assert.equal(c.clock.state, 'paused');
  // The applicant is told a consultation is under way, without the third party's name
  const notice = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=consultation_notice`);
  assert.equal(notice.headers['x-letter-status'], 'issued');
  const noticeText = (await mammoth.extractRawText({ buffer: notice.rawPayload })).value;
  assert.match(noticeText, /政府信息公开申请征求意见告知书[\s\S]*涉及第三方，本机关已依照《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定书面征求意见[\s\S]*不计算在答复期限内/);
  assert.doesNotMatch(noticeText, /青山置业/);
  now = '2025-10-24';
  c = await act(handler, 'consultation-result', { result: 'objected' });
  assert.equal(c.state, 'consulted');
  assert.equal(c.clock.originalDueDate, '2025-11-14');
  assert.equal(c.clock.pausedWorkingDays, 7);
  assert.equal(c.clock.dueDate, '2025-12-12');

  // 第三十六条、第三十七条: the handler drafts the reply 部分公开 on 10-30; a handler alone cannot reply
  now = '2025-10-30';
  const alone = await act(handler, 'reply', { outcome: 'partiallyGranted', reasons: 'x', deliveredBy: '电子邮件' }, 403);
  assert.match(alone.error.message, /机关负责人审核签发/);
  const bad = await act(handler, 'reply-draft', { outcome: 'partiallyGranted', deliveredBy: '电子邮件' }, 400);
  assert.match(bad.error.message, /须说明理由/);
  c = await act(handler, 'reply-draft', { outcome: 'partiallyGranted', reasons: '合同附件中的第三方商业秘密不予公开（条例第十五条）', deliveredBy: '电子邮件' });
  assert.equal(c.state, 'reply_drafted');
  assert.equal(c.concludedOn, null, 'a draft is not the reply');
  assert.deepEqual(c.actions.filter((a: string) => a.includes('eply')), ['signReply', 'returnReply']);
  assert.equal((await act(handler, 'reply-signature', {}, 403)).error.code, 'FORBIDDEN');
  const draftLetter = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=reply`);
  assert.equal(draftLetter.headers['x-letter-status'], 'draft');
  assert.match((await mammoth.extractRawText({ buffer: draftLetter.rawPayload })).value, /草稿（待机关负责人审核签发）/);
  // The applicant sees the case in progress, neither the draft nor its outcome
  const whileDrafted = await anonymous.get('/track');
  assert.match(whileDrafted.body, /办理中/);
  assert.doesNotMatch(whileDrafted.body, /待签发|部分公开/);
  // The head signs on 10-31: that is the legal date of the reply
  now = '2025-10-31';
  c = await act(head, 'reply-signature', {});
  assert.equal(c.state, 'replied');
  assert.equal(c.concludedOn, '2025-10-31');
  assert.equal(c.events.at(-1).data.signedBy, '自然资源局负责人');
  assert.deepEqual(c.letters.map((l: { kind: string }) => l.kind), ['receipt', 'correction', 'extension', 'consultation', 'consultation_notice', 'reply']);
  assert.equal(c.clock.status, 'replied_on_time');
  c = await act(handler, 'close', {});
  assert.equal(c.state, 'closed');
  assert.deepEqual(c.actions, []);

  const publicView = await anonymous.get('/track');
  assert.match(publicView.body, /已办结/);
  assert.match(publicView.body, /部分公开/);
});

test('the audit trail: one entry per step, with actor and dates, no personal data, chains intact', async () => {
  const rows = await t.db.query<{ action: string; actor_name: string; summary: Record<string, unknown> }>(
    `select action, actor_name, summary from audit_log where target_type = 'application' and target_id = $1 order by id`,
    [String(caseId)],
  );
  assert.deepEqual(rows.map((r) => r.action), [
    'application.submit', 'application.confirm', 'application.correction.request', 'application.correction.online', 'application.extension.request',
    'application.extension.approve', 'application.consultation.start', 'application.consultation.end', 'application.reply.draft', 'application.reply.sign',
    'application.close',
  ]);
  assert.equal(rows[9]!.actor_name, '自然资源局负责人');
  assert.deepEqual(rows[9]!.summary.events, [{ kind: 'replied', onDate: '2025-10-31', outcome: 'partiallyGranted', signedBy: '自然资源局负责人' }]);
  assert.equal(rows[5]!.actor_name, '自然资源局负责人');
  assert.equal(rows[3]!.actor_name, '申请人（网上）');
  assert.deepEqual(rows[5]!.summary, {
    receiptNo, from: 'corrected', to: 'extended',
    events: [{ kind: 'extended', onDate: '2025-10-13', workingDays: 20, approvedOn: '2025-10-13', notifiedOn: '2025-10-13' }],
  });
  const text = JSON.stringify(rows);
  for (const secret of [...Object.values(PERSON), '青山置业']) assert.ok(!text.includes(secret), `audit log contains ${secret}`);
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test('letters as DOCX and PDF: reply (部分公开, 复议前置, remedy as of 2024), 补正 and 延期 notices', async () => {
  const letter = async (kind: string) => {
    const res = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=${kind}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(String(res.headers['content-type']), /wordprocessingml/);
    return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
  };
  const replyText = await letter('reply');
  for (const part of [
    '政府信息公开申请答复书', `编号：${receiptNo}`, `${PERSON.name}：`, '本机关于2025年9月26日收到您提交的政府信息公开申请',
    '2025年10月9日收到您补正后的申请', '答复期限延长20个工作日', '征求了有关方面的意见',
    '现向您提供可以公开的内容', '合同附件中的第三方商业秘密不予公开', '第三十七条', '电子邮件',
    '行政复议法》第二十三条第一款第（四）项', '应当先向青山县人民政府申请行政复议', '六十日内',
    '联系电话：0571-80000101', '签发人：自然资源局负责人', '青山县自然资源局', '2025年10月31日',
  ]) assert.ok(replyText.includes(part), `reply letter lacks “${part}”:\n${replyText}`);
  assert.ok(!replyText.includes('上一级主管部门'), 'no pre-2024 remedy clause');
  assert.ok(!replyText.includes('草稿'), 'the signed reply is not a draft');

  const correction = await letter('correction');
  assert.match(correction, /政府信息公开申请补正告知书/);
  assert.match(correction, /请写明合同所涉地块的名称或编号/);
  assert.match(correction, /请您于2025年10月20日前补正/);
  const extension = await letter('extension');
  assert.match(extension, /延长20个工作日，本机关将于2025年12月3日前作出答复/);
  assert.match(extension, /需调取历年出让档案/);
  const consultation = await letter('consultation');
  assert.match(consultation, /青山置业有限公司：/);
  assert.match(consultation, /第三十二条的规定，现书面征求你方意见/);
  for (const secret of Object.values(PERSON)) assert.ok(!consultation.includes(secret), 'the third party never learns who applied');
  const receipt = await letter('receipt');
  assert.match(receipt, /于2025年10月30日前作出答复/);

  const pdf = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=reply&format=pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), verbosity: VerbosityLevel.ERRORS }).promise;
  let pdfText = '';
  for (let p = 1; p <= doc.numPages; p++) pdfText += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  for (const part of ['政府信息公开申请答复书', '能够作区分处理', '青山县人民政府']) assert.ok(pdfText.replace(/\s/g, '').includes(part), `PDF lacks ${part}`);

  const none = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=fee`);
  assert.equal(none.statusCode, 409);
  assert.match(none.json().error.message, /尚无政府信息公开申请收费通知书/);
});

test('letters are kept with the case: a later change of address or template rewrites none; the PDF is stored at first download', async () => {
  const download = async (kind: string, format = 'docx') => {
    const res = await api(handler, 'GET', `/api/v1/applications/${caseId}/letter?kind=${kind}&format=${format}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers['x-letter-status'], 'issued');
    return res;
  };
  const before = { reply: await download('reply'), receipt: await download('receipt'), pdf: await download('reply', 'pdf') };
  const stored = await t.db.query<{ kind: string; format: string; sha256: string; size: number }>(
    `select f.kind, f.format, f.sha256, f.size from application_letter_files f where f.case_id = $1 order by f.kind, f.format`,
    [caseId],
  );
  assert.deepEqual(stored.map((r) => `${r.kind}.${r.format}`), ['consultation.docx', 'consultation_notice.docx', 'correction.docx', 'extension.docx', 'receipt.docx', 'reply.docx', 'reply.pdf']);
  assert.equal(stored.find((r) => r.kind === 'reply' && r.format === 'docx')!.sha256, before.reply.headers['x-content-sha256']);

  // The office moves, and the head rewrites the 部分公开 template
  const [office] = await t.db.query<{ address: string; phone: string }>(`select address, phone from organizations where code = 'QS-ZRZY'`);
  await t.db.query(`update organizations set address = '青山县新区大道 1 号', phone = '0571-89999999' where code = 'QS-ZRZY'`);
  const template = (await api(head, 'GET', '/api/v1/applications/letter-templates')).json().find((x: { kind: string; variant: string }) => x.kind === 'reply' && x.variant === 'partiallyGranted');
  const saved = await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'reply', variant: 'partiallyGranted', text: `新模板：${template.text}` });
  assert.equal(saved.statusCode, 200, saved.body);

  const after = { reply: await download('reply'), receipt: await download('receipt'), pdf: await download('reply', 'pdf') };
  assert.ok(after.reply.rawPayload.equals(before.reply.rawPayload), 'the reply DOCX is the one issued');
  assert.ok(after.receipt.rawPayload.equals(before.receipt.rawPayload), 'the receipt DOCX is the one issued');
  assert.ok(after.pdf.rawPayload.equals(before.pdf.rawPayload), 'the PDF rendered at first download is served ever after');
  const text = (await mammoth.extractRawText({ buffer: after.reply.rawPayload })).value;
  assert.match(text, /联系电话：0571-80000101/);
  assert.doesNotMatch(text, /新模板|0571-89999999/);
  // A new letter would use the new template (the draft preview shows it)
  const preview = await api(head, 'POST', '/api/v1/applications/letter-templates/preview', { kind: 'reply', variant: 'partiallyGranted', text: `新模板：${template.text}` });
  assert.match(preview.json().paragraphs[0], /^新模板：/);
  await api(head, 'POST', '/api/v1/applications/letter-templates/reset', { kind: 'reply', variant: 'partiallyGranted' });
  await t.db.query(`update organizations set address = $1, phone = $2 where code = 'QS-ZRZY'`, [office!.address, office!.phone]);
});

test('table 3 of 2025 from the cases, valid, and stored into the report draft', async () => {
  const res = await api(handler, 'GET', '/api/v1/applications/table3?year=2025');
  assert.equal(res.statusCode, 200, res.body);
  const { format, table3 } = res.json();
  assert.equal(format, '2021');
  assert.deepEqual(table3.newReceived, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(table3.partiallyGranted, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(table3.total, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(table3.carriedForward, [0, 0, 0, 0, 0, 0, 0]);
  const report = { ...blankReport('2021', 2025, '青山县自然资源局'), table3 };
  assert.deepEqual(validateReport(report).filter((f) => f.severity === 'error'), []);

  const editor = await new Client(t.app).loginReady('zrzy.editor');
  assert.equal((await api(handler, 'POST', '/api/v1/applications/table3/report', { year: 2025 })).statusCode, 403, 'handlers do not edit reports');
  const stored = await api(editor, 'POST', '/api/v1/applications/table3/report', { year: 2025 });
  assert.equal(stored.statusCode, 200, stored.body);
  const org = (await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`))[0]!;
  const saved = (await findReportByOrgYear(t.db, org.id, 2025))!;
  const version = (await findVersion(t.db, saved.id, saved.currentVersion))!;
  assert.deepEqual(version.report.table3, table3);
  assert.equal(version.sources.table3, 'computed');
});
