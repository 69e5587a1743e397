// The one database interface every module uses: plain parameterised SQL ($1, $2…)
// that runs unchanged on embedded PGlite and on a PostgreSQL server.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with parameters; returns the rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: onMessage gets each notification's payload, in commit order; onListen is
   * called once listening has begun, and again after a lost connection listens anew (notifications
   * in between are lost: the listener must treat that as having missed some). Resolves to unlisten.
   */
  listen(channel: string, onMessage: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Work a transaction's owner leaves for after its commit (it runs before the transaction's caller resumes). */
export type AfterCommit = (db: Queryable) => Promise<void>;
const afterCommits = new WeakMap<Queryable, Map<string, AfterCommit>>();

/**
 * Runs `work` once this transaction has committed, before `db.transaction()` returns to its caller
 * (so before a command's answer is sent); once per key however often it is asked. Nothing runs
 * when the transaction rolls back.
 */
export function afterCommit(tx: Queryable, key: string, work: AfterCommit): void {
  let pending = afterCommits.get(tx);
  if (!pending) afterCommits.set(tx, (pending = new Map()));
  if (!pending.has(key)) pending.set(key, work);
}

/** For the Database implementations: a transaction (begin), then the work left for after its commit. */
export async function transactionThenAfterCommit<T>(db: Queryable, begin: (body: (tx: Queryable) => Promise<T>) => Promise<T>, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  let left: Map<string, AfterCommit> | undefined;
  // Statements sent without waiting: when one fails, those after it fail with "current transaction
  // is aborted" (25P02), and the one awaited first may be such a one. The failure reported is the first.
  let firstFailure: unknown = null;
  const failed = (e: unknown) => Promise.reject((firstFailure ??= e));
  let result: T;
  try {
    result = await begin(async (statements) => {
      const tx: Queryable = {
        ...statements,
        query: <R>(sql: string, params?: readonly unknown[]) => statements.query<R>(sql, params).catch(failed),
        exec: (sql: string) => statements.exec(sql).catch(failed),
      };
      const r = await fn(tx);
      left = afterCommits.get(tx);
      return r;
    });
  } catch (error) {
    throw (error as { code?: string } | null)?.code === '25P02' && firstFailure ? firstFailure : error;
  }
  for (const work of left?.values() ?? []) await work(db);
  return result;
}

/**
 * The transaction `tx` with its `exec` (settings: `set local …`) sent at once but not waited for:
 * the next query goes right behind it (pipelined on PostgreSQL: one round trip for both; on PGlite
 * one after the other, as always) and reports its error, if any.
 */
export function execWithNextQuery(tx: Queryable): Queryable {
  let sent: Promise<void>[] = [];
  return {
    exec(sql) {
      const done = tx.exec(sql);
      done.catch(() => undefined); // reported by the next query (the transaction is aborted), or by the commit
      sent.push(done);
      return Promise.resolve();
    },
    async query<T>(sql: string, params?: readonly unknown[]) {
      const rows = tx.query<T>(sql, params);
      const before = sent;
      sent = [];
      return (await Promise.all([...before, rows])).at(-1) as T[];
    },
  };
}

/** First row or undefined. */
export async function queryOne<T = Row>(db: Queryable, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params);
  return rows[0];
}

// Advisory lock namespaces (first key of pg_advisory_xact_lock(int, int)).
export const LOCK = {
  migrations: 7401,
  sequence: 7403,
  jobs: 7404,
  auditCheckpoint: 7405,
  calendar: 7410,
} as const;

/**
 * Runs fn in a transaction that holds a transaction-level advisory lock, so that
 * several app processes on one PostgreSQL never run the same critical section at once.
 */
export function withAdvisoryLock<T>(
  db: Database,
  namespace: number,
  key: number,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::int, $2::int)', [namespace, key]);
    return fn(tx);
  });
}

/** Like withAdvisoryLock but gives up at once (returns null) when another process holds it. */
export function tryAdvisoryLock<T>(
  db: Database,
  namespace: number,
  key: number,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1::int, $2::int) as ok', [namespace, key]);
    return row?.ok ? fn(tx) : null;
  });
}
