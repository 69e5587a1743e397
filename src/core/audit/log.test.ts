import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { appendAudit, verifyAuditLog } from './log.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
});
after(() => t.close());

const actor = { userId: null, name: '测试', requestId: 'req-1' };

async function write(orgId: number | null, n: number) {
  for (let i = 0; i < n; i++) {
    await t.db.transaction((tx) => appendAudit(tx, actor, { orgId, action: 'test.step', targetType: 'thing', targetId: i, summary: { before: { n: i }, after: { n: i + 1, 名称: '测试' } } }));
  }
}

/** Tampering as a database administrator would: around the append-only trigger. */
async function tamper(sql: string, params: unknown[]) {
  await t.db.transaction(async (tx) => {
    await tx.query('alter table audit_log disable trigger audit_log_no_update');
    await tx.query(sql, params);
    await tx.query('alter table audit_log enable trigger audit_log_no_update');
  });
}

test('a clean log verifies; entries of concurrent writers chain without gaps', async () => {
  await Promise.all([write(null, 5), write(null, 5)]);
  const r = await verifyAuditLog(t.db);
  assert.equal(r.firstBreak, null);
  assert.equal(r.entries, 10);
  assert.deepEqual(await verifyAuditLog(t.db, 3), r, 'reading in small batches gives the same result');
});

test('the log refuses updates and deletes', async () => {
  await assert.rejects(t.db.query(`update audit_log set actor_name = 'x'`), /append-only/);
  await assert.rejects(t.db.query('delete from audit_log'), /append-only/);
});

test('an altered summary is found and named', async () => {
  const [row] = await t.db.query<{ id: number }>('select id from audit_log order by id limit 1 offset 3');
  await tamper(`update audit_log set summary = '{"after":{"n":999}}' where id = $1`, [row!.id]);
  const r = await verifyAuditLog(t.db);
  assert.equal(r.firstBreak?.id, row!.id);
  assert.match(r.firstBreak!.reason, /被修改/);
  assert.equal((await verifyAuditLog(t.db, 2)).firstBreak?.id, row!.id);
});

test('a deleted entry breaks the chain at the next entry; a deleted tail is found through the head', async () => {
  const t2 = await testDatabase();
  const old = t;
  t = t2;
  try {
    await write(7, 4);
    const ids = (await t.db.query<{ id: number }>('select id from audit_log order by id')).map((r) => r.id);
    await tamper('delete from audit_log where id = $1', [ids[1]]);
    assert.equal((await verifyAuditLog(t.db)).firstBreak?.id, ids[2]);
    await tamper('delete from audit_log where id = any($1::bigint[])', [ids.slice(2)]);
    const r = await verifyAuditLog(t.db);
    assert.equal(r.firstBreak?.id, ids[3]);
    assert.match(r.firstBreak!.reason, /链尾/);
  } finally {
    t = old;
    await t2.close();
  }
});
