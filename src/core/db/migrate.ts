// One ordered set of SQL migrations (migrations/NNNN_name.sql) for PGlite and PostgreSQL alike.
// The whole run holds an advisory lock, so processes starting together cannot apply a file twice.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCK, withAdvisoryLock, type Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(dir + f, 'utf8');
      return {
        version: f.slice(0, 4),
        name: f.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Applies the migrations not yet applied; returns the names applied now. */
export async function migrate(db: Database, files = readMigrations()): Promise<string[]> {
  // Fast path without a lock or a write (a commit costs PGlite half a second): the usual start, and
  // every CLI command, finds each file applied unchanged. Anything else takes the locked path below.
  if (await allApplied(db, files)) return [];
  return withAdvisoryLock(db, LOCK.migrations, 0, async (tx) => {
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now())`);
    const applied = new Map(
      (await tx.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations')).map((r) => [
        r.version,
        r.checksum,
      ]),
    );
    const done: string[] = [];
    for (const m of files) {
      const known = applied.get(m.version);
      if (known !== undefined) {
        if (known !== m.checksum) throw new Error(`迁移文件 ${m.name} 在应用后被修改过（校验和不一致）`);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
      done.push(m.name);
    }
    return done;
  });
}

/** Whether every file is applied with its checksum (false when the table does not exist yet). */
async function allApplied(db: Database, files: MigrationFile[]): Promise<boolean> {
  let rows: { version: string; checksum: string }[];
  try {
    rows = await db.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations');
  } catch {
    return false;
  }
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  return files.every((m) => applied.get(m.version) === m.checksum);
}
