import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { queryOne, tryAdvisoryLock, withAdvisoryLock } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
});
after(() => t.close());

test('every migration is applied and recorded with its checksum', async () => {
  const rows = await t.db.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by version');
  assert.deepEqual(
    rows.map((r) => [r.name, r.checksum]),
    readMigrations().map((m) => [m.name, m.checksum]),
  );
  assert.deepEqual(await migrate(t.db), [], 'a second run applies nothing');
});

test('values look the same on both backends: int8 → number, date → string, numeric → number', async () => {
  const row = await queryOne<{ b: number; d: string; n: number; j: unknown }>(
    t.db,
    `select 9007199254740::bigint as b, date '2024-02-29' as d, 12.35::numeric as n, $1::jsonb as j`,
    [{ a: [1, "二"] }],
  );
  assert.deepEqual(row, { b: 9007199254740, d: '2024-02-29', n: 12.35, j: { a: [1, '二'] } });
});

test('a failing transaction leaves nothing behind', async () => {
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await tx.query(`insert into app_settings (key, value) values ('tx-test', 'x')`);
      throw new Error('boom');
    }),
  );
  assert.equal(await queryOne(t.db, `select 1 from app_settings where key = 'tx-test'`), undefined);
});

test('advisory locks serialize critical sections; a try-lock inside a held lock section still runs', async () => {
  const order: string[] = [];
  await Promise.all([
    withAdvisoryLock(t.db, 1, 1, async () => {
      order.push('a-start');
      await new Promise((r) => setTimeout(r, 50));
      order.push('a-end');
    }),
    withAdvisoryLock(t.db, 1, 1, async () => {
      order.push('b-start');
      order.push('b-end');
    }),
  ]);
  assert.deepEqual(order, ['a-start', 'a-end', 'b-start', 'b-end']);
  assert.equal(await tryAdvisoryLock(t.db, 1, 2, async () => 'ran'), 'ran');
});
