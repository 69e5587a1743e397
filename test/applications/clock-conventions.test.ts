// Clock conventions (计时规则) as configuration: the defaults until an administrator sets them, set
// at the top of the tree and inherited below, applied at once to the due dates and the due-soon
// list of open cases, refused with a Chinese message to others and for out-of-range values,
// audited, and removable. Counted by hand on the 2025 notice (国庆 10-01…10-08 off, 09-28 and
// 10-11 调休上班): received Fri 2025-09-26 → due 10-30 with the receipt day as day 0, 10-29 when it counts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let province: Client;
let caseId = 0;

const DEFAULTS = { startDayCounts: false, pauseStartDayCounts: true, pauseEndDayCounts: false, feePaymentWorkingDays: 20, dueSoonWorkingDays: 3 };

before(async () => {
  setTodayForTests(() => '2025-10-24');
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
  province = await new Client(t.app).loginReady('sheng.admin');
  const paper = {
    channel: 'in_person', submittedOn: '2025-09-26', applicantKind: 'natural', name: '王五', idType: '居民身份证', idNumber: '11010519491231002X',
    phone: '13900002222', infoTitle: '2025年度土地供应计划', formWanted: 'electronic', delivery: 'online',
  };
  const res = await handler.api('POST', '/api/v1/applications', paper);
  assert.equal(res.statusCode, 201, res.body);
  caseId = res.json().id;
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const clockOf = async () => (await handler.api('GET', `/api/v1/applications/${caseId}`)).json().clock as { dueDate: string; status: string; workingDaysLeft: number };
const dueSoonReceipts = async () => ((await handler.api('GET', '/api/v1/applications?due=soon')).json() as { id: number }[]).map((c) => c.id);

test('the defaults apply until an administrator sets conventions; handlers read but cannot change them', async () => {
  const res = await handler.api('GET', '/api/v1/applications/clock-conventions');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { conventions: DEFAULTS, defaults: DEFAULTS, source: null });
  assert.deepEqual(await clockOf(), { ...(await clockOf()), dueDate: '2025-10-30', status: 'on_time', workingDaysLeft: 4 });
  assert.ok(!(await dueSoonReceipts()).includes(caseId), '4 working days left: not yet due soon');

  const refused = await handler.api('PUT', '/api/v1/applications/clock-conventions', { ...DEFAULTS, startDayCounts: true });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().error.message, /系统管理员可以修改计时规则/);
  const page = await handler.get('/console/applications/clock-conventions');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /本机构使用系统默认的计时规则/);
  assert.doesNotMatch(page.body, /id="clock-conventions-form"/, 'no form for a handler');
});

test('set at the province, the conventions reach the county bureau: due dates and the due-soon list change at once', async () => {
  const bad = await province.api('PUT', '/api/v1/applications/clock-conventions', { ...DEFAULTS, dueSoonWorkingDays: 50 });
  assert.equal(bad.statusCode, 400);
  const typo = await province.post('/console/applications/clock-conventions', { feePaymentWorkingDays: '0', dueSoonWorkingDays: '3', startDayCounts: 'true' }, '/console/applications/clock-conventions');
  assert.equal(typo.statusCode, 400);
  assert.match(typo.body, /“缴费期限（工作日）”应为 1 至 60 之间的整数/);
  assert.match(typo.body, /name="feePaymentWorkingDays" min="1" max="60" value="0"/, 'what was typed is kept');
  assert.match(typo.body, /name="startDayCounts" value="true" checked/);
  assert.equal((await clockOf()).dueDate, '2025-10-30', 'nothing saved');

  const saved = await province.post('/console/applications/clock-conventions', { startDayCounts: 'true', pauseStartDayCounts: 'true', feePaymentWorkingDays: '15', dueSoonWorkingDays: '3' }, '/console/applications/clock-conventions');
  assert.equal(saved.statusCode, 303, saved.body);
  const seen = (await handler.api('GET', '/api/v1/applications/clock-conventions')).json();
  assert.deepEqual(seen.conventions, { ...DEFAULTS, startDayCounts: true, feePaymentWorkingDays: 15 });
  assert.equal(seen.source.orgName, '示范省');
  assert.equal(seen.source.updatedByName, '示范省系统管理员');
  assert.match((await handler.get('/console/applications/clock-conventions')).body, /沿用上级机构“示范省”的计时规则/);
  // The receipt day is now day 1: one working day earlier, and within 3 working days of today.
  assert.deepEqual(await clockOf(), { ...(await clockOf()), dueDate: '2025-10-29', status: 'due_soon', workingDaysLeft: 3 });
  assert.ok((await dueSoonReceipts()).includes(caseId));

  const longer = await province.api('PUT', '/api/v1/applications/clock-conventions', { ...DEFAULTS, dueSoonWorkingDays: 5 });
  assert.equal(longer.statusCode, 200, longer.body);
  assert.deepEqual(await clockOf(), { ...(await clockOf()), dueDate: '2025-10-30', status: 'due_soon', workingDaysLeft: 4 });

  const reset = await province.api('DELETE', '/api/v1/applications/clock-conventions');
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal(reset.json().source, null);
  assert.equal((await clockOf()).status, 'on_time');

  const audit = await t.db.query<{ action: string; actor_name: string; summary: { before: typeof DEFAULTS; after: typeof DEFAULTS } }>(
    `select action, actor_name, summary from audit_log where target_type = 'clock_conventions' order by id`,
  );
  assert.deepEqual(audit.map((a) => [a.action, a.actor_name]), [
    ['clock_conventions.save', '示范省系统管理员'],
    ['clock_conventions.save', '示范省系统管理员'],
    ['clock_conventions.reset', '示范省系统管理员'],
  ]);
  assert.deepEqual(audit[0]!.summary.before, DEFAULTS);
  assert.equal(audit[0]!.summary.after.startDayCounts, true);
  assert.deepEqual(audit[2]!.summary.after, DEFAULTS);
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test('the case page shows when the consulted party’s 15 working days lapse', async () => {
  const sent = await handler.api('POST', `/api/v1/applications/${caseId}/consultations`, { party: 'third_party', partyName: '青山置业有限公司' });
  assert.equal(sent.statusCode, 200, sent.body);
  // letter 10-24 (Fri): 27–31 1–5, 3–7 Nov 6–10, 10–14 11–15
  assert.equal(sent.json().clock.consultationLapsesOn, '2025-11-14');
  const page = await handler.get(`/console/applications/${caseId}`);
  assert.match(page.body, /<span id="consultation-lapse">2025-11-14（15个工作日，第三十二条、第三十四条；届满未提出意见的，次日起恢复计时）<\/span>/);
  assert.match(page.body, /暂停中（剩余 \d+ 个工作日；征求意见期限届满时为 2025-11-\d\d）/);
});
