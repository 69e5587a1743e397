// The region dashboard's bulk clock (region-clock.ts) gives every open case exactly the clock the 办理台账
// gives it (loadQueue, agency by agency): for cases received over two months and in every open state —
// plain, in 补正 (asked; corrected), extended (in time and too late), in consultation (open, delivered,
// closed), awaiting a fee, with a 延迟答复 date, reopened for a new reply, drafted, not yet received — and
// for agencies whose clocks differ: the defaults, their own conventions, conventions inherited from above
// with a local holiday of their own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadQueue } from '../../src/applications/queue.ts';
import { dueCountsOf, loadOpenCaseClocks } from '../../src/applications/region-clock.ts';
import { addDays } from '../../src/core/date.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

const TODAY = '2025-12-04';
let t: TestDatabase;
const orgs: Record<'plain' | 'own' | 'inherits', number> = { plain: 0, own: 0, inherits: 0 };

async function org(code: string, parentPath: string): Promise<{ id: number; path: string }> {
  const [o] = await t.db.query<{ id: number }>(
    `insert into organizations (kind, full_name, short_name, code, path) values ('department', $1, $1, $1, '') returning id`,
    [`测试局${code}`],
  );
  const path = `${parentPath}${o!.id}/`;
  await t.db.query('update organizations set path = $2 where id = $1', [o!.id, path]);
  return { id: o!.id, path };
}

type Ev = [kind: string, dayAfterReceipt: number, data: (r: string) => Record<string, unknown>];
/** The variants of an open case: its state and its events, by days after receipt. */
const VARIANTS: { state: string; events: Ev[]; received?: false }[] = [
  { state: 'received', events: [] },
  { state: 'correction_requested', events: [['correction_requested', 1, (r) => ({ items: '补充身份证明', dueOn: addDays(r, 16) })]] },
  { state: 'corrected', events: [['correction_requested', 1, (r) => ({ items: '补充身份证明', dueOn: addDays(r, 16) })], ['corrected', 4, () => ({ by: 'applicant', description: '已补充' })]] },
  { state: 'extended', events: [['extended', 10, (r) => ({ workingDays: 15, approvedOn: addDays(r, 10), notifiedOn: addDays(r, 10), reason: '需要调查' })]] },
  { state: 'extended', events: [['extended', 40, (r) => ({ workingDays: 20, approvedOn: addDays(r, 40), notifiedOn: addDays(r, 40), reason: '告知过晚' })]] },
  { state: 'consulting', events: [['consultation_sent', 2, () => ({ party: 'third_party', partyName: '某公司' })]] },
  { state: 'consulting', events: [['consultation_sent', 2, () => ({ party: 'agency', partyName: '某局' })], ['consultation_delivered', 5, (r) => ({ letterReceivedOn: addDays(r, 5) })]] },
  { state: 'consulted', events: [['consultation_sent', 2, () => ({ party: 'third_party', partyName: '某公司' })], ['consultation_closed', 9, () => ({ result: 'agreed' })]] },
  { state: 'fee_notified', events: [['fee_notified', 3, (r) => ({ basis: 'by_count', quantity: 30, amountYuan: 100, paymentDueOn: addDays(r, 20), explanation: '超量' })]] },
  { state: 'received', events: [['reply_delayed', 12, (r) => ({ dueDate: addDays(r, 70), notifiedOn: addDays(r, 12), reason: '申请数量较大' })]] },
  { state: 'received', events: [['replied', 5, () => ({ outcome: 'granted', reasons: '', deliveredBy: 'online' })], ['reopened_for_new_reply', 20, (r) => ({ appealId: 1, appealKind: 'review', caseNumber: '复议〔2025〕1号', body: '县政府', decidedOn: addDays(r, 18), dueOn: null, fromState: 'replied' })]] },
  { state: 'reply_drafted', events: [['reply_drafted', 6, () => ({ outcome: 'granted', reasons: '', deliveredBy: 'online', template: null, fromState: 'received' })]] },
  { state: 'submitted', events: [], received: false },
];

before(async () => {
  t = await testDatabase();
  const plain = await org('A', '/');
  const own = await org('B', '/');
  const above = await org('P', '/');
  const inherits = await org('C', above.path);
  Object.assign(orgs, { plain: plain.id, own: own.id, inherits: inherits.id });
  // B: its own conventions (the start day counts, due soon within 5 working days); P, above C: others; A: the defaults.
  await t.db.query(
    `insert into clock_conventions (org_id, start_day_counts, pause_start_day_counts, pause_end_day_counts, fee_payment_working_days, due_soon_working_days, updated_by_name)
     values ($1, true, true, false, 10, 5, '测试'), ($2, false, false, true, 15, 1, '测试')`,
    [own.id, above.id],
  );
  // C's own day off (a Thursday), and a makeup working Saturday.
  await t.db.query(
    `insert into calendar_org_days (org_id, date, kind, name, source, created_by) values
       ($1, '2025-11-20', 'holiday', '本地假日', '测试', '测试'), ($1, '2025-11-22', 'makeup_workday', '本地调休', '测试', '测试')`,
    [inherits.id],
  );
  // Every variant received every third day from 2025-09-25 to today, in each agency, and two concluded cases.
  let n = 0;
  for (const orgId of [plain.id, own.id, inherits.id]) {
    for (let r = '2025-09-25'; r <= TODAY; r = addDays(r, 3)) {
      for (const v of VARIANTS) {
        n++;
        const [c] = await t.db.query<{ id: number }>(
          `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, applicant_kind, applicant_column,
             info_title, form_wanted, delivery, fingerprint)
           values ($1, $2, $3, 'in_person', $4, $5, 'natural', 'natural', '测试申请', 'electronic', 'online', $2) returning id`,
          [orgId, `RC-${n}`, v.state, r, v.received === false ? null : r],
        );
        for (const [kind, days, data] of v.events) {
          const on = addDays(r, days);
          if (on > TODAY) continue;
          await t.db.query(`insert into application_events (org_id, case_id, kind, on_date, actor_name, data) values ($1, $2, $3, $4, '测试', $5)`, [orgId, c!.id, kind, on, data(r)]);
        }
      }
    }
    for (const state of ['replied', 'closed']) {
      await t.db.query(
        `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind, applicant_column,
           info_title, form_wanted, delivery, fingerprint)
         values ($1, $2, $3, 'in_person', '2025-11-03', '2025-11-03', '2025-11-20', 'granted', 'natural', 'natural', '测试申请', 'electronic', 'online', $2)`,
        [orgId, `RC-${++n}`, state],
      );
    }
  }
  setTodayForTests(() => TODAY);
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('the bulk clock of every open case equals the 办理台账 clock, agency by agency', async () => {
  const ids = Object.values(orgs);
  const bulk = await loadOpenCaseClocks(t.db, ids, TODAY);
  const byCase = new Map(bulk.map((c) => [c.id, c]));
  let compared = 0;
  const statuses = new Map<string, number>();
  for (const orgId of ids) {
    const queue = await loadQueue(t.db, orgId, { state: 'open' }); // by urgency: every open case
    assert.equal(bulk.filter((c) => c.orgId === orgId).length, queue.length, `open cases of ${orgId}`);
    for (const item of queue) {
      const mine = byCase.get(item.case.id);
      assert.ok(mine, `case ${item.case.receiptNo} is in the bulk result`);
      assert.equal(mine.orgId, orgId);
      assert.deepEqual(mine.clock, item.clock, `the clock of ${item.case.receiptNo} (${item.case.state}, received ${item.case.receivedOn})`);
      const key = item.clock.status?.status ?? (item.clock.error ? 'error' : 'none');
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      compared++;
    }
  }
  assert.ok(compared > 400, `${compared} cases compared`);
  // the set is realistic: every status the dashboard counts, and the others, occur
  for (const s of ['overdue', 'due_soon', 'on_time', 'paused', 'awaiting_correction', 'none']) assert.ok((statuses.get(s) ?? 0) > 0, `some cases are ${s}: ${[...statuses]}`);
});

test('the counts per agency are those of the 办理台账, and the agencies\' own clocks make them differ', async () => {
  const counts = dueCountsOf(await loadOpenCaseClocks(t.db, Object.values(orgs), TODAY));
  const fromQueue = async (orgId: number) => {
    const queue = await loadQueue(t.db, orgId, { state: 'open' });
    return {
      open: queue.filter((i) => i.case.receivedOn !== null && i.case.state !== 'submitted').length,
      overdue: queue.filter((i) => i.clock.status?.status === 'overdue').length,
      soon: queue.filter((i) => i.clock.status?.status === 'due_soon').length,
    };
  };
  for (const orgId of Object.values(orgs)) assert.deepEqual(counts.get(orgId), await fromQueue(orgId));
  assert.notEqual(counts.get(orgs.own)!.soon, counts.get(orgs.plain)!.soon, 'B counts 5 working days as due soon, A 3');
  assert.notEqual(counts.get(orgs.inherits)!.soon, counts.get(orgs.plain)!.soon, 'C inherits 1 working day from P');
});
