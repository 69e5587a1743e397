// A crash between commit and rendering loses no letter (issue 19 §4): a real `gongkai serve --demo`
// that renders no letters (GONGKAI_LETTER_JOB_POLL_SECONDS=0, as a process that died before its
// letter worker ran) registers the demo cases through the real commands and is killed with SIGKILL;
// their letters are in the database as frozen text and jobs, without files. The next `serve` renders
// every one of them: its worker drains at start, and a SIGTERM waits for that drain (no waiting for
// time to pass in the test). PGlite and,
// with DATABASE_URL, PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db/database.ts';
import { exited, freePort, onFreshDatabase, startServer } from '../helpers/server-process.ts';

const letterState = async (db: Database) =>
  (
    await db.query<{ letters: number; jobs: number; files: number; unrendered: number }>(
      `select (select count(*)::int from application_letters) as letters,
              (select count(*)::int from letter_jobs) as jobs,
              (select count(*)::int from application_letter_files where format = 'docx') as files,
              (select count(*)::int from application_letters l
                 where not exists (select 1 from application_letter_files f where f.letter_id = l.id and f.format = 'docx')) as unrendered`,
    )
  )[0]!;

async function crashThenRestart(env: Record<string, string>, openDb: () => Promise<Database>) {
  const port = await freePort();
  const serverEnv = { ...env, HOST: '127.0.0.1', PORT: String(port), GONGKAI_COOKIE_SECRET: 'letter-job-secret-0123456789abcdef' };
  // 1. The demo cases (received, corrected, consulted, replied …) committed with their letters' jobs; none rendered.
  const first = await startServer({ ...serverEnv, GONGKAI_LETTER_JOB_POLL_SECONDS: '0' }, /已创建演示依申请公开案件：\d+ 件/);
  first.kill('SIGKILL');
  await exited(first);
  let db = await openDb();
  const before = await letterState(db);
  await db.close();
  assert.ok(before.letters >= 5, `the demo cases issued letters (${before.letters})`);
  assert.equal(before.jobs, before.letters, 'every letter has its job');
  assert.equal(before.files, 0, 'none was rendered before the crash');

  // 2. Restarted: the worker drains at start; SIGTERM waits for the drain under way.
  const second = await startServer(serverEnv, /gongkai 已启动/);
  // An answered request: the SIGTERM handler is in place (a signal before it would kill the process outright).
  assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  second.kill('SIGTERM');
  await exited(second);
  db = await openDb();
  try {
    const afterRestart = await letterState(db);
    assert.deepEqual(afterRestart, { letters: before.letters, jobs: 0, files: before.letters, unrendered: 0 }, `every letter rendered once after the restart; the server said:\n${second.output()}`);
    return before.letters;
  } finally {
    await db.close();
  }
}

test('letters committed by a process killed before rendering are rendered after restart', { timeout: 300_000 }, (t) =>
  onFreshDatabase(t, crashThenRestart, (n) => `${n} letters rendered after restart`),
);
