import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryHash, GENESIS_HASH, type StoredEntry } from './chain.ts';
import { checkpointHash, checkpointMac, checkpointProblem, entryMac, headMac, type Checkpoint } from './seal.ts';
import { verifyChain, type ChainAnchors } from './verify-chain.ts';

const KEY = Buffer.from('k'.repeat(32));
const OTHER_KEY = Buffer.from('o'.repeat(32));

/** A chain of n entries as appendAudit writes it; `sealed: false` as before sealing existed. */
function chain(n: number, key = KEY, sealed = true): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = { chainKey: 1, at: `2026-01-0${i}T00:00:00.000Z`, actorUserId: 1, actorName: '甲', orgId: 1, action: 'a', targetType: 't', targetId: String(i), summary: { i }, requestId: null };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, id: i, prevHash: prev, hash, mac: sealed ? entryMac(key, hash) : null });
    prev = hash;
  }
  return entries;
}

const headOf = (e: StoredEntry, key = KEY) => ({ lastId: e.id, lastHash: e.hash, mac: headMac(key, { chainKey: 1, lastId: e.id, lastHash: e.hash }) });
const anchors = (entries: StoredEntry[], checkpointed: ChainAnchors['checkpointed'] = null): ChainAnchors => ({ head: headOf(entries.at(-1)!), checkpointed });

test('a sealed chain verifies; a changed field, a missing entry or a cut tail is named', () => {
  const entries = chain(3);
  assert.equal(verifyChain(KEY, 1, entries, anchors(entries)), null);
  assert.equal(verifyChain(KEY, 1, [{ ...entries[0]!, actorName: '乙' }, ...entries.slice(1)], anchors(entries))?.id, 1);
  assert.equal(verifyChain(KEY, 1, [entries[0]!, entries[2]!], anchors(entries))?.id, 3);
  assert.equal(verifyChain(KEY, 1, entries.slice(0, 2), anchors(entries))?.id, 3);
});

test('a chain rewritten and recomputed from a changed entry on fails on the entry seal', () => {
  const entries = chain(4);
  // What someone with database access but no key can do: change entry 2, recompute every hash after it.
  const forged: StoredEntry[] = [entries[0]!];
  let prev = entries[0]!.hash;
  for (const e of entries.slice(1)) {
    const changed = e.id === 2 ? { ...e, summary: { i: 999 } } : e;
    const hash = entryHash(prev, changed);
    forged.push({ ...changed, prevHash: prev, hash, mac: e.id === 2 ? null : e.mac });
    prev = hash;
  }
  const head = { lastId: 4, lastHash: prev, mac: null };
  const brk = verifyChain(KEY, 1, forged, { head, checkpointed: null });
  assert.equal(brk?.id, 2);
  assert.match(brk!.reason, /没有签名/);
  // Keeping the old seal on the forged entry does not help either.
  const withOldMac = forged.map((e, i) => ({ ...e, mac: entries[i]!.mac }));
  assert.match(verifyChain(KEY, 1, withOldMac, { head, checkpointed: null })!.reason, /签名无效/);
});

test('a head moved back over a deleted tail needs the key', () => {
  const entries = chain(4);
  const cut = entries.slice(0, 2);
  const movedBack = { lastId: 2, lastHash: cut[1]!.hash, mac: headMac(OTHER_KEY, { chainKey: 1, lastId: 2, lastHash: cut[1]!.hash }) };
  assert.match(verifyChain(KEY, 1, cut, { head: movedBack, checkpointed: null })!.reason, /链头签名无效/);
  assert.equal(verifyChain(KEY, 1, cut, { head: headOf(cut[1]!), checkpointed: null }), null, 'with the key it would verify: the key is what protects');
});

test('entries without a seal are accepted only up to the newest checkpoint', () => {
  const legacy = chain(3, KEY, false);
  const unsignedHead = { lastId: 3, lastHash: legacy[2]!.hash, mac: null };
  assert.equal(verifyChain(KEY, 1, legacy, { head: unsignedHead, checkpointed: { lastId: 3, lastHash: legacy[2]!.hash } }), null);
  assert.match(verifyChain(KEY, 1, legacy, { head: unsignedHead, checkpointed: { lastId: 2, lastHash: legacy[1]!.hash } })!.reason, /没有签名/);
});

test('a chain named by the checkpoint must still reach it: deleted whole, or rewritten before it', () => {
  const entries = chain(3);
  const cp = { lastId: 2, lastHash: entries[1]!.hash };
  assert.equal(verifyChain(KEY, 1, entries, anchors(entries, cp)), null);
  const whole = verifyChain(KEY, 1, [], { head: null, checkpointed: cp });
  assert.equal(whole?.id, 2);
  assert.match(whole!.reason, /整条哈希链被删除/);
  assert.match(verifyChain(KEY, 1, entries, anchors(entries, { lastId: 2, lastHash: 'f'.repeat(64) }))!.reason, /缺失或被改写/);
});

test('checkpoints chain to each other and carry the key', () => {
  const first = { at: '2026-01-01T00:00:00.000Z', heads: [{ chainKey: 1, lastId: 3, lastHash: 'a'.repeat(64) }], prevHash: GENESIS_HASH };
  const c1: Checkpoint = { id: 1, ...first, hash: checkpointHash(first), mac: checkpointMac(KEY, checkpointHash(first)) };
  const second = { at: '2026-01-01T00:10:00.000Z', heads: [{ chainKey: 1, lastId: 4, lastHash: 'b'.repeat(64) }], prevHash: c1.hash };
  const c2: Checkpoint = { id: 2, ...second, hash: checkpointHash(second), mac: checkpointMac(KEY, checkpointHash(second)) };
  assert.equal(checkpointProblem(KEY, c1, null), null);
  assert.equal(checkpointProblem(KEY, c2, c1), null);
  assert.match(checkpointProblem(KEY, c2, null)!, /链接断开/);
  assert.match(checkpointProblem(KEY, { ...c2, heads: [] }, c1)!, /内容与其哈希值不符/);
  assert.match(checkpointProblem(OTHER_KEY, c2, c1)!, /签名无效/);
});
