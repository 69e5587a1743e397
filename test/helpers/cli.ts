// Runs the real `gongkai` command (bin/gongkai.mjs) as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Database } from '../../src/core/db/database.ts';
import { migrate } from '../../src/core/db/migrate.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { testDatabase } from './db.ts';

export const BIN = fileURLToPath(new URL('../../bin/gongkai.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * A database for `gongkai` child processes: a PGlite data folder (created by the first command) or,
 * with DATABASE_URL, a freshly migrated database of the test's own on that server.
 */
export interface CliDatabase {
  /** The environment that points the CLI at this database. */
  env: Record<string, string | undefined>;
  /** A temporary folder for the test's own files (PGlite keeps its data in `data/` inside it). */
  dir: string;
  /** Opens the same database in the test process, migrated; close it before the CLI runs (PGlite is one process's). */
  open(): Promise<Database>;
  /** Drops the database and removes the folder. */
  drop(): Promise<void>;
}

export async function cliDatabase(prefix = 'gongkai-cli-'): Promise<CliDatabase> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pg = process.env.DATABASE_URL ? await testDatabase() : null;
  await pg?.db.close(); // the CLI processes connect themselves
  const dataDir = join(dir, 'data');
  return {
    env: pg ? { DATABASE_URL: pg.url! } : { DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir },
    dir,
    async open() {
      const db = pg ? await openPostgres(pg.url!, { max: 1 }) : await openPglite(dataDir);
      await migrate(db);
      return db;
    },
    async drop() {
      if (pg) {
        const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists ${new URL(pg.url!).pathname.slice(1)} with (force)`);
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
