// Counters for @fastify/rate-limit. The global flood guard counts in this process's memory (the
// library's own LocalStore: cheap, and a per-process limit is what a flood guard needs). Routes
// whose rateLimit config says `shared: true` — the public 依申请公开 form and progress look-ups —
// count in the database, so that several app processes behind a proxy enforce one limit per
// client address. Keys are hashed: no address is stored.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Queryable } from '../db/database.ts';

type Hits = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Hits) => void;
interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(params: unknown): Store;
}
interface RouteLimit {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  shared?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

// The package has no typed entry for its store; it is a plain CommonJS constructor.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (continueExceeding?: boolean, exponentialBackoff?: boolean) => Store;

/** Expired counters are deleted at most this often per process. */
const SWEEP_EVERY_MS = 60_000;
/** Expired counters deleted by one sweep at most. */
const SWEEP_ROWS = 10_000;

/** One hit on a shared counter: a new window when the last one has ended. */
async function countHit(db: Queryable, key: string, windowMs: number): Promise<Hits> {
  const [r] = await db.query<{ hits: number; ttl_ms: number }>(
    `insert into rate_limit_counters (key, window_ends, hits) values ($1, now() + $2 * interval '1 millisecond', 1)
     on conflict (key) do update set
       hits = case when rate_limit_counters.window_ends <= now() then 1 else rate_limit_counters.hits + 1 end,
       window_ends = case when rate_limit_counters.window_ends <= now() then excluded.window_ends else rate_limit_counters.window_ends end
     returning hits, greatest(0, extract(epoch from (window_ends - now())) * 1000)::float8 as ttl_ms`,
    [key, windowMs],
  );
  return { current: r!.hits, ttl: Math.ceil(r!.ttl_ms) };
}

/** The store class @fastify/rate-limit instantiates (`store:` option), bound to the database. */
export function rateLimitStore(db: Queryable) {
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    // A failed sweep is retried at the next one; the counters stay correct meanwhile. Bounded: after a
    // flood of addresses one sweep never deletes millions of rows behind a request; the next ones go on.
    db.query(
      `delete from rate_limit_counters where key in
         (select key from rate_limit_counters where window_ends < now() order by window_ends limit ${SWEEP_ROWS} for update skip locked)`,
    ).catch(() => undefined);
  };

  return class RateLimitStore implements Store {
    /** The in-memory counters, or null when this route counts in the database. */
    private readonly local: Store | null;
    private readonly route: string;

    // The library passes the merged rateLimit params of the route (typed there as route options).
    constructor(params: unknown) {
      const options = params as RouteLimit;
      const r = options.routeInfo ?? {};
      this.route = `${[r.method ?? ''].flat().join(',')} ${r.url ?? ''}`;
      this.local = options.shared ? null : new LocalStore(options.continueExceeding, options.exponentialBackoff);
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      if (this.local) return this.local.incr(key, cb, timeWindow, max);
      sweep();
      const hashed = createHash('sha256').update(`${this.route}\0${key}`).digest('base64url');
      countHit(db, hashed, timeWindow).then((hits) => cb(null, hits), (err: Error) => cb(err));
    }

    /** A route with its own rateLimit config gets its own counters (the library calls this per route). */
    child(params: unknown): Store {
      return new RateLimitStore(params);
    }
  };
}
