import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type StoredEntry } from './chain.ts';

test('canonical JSON sorts keys at every level, so jsonb key order cannot change a hash', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
});

test('verifyChain names the first entry whose hash or link is wrong', () => {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= 3; i++) {
    const fields = { chainKey: 1, at: `2026-01-0${i}T00:00:00.000Z`, actorUserId: 1, actorName: '甲', orgId: 1, action: 'a', targetType: 't', targetId: String(i), summary: { i }, requestId: null };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, id: i, prevHash: prev, hash });
    prev = hash;
  }
  const head = { lastId: 3, lastHash: prev };
  assert.equal(verifyChain(entries, head), null);
  assert.equal(verifyChain([{ ...entries[0]!, actorName: '乙' }, ...entries.slice(1)], head)?.id, 1);
  assert.equal(verifyChain([entries[0]!, entries[2]!], head)?.id, 3);
  assert.equal(verifyChain(entries.slice(0, 2), head)?.id, 3);
});
