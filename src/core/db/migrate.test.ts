// Two migrators starting together (two app processes on one PostgreSQL) leave one correct schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

async function schemaOf(db: Database) {
  return db.query<{ table_name: string; n: number }>(
    `select table_name, count(*)::int as n from information_schema.columns where table_schema = 'public' group by table_name order by table_name`,
  );
}

test('concurrent migrators apply each migration exactly once', async () => {
  const serverUrl = process.env.DATABASE_URL;
  let dbs: Database[];
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    // A fresh, empty database and two independent connection pools to it.
    const name = `gongkai_migrate_${randomBytes(5).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    dbs = [await openPostgres(url.toString(), { max: 2 }), await openPostgres(url.toString(), { max: 2 })];
    cleanup = async () => {
      for (const d of dbs) await d.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    };
  } else {
    // PGlite is one process's database: two migrators share its single connection.
    const db = await openPglite(null);
    dbs = [db, db];
    cleanup = () => db.close();
  }
  try {
    const results = await Promise.all(dbs.map((d) => migrate(d)));
    const all = readMigrations().map((m) => m.name);
    assert.deepEqual([...results[0]!, ...results[1]!].sort(), all.sort(), 'each migration applied by exactly one migrator');
    const [count] = await dbs[0]!.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    assert.equal(count!.n, all.length);
    const tables = (await schemaOf(dbs[0]!)).map((r) => r.table_name);
    for (const table of ['organizations', 'users', 'user_roles', 'sessions', 'audit_log', 'audit_heads', 'schema_migrations']) {
      assert.ok(tables.includes(table), `table ${table} exists`);
    }
  } finally {
    await cleanup();
  }
});

test('a migration file changed after it was applied is refused', async () => {
  const db = await openPglite(null);
  try {
    const files = readMigrations();
    await migrate(db, files.slice(0, 1));
    const changed = [{ ...files[0]!, checksum: 'different' }];
    await assert.rejects(migrate(db, changed), /被修改过/);
  } finally {
    await db.close();
  }
});
