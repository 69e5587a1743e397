import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { Queryable } from '../db/database.ts';
import { PageCache } from './page-cache.ts';
import { addPageRewrite } from './page-frame.ts';

/** A database whose counter of scope `s` is whatever the test says; it counts the reads. */
function fakeDb() {
  const state = { version: 0, reads: 0 };
  const db: Queryable = {
    async query<T>() {
      state.reads++;
      return [{ scope: 's', n: state.version }] as T[];
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

test('concurrent requests share a version read, but never one that started before they arrived', async () => {
  // A database whose reads wait until the test lets them answer, with the counters as of the read's start.
  const counters = new Map([['a', 1], ['b', 10]]);
  const reads: { scopes: string[]; answer: () => void }[] = [];
  const db: Queryable = {
    query<T>(_sql: string, params?: unknown[]) {
      const scopes = (params![0] as string[]).slice().sort();
      const seen = scopes.filter((s) => counters.has(s)).map((s) => ({ scope: s, n: counters.get(s)! }));
      return new Promise<T[]>((resolve) => reads.push({ scopes, answer: () => resolve(seen as T[]) }));
    },
    async exec() {},
  };
  const cache = new PageCache<null>({ maxBytes: 1e6, maxAgeMs: 60_000 });
  const render = (scopes: string[]) => async () => ({ html: 'x', scopes, data: null });
  // A read starts after the event loop's turn (setImmediate): two turns let it start.
  const tick = () => new Promise((r) => setImmediate(() => setImmediate(r)));
  const first = cache.page(db, 'one', async () => ['a'], render(['a']));
  await tick();
  assert.deepEqual(reads.map((r) => r.scopes), [['a']], 'a lone request reads without waiting for others');
  // Committed after that read started: requests arriving now must not take its answer.
  counters.set('a', 2);
  const second = cache.page(db, 'one', async () => ['a'], render(['a']));
  const third = cache.page(db, 'two', async () => ['a', 'b'], render(['a', 'b']));
  await tick();
  assert.equal(reads.length, 1, 'the next read waits for the one under way');
  reads[0]!.answer();
  assert.equal((await first).version, 1);
  await tick();
  assert.deepEqual(reads.map((r) => r.scopes), [['a'], ['a', 'b']], 'one read for both waiting requests');
  reads[1]!.answer();
  assert.equal((await second).version, 2);
  assert.equal((await third).version, 12);
});

test('a cached page is rewritten once per variant and address, kept encoded and counted in the bound; the fill is per request', async () => {
  const { db } = fakeDb();
  const cache = new PageCache<null>({ maxBytes: 1e6, maxAgeMs: 60_000 });
  const app = Fastify();
  let rewrites = 0;
  await app.register(async (surface) => {
    addPageRewrite(surface, (request, text) => {
      rewrites++;
      return text.replace('<!--where-->', request.url).replace('简体', request.headers.cookie === 'hant' ? '繁體' : '简体');
    });
    let views = 0;
    surface.get('/p', async (request, reply) => {
      const cached = await cache.page(db, 'p', async () => ['s'], page('<p>简体 <!--where--> 浏览<!--views-->次</p>'));
      return cache.send(request, reply, cached, String(request.headers.cookie ?? 'hans'), { fill: ['<!--views-->', String(++views)] });
    });
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  const first = await get('/p');
  assert.equal(first.body, '<p>简体 /p 浏览1次</p>');
  assert.equal(first.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal((await get('/p')).body, '<p>简体 /p 浏览2次</p>');
  assert.equal(rewrites, 1, 'the second answer is the kept frame with its own figure');
  assert.equal((await get('/p?from=home')).body, '<p>简体 /p?from=home 浏览3次</p>');
  assert.equal((await get('/p', { cookie: 'hant' })).body, '<p>繁體 /p 浏览4次</p>');
  assert.equal(rewrites, 3);
  const hant = await get('/p', { cookie: 'hant' });
  assert.equal(rewrites, 3);
  assert.equal((await get('/p', { cookie: 'hant', 'if-none-match': String(hant.headers.etag) })).statusCode, 304);
  assert.notEqual(hant.headers.etag, first.headers.etag, 'the variant is in the entity tag');
  await app.close();
});

test('frames count in the memory bound: past it the page itself goes', async () => {
  const { db } = fakeDb();
  const html = 'a'.repeat(100);
  const cache = new PageCache<null>({ maxBytes: 2 * 100 + 3 * 100, maxAgeMs: 60_000 }); // the page and three frames of it
  const app = Fastify();
  await app.register(async (surface) => {
    surface.get('/p', async (request, reply) => cache.send(request, reply, await cache.page(db, 'p', async () => ['s'], page(html)), 'v'));
  });
  for (const url of ['/p?1', '/p?2', '/p?3']) assert.equal((await app.inject({ url })).body, html);
  assert.equal(cache.size, 1);
  await app.inject({ url: '/p?4' });
  assert.equal(cache.size, 0, 'a fourth frame passes the bound');
  await app.close();
});
