// A PostgreSQL server through postgres.js (DATABASE_URL). Several app processes may share it.
import postgres from 'postgres';
import { transactionThenAfterCommit, type Database, type Queryable } from './database.ts';
import { OID, parseDate, parseInt8, parseNumeric } from './types.ts';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      // Prepared (a named statement per connection, as postgres.js does for its own tagged queries):
      // unprepared, a query with parameters costs two round trips, one to learn the parameters' types
      // and one to run it; prepared, one after its first use on a connection (issue 19's profile).
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: params.length > 0 });
      return rows as unknown as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text).simple(); // simple protocol: several statements in one call
    },
  };
}

/**
 * A transaction on a connection of its own, whose BEGIN is sent with its first statement:
 * postgres.js's sql.begin waits for BEGIN's answer before the first statement, a round trip per
 * transaction that tells nothing (BEGIN fails only with its connection, and then so does every
 * statement after it). As sql.begin: COMMIT when the body returns, ROLLBACK when it throws.
 */
async function inTransaction<T>(sql: postgres.Sql, body: (tx: Queryable) => Promise<T>): Promise<T> {
  const connection = await sql.reserve();
  try {
    const begun = connection.unsafe('begin').execute();
    begun.catch(() => undefined); // awaited before COMMIT; a body that failed first reports its own error
    let result: T;
    try {
      result = await body(wrap(connection));
      await begun;
      await connection.unsafe('commit');
    } catch (error) {
      await connection.unsafe('rollback').catch(() => undefined);
      throw error;
    }
    return result;
  } finally {
    connection.release();
  }
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    types: {
      int8: { to: OID.int8, from: [OID.int8], serialize: (x: number) => String(x), parse: parseInt8 },
      date: { to: OID.date, from: [OID.date], serialize: (x: string) => x, parse: parseDate },
      numeric: { to: OID.numeric, from: [OID.numeric], serialize: (x: number) => String(x), parse: parseNumeric },
    },
  });
  await sql`select 1`; // fail early with a clear error when the server is unreachable
  const base = wrap(sql);
  return {
    kind: 'postgres',
    ...base,
    transaction: (fn) => transactionThenAfterCommit(base, (body) => inTransaction(sql, body), fn),
    // postgres.js listens on a connection of its own and, when it is lost, reconnects and calls onListen again.
    async listen(channel, onMessage, onListen) {
      const { unlisten } = await sql.listen(channel, onMessage, onListen);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
