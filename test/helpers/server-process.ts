// A real `gongkai serve --demo` process for the crash tests (SIGKILL mid-stream, a restart), on the
// backend the suite runs on: a database of its own on the PostgreSQL of DATABASE_URL, else a PGlite
// data folder of its own.
import type { TestContext } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import type { Database } from '../../src/core/db/database.ts';
import { BIN } from './cli.ts';
import { testDatabase } from './db.ts';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

export type ServerProcess = ChildProcess & { output: () => string };

/** Starts `serve --demo` and resolves once stdout has printed `until` (by default: started). */
export function startServer(env: Record<string, string>, until = /gongkai 已启动/): Promise<ServerProcess> {
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

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * Runs `scenario` with the environment that points a server at a fresh database of the suite's
 * backend and a way to open that database from the test, then removes the database.
 */
export async function onFreshDatabase<T>(
  t: TestContext,
  scenario: (env: Record<string, string>, openDb: () => Promise<Database>) => Promise<T>,
  describe: (result: T) => string,
): Promise<void> {
  if (process.env.DATABASE_URL) {
    const tdb = await testDatabase();
    await tdb.db.close();
    try {
      t.diagnostic(`PostgreSQL: ${describe(await scenario({ DATABASE_URL: tdb.url! }, () => openPostgres(tdb.url!, { max: 1 })))}`);
    } finally {
      // drop the database (testDatabase's own close needs the connection closed above)
      const { default: postgres } = await import('postgres');
      const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${new URL(tdb.url!).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-server-'));
  try {
    t.diagnostic(`PGlite: ${describe(await scenario({ GONGKAI_DATA_DIR: dir, DATABASE_URL: '' }, () => openPglite(dir)))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
