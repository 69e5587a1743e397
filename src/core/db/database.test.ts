import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { afterCommit, execWithNextQuery, queryOne, tryAdvisoryLock, withAdvisoryLock } from './database.ts';
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

test('work left for after the commit runs once it has committed, once per key, before the caller resumes; never after a rollback', async () => {
  const seen: string[] = [];
  await t.db.query('create table after_commit_probe (x int)');
  const result = await t.db.transaction(async (tx) => {
    await tx.query('insert into after_commit_probe values (1)');
    const count = async (db: { query: typeof tx.query }) => {
      const [r] = await db.query<{ n: number }>('select count(*)::int as n from after_commit_probe');
      seen.push(`committed ${r!.n}`);
    };
    afterCommit(tx, 'k', count);
    afterCommit(tx, 'k', count);
    return 'done';
  });
  assert.equal(result, 'done');
  assert.deepEqual(seen, ['committed 1'], 'ran once, after the commit, before the transaction returned');

  await assert.rejects(
    t.db.transaction(async (tx) => {
      afterCommit(tx, 'k', async () => void seen.push('after a rollback'));
      throw new Error('refused');
    }),
  );
  assert.deepEqual(seen, ['committed 1']);
});

test('settings sent with the next query: applied to it, and their error reported by it', async () => {
  const applied = await t.db.transaction(async (transaction) => {
    const tx = execWithNextQuery(transaction);
    await tx.exec("set local work_mem = '9MB'");
    const [r] = await tx.query<{ w: string }>("select current_setting('work_mem') as w");
    return r!.w;
  });
  assert.equal(applied, '9MB');
  await assert.rejects(
    t.db.transaction(async (transaction) => {
      const tx = execWithNextQuery(transaction);
      await tx.exec('set local no_such_setting_here = 1');
      await tx.query('select 1');
    }),
    /no_such_setting_here|unrecognized configuration parameter/,
  );
});

test('statements sent without waiting in a transaction: all or nothing, and a failed one reported rather than the aborted transaction after it', async () => {
  await t.db.query('create table if not exists tx_pipelined (id int primary key)');
  // Sent together, the transaction's first statement among them (on PostgreSQL BEGIN goes with it).
  await t.db.transaction((tx) => Promise.all([1, 2, 3].map((id) => tx.query('insert into tx_pipelined (id) values ($1)', [id]))));
  assert.equal((await t.db.query<{ n: number }>('select count(*)::int as n from tx_pipelined'))[0]!.n, 3);
  await assert.rejects(
    t.db.transaction(async (tx) => {
      const duplicate = tx.query('insert into tx_pipelined (id) values (4), (1)');
      duplicate.catch(() => undefined); // not awaited here: the next statement fails because of it
      await tx.query('insert into tx_pipelined (id) values (5)');
    }),
    (err: { code?: string }) => err.code === '23505',
  );
  assert.deepEqual((await t.db.query<{ id: number }>('select id from tx_pipelined order by id')).map((r) => r.id), [1, 2, 3]);
});
