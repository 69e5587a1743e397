// The demo cases of `serve --demo`, replayed on a fixed day: one case in each situation of the queue,
// made through the real commands (events, letters, audit), once only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { loadQueue } from '../../src/applications/queue.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  setTodayForTests(() => '2025-11-20');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('eleven demo cases, one per situation, dated back from today; a second run adds nothing', async () => {
  assert.equal(await seedApplicationsDemo(t.db), 11);
  assert.equal(await seedApplicationsDemo(t.db), 0);
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const queue = (await loadQueue(t.db, org.id, { order: 'number' })).reverse();
  assert.deepEqual(
    queue.map((i) => [i.case.state, i.case.receivedOn, i.clock.deadline?.dueDate ?? null, i.clock.status?.status ?? null]),
    [
      ['submitted', null, null, null],
      ['received', '2025-11-18', '2025-12-16', 'on_time'],
      ['received', '2025-10-27', '2025-11-24', 'due_soon'], // 18 working days back, 2 left
      ['received', '2025-10-21', '2025-11-18', 'overdue'],
      ['correction_requested', '2025-11-06', null, 'awaiting_correction'],
      ['consulting', '2025-11-04', null, 'paused'],
      ['extended', '2025-10-24', '2025-12-05', 'on_time'], // 20 + 10 working days
      ['reply_drafted', '2025-10-30', '2025-11-27', 'on_time'],
      ['closed', '2025-09-19', '2025-10-23', 'replied_on_time'], // 40 working days back across 国庆 and its 调休 days
      ['replied', '2025-10-10', '2025-11-06', 'replied_on_time'],
      ['received', '2025-11-12', '2025-12-10', 'on_time'], // asked to explain (条例第三十五条): the clock runs
    ],
  );
  const handler = queue.map((i) => i.case.handlerUserId);
  assert.ok(handler.every((h) => h !== null), 'every case is assigned to the demo handler');
  const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'application.%'`)) as [{ n: number }];
  assert.equal(n, 11 + 11 + 9, 'every submission, assignment and step is audited');
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});
