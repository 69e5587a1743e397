import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCommit, type Settled } from './group-commit.ts';

test('changes arriving while a group commits wait and are committed together in the next group; keys apart', async () => {
  const groups: string[] = [];
  const gc = new GroupCommit<number, number>(async (key, items) => {
    groups.push(`${key}:${items.join(',')}`);
    await new Promise((r) => setImmediate(r));
    return items.map((i): Settled<number> => ({ ok: true, value: i * 10 }));
  });
  const results = await Promise.all([gc.submit('a', 1), gc.submit('a', 2), gc.submit('a', 3), gc.submit('b', 4)]);
  assert.deepEqual(results, [10, 20, 30, 40]);
  // The first change starts a group at once (no waiting); the two that came meanwhile form the next one.
  assert.deepEqual(groups, ['a:1', 'b:4', 'a:2,3']);
});

test('a change refused inside a group fails alone; a group whose transaction fails is retried one change at a time', async () => {
  const calls: number[][] = [];
  const gc = new GroupCommit<number, number>(async (_key, items) => {
    calls.push(items);
    await new Promise((r) => setImmediate(r));
    if (items.includes(13) && items.length > 1) throw new Error('the transaction failed');
    if (items.includes(13)) throw new Error('13 breaks the transaction');
    return items.map((i): Settled<number> => (i % 2 ? { ok: true, value: i } : { ok: false, error: new Error(`${i} refused`) }));
  });
  const settled = await Promise.allSettled([gc.submit('k', 1), gc.submit('k', 12), gc.submit('k', 13), gc.submit('k', 15)]);
  assert.deepEqual(
    settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    [1, '12 refused', '13 breaks the transaction', 15],
  );
  assert.deepEqual(calls, [[1], [12, 13, 15], [12], [13], [15]]);
});

test('a group holds at most maxGroup changes', async () => {
  const sizes: number[] = [];
  const gc = new GroupCommit<number, number>(async (_key, items) => {
    sizes.push(items.length);
    await new Promise((r) => setImmediate(r));
    return items.map((i): Settled<number> => ({ ok: true, value: i }));
  }, 4);
  await Promise.all(Array.from({ length: 11 }, (_, i) => gc.submit('k', i)));
  assert.deepEqual(sizes, [1, 4, 4, 2]);
});
