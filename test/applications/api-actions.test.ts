// The other paths through the API: registering a paper application (and the same again), fees
// (按量计收 with the payment deadline on the calendar, the clock paused until payment; non-payment),
// 逾期不补正, consultation of another agency, withdrawal recorded by the clerk, assignment — and
// table 3 counting each ending in its own row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { setTodayForTests } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let head: Client;
let token = '';
let headToken = '';
let now = '2025-03-03';

before(async () => {
  setTodayForTests(() => now);
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
  token = (await handler.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken;
  head = await new Client(t.app).loginReady('zrzy.head');
  headToken = (await head.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken;
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const api = (method: string, url: string, json?: unknown) =>
  handler.request(method, url, { json: json ?? (method === 'GET' ? undefined : {}), headers: { 'x-csrf-token': token, accept: 'application/json' } });

const PAPER = {
  channel: 'in_person', submittedOn: '2025-03-03', applicantKind: 'organization', orgName: '青山生态研究院', orgColumn: 'research', creditCode: '91350100M000100Y43',
  legalRepresentative: '周院长', contactPerson: '吴研究员', phone: '0571-86660000', infoTitle: '县域水土流失监测数据', formWanted: 'paper', delivery: 'collect',
};

async function register(over: Record<string, unknown> = {}) {
  const res = await api('POST', '/api/v1/applications', { ...PAPER, ...over });
  assert.ok([200, 201].includes(res.statusCode), res.body);
  return res;
}
const act = async (id: number, path: string, body: unknown, status = 200) => {
  const res = await api('POST', `/api/v1/applications/${id}/${path}`, body);
  assert.equal(res.statusCode, status, `${path}: ${res.body}`);
  return res.json();
};

test('registering through the API: validation in Chinese, the same submission key twice is one case', async () => {
  const bad = await api('POST', '/api/v1/applications', { ...PAPER, orgColumn: 'government', phone: 'x' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /请选择组织类别/);
  assert.match(bad.json().error.message, /联系电话格式不正确/);
  const first = await register({ submissionKey: 'paper-001' });
  assert.equal(first.statusCode, 201);
  assert.equal(first.json().state, 'received');
  assert.equal(first.json().applicantColumn, 'research');
  const again = await register({ submissionKey: 'paper-001' });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, first.json().id);
});

test('fee by pages: 150 pages cost 1,700 元, the clock stands still from the notice to the payment', async () => {
  const c = (await register({ infoTitle: '历年地质灾害点位图册', submissionKey: 'paper-002' })).json();
  // received Monday 03-03: due 03-31
  assert.equal(c.clock.dueDate, '2025-03-31');
  now = '2025-03-10';
  let r = await act(c.id, 'fee-notice', { basis: 'by_pages', pages: 150 });
  assert.equal(r.state, 'fee_notified');
  assert.equal(r.clock.state, 'paused');
  const notice = r.events.at(-1);
  assert.equal(notice.data.amountYuan, 1700);
  // 20 working days after 03-10 on the calendar: 04-07 (清明 04-04 off)
  assert.equal(notice.data.paymentDueOn, '2025-04-08');
  assert.equal((await act(c.id, 'non-payment', {}, 409)).error.message, '缴费期限（2025-04-08）尚未届满');
  now = '2025-03-14';
  r = await act(c.id, 'payment', {});
  assert.equal(r.state, 'paid');
  // (03-10, 03-14] pauses 4 working days: 03-31 → 04-07 (04-04 清明 off)
  assert.equal(r.clock.dueDate, '2025-04-07');
  assert.equal(r.clock.pausedWorkingDays, 4);
  // A head drafts and signs in one step (the reply action); a handler may not
  assert.equal((await act(c.id, 'reply', { outcome: 'granted', deliveredBy: '当面领取' }, 403)).error.code, 'FORBIDDEN');
  const signed = await head.request('POST', `/api/v1/applications/${c.id}/reply`, { json: { outcome: 'granted', deliveredBy: '当面领取' }, headers: { 'x-csrf-token': headToken, accept: 'application/json' } });
  assert.equal(signed.statusCode, 200, signed.body);
  r = signed.json();
  assert.equal(r.outcome, 'granted');
  assert.equal(r.state, 'replied');
  assert.equal(r.events.at(-1).data.signedBy, '自然资源局负责人');
  assert.deepEqual(r.letters.map((l: { kind: string }) => l.kind), ['receipt', 'fee', 'reply'], 'the 接收回执 of a paper application, the fee notice and the reply are kept');
});

test('fee by count: free for the first ten of the month; unpaid after the deadline ends the case', async () => {
  now = '2025-03-14';
  const c = (await register({ infoTitle: '矿山复绿验收文件', submissionKey: 'paper-003' })).json();
  const free = await act(c.id, 'fee-notice', { basis: 'by_count' }, 400);
  assert.match(free.error.message, /本自然月内第 3 件申请，收费 0 元.*无需收费/);
  const f = (await act(c.id, 'fee-notice', { basis: 'by_pages', pages: 40 })).events.at(-1).data;
  assert.equal(f.amountYuan, 100);
  now = f.paymentDueOn;
  await act(c.id, 'non-payment', {}, 409);
  now = '2025-04-30';
  const r = await act(c.id, 'non-payment', {});
  assert.equal(r.state, 'unpaid');
  assert.equal(r.outcome, 'other.feeNotPaid');
  assert.equal(r.clock.status, null, 'ended without a reply: nothing to watch');
  assert.deepEqual(r.actions, ['close']);
});

test('逾期不补正, consultation of another agency, withdrawal by the clerk, assignment', async () => {
  now = '2025-05-06';
  const a = (await register({ infoTitle: '某某文件', submittedOn: '2025-05-06', submissionKey: 'paper-004' })).json();
  await act(a.id, 'correction-request', { items: '请说明文件的制作机关和大致时间', dueOn: '2025-05-20' });
  now = '2025-05-20';
  assert.match((await act(a.id, 'abandon', {}, 409)).error.message, /尚未届满/);
  now = '2025-05-21';
  const abandoned = await act(a.id, 'abandon', { note: '电话未接通' });
  assert.equal(abandoned.outcome, 'other.noCorrection');

  const b = (await register({ infoTitle: '联合发文的规划批复', submittedOn: '2025-05-21', submissionKey: 'paper-005' })).json();
  const consulting = await act(b.id, 'consultations', { party: 'agency', partyName: '青山县林业局' });
  assert.equal(consulting.clock.state, 'paused');
  // 第三十四条: 15 working days from the letter: 22–23 May 1–2, 26–30 3–7, [31 May–2 Jun 端午], 3–6 Jun 8–11, 9–12 12–15
  assert.equal(consulting.clock.consultationLapsesOn, '2025-06-12');
  now = '2025-06-12';
  assert.match((await act(b.id, 'consultation-result', { result: 'no_reply' }, 400)).error.message, /征求意见期限至 2025-06-12 届满/);
  now = '2025-06-13';
  const consulted = await act(b.id, 'consultation-result', { result: 'no_reply' });
  assert.equal(consulted.state, 'consulted');
  const handlers = await t.db.query<{ id: number }>(`select id from users where username = 'zrzy.handler'`);
  const assigned = await act(b.id, 'assign', { handlerUserId: handlers[0]!.id });
  assert.equal(assigned.handlerName, '自然资源局依申请办理人');
  assert.equal((await act(b.id, 'assign', { handlerUserId: 1 }, 400)).error.message, '只能分配给本机关的依申请办理人或负责人');
  const withdrawn = await act(b.id, 'withdraw', { note: '申请人书面撤回' });
  assert.equal(withdrawn.outcome, 'other.other');
  const mine = (await api('GET', `/api/v1/applications?handler=${handlers[0]!.id}`)).json();
  assert.deepEqual(mine.map((x: { id: number }) => x.id), [b.id]);

  const { table3 } = (await api('GET', '/api/v1/applications/table3?year=2025')).json();
  assert.deepEqual(table3.newReceived, [0, 0, 5, 0, 0, 0, 5]);
  assert.deepEqual(table3.granted, [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(table3['other.noCorrection'], [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(table3['other.feeNotPaid'], [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(table3['other.other'], [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(table3.carriedForward, [0, 0, 1, 0, 0, 0, 1], 'the first case is still open');
});

const docxText = async (caseId: number, kind: string) => {
  const letter = await api('GET', `/api/v1/applications/${caseId}/letter?kind=${kind}`);
  assert.equal(letter.statusCode, 200, letter.body.slice(0, 300));
  assert.equal(letter.headers['x-letter-status'], 'issued');
  return (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
};
const headAction = async (caseId: number, path: string, body: unknown, status = 200) => {
  const res = await head.request('POST', `/api/v1/applications/${caseId}/${path}`, { json: body, headers: { 'x-csrf-token': headToken, accept: 'application/json' } });
  assert.equal(res.statusCode, status, res.body);
  return res.json();
};

test('第三十五条 延迟答复: reasons asked and given online, then the head sets a later reply date before the due date; the clock, the letters and the audit log follow', async () => {
  now = '2025-06-16';
  const c = (await register({ infoTitle: '2015年以来全部建设项目审批档案', submittedOn: '2025-06-16', submissionKey: 'paper-035' })).json();
  // received Mon 06-16: 17–20 1–4, 23–27 5–9, 30 10, 1–4 Jul 11–14, 7–11 15–19, 14 20
  assert.equal(c.clock.dueDate, '2025-07-14');
  assert.ok(c.actions.includes('requestReasons'));
  assert.ok(!c.actions.includes('delayReply'), 'only after the applicant explained');
  const headAct = (body: unknown, status = 200) => headAction(c.id, 'reply-delay', body, status);

  now = '2025-06-20';
  const grounds = '您于2025年6月向本机关提出政府信息公开申请32件，所涉档案逾千卷';
  assert.match((await act(c.id, 'reasons-request', { grounds, dueOn: '2025-07-14' }, 400)).error.message, /说明理由的期限应早于答复期限 2025-07-14/);
  const asked = await act(c.id, 'reasons-request', { grounds, dueOn: '2025-06-27' });
  assert.equal(asked.state, 'received');
  assert.equal(asked.clock.dueDate, '2025-07-14', 'asking for reasons does not stop the clock');
  assert.deepEqual(asked.letters.map((l: { kind: string }) => l.kind), ['receipt', 'reasons']);
  assert.match(await docxText(c.id, 'reasons'), /政府信息公开申请说明理由告知书[\s\S]*所涉档案逾千卷，数量、频次明显超过合理范围[\s\S]*请您于2025年6月27日前说明申请理由[\s\S]*将于2025年7月14日前作出答复/);
  assert.match((await headAct({ dueDate: '2025-08-29', reason: '档案逾千卷' }, 409)).error.message, /应先要求申请人说明理由/);

  // The applicant answers online; an empty answer is refused in Chinese and nothing is stored.
  const applicant = new Client(t.app);
  assert.equal((await applicant.post('/track', { receiptNo: c.receiptNo, contact: PAPER.phone }, '/track')).statusCode, 303);
  assert.match((await applicant.get('/track')).body, /请说明申请理由（条例第三十五条）[\s\S]*所涉档案逾千卷[\s\S]*请于 2025-06-27 前说明理由/);
  const empty = await applicant.post('/track/reasons', { reasons: ' ' }, '/track');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请填写申请人说明的理由/);
  now = '2025-06-26';
  const given = await applicant.post('/track/reasons', { reasons: '本院承担全县建设项目生态影响评估课题，需逐一核对审批档案' }, '/track');
  assert.equal(given.statusCode, 303, given.body.slice(0, 300));
  const page = (await applicant.get('/track?notice=reasons')).body;
  assert.match(page, /您说明的理由已提交/);
  assert.doesNotMatch(page, /请说明申请理由/, 'answered once');
  assert.match(page, /2025-06-26 收到申请人说明的理由/);
  const afterReasons = (await api('GET', `/api/v1/applications/${c.id}`)).json();
  assert.ok(afterReasons.actions.includes('delayReply'));
  assert.ok(!afterReasons.actions.includes('recordReasons'));

  now = '2025-07-10';
  assert.match((await act(c.id, 'reply-delay', { dueDate: '2025-08-29', reason: '档案逾千卷' }, 403)).error.message, /须由机关负责人决定/);
  assert.match((await headAct({ dueDate: '2025-07-11', reason: '档案逾千卷' }, 400)).error.message, /应晚于现在的答复期限 2025-07-14/);
  const r = await headAct({ dueDate: '2025-08-29', reason: '所涉档案逾千卷，需逐件调取、审查' });
  assert.equal(r.state, 'received');
  assert.equal(r.clock.dueDate, '2025-08-29');
  assert.ok(!r.actions.includes('delayReply'), 'once');
  assert.deepEqual(r.letters.map((l: { kind: string }) => l.kind), ['receipt', 'reasons', 'delay']);
  assert.equal((await headAct({ dueDate: '2025-09-30', reason: '再次延迟' }, 409)).error.message, '该申请已确定过延迟答复期限');

  const text = await docxText(c.id, 'delay');
  assert.match(text, /政府信息公开申请延迟答复告知书/);
  assert.match(text, /因所涉档案逾千卷，需逐件调取、审查，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复/);
  assert.match(text, /第三十五条的规定，本机关确定延迟答复的期限，将于2025年8月29日前作出答复/);
  const audit = await t.db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where target_type = 'application' and target_id = $1 order by id`, [String(c.id)]);
  assert.deepEqual(audit.slice(-3).map((a) => a.action), ['application.reasons.request', 'application.reasons.online', 'application.reply.delay']);
  assert.deepEqual(audit.at(-1), { action: 'application.reply.delay', actor_name: '自然资源局负责人' });
  // The applicant sees the later date on the public page too.
  assert.match((await applicant.get('/track')).body, /<dt>答复期限<\/dt><dd id="due-date">2025-08-29 前<\/dd>/);
  now = '2025-08-01';
  const queue = (await api('GET', '/api/v1/applications?due=overdue')).json() as { id: number }[];
  assert.ok(!queue.some((x) => x.id === c.id), 'not overdue after the statutory date: the later date is in force');
});

test('第三十五条 不予处理: reasons asked, none given by the date; only then the reply “无正当理由大量反复申请”, counted in table 3', async () => {
  now = '2025-07-15';
  const c = (await register({ infoTitle: '历年全部会议纪要', submittedOn: '2025-07-15', submissionKey: 'paper-036' })).json();
  const draft = { outcome: 'notProcessed.massRepeated', reasons: '逾期未说明理由', deliveredBy: '当面领取' };
  assert.match((await act(c.id, 'reply-draft', draft, 409)).error.message, /应先要求申请人说明理由（条例第三十五条）/);
  await act(c.id, 'reasons-request', { grounds: '您于2025年7月向本机关提出申请41件', dueOn: '2025-07-22' });
  now = '2025-07-22';
  assert.match((await act(c.id, 'reply-draft', draft, 409)).error.message, /期限（2025-07-22）尚未届满/);
  now = '2025-07-23';
  assert.equal((await act(c.id, 'reply-draft', draft)).state, 'reply_drafted');
  const replied = await headAction(c.id, 'reply-signature', {});
  assert.equal(replied.outcome, 'notProcessed.massRepeated');
  assert.match(await docxText(c.id, 'reply'), /经本机关要求说明理由，您逾期未说明理由或者说明的理由不合理，本机关不予处理[\s\S]*第三十五条/);
  const { table3 } = (await api('GET', '/api/v1/applications/table3?year=2025')).json();
  assert.deepEqual(table3['notProcessed.massRepeated'], [0, 0, 1, 0, 0, 0, 1]);
});

test('第三十二条: the third party objects; the head decides to disclose and tells it in writing (without the applicant’s name); only then a full disclosure', async () => {
  now = '2025-08-04';
  const c = (await register({ infoTitle: '城关镇工业园区 B-07 地块土地出让合同', submittedOn: '2025-08-04', submissionKey: 'paper-032' })).json();
  // 15 working days from the letter sent Mon 4 Aug: 5–8, 11–15, 18–22, 25 → 25 Aug; from its receipt on 6 Aug → 27 Aug.
  assert.equal((await act(c.id, 'consultations', { party: 'third_party', partyName: '青山县恒远置业有限公司' })).clock.consultationLapsesOn, '2025-08-25');
  now = '2025-08-06';
  const delivered = await act(c.id, 'consultation-delivery', {});
  assert.equal(delivered.clock.consultationLapsesOn, '2025-08-27');
  assert.ok(!delivered.actions.includes('recordConsultationDelivery'));
  assert.match((await act(c.id, 'consultation-delivery', {}, 409)).error.message, /已登记征求意见书于 2025-08-06 送达/);
  now = '2025-08-11';
  const objected = await act(c.id, 'consultation-result', { result: 'objected', note: '涉及商业秘密' });
  assert.ok(objected.actions.includes('notifyDisclosure'));
  const granted = { outcome: 'granted', deliveredBy: '当面领取' };
  assert.match((await act(c.id, 'reply-draft', granted, 409)).error.message, /应先将决定公开的政府信息内容和理由书面告知第三方/);
  const notice = { content: '出让合同正文及附件（不含法定代表人身份证件）', reasons: '国有土地使用权出让涉及公共资源配置，不公开可能对公共利益造成重大影响' };
  assert.match((await act(c.id, 'disclosure-notice', notice, 403)).error.message, /须由机关负责人决定/);
  const told = await headAction(c.id, 'disclosure-notice', notice);
  assert.equal(told.state, 'consulted');
  assert.ok(told.letters.some((l: { kind: string }) => l.kind === 'disclosure'));
  const text = await docxText(c.id, 'disclosure');
  assert.match(text, /^政府信息依申请公开告知书/);
  assert.match(text, /青山县恒远置业有限公司：/);
  assert.match(text, /你方不同意公开[\s\S]*第三十二条的规定，本机关决定予以公开[\s\S]*决定公开的内容：出让合同正文及附件[\s\S]*理由：国有土地使用权出让涉及公共资源配置/);
  assert.match(text, /如对本机关决定公开上述政府信息不服，可以自收到本告知书之日起六十日内向青山县人民政府申请行政复议/);
  assert.doesNotMatch(text, new RegExp(PAPER.orgName), 'the third party does not learn who applied');
  assert.equal((await act(c.id, 'reply-draft', granted)).state, 'reply_drafted');
  assert.equal((await headAction(c.id, 'reply-signature', {})).outcome, 'granted');
  const applicant = new Client(t.app);
  assert.equal((await applicant.post('/track', { receiptNo: c.receiptNo, contact: PAPER.phone }, '/track')).statusCode, 303);
  assert.doesNotMatch((await applicant.get('/track')).body, /恒远置业|告知第三方/, 'the applicant does not see the third party');
});
