// The queue's clock filters look at every open case, not only the newest page: with 600 open cases,
// the oldest one (received first, overdue) is found by 逾期 and the one due soon by 即将到期.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadQueue } from '../../src/applications/queue.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let orgId = 0;

before(async () => {
  t = await testDatabase();
  const [org] = await t.db.query<{ id: number }>(
    `insert into organizations (kind, full_name, short_name, code, path) values ('department', '测试局', '测试局', 'T-Q', '/') returning id`,
  );
  orgId = org!.id;
  // Inserted oldest first, so the overdue case has the smallest id: the last of a newest-first page.
  // 2025-11-03 + 20 working days = 12-01 (overdue on 12-10); 11-10 → 12-08 (due soon on 12-04); the rest 12-01 → 12-29.
  const received = ['2025-11-03', '2025-11-10', ...Array.from({ length: 598 }, () => '2025-12-01')];
  await t.db.query(
    `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, applicant_kind, applicant_column,
       info_title, form_wanted, delivery, fingerprint)
     select $1, 'Q-' || n, 'received', 'in_person', r, r, 'natural', 'natural', '测试申请', 'electronic', 'online', 'fp' || n
     from unnest($2::date[]) with ordinality as x(r, n)`,
    [orgId, received],
  );
  setTodayForTests(() => '2025-12-04');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('overdue and due-soon filters reach past the newest 500 cases', async () => {
  const all = await loadQueue(t.db, orgId, { state: 'open', order: 'number' });
  assert.equal(all.length, 500, 'the list by number is a page of the newest');
  const urgent = await loadQueue(t.db, orgId, { state: 'open' });
  assert.deepEqual(urgent.slice(0, 2).map((i) => [i.case.receiptNo, i.clock.status?.status]), [['Q-1', 'overdue'], ['Q-2', 'due_soon']], 'by urgency: every open case, overdue first');
  assert.equal((await loadQueue(t.db, orgId)).length, 600, 'the default list by urgency holds every open case');
  const overdue = await loadQueue(t.db, orgId, { due: 'overdue' });
  assert.deepEqual(overdue.map((i) => [i.case.receiptNo, i.clock.deadline?.dueDate]), [['Q-1', '2025-12-01']]);
  const soon = await loadQueue(t.db, orgId, { due: 'soon' });
  assert.deepEqual(soon.map((i) => [i.case.receiptNo, i.clock.deadline?.dueDate]), [['Q-2', '2025-12-08']]);
});
