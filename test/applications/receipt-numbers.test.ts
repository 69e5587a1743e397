// Receipt numbers come from a counter row in the database (update … returning under its row lock):
// many concurrent submissions over two independent connection pools — two app processes on one
// PostgreSQL — get distinct numbers without gaps. (On PGlite both handles are one process.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_DAILY_LIMIT, submitOnline } from '../../src/applications/commands.ts';
import { auditLogIntact, verifyAuditLog } from '../../src/core/audit/verify.ts';
import { DomainError } from '../../src/core/errors.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import type { Database } from '../../src/core/db/database.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let second: Database;

before(async () => {
  setTodayForTests(() => '2025-11-03');
  t = await testDatabase();
  await seedDemo(t.db);
  second = t.url ? await openPostgres(t.url, { max: 4 }) : t.db;
});
after(async () => {
  if (second !== t.db) await second.close();
  await t.close();
  setTodayForTests(null);
});

test('80 concurrent submissions over two connection pools: 80 distinct receipt numbers, 1 to 80', async () => {
  const org = (await findOrgByCode(t.db, 'QS-SL'))!;
  const form = (i: number) => ({ applicantKind: 'natural', name: '并发申请人', idType: '护照', idNumber: `P${i}`, phone: '13800000000', infoTitle: `并发申请 ${i}`, formWanted: 'electronic', delivery: 'online' });
  const results = await Promise.all(Array.from({ length: 80 }, (_, i) => submitOnline(i % 2 ? second : t.db, org, form(i), `key-${i}`)));
  const numbers = results.map((r) => r.case.receiptNo).sort();
  assert.equal(new Set(numbers).size, 80);
  assert.deepEqual(numbers, Array.from({ length: 80 }, (_, i) => `QS-SL-2025-${String(i + 1).padStart(5, '0')}`));
  // the same keys again, concurrently: all duplicates, nothing new
  const again = await Promise.all(Array.from({ length: 20 }, (_, i) => submitOnline(i % 2 ? t.db : second, org, form(i), `key-${i}`)));
  assert.ok(again.every((r) => r.duplicate));
  assert.equal((await t.db.query<{ n: number }>('select count(*)::int as n from applications'))[0]!.n, 80);
});

test('submissions that arrive together are committed together: a refused one takes no number, the chain verifies', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const form = (who: string, i: number) => ({ applicantKind: 'natural', name: '同一申请人', idType: '护照', idNumber: who, phone: '13800000000', infoTitle: `申请 ${who} ${i}`, formWanted: 'electronic', delivery: 'online' });
  // One applicant sends APPLICANT_DAILY_LIMIT + 5 at once, interleaved with another applicant's 10 and a repeat of one of them.
  const sent = [
    ...Array.from({ length: APPLICANT_DAILY_LIMIT + 5 }, (_, i) => submitOnline(t.db, org, form('SAME', i), `same-${i}`)),
    ...Array.from({ length: 10 }, (_, i) => submitOnline(second, org, form('OTHER', i), `other-${i}`)),
    submitOnline(t.db, org, form('OTHER', 3), 'other-3'),
  ];
  const settled = await Promise.allSettled(sent);
  const refused = settled.filter((s) => s.status === 'rejected');
  assert.equal(refused.length, 5);
  assert.ok(refused.every((s) => s.status === 'rejected' && s.reason instanceof DomainError && s.reason.code === 'RATE_LIMITED'));
  const stored = settled.flatMap((s) => (s.status === 'fulfilled' && !s.value.duplicate ? [s.value.case.receiptNo] : []));
  assert.equal(stored.length, APPLICANT_DAILY_LIMIT + 10);
  assert.deepEqual(stored.sort(), Array.from({ length: stored.length }, (_, i) => `QS-ZRZY-2025-${String(i + 1).padStart(5, '0')}`));
  assert.equal(settled.filter((s) => s.status === 'fulfilled' && s.value.duplicate).length, 1);
  // One audit entry per stored application, and every chain still verifies.
  const [audits] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'application.submit' and org_id = $1`, [org.id]);
  assert.equal(audits!.n, APPLICANT_DAILY_LIMIT + 10);
  assert.ok(auditLogIntact(await verifyAuditLog(t.db)));
});
