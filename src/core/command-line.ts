// Opens the configured database for one CLI command, migrated, and closes it afterwards.
import { loadConfig } from '../core/config.ts';
import type { Database } from '../core/db/database.ts';
import { migrate } from '../core/db/migrate.ts';
import { openDatabase } from '../core/db/open.ts';

export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Prints a clerk-readable error and sets the exit code instead of a stack trace. */
export async function runCommand(fn: () => Promise<void>, exitCode = 1): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const e = err as Error & { issues?: { path: PropertyKey[]; message: string }[] };
    const message = e.issues ? e.issues.map((i) => `${i.path.join('.') || '输入'}：${i.message}`).join('；') : e.message;
    process.stderr.write(`错误：${message}\n`);
    process.exitCode = exitCode;
  }
}
