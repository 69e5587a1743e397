import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Queryable } from '../db/database.ts';
import { PageCache } from './page-cache.ts';

/** A database whose page version is whatever the test says; it counts the reads. */
function fakeDb() {
  const state = { version: 0, reads: 0 };
  const db: Queryable = {
    async query<T>() {
      state.reads++;
      return [{ v: state.version }] as T[];
    },
    async exec() {},
  };
  return { db, state };
}

const page = (html: string) => async () => ({ html, scopes: ['s'], data: null });

test('a page is rendered once per version; the version is read on every request', async () => {
  const { db, state } = fakeDb();
  const cache = new PageCache<null>({ maxBytes: 1e6, maxAgeMs: 60_000 });
  let renders = 0;
  const render = async () => ({ html: `v${state.version}`, scopes: ['s'], data: null, n: ++renders });
  assert.equal((await cache.page(db, 'k', async () => ['s'], render)).html, 'v0');
  assert.equal((await cache.page(db, 'k', async () => ['s'], render)).html, 'v0');
  assert.equal(renders, 1);
  assert.equal(state.reads, 2);
  state.version = 1;
  const after = await cache.page(db, 'k', async () => ['s'], render);
  assert.equal(after.html, 'v1');
  assert.equal(renders, 2);
});

test('concurrent misses render once; a failed render (404) keeps nothing', async () => {
  const { db } = fakeDb();
  const cache = new PageCache<null>({ maxBytes: 1e6, maxAgeMs: 60_000 });
  let renders = 0;
  const slow = async () => {
    renders++;
    await Promise.resolve();
    return { html: 'x', scopes: ['s'], data: null };
  };
  await Promise.all(Array.from({ length: 5 }, () => cache.page(db, 'k', async () => ['s'], slow)));
  assert.equal(renders, 1);
  await assert.rejects(cache.page(db, 'gone', async () => ['s'], async () => Promise.reject(new Error('404'))));
  assert.equal(cache.size, 1);
});

test('memory is bounded: the least recently used pages go first', async () => {
  const { db } = fakeDb();
  const cache = new PageCache<null>({ maxBytes: 2 * 2 * 100, maxAgeMs: 60_000 }); // two pages of 100 characters
  const html = 'a'.repeat(100);
  await cache.page(db, 'one', async () => ['s'], page(html));
  await cache.page(db, 'two', async () => ['s'], page(html));
  await cache.page(db, 'one', async () => ['s'], page(html)); // used again: 'two' is now the oldest
  await cache.page(db, 'three', async () => ['s'], page(html));
  assert.equal(cache.size, 2);
  let rendered = false;
  await cache.page(db, 'one', async () => ['s'], async () => ((rendered = true), { html, scopes: ['s'], data: null }));
  assert.equal(rendered, false, '“one” was kept');
  await cache.page(db, 'two', async () => ['s'], async () => ((rendered = true), { html, scopes: ['s'], data: null }));
  assert.equal(rendered, true, '“two” was dropped');
});
