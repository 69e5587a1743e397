// The database a bench runs on: PGlite in memory, or a fresh database of its own on the PostgreSQL
// server in DATABASE_URL, dropped afterwards (never the server's own data).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Database } from '../src/core/db/database.ts';
import { openPglite } from '../src/core/db/pglite.ts';
import { openPostgres } from '../src/core/db/postgres.ts';

export async function openBenchDatabase(name: string): Promise<{ db: Database; where: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL || null;
  if (!serverUrl) {
    const db = await openPglite(null);
    return { db, where: 'PGlite（内存）', drop: () => db.close() };
  }
  const database = `gongkai_bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  return {
    db,
    where: `PostgreSQL（${url.host}）`,
    drop: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.end();
    },
  };
}
