// A freshly migrated database for each test file, on the backend CI asks for:
// PGlite by default, the PostgreSQL server in DATABASE_URL when set.
// Migrating takes seconds, so both backends migrate a template once and clone it.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Database } from '../../src/core/db/database.ts';
import { migrate, readMigrations } from '../../src/core/db/migrate.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { seedCalendar } from '../../src/calendar/seed.ts';
import { useAuditKey } from '../../src/core/audit/key.ts';
import { checkAuditSeal } from '../../src/core/audit/start.ts';

/**
 * The audit key of the tests: this process signs with it, and the `gongkai` processes that tests
 * start inherit it, so a template sealed once verifies everywhere (tests of the key itself unset it).
 */
export const TEST_AUDIT_KEY = 'gongkai-test-audit-key-not-a-secret-0123456789';
process.env.GONGKAI_AUDIT_KEY ??= TEST_AUDIT_KEY;
useAuditKey(Buffer.from(process.env.GONGKAI_AUDIT_KEY));

export interface TestDatabase {
  db: Database;
  /** Connection URL of this test's own database (PostgreSQL only), e.g. for a child process. */
  url: string | null;
  close(): Promise<void>;
}

// The template holds the migrated schema, the shipped working-day calendar and the audit log's first
// checkpoint, as a first start leaves them.
const calendarData = readFileSync(new URL('../../src/calendar/data/cn-holidays.json', import.meta.url));
const migrationsKey = createHash('sha256')
  .update(readMigrations().map((m) => m.checksum).join())
  .update(calendarData)
  .digest('hex')
  .slice(0, 12);

async function pgliteTemplate(): Promise<Blob> {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'gongkai-test');
  const file = join(dir, `template-${migrationsKey}.tar`);
  if (!existsSync(file)) {
    const db = await openPglite(null);
    await migrate(db);
    await seedCalendar(db);
    await checkAuditSeal(db);
    const blob = await db.dumpDataDir();
    await db.close();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file); // atomic: parallel test files never read half a template
  }
  return new Blob([readFileSync(file)]);
}

async function postgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = `gongkai_tpl_${migrationsKey}`;
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  try {
    // CREATE DATABASE cannot run in a transaction: hold a session-level lock instead.
    const conn = await admin.reserve();
    await conn`select pg_advisory_lock(7499)`;
    try {
      const [exists] = await conn`select 1 from pg_database where datname = ${template}`;
      if (!exists) {
        await conn.unsafe(`create database ${template}`);
        const tdb = await openPostgres(withDatabase(serverUrl, template), { max: 1 });
        await migrate(tdb);
        await seedCalendar(tdb);
        await checkAuditSeal(tdb);
        await tdb.close();
      }
      await conn.unsafe(`create database ${name} template ${template}`);
    } finally {
      await conn`select pg_advisory_unlock(7499)`;
      conn.release();
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = await openPostgres(url, { max: 4 });
  return {
    db,
    url,
    async close() {
      await db.close();
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function testDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return postgresDatabase(serverUrl);
  const db = await openPglite(null, { loadDataDir: await pgliteTemplate() });
  return { db, url: null, close: () => db.close() };
}
