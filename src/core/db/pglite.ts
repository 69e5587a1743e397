// Embedded PostgreSQL (PGlite, WASM) in a data folder: nothing to install.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { transactionThenAfterCommit, type Database, type Queryable } from './database.ts';
import { OID, parseDate, parseInt8, parseNumeric } from './types.ts';

const parsers = { [OID.int8]: parseInt8, [OID.date]: parseDate, [OID.numeric]: parseNumeric };

function wrap(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await pg.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

export interface PgliteDatabase extends Database {
  /** A tarball of the data folder: tests migrate once and clone it per test file. */
  dumpDataDir(): Promise<Blob>;
}

/** Opens (creating if needed) a PGlite database; `dataDir` null = in memory. */
export async function openPglite(dataDir: string | null, options: { loadDataDir?: Blob } = {}): Promise<PgliteDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    parsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => transactionThenAfterCommit(base, (body) => pg.transaction((tx) => body(wrap(tx))), fn),
    // One instance, one session: notifications arrive before the statement that committed them returns.
    async listen(channel, onMessage, onListen) {
      const unlisten = await pg.listen(channel, onMessage);
      onListen();
      return () => unlisten();
    },
    close: () => pg.close(),
    dumpDataDir: async () => (await pg.dumpDataDir('none')) as Blob,
  };
}
