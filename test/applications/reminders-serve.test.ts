// `gongkai serve` runs the reminder job on its schedule and stops it on shutdown: with two processes
// on one PostgreSQL the job runs in one of them; on PGlite a restart does not run it again before
// its interval. GONGKAI_REMINDER_INTERVAL_MINUTES=0 turns it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInChina } from '../../src/core/date.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/database.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { BIN } from '../helpers/cli.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

interface Served {
  child: ChildProcess;
  output: () => string;
}

function serve(env: Record<string, string>): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, LOG_LEVEL: 'info', ...env, PORT: env.PORT! } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('gongkai 已启动')) resolve({ child, output: () => out });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.removeAllListeners('exit');
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

const ran = (s: Served) => s.output().includes('job application-reminders ran');

async function until(ok: () => boolean, ms = 30_000) {
  for (const start = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - start > ms) throw new Error('timed out');
  }
}

async function jobState(db: Database) {
  const [job] = await db.query<{ runs: number }>(`select runs from job_runs where name = 'application-reminders'`);
  const runs = await db.query<{ on_date: string }>('select on_date from reminder_runs');
  return { jobRuns: job?.runs ?? 0, reminderRuns: runs.map((r) => r.on_date) };
}

test('the reminder interval: minutes from the environment, 0 turns the job off, nonsense keeps the default', () => {
  assert.equal(loadConfig({}).reminderIntervalMinutes, 60);
  assert.equal(loadConfig({ GONGKAI_REMINDER_INTERVAL_MINUTES: '0' }).reminderIntervalMinutes, 0);
  assert.equal(loadConfig({ GONGKAI_REMINDER_INTERVAL_MINUTES: '15' }).reminderIntervalMinutes, 15);
  assert.equal(loadConfig({ GONGKAI_REMINDER_INTERVAL_MINUTES: 'soon' }).reminderIntervalMinutes, 60);
  assert.equal(loadConfig({ GONGKAI_REMINDER_INTERVAL_MINUTES: '' }).reminderIntervalMinutes, 60);
  assert.deepEqual([loadConfig({}).smtpUrl, loadConfig({}).mailFrom], [null, null]);
});

test('serve runs the reminder job once across processes and restarts, and stops it on shutdown', async () => {
  const serverUrl = process.env.DATABASE_URL;
  const today = todayInChina();
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `gongkai_remind_serve_${process.pid}`;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), GONGKAI_REMINDER_INTERVAL_MINUTES: '60' };
    const procs = await Promise.all([serve({ ...env, PORT: String(await freePort()) }), serve({ ...env, PORT: String(await freePort()) })]);
    try {
      await until(() => procs.some(ran));
      await new Promise((r) => setTimeout(r, 2500)); // both processes have ticked by now
      assert.equal(procs.filter(ran).length, 1, 'one process ran the job');
      const db = await openPostgres(url.toString(), { max: 1 });
      assert.deepEqual(await jobState(db), { jobRuns: 1, reminderRuns: [today] });
      await db.close();
    } finally {
      for (const p of procs) assert.equal(await stop(p.child), 0, 'a clean shutdown');
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-remind-serve-'));
    const env = { DATABASE_URL: '', GONGKAI_DATA_DIR: dir };
    try {
      const first = await serve({ ...env, PORT: String(await freePort()) });
      await until(() => ran(first));
      assert.equal(await stop(first.child), 0, 'a clean shutdown');
      // A restart within the interval does not run it again; with 0 it is not started at all.
      const second = await serve({ ...env, PORT: String(await freePort()) });
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(ran(second), false);
      assert.equal(await stop(second.child), 0);
      const db = await openPglite(dir);
      assert.deepEqual(await jobState(db), { jobRuns: 1, reminderRuns: [today] });
      await db.query(`update job_runs set last_run_at = now() - interval '2 hours'`);
      await db.close();
      const off = await serve({ ...env, PORT: String(await freePort()), GONGKAI_REMINDER_INTERVAL_MINUTES: '0' });
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(ran(off), false, 'interval 0: no job');
      assert.equal(await stop(off.child), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
