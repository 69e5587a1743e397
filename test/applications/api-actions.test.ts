// The other paths through the API: registering a paper application (and the same again), fees
// (按量计收 with the payment deadline on the calendar, the clock paused until payment; non-payment),
// 逾期不补正, consultation of another agency, withdrawal recorded by the clerk, assignment — and
// table 3 counting each ending in its own row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/applications/today.ts';
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
