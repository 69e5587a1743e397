// A withdrawn item is gone from another app process at once (issue 19 §2). A `gongkai serve` process
// answers item pages from its page cache and knows their versions under a lease, without reading
// them per request (src/core/http/page-versions.ts); this test's process publishes and withdraws, and
// the server's first answer after the withdrawal has returned is 404, round after round.
// PostgreSQL only: PGlite is one process (test/catalogue/page-cache.test.ts covers two instances on it).
// Over HTTP the notification usually reaches the server before the next request does; the protocol's
// own race (a writer that would not wait for the acknowledgement) is caught by
// test/foundation/page-versions.test.ts, which asks the other watch the moment the change returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInChina } from '../../src/core/date.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem, withdrawItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { exited, freePort, onFreshDatabase, startServer } from '../helpers/server-process.ts';

const ROUNDS = 12;

test('a withdrawal in one process: the other process never answers the item from its cache again', { skip: !process.env.DATABASE_URL && 'PGlite is one process' }, async (t) => {
  await onFreshDatabase(
    t,
    async (env, openDb) => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = await startServer({ ...env, HOST: '127.0.0.1', PORT: String(port), GONGKAI_COOKIE_SECRET: 'page-cache-test-secret-0123456789ab', GONGKAI_DEMO_CASES: '0' });
      const db = await openDb();
      try {
        const org = (await findOrgByCode(db, 'QS-LY'))!;
        await ensureCatalogue(db, org.id);
        const column = (await listColumns(db, org.id)).find((c) => c.name === '通知公告')!;
        const status = async (id: number) => (await fetch(`${base}/items/${id}`)).status;
        let servedFromMemory = 0;
        for (let round = 1; round <= ROUNDS; round++) {
          const { id } = await importPublishedItem(db, cliContext(), org.id, { content: { columnId: column.id, title: `第${round}轮撤回测试通知`, body: '正文。' }, publishedDate: todayInChina() });
          assert.equal(await status(id), 200);
          // Read until the server holds the page and answers its version from what it knows (its lease):
          // its peer row is live and has acknowledged every fence so far.
          for (let i = 0; i < 5; i++) assert.equal(await status(id), 200);
          const [peer] = await db.query<{ live: number }>('select count(*)::int as live from page_cache_peers where lease_until > clock_timestamp()');
          if (peer!.live > 0) servedFromMemory++;
          await withdrawItem(db, cliContext(), id, { reason: '测试撤回' });
          assert.equal(await status(id), 404, `round ${round}: served after the withdrawal had returned`);
        }
        // Not a vacuous pass: the server was answering from what it knew, not reading every version.
        assert.ok(servedFromMemory >= ROUNDS / 2, `the server held a lease in ${servedFromMemory} of ${ROUNDS} rounds`);
        return servedFromMemory;
      } finally {
        await db.close();
        server.kill('SIGTERM');
        await exited(server);
      }
    },
    (rounds) => `${ROUNDS} withdrawals, ${rounds} of them while the server held a lease`,
  );
});
