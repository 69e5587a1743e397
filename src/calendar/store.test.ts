// The calendar in the database: seeding (idempotent, concurrent), the snapshot, administrators'
// changes with their audit entries. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import type { Actor } from '../core/audit/log.ts';
import { verifyAuditLog } from '../core/audit/verify.ts';
import { openPostgres } from '../core/db/postgres.ts';
import { DomainError } from '../core/errors.ts';
import { ArrangementError } from './arrangement.ts';
import { addYear, removeSpecialDay, setSpecialDay } from './commands.ts';
import { addWorkingDays, CalendarNotCoveredError, isWorkingDay } from './rules.ts';
import { SEED_CREATOR, seedCalendar, shippedArrangements } from './seed.ts';
import { coveredYears, findDay, listYear, loadCalendar } from './store.ts';

let t: TestDatabase;
const admin: Actor = { userId: null, name: '测试管理员' };

before(async () => {
  t = await testDatabase();
});
after(async () => {
  await t.close();
});

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

test('seeding twice, even at the same time, loads 2019–2026 exactly once', async () => {
  // Test databases come with the shipped calendar already seeded: start from empty tables.
  await t.db.exec('delete from calendar_org_days; delete from calendar_days; delete from calendar_years;');
  const expectedDays = shippedArrangements().reduce((n, a) => n + a.holidays.reduce((m, h) => m + (Date.parse(h.to) - Date.parse(h.from)) / 86_400_000 + 1 + (h.makeupWorkdays?.length ?? 0), 0), 0);
  if (t.url) {
    // two processes starting together: two separate connections
    const other = await openPostgres(t.url, { max: 2 });
    try {
      const results = await Promise.all([seedCalendar(t.db), seedCalendar(other), seedCalendar(t.db)]);
      assert.deepEqual(results.flat().sort(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    } finally {
      await other.close();
    }
  } else {
    const results = await Promise.all([seedCalendar(t.db), seedCalendar(t.db)]);
    assert.deepEqual(results.flat().sort(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  }
  assert.deepEqual(await seedCalendar(t.db), []);
  assert.equal(await count('select count(*)::int as n from calendar_days'), expectedDays);
  assert.equal(await count('select count(*)::int as n from calendar_years'), 8);
  const years = await coveredYears(t.db);
  assert.equal(years[6]?.year, 2025);
  assert.match(years[6]!.source, /国办发明电〔2024〕12号/);
  assert.equal(years[6]!.createdBy, SEED_CREATOR);
});

test('the snapshot loaded from the database computes like the notices say', async () => {
  const cal = await loadCalendar(t.db);
  assert.equal(addWorkingDays(cal, '2025-09-26', 20), '2025-10-30');
  assert.equal(addWorkingDays(cal, '2025-01-24', 20), '2025-02-27');
  assert.equal(isWorkingDay(cal, '2026-02-28'), true);
  assert.throws(() => addWorkingDays(cal, '2026-12-31', 1), CalendarNotCoveredError);
  const days = await listYear(t.db, 2025);
  assert.equal(days.length, 28 + 5);
  assert.deepEqual(days.find((d) => d.date === '2025-10-11'), {
    date: '2025-10-11',
    kind: 'makeup_workday',
    name: '国庆节、中秋节调休上班',
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    createdBy: SEED_CREATOR,
    orgId: null,
  });
});

test('an administrator changes a day; a later seeding leaves the change alone', async () => {
  // as in 2020, a later notice turns a 调休 Saturday into a holiday
  const r = await setSpecialDay(t.db, admin, { date: '2026-02-28', kind: 'holiday', name: '春节', source: '国务院办公厅关于调整2026年春节假期的通知（测试）' });
  assert.equal(r.before?.kind, 'makeup_workday');
  assert.equal(r.after.kind, 'holiday');
  await seedCalendar(t.db);
  assert.equal((await findDay(t.db, '2026-02-28'))?.kind, 'holiday');
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2026-02-28'), false);

  await setSpecialDay(t.db, admin, { date: '2026-02-28', kind: 'makeup_workday', name: '春节调休上班' });
  const back = await findDay(t.db, '2026-02-28');
  assert.equal(back?.kind, 'makeup_workday');
  assert.equal(back?.source, '管理员录入');
  assert.equal(back?.createdBy, '测试管理员');

  const entries = await t.db.query<{ action: string; target_id: string; summary: { before: { kind: string } | null; after: { kind: string } } }>(
    "select action, target_id, summary from audit_log where action = 'calendar.day.set' order by id",
  );
  assert.equal(entries.length, 2);
  assert.equal(entries[0]!.target_id, '2026-02-28');
  assert.equal(entries[0]!.summary.before?.kind, 'makeup_workday');
  assert.equal(entries[0]!.summary.after.kind, 'holiday');
});

test('a makeup workday must be a weekend day; removing a day that is not there is an error', async () => {
  await assert.rejects(
    setSpecialDay(t.db, admin, { date: '2026-03-04', kind: 'makeup_workday', name: '调休上班' }),
    (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION' && /2026-03-04 是周三，本来就是工作日/.test(e.message),
  );
  await assert.rejects(setSpecialDay(t.db, admin, { date: '2026-03-04', kind: 'holiday', name: ' ' }), /请填写名称/);
  await assert.rejects(removeSpecialDay(t.db, admin, { date: '2026-03-04' }), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');

  await setSpecialDay(t.db, admin, { date: '2026-03-04', kind: 'holiday', name: '测试假日' });
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2026-03-04'), false);
  const removed = await removeSpecialDay(t.db, admin, { date: '2026-03-04' });
  assert.equal(removed.name, '测试假日');
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2026-03-04'), true);
  assert.equal(await count("select count(*)::int as n from audit_log where action = 'calendar.day.remove'"), 1);
});

const year2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13', makeupWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
};

test('adding a new year makes it computable; adding it twice is refused', async () => {
  await assert.rejects(async () => addWorkingDays(await loadCalendar(t.db), '2026-12-31', 1), CalendarNotCoveredError);
  const r = await addYear(t.db, admin, year2027);
  assert.deepEqual([r.holidays, r.makeupWorkdays], [11, 2]);
  const cal = await loadCalendar(t.db);
  // 1–3 Jan 2027 off (Fri–Sun): the first working day after 31 Dec 2026 is Monday 4 Jan
  assert.equal(addWorkingDays(cal, '2026-12-31', 1), '2027-01-04');
  assert.equal(isWorkingDay(cal, '2027-01-31'), true);
  await assert.rejects(addYear(t.db, admin, year2027), (e: unknown) => e instanceof DomainError && e.code === 'CONFLICT' && /2027 年的节假日安排已录入/.test(e.message));
  await assert.rejects(addYear(t.db, admin, { ...year2027, year: 2028, holidays: [] }), ArrangementError);
  assert.equal((await coveredYears(t.db)).at(-1)?.createdBy, '测试管理员');
  assert.equal(await count("select count(*)::int as n from audit_log where action = 'calendar.year.add'"), 1);
});

test('local days of one organization apply to that organization only', async () => {
  const [org] = await t.db.query<{ id: number }>(
    "insert into organizations (kind, full_name, short_name, code) values ('county', '日历测试县', '日历测试县', 'CAL-TEST') returning id",
  );
  const orgId = org!.id;
  await setSpecialDay(t.db, admin, { date: '2025-04-01', kind: 'holiday', name: '三月三', source: '自治县人民政府通知（测试）', orgId });
  await setSpecialDay(t.db, admin, { date: '2025-10-01', kind: 'holiday', name: '国庆节（本地）', orgId });
  const national = await loadCalendar(t.db);
  const local = await loadCalendar(t.db, orgId);
  assert.equal(isWorkingDay(national, '2025-04-01'), true);
  assert.equal(isWorkingDay(local, '2025-04-01'), false);
  assert.equal(addWorkingDays(local, '2025-03-31', 1), '2025-04-02');
  assert.equal(isWorkingDay(local, '2025-10-11'), true); // national 调休 still applies
  const days = await listYear(t.db, 2025, orgId);
  assert.deepEqual(
    days.filter((d) => d.date === '2025-10-01').map((d) => [d.name, d.orgId]),
    [['国庆节、中秋节', null], ['国庆节（本地）', orgId]],
  );
  assert.equal((await listYear(t.db, 2025)).some((d) => d.orgId !== null), false);
  const [entry] = await t.db.query<{ org_id: number; target_id: string }>(
    "select org_id, target_id from audit_log where action = 'calendar.day.set' and org_id is not null order by id limit 1",
  );
  assert.deepEqual(entry, { org_id: orgId, target_id: `${orgId}:2025-04-01` });
});

test('the audit chain stays intact after the calendar changes', async () => {
  const r = await verifyAuditLog(t.db);
  assert.equal(r.firstBreak, null);
  assert.ok(r.entries >= 6);
});
