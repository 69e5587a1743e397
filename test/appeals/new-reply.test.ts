// 重新答复: a decision recorded in the appeals register that orders a new reply reopens the
// 依申请公开 case it concerns — in the same transaction (src/app wires the appeals hook to the
// applications command), with the case's event, its audit entry and a new 20-working-day clock —
// and the case page shows the appeals raised against it (the panel src/app gives the case page).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppeal } from '../../src/appeals/commands.ts';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let head: Client;
let orgId: number;

before(async () => {
  setTodayForTests(() => '2026-12-04');
  t = await testApp();
  await seedApplicationsDemo(t.db);
  head = await new Client(t.app).loginReady('zrzy.head');
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

async function caseIn(states: string[]) {
  const [c] = await t.db.query<{ id: number; receipt_no: string; state: string }>(
    'select id, receipt_no, state from applications where org_id = $1 and state = any($2::text[]) order by id limit 1',
    [orgId, states],
  );
  assert.ok(c, `a demo case in ${states.join('/')}`);
  return { id: Number(c.id), receiptNo: c.receipt_no, state: c.state };
}

test('a decision ordering a new reply reopens the case, with its event, audit and a new clock, in one transaction', async () => {
  const c = await caseIn(['replied', 'closed']);
  const appealId = await createAppeal(t.db, cliContext(), orgId, { kind: 'review', receiptNo: c.receiptNo, body: '青山县人民政府', caseNumber: '青政复〔2026〕20号', receivedOn: '2026-11-02' });

  // not corrected: refused, nothing changes
  const wrong = await head.api('POST', `/api/v1/appeals/${appealId}/outcome`, { outcome: 'upheld', decidedOn: '2026-11-20', newReply: true });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.match(wrong.body, /责令重新答复属于“结果纠正”/);

  const res = await head.api('POST', `/api/v1/appeals/${appealId}/outcome`, { outcome: 'corrected', decidedOn: '2026-11-20', newReply: true, newReplyOrderedOn: '2026-11-23' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().newReply, { orderedOn: '2026-11-23', dueOn: null });

  const [after] = await t.db.query<{ state: string }>('select state from applications where id = $1', [c.id]);
  assert.equal(after!.state, 'received', 'back in work');
  const [event] = await t.db.query<{ on_date: string; data: Record<string, unknown> }>(
    `select on_date, data from application_events where case_id = $1 and kind = 'reopened_for_new_reply'`, [c.id],
  );
  assert.equal(event!.on_date, '2026-11-23');
  assert.equal(event!.data.appealId, appealId);
  assert.equal(event!.data.caseNumber, '青政复〔2026〕20号');
  assert.equal(event!.data.fromState, c.state);

  const audit = await t.db.query<{ action: string; target_id: string; summary: Record<string, unknown> }>(
    `select action, target_id, summary from audit_log where action in ('appeal.outcome', 'application.reopen_for_new_reply') order by id`,
  );
  const outcomeEntry = audit.filter((a) => a.action === 'appeal.outcome').at(-1)!;
  assert.equal(outcomeEntry.summary.reopensCase, c.id);
  const reopenEntry = audit.find((a) => a.action === 'application.reopen_for_new_reply')!;
  assert.equal(String(reopenEntry.target_id), String(c.id));
  assert.equal((reopenEntry.summary as { to: string }).to, 'received');

  // the case page: reopened because of which appeal, the new clock (20 working days from 2026-11-23), the appeals panel
  const page = await head.get(`/console/applications/${c.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<dd id="case-state">已受理/);
  assert.match(page.body, new RegExp(`<span id="reopened">2026-11-23 收到行政复议决定（<a href="/console/appeals/${appealId}">青政复〔2026〕20号</a>）`));
  assert.match(page.body, /因复议决定或判决重新答复/);
  assert.match(page.body, /<strong id="due-date">2026-12-21<\/strong>/, '20 working days from the day the decision was received');
  const panel = /<table class="data" id="case-appeals">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
  assert.match(panel, new RegExp(`<a href="/console/appeals/${appealId}">行政复议</a>`));
  assert.match(panel, /青山县人民政府/);
  assert.match(panel, /青政复〔2026〕20号/);
  assert.match(panel, /2026-11-02/);
  assert.match(panel, /结果纠正（责令重新答复，2026-11-23 收到决定）/);

  // the appeal page says the case is back in work; the order cannot be taken back
  const appealPage = await head.get(`/console/appeals/${appealId}`);
  assert.match(appealPage.body, new RegExp(`<span id="new-reply">责令重新答复：2026-11-23 收到决定；<a href="/console/applications/${c.id}">申请 ${c.receiptNo}</a> 已恢复办理`));
  const undo = await head.api('POST', `/api/v1/appeals/${appealId}/outcome`, { outcome: 'pending' });
  assert.equal(undo.statusCode, 409, undo.body);
  assert.match(undo.json().error.message, /不能撤销“责令重新答复”/);
});

test('when the case cannot be reopened, the outcome is not recorded either (one transaction)', async () => {
  const open = await caseIn(['received', 'extended', 'consulting', 'corrected']);
  const appealId = await createAppeal(t.db, cliContext(), orgId, { kind: 'litigation_direct', receiptNo: open.receiptNo, body: '青山县人民法院', caseNumber: '（2026）青0122行初30号', receivedOn: '2026-10-09' });
  const before = await t.db.query('select count(*)::int as n from audit_log');
  const res = await head.api('POST', `/api/v1/appeals/${appealId}/outcome`, { outcome: 'corrected', decidedOn: '2026-11-25', newReply: true, newReplyDueOn: '2026-12-31' });
  assert.equal(res.statusCode, 409, res.body);
  assert.match(res.json().error.message, /不能因复议决定或判决重新答复/);
  const [a] = await t.db.query<{ outcome: string | null; new_reply_ordered_on: string | null }>('select outcome, new_reply_ordered_on from appeals where id = $1', [appealId]);
  assert.deepEqual({ ...a }, { outcome: null, new_reply_ordered_on: null }, 'rolled back with the case');
  assert.deepEqual(await t.db.query('select count(*)::int as n from audit_log'), before, 'no audit entry either');
});

test('a stated deadline binds; an appeal without a case of the platform records the order only', async () => {
  const c = await caseIn(['replied', 'closed']);
  const appealId = await createAppeal(t.db, cliContext(), orgId, { kind: 'litigation_direct', receiptNo: c.receiptNo, body: '青山县人民法院', caseNumber: '（2026）青0122行初31号', receivedOn: '2026-09-01' });
  const res = await head.api('POST', `/api/v1/appeals/${appealId}/outcome`, { outcome: 'corrected', decidedOn: '2026-11-26', newReply: true, newReplyDueOn: '2026-12-10' });
  assert.equal(res.statusCode, 200, res.body);
  const page = await head.get(`/console/applications/${c.id}`);
  assert.match(page.body, /<strong id="due-date">2026-12-10<\/strong>/);
  assert.match(page.body, /限 2026-12-10 前答复/);

  const loose = await createAppeal(t.db, cliContext(), orgId, { kind: 'review', party: '某公司', body: '青山县人民政府', caseNumber: '青政复〔2026〕21号', receivedOn: '2026-10-01' });
  const r2 = await head.api('POST', `/api/v1/appeals/${loose}/outcome`, { outcome: 'corrected', decidedOn: '2026-11-27', newReply: true });
  assert.equal(r2.statusCode, 200, r2.body);
  assert.deepEqual(r2.json().newReply, { orderedOn: '2026-11-27', dueOn: null });
  assert.match((await head.get(`/console/appeals/${loose}`)).body, /未关联本平台登记的申请，请人工重新办理/);
});

test('a case without appeals has no appeals panel', async () => {
  const [c] = await t.db.query<{ id: number }>('select id from applications where org_id = $1 and id not in (select case_id from appeals where case_id is not null) limit 1', [orgId]);
  const page = await head.get(`/console/applications/${c!.id}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /id="case-appeals"/);
});
