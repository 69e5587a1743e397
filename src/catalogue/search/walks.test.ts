import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relevancePositions, Walk, Walks, type Match } from './walks.ts';

const m = (id: number, date = `2024-01-${String(10 + (id % 20)).padStart(2, '0')}`): Match => ({ id, date });
/** Matches newest first: ids 10, 9, … 1, one a day. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => ({ id: n - i, date: `2024-02-${String(n - i).padStart(2, '0')}` }));

test('a walk knows what it looked for: more only past that, never past the end of the items', () => {
  const w = new Walk(1, 0);
  assert.equal(w.missing(4), 4);
  w.extend([m(9), m(8), m(7), m(6)], 4, false);
  assert.equal(w.missing(4), 0, 'found all it looked for');
  assert.equal(w.missing(6), 2, 'a deeper page: two more, from the last match on');
  w.extend([m(5)], 6, true);
  assert.equal(w.short, true);
  assert.equal(w.bounded, true, 'stopped at its bound with items left');
  assert.equal(w.missing(6), 0, 'what that bound allows is known');
  assert.equal(w.missing(8), 3, 'a deeper page reads further');
  w.extend([], 8, false);
  assert.equal(w.bounded, false);
  assert.equal(w.missing(50), 0, 'the end of the items: every match is known');
  assert.deepEqual(w.matches.map((x) => x.id), [9, 8, 7, 6, 5]);
});

test('kept walks: the same one while the site version stays and it is recent, a new one after', () => {
  const walks = new Walks();
  const a = walks.of('q', 7, 1_000);
  assert.equal(walks.of('q', 7, 20_000), a);
  assert.notEqual(walks.of('q', 8, 20_001), a, 'a publication or withdrawal since');
  const b = walks.of('q', 8, 20_001);
  assert.notEqual(walks.of('q', 8, 60_000), b, 'older than 30 s');
});

test('requests of one query extend its walk one after the other', async () => {
  const w = new Walk(1, 0);
  const order: string[] = [];
  const slow = w.serially(async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push('first');
  });
  const fast = w.serially(async () => order.push('second'));
  const failing = w.serially(async () => {
    throw new Error('x');
  });
  await Promise.all([slow, fast, assert.rejects(failing)]);
  await w.serially(async () => order.push('after a failure'));
  assert.deepEqual(order, ['first', 'second', 'after a failure']);
});

test('relevance positions: the newest matches ranked, with older exact ones; then the rest by date, each match once', () => {
  const w = new Walk(1, 0);
  w.extend(newestFirst(10), 10, false);
  // Ranked: the newest 4 (10, 9, 8, 7) and the older exact ones (5, 2); then 6, 4, 3, 1 by date.
  w.exact = [{ id: 9, date: '2024-02-09' }, { id: 5, date: '2024-02-05' }, { id: 2, date: '2024-02-02' }];
  const page = (offset: number, limit: number) => relevancePositions(w, 4, offset, limit);
  assert.deepEqual(page(0, 3), { ranked: [10, 9, 8, 7, 5, 2], rankedOffset: 0, rankedLimit: 3, dated: [] });
  assert.deepEqual(page(3, 3), { ranked: [10, 9, 8, 7, 5, 2], rankedOffset: 3, rankedLimit: 3, dated: [] });
  assert.deepEqual(page(4, 4), { ranked: [10, 9, 8, 7, 5, 2], rankedOffset: 4, rankedLimit: 2, dated: [6, 4] }, 'across the two');
  assert.deepEqual(page(8, 4), { ranked: [], rankedOffset: 8, rankedLimit: 0, dated: [3, 1] });
  assert.deepEqual(page(12, 4).dated, [], 'past the last match');
  // Every match exactly once over the pages.
  const seen: number[] = [];
  for (let o = 0; o < 12; o += 3) {
    const p = page(o, 3);
    seen.push(...p.ranked.slice(p.rankedOffset, p.rankedOffset + p.rankedLimit), ...p.dated);
  }
  assert.deepEqual([...seen].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  // Without matches, nothing is ranked (the exact ones are not matches the walk found).
  const none = new Walk(1, 0);
  none.exact = [{ id: 3, date: '2024-01-01' }];
  assert.deepEqual(relevancePositions(none, 4, 0, 3), { ranked: [], rankedOffset: 0, rankedLimit: 0, dated: [] });
});
