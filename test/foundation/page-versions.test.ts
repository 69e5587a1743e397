// Page versions known under a lease (src/core/http/page-versions.ts): a process that listens answers
// a page's version from memory, and a change that has returned is never answered from that memory —
// not by a process that acknowledged it, nor by one that stalled (the writer waits out its lease).
// On PostgreSQL the reader has its own connections, as a second app process would; on PGlite (one
// process by nature) it shares the database but has a listener and a lease of its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db/database.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { bumpPageVersions, LEASE_MS, pageVersion, stopPageVersionWatch, VersionWatch } from '../../src/core/http/page-versions.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
/** The reader's database: another pool on PostgreSQL, the same instance on PGlite. */
let reader: Database;

before(async () => {
  t = await testDatabase();
  reader = t.url ? await openPostgres(t.url, { max: 2 }) : t.db;
});

after(async () => {
  await stopPageVersionWatch(reader);
  await stopPageVersionWatch(t.db);
  if (reader !== t.db) await reader.close();
  await t.close();
});

const bump = (scope: string) => t.db.transaction((tx) => bumpPageVersions(tx, [scope]));

/** Polls (no fixed sleep) until the watch has its lease and knows the scope, by asking as a request would. */
async function known(db: Database, scope: string): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const v = pageVersion(db, [scope]);
    if (typeof v === 'number') return v;
    await v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${scope} never known from memory`);
}

test('a listening process answers versions from memory, and a change that has returned is never answered from it', async () => {
  const before = await known(reader, 'test:a');
  for (let round = 1; round <= 5; round++) {
    await bump('test:a');
    const now = pageVersion(reader, ['test:a']);
    // Right after the writer's transaction returned: the reader has forgotten the counter and reads it.
    assert.notEqual(typeof now, 'number', `round ${round}: answered from memory after the change returned`);
    assert.equal(await now, before + round);
    assert.equal(await known(reader, 'test:a'), before + round);
  }
  // A scope not bumped stays known through the others' changes.
  const other = await known(reader, 'test:b');
  await bump('test:a');
  assert.equal(pageVersion(reader, ['test:b']), other);
});

test('the lease is renewed while listening works; a stalled process makes the writer wait out its lease, then reads again', async () => {
  // A second watch whose notifications the test can hold back, as a process whose event loop or
  // listening connection stalls would.
  let held: string[] | null = null;
  const stallable: Database = {
    ...reader,
    listen: (channel, onMessage, onListen) => reader.listen(channel, (p) => (held ? held.push(p) : onMessage(p)), onListen),
  };
  const watch = new VersionWatch(stallable);
  await watch.start();
  try {
    const sentAt = () => watch.readGeneration;
    // Known once read under the lease (the watch's own reads go through keep()).
    const ask = async () => {
      const v = watch.versionIfKnown(['test:c']);
      if (v !== null) return v;
      const g = sentAt();
      const [row] = await reader.query<{ n: string | null }>("select n from page_versions where scope = 'test:c'");
      watch.keep(new Map([['test:c', Number(row?.n ?? 0)]]), g);
      return null;
    };
    let v: number | null = null;
    for (let i = 0; i < 400 && v === null; i++) {
      v = await ask();
      if (v === null) await new Promise((r) => setTimeout(r, 10));
    }
    assert.notEqual(v, null, 'the second watch got its lease');
    // Pings renew the lease: past its length, still known.
    await new Promise((r) => setTimeout(r, LEASE_MS + 500));
    assert.equal(watch.versionIfKnown(['test:c']), v, 'still known after a whole lease: renewed');

    held = [];
    const started = performance.now();
    await bump('test:c');
    const waited = performance.now() - started;
    assert.equal(watch.versionIfKnown(['test:c']), null, 'after the change returned, the stalled watch answers nothing from memory');
    assert.ok(waited > 1000, `the writer waited for the stalled watch's lease (${Math.round(waited)} ms)`);
    assert.ok(waited < LEASE_MS + 1000, `and no longer than a lease (${Math.round(waited)} ms)`);
  } finally {
    await watch.stop();
  }
  // Stopped (the app closing): its row goes, so that writers do not wait for its lease to run out.
  const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from page_cache_peers where id = $1', [watch.id]);
  assert.equal(row!.n, 0);
});
