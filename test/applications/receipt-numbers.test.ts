// Receipt numbers come from a counter row in the database (update … returning under its row lock):
// many concurrent submissions over two independent connection pools — two app processes on one
// PostgreSQL — get distinct numbers without gaps. (On PGlite both handles are one process.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { submitOnline } from '../../src/applications/commands.ts';
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
