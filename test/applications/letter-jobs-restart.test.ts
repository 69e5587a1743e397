// A crash between commit and rendering loses no letter (issue 19 §4): a real `gongkai serve --demo`
// that renders no letters (GONGKAI_LETTER_JOB_POLL_SECONDS=0, as a process that died before its
// letter worker ran) registers the demo cases through the real commands and is killed with SIGKILL;
// their letters are in the database as frozen text and jobs, without files. The next `serve` renders
// every one of them: its worker drains at start, and a SIGTERM waits for that drain (no waiting for
// time to pass in the test). PGlite and,
// with DATABASE_URL, PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import type { Database } from '../../src/core/db/database.ts';
import { BIN } from '../helpers/cli.ts';
import { testDatabase } from '../helpers/db.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Starts `serve --demo` and resolves once stdout has printed `until`. */
function startServer(env: Record<string, string>, until: RegExp): Promise<ChildProcess & { output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], { env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not get to ${until}:\n${out}`)), 120_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (until.test(out)) {
        clearTimeout(timer);
        resolve(Object.assign(child, { output: () => out }));
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

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

test('letters committed by a process killed before rendering are rendered after restart', { timeout: 300_000 }, async (t) => {
  if (process.env.DATABASE_URL) {
    const tdb = await testDatabase();
    await tdb.db.close();
    try {
      const n = await crashThenRestart({ DATABASE_URL: tdb.url! }, () => openPostgres(tdb.url!, { max: 1 }));
      t.diagnostic(`PostgreSQL: ${n} letters rendered after restart`);
    } finally {
      const { default: postgres } = await import('postgres');
      const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${new URL(tdb.url!).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-letter-jobs-'));
    try {
      const n = await crashThenRestart({ GONGKAI_DATA_DIR: dir, DATABASE_URL: '' }, () => openPglite(dir));
      t.diagnostic(`PGlite: ${n} letters rendered after restart`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
