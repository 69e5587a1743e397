import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { entryHash } from './chain.ts';
import { latestCheckpoint, writeCheckpoint, checkpointsSince } from './checkpoints.ts';
import { auditKey, useAuditKey } from './key.ts';
import { appendAudit, appendAuditEntries, lockAuditChain, toEntry, type AuditRow } from './log.ts';
import { AuditKeyMismatch, checkAuditSeal } from './start.ts';
import { auditLogIntact, verifyAuditLog } from './verify.ts';

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

/** Tampering as a database administrator would: around the append-only triggers. */
async function tamper(sql: string, params: unknown[] = []) {
  await t.db.transaction(async (tx) => {
    await tx.query('alter table audit_log disable trigger audit_log_no_update');
    await tx.query('alter table audit_checkpoints disable trigger audit_checkpoints_no_update');
    await tx.query(sql, params);
    await tx.query('alter table audit_checkpoints enable trigger audit_checkpoints_no_update');
    await tx.query('alter table audit_log enable trigger audit_log_no_update');
  });
}

/** With a fresh database of its own (the tests above share one log). */
async function withOwnDatabase(fn: () => Promise<void>) {
  const own = await testDatabase();
  const old = t;
  t = own;
  try {
    await fn();
  } finally {
    t = old;
    await own.close();
  }
}

/**
 * What someone with database access but without the key can do: change one entry's summary and
 * recompute the hash of every later entry of its chain and the chain's head, keeping the old seals.
 */
async function rewriteChainFrom(id: number, summary: unknown) {
  const rows = await t.db.query<AuditRow>('select * from audit_log where chain_key = (select chain_key from audit_log where id = $1) order by id', [id]);
  let prev: string | null = null;
  for (const r of rows.map(toEntry)) {
    if (r.id < id) {
      prev = r.hash;
      continue;
    }
    const changed = r.id === id ? { ...r, summary } : r;
    const hash = entryHash(prev ?? r.prevHash, changed);
    await tamper('update audit_log set summary = $2, prev_hash = $3, hash = $4 where id = $1', [r.id, changed.summary, prev ?? r.prevHash, hash]);
    prev = hash;
  }
  await tamper('update audit_heads set last_hash = $2 where chain_key = $1', [rows[0]!.chain_key, prev]);
}

test('a clean log verifies; entries of concurrent writers chain without gaps', async () => {
  await Promise.all([write(null, 5), write(null, 5)]);
  const r = await verifyAuditLog(t.db);
  assert.equal(r.firstBreak, null);
  assert.equal(r.entries, 10);
  assert.deepEqual(await verifyAuditLog(t.db, { batchSize: 3 }), r, 'reading in small batches gives the same result');
});

test('entries appended together, interleaved over two chains, keep the order given in each chain and verify', async () => {
  const entry = (orgId: number | null, n: number) => ({ actor, input: { orgId, action: 'test.group', targetType: 'thing', targetId: n, summary: { n } } });
  const given = [entry(null, 1), entry(7, 2), entry(null, 3), entry(7, 4), entry(null, 5)];
  const ids = await t.db.transaction((tx) => appendAuditEntries(tx, given));
  const rows = await t.db.query<AuditRow>('select * from audit_log where id = any($1::bigint[]) order by id', [ids]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  assert.deepEqual(ids.map((id) => byId.get(id)!.target_id), ['1', '2', '3', '4', '5']);
  for (const chain of [[0, 2, 4], [1, 3]]) {
    const chainIds = chain.map((i) => ids[i]!);
    assert.deepEqual(chainIds, [...chainIds].sort((a, b) => a - b), 'ids rise in the order given');
    chain.slice(1).forEach((i, k) => assert.equal(byId.get(ids[i]!)!.prev_hash, byId.get(ids[chain[k]!]!)!.hash));
  }
  assert.ok(auditLogIntact(await verifyAuditLog(t.db)));
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
  assert.equal((await verifyAuditLog(t.db, { batchSize: 2 })).firstBreak?.id, row!.id);
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

test('a chain rewritten by someone without the key, hashes and head recomputed, fails at the changed entry', async () => {
  await withOwnDatabase(async () => {
    await write(5, 4);
    const ids = (await t.db.query<{ id: number }>('select id from audit_log where chain_key = 5 order by id')).map((r) => r.id);
    await rewriteChainFrom(ids[1]!, { after: { n: 999 } });
    await write(5, 1); // the next entry of a working system, appended after the rewrite
    const r = await verifyAuditLog(t.db);
    assert.equal(r.firstBreak?.id, ids[1]);
    assert.match(r.firstBreak!.reason, /签名无效/);
  });
});

test('a chain deleted whole (entries and head) is named by the last checkpoint', async () => {
  await withOwnDatabase(async () => {
    await write(8, 3);
    await write(9, 2);
    await t.db.transaction((tx) => writeCheckpoint(tx));
    const [last] = await t.db.query<{ id: number }>('select max(id) as id from audit_log where chain_key = 8');
    await tamper('delete from audit_log where chain_key = 8');
    await tamper('delete from audit_heads where chain_key = 8');
    const r = await verifyAuditLog(t.db);
    assert.equal(r.firstBreak?.chainKey, 8);
    assert.equal(r.firstBreak?.id, last!.id);
    assert.match(r.firstBreak!.reason, /整条哈希链被删除/);
  });
});

test('checkpoints: written only when the heads moved; deleting the newest is found against an export', async () => {
  await withOwnDatabase(async () => {
    await write(3, 2);
    const first = await t.db.transaction((tx) => writeCheckpoint(tx));
    assert.ok(first);
    assert.equal(await t.db.transaction((tx) => writeCheckpoint(tx)), null, 'nothing new, no checkpoint');
    await write(3, 1);
    const second = (await t.db.transaction((tx) => writeCheckpoint(tx)))!;
    assert.equal(second.prevHash, first.hash);
    const exported = await checkpointsSince(t.db, new Date(0));
    assert.ok(auditLogIntact(await verifyAuditLog(t.db, { exported })));
    // Cutting the tail and the newest checkpoint together leaves a consistent database...
    await tamper('delete from audit_checkpoints where id = $1', [second.id]);
    const [tail] = await t.db.query<{ id: number }>('select max(id) as id from audit_log where chain_key = 3');
    await tamper('delete from audit_log where id = $1', [tail!.id]);
    // ...whose head no longer has a valid seal, and whose loss the export shows.
    const r = await verifyAuditLog(t.db, { exported });
    assert.ok(r.checkpointProblems.some((p) => new RegExp(`第 ${second.id} 号检查点.*不存在`).test(p)), r.checkpointProblems.join('；'));
    assert.equal(r.firstBreak?.id, tail!.id);
  });
});

test('a process with another key is refused at start; the database keeps its seal', async () => {
  await withOwnDatabase(async () => {
    await checkAuditSeal(t.db); // the template is sealed: nothing to do
    const mine = auditKey();
    useAuditKey(Buffer.from('another-key-of-another-process-0123456789'));
    try {
      await assert.rejects(checkAuditSeal(t.db), (e: Error) => e instanceof AuditKeyMismatch && /审计密钥与数据库中的签名不符/.test(e.message));
    } finally {
      useAuditKey(mine);
    }
    assert.deepEqual(await checkAuditSeal(t.db), { status: 'ok' });
  });
});

test('an upgraded log (entries without seals, no checkpoint) is sealed at the first start if its chains verify', async () => {
  await withOwnDatabase(async () => {
    await write(4, 3);
    // As the log was before migration 0016.
    await tamper('update audit_log set mac = null');
    await tamper('update audit_heads set mac = null');
    await tamper('delete from audit_checkpoints');
    assert.match((await verifyAuditLog(t.db)).checkpointProblems.join(), /没有任何检查点/);
    const state = await checkAuditSeal(t.db);
    assert.equal(state.status, 'sealed');
    assert.ok(auditLogIntact(await verifyAuditLog(t.db)));
    await write(4, 1); // new entries are sealed one by one
    assert.ok(auditLogIntact(await verifyAuditLog(t.db)));
    assert.ok((await latestCheckpoint(t.db))!.heads.some((h) => h.chainKey === 4));
  });
});

test('an upgraded log that does not verify is not sealed over', async () => {
  await withOwnDatabase(async () => {
    await write(4, 3);
    await tamper('update audit_log set mac = null');
    await tamper('update audit_heads set mac = null');
    await tamper('delete from audit_checkpoints');
    await tamper(`update audit_log set actor_name = '改' where id = (select min(id) from audit_log)`);
    const state = await checkAuditSeal(t.db);
    assert.equal(state.status, 'not_sealed');
    assert.match((state as { reason: string }).reason, /未通过校验/);
    assert.equal(await latestCheckpoint(t.db), null);
  });
});

test('entries with ids drawn after the chain lock, sent with the head, interleaved with plain appends of the same chain: the log stays intact', async () => {
  await withOwnDatabase(async () => {
    const entry = (i: number) => ({ actor, input: { orgId: 7, action: 'test.step', targetType: 'thing', targetId: i, summary: { n: i } } });
    const reserving = (i: number) =>
      t.db.transaction(async (tx) => {
        // Four drawn, three used (a duplicate in a group takes none): the unused id is a gap, not a break.
        const chain = lockAuditChain(tx, 7, 4);
        return appendAuditEntries(tx, [entry(i), entry(i + 1), entry(i + 2)], [chain]);
      });
    const plain = (i: number) => t.db.transaction((tx) => appendAudit(tx, actor, entry(i).input));
    const ids = await Promise.all(Array.from({ length: 12 }, (_, k) => (k % 2 ? reserving(k * 10) : plain(k * 10).then((id) => [id]))));
    for (const group of ids) assert.ok(group.every((id, n) => n === 0 || id > group[n - 1]!), 'rising within a group');
    const [head] = await t.db.query<{ last_id: number }>('select last_id from audit_heads where chain_key = 7');
    assert.equal(head!.last_id, Math.max(...ids.flat()), 'the head names the newest entry');
    assert.ok(auditLogIntact(await verifyAuditLog(t.db)));
  });
});
