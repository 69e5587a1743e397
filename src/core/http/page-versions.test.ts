// The watch's bookkeeping against a database that only records what it is asked (the protocol over
// a real database, across two pools and with a stalled listener: test/foundation/page-versions.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import { VersionWatch } from './page-versions.ts';

function fakeDb(answer: (sql: string) => unknown[] = () => [{}]) {
  const sent: { sql: string; params: readonly unknown[] }[] = [];
  let deliver: (payload: string) => void = () => undefined;
  const db = {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      sent.push({ sql, params });
      return answer(sql) as T[];
    },
    async exec() {},
    transaction: () => Promise.reject(new Error('not here')),
    async listen(_channel: string, onMessage: (p: string) => void, onListen: () => void) {
      deliver = onMessage;
      onListen();
      return async () => undefined;
    },
    close: async () => undefined,
  } satisfies Database;
  return { db, sent, deliver: (p: string) => deliver(p) };
}

async function registered(db: Database): Promise<VersionWatch> {
  const watch = new VersionWatch(db);
  await watch.start();
  await new Promise((r) => setImmediate(r)); // the registration's statements
  return watch;
}

test('a read that a notification overtook is used for its request only, never kept', async () => {
  const { db, deliver } = fakeDb();
  const watch = await registered(db);
  try {
    const kept = watch.readGeneration;
    watch.keep(new Map([['item:1', 4]]), kept);
    assert.equal(watch.versionIfKnown(['item:1']), 4);

    const overtaken = watch.readGeneration;
    deliver('s item:1 item:2');
    assert.equal(watch.versionIfKnown(['item:1']), null, 'a notified scope is forgotten');
    watch.keep(new Map([['item:1', 4]]), overtaken);
    assert.equal(watch.versionIfKnown(['item:1']), null, 'the read sent before the notification is not kept');

    watch.keep(new Map([['item:1', 5], ['item:3', 1]]), watch.readGeneration);
    deliver('*');
    assert.equal(watch.versionIfKnown(['item:3']), null, '"*" (too many scopes to list) forgets everything');
  } finally {
    await watch.stop();
  }
});

test('fences are acknowledged after the notifications before them; a lost lease registers anew and forgets', async () => {
  let renewed = true;
  const { db, sent, deliver } = fakeDb((sql) => (sql.startsWith('update page_cache_peers set lease_until') && !renewed ? [] : [{}]));
  const watch = await registered(db);
  try {
    deliver('f 7');
    deliver('f 9');
    await new Promise((r) => setImmediate(r));
    const acks = sent.filter((s) => s.sql.includes('set acked')).map((s) => s.params[1]);
    assert.equal(acks.at(-1), 9, 'the latest fence acknowledged');

    watch.keep(new Map([['org:1', 2]]), watch.readGeneration);
    renewed = false; // the database says the lease ran out before this renewal
    const ping = /** the watch's own ping coming back */ () => {
      const p = [...sent].reverse().find((s) => String(s.params[0] ?? '').startsWith('p '));
      deliver(String(p!.params[0]));
    };
    await (watch as unknown as { ping(): Promise<void> }).ping();
    const registrations = sent.filter((s) => s.sql.includes('insert into page_cache_peers')).length;
    ping();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.equal(sent.filter((s) => s.sql.includes('insert into page_cache_peers')).length, registrations + 1, 'registered again');
    assert.equal(watch.versionIfKnown(['org:1']), null, 'what it knew before is gone');
  } finally {
    await watch.stop();
  }
});
