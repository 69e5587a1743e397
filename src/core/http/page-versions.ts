// The versions of what public pages show (issue 19 §2), and how an app process knows them without
// asking the database on every request.
//
// Versions live in the database, not in a process, because several app processes serve one
// PostgreSQL: a command bumps the scopes it changes (bumpPageVersions) in its own transaction. The
// guarantee a withdrawn item needs: once that command has returned (its answer sent), no process
// answers a page from before the change. Reading the counters on every request gives it, at the
// price of a statement per request (shared by the requests that arrive together: SharedReads).
//
// A process that listens does better (VersionWatch): it keeps the counters it has read and serves
// from them while it holds a lease, and the writers wait for it:
// - the bump notifies the scopes it changed, at commit, on the listeners' channel;
// - after its commit, the command sends a fence and waits until every process whose lease runs has
//   acknowledged it. A process acknowledges a fence after it has handled the notifications before
//   it (they arrive in commit order), so by then it has forgotten the changed counters;
// - a lease is renewed only when a ping sent through the channel has come back, so a process whose
//   listening stalled or broke loses its lease within LEASE_MS and then reads again. A writer that
//   cannot get an acknowledgement waits out the lease (LEASE_MS): after that, every process has either
//   handled the notification or stopped serving from what it knew.
// A scope is a string; a page depends on a few of them (e.g. the item and its organization), and its
// version is the sum of their counters: counters only grow, so the sum moves whenever one does.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterCommit, type Database, type Queryable } from '../db/database.ts';

/** Everything listed across organizations: the portal home (newest items, the organization tree). */
export const SITE_SCOPE = 'site';
/** An organization's names and its column tree, as every page of its catalogue shows them. */
export const orgScope = (orgId: number) => `org:${orgId}`;

const CHANNEL = 'gk_page_versions';
/** How long a process serves from what it knows after its listening was last confirmed. */
export const LEASE_MS = 3000;
const PING_MS = LEASE_MS / 4;
/** Taken off the local lease: the database's clock and this process's may run at slightly different rates. */
const LEASE_MARGIN_MS = 250;
/** A notification's payload is limited to 8,000 bytes: more scopes than fit say "everything". */
const MAX_PAYLOAD = 7000;
/** The counters a process keeps (a few small entries per page in its caches). */
const MAX_KNOWN = 200_000;

/**
 * Marks scopes changed, inside the caller's transaction (the command's, beside its audit entry), and
 * tells the listening processes at commit; after the commit, waits for them (awaitListeners).
 * One statement; rows in sorted order: concurrent commands lock the counters in the same order.
 */
export async function bumpPageVersions(tx: Queryable, scopes: readonly string[]): Promise<void> {
  const unique = [...new Set(scopes)].sort();
  if (!unique.length) return;
  const listed = `s ${unique.join(' ')}`;
  await tx.query(
    `with bumped as (
       insert into page_versions (scope, n) select s, 1 from unnest($1::text[]) as s order by s
       on conflict (scope) do update set n = page_versions.n + 1 returning 1)
     select pg_notify('${CHANNEL}', $2) from (select count(*) from bumped) b`,
    [unique, Buffer.byteLength(listed) <= MAX_PAYLOAD ? listed : '*'],
  );
  afterCommit(tx, CHANNEL, awaitListeners);
}

/**
 * After a commit that bumped versions: a fence through the channel, then wait until every process
 * whose lease runs has acknowledged it — or its lease has run out, which bounds the wait by LEASE_MS
 * whatever happens (a process stalled, the database unreachable).
 */
async function awaitListeners(db: Queryable): Promise<void> {
  const deadline = performance.now() + LEASE_MS;
  try {
    const [fence] = await db.query<{ n: number | string; live: number }>(
      `select n, pg_notify('${CHANNEL}', 'f ' || n),
              (select count(*)::int from page_cache_peers where lease_until > clock_timestamp()) as live
         from (select nextval('page_fence') as n) f`,
    );
    if (!fence?.live) return;
    for (let pause = 0.5; performance.now() < deadline; pause = Math.min(pause * 2, 20)) {
      const [w] = await db.query<{ n: number }>(
        'select count(*)::int as n from page_cache_peers where acked < $1 and lease_until > clock_timestamp()',
        [Number(fence.n)],
      );
      if (!w?.n) return;
      await sleep(Math.min(pause, Math.max(0, deadline - performance.now())));
    }
  } catch {
    await sleep(Math.max(0, deadline - performance.now()));
  }
}

/** The counters of these scopes (a scope not changed yet has none: 0). */
async function readCounters(db: Queryable, scopes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ scope: string; n: number | string }>('select scope, n from page_versions where scope = any($1::text[])', [scopes]);
  const counters = new Map(scopes.map((s) => [s, 0]));
  for (const r of rows) counters.set(r.scope, Number(r.n));
  return counters;
}

/** The version of a page that depends on these scopes: the sum of their counters. */
const sumOf = (counters: Map<string, number>, scopes: readonly string[]) => scopes.reduce((v, s) => v + (counters.get(s) ?? 0), 0);

/**
 * One process's knowledge of the counters, valid while it holds a lease (see the header). `known`
 * only ever holds counters read after the lease began and not changed since: a read that a
 * notification overtook (generation moved) is used for its own request only.
 */
export class VersionWatch {
  readonly id = randomUUID();
  private readonly known = new Map<string, number>();
  /** Moves whenever what is known may have become stale: reads that started before are not kept. */
  private generation = 0;
  /** performance.now() up to which `known` may be served; 0: no lease. */
  private leaseUntil = 0;
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pings = new Map<number, number>();
  private pingSeq = 0;
  private ackUpTo = 0;
  private acking = false;
  private failedPings = 0;
  /** performance.now() when stopped (a database closed or unreachable); 0 while running. */
  stoppedAt = 0;

  constructor(private readonly db: Database) {}

  /** Starts listening; the lease begins once registered (until then, every request reads). */
  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => this.onMessage(payload), () => void this.register());
    this.timer = setInterval(() => void this.ping(), PING_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stoppedAt ||= performance.now();
    this.lapse();
    if (this.timer) clearInterval(this.timer);
    // Writers need not wait for this process any more (else they would, until its lease ran out).
    await this.db.query('delete from page_cache_peers where id = $1', [this.id]).catch(() => undefined);
    await this.unlisten?.().catch(() => undefined);
  }

  /** The version of these scopes when all are known under a running lease; else null (read them). */
  versionIfKnown(scopes: readonly string[]): number | null {
    if (performance.now() >= this.leaseUntil) return null;
    let v = 0;
    for (const s of scopes) {
      const n = this.known.get(s);
      if (n === undefined) return null;
      v += n;
    }
    return v;
  }

  /** A read's generation, taken as it is sent. */
  get readGeneration(): number {
    return this.generation;
  }

  /** Keeps what a read found, unless something changed or the lease ran out since it was sent. */
  keep(counters: Map<string, number>, sentAt: number): void {
    if (sentAt !== this.generation || performance.now() >= this.leaseUntil) return;
    if (this.known.size + counters.size > MAX_KNOWN) this.known.clear();
    for (const [s, n] of counters) this.known.set(s, n);
  }

  private lapse(): void {
    this.leaseUntil = 0;
    this.known.clear();
    this.generation++;
  }

  /** (Again) a peer: what it knew is dropped; fences up to now need no acknowledgement from it. */
  private async register(): Promise<void> {
    this.lapse();
    const sent = performance.now();
    try {
      await this.db.query(
        `insert into page_cache_peers (id, lease_until, acked)
         select $1, clock_timestamp() + $2 * interval '1 millisecond', case when is_called then last_value else 0 end from page_fence
         on conflict (id) do update set lease_until = excluded.lease_until, acked = excluded.acked`,
        [this.id, LEASE_MS],
      );
      await this.db.query("delete from page_cache_peers where lease_until < clock_timestamp() - interval '1 hour'");
      this.generation++; // reads sent before the registration are not kept
      if (!this.stoppedAt) this.leaseUntil = sent + LEASE_MS - LEASE_MARGIN_MS;
    } catch {
      // The next ping tries again; meanwhile every request reads.
    }
  }

  private async ping(): Promise<void> {
    const seq = ++this.pingSeq;
    this.pings.set(seq, performance.now());
    this.pings.delete(seq - 8);
    try {
      await this.db.query(`select pg_notify('${CHANNEL}', $1)`, [`p ${this.id} ${seq}`]);
      this.failedPings = 0;
    } catch {
      // A database closed or gone: stop (pageVersion starts a new watch a while later).
      if (++this.failedPings >= 3) await this.stop();
    }
  }

  /** The ping sent at `sentAt` came back: listening worked at least until then. */
  private async renew(sentAt: number): Promise<void> {
    try {
      const rows = await this.db.query(
        `update page_cache_peers set lease_until = clock_timestamp() + $2 * interval '1 millisecond'
          where id = $1 and lease_until > clock_timestamp() returning 1`,
        [this.id, LEASE_MS],
      );
      if (rows.length) this.leaseUntil = Math.max(this.leaseUntil, sentAt + LEASE_MS - LEASE_MARGIN_MS);
      else await this.register(); // the lease ran out meanwhile: writers stopped waiting for this process
    } catch {
      // The lease runs out unless a later ping renews it.
    }
  }

  private onMessage(payload: string): void {
    const [kind, rest] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === 's') {
      for (const s of rest.split(' ')) this.known.delete(s);
      this.generation++;
    } else if (kind === '*') {
      this.known.clear();
      this.generation++;
    } else if (kind === 'f') {
      this.ackUpTo = Math.max(this.ackUpTo, Number(rest));
      void this.ack();
    } else if (kind === 'p') {
      const [id, seq] = rest.split(' ');
      const sentAt = id === this.id ? this.pings.get(Number(seq)) : undefined;
      if (sentAt !== undefined) void this.renew(sentAt);
    }
  }

  /** Acknowledges the fences handled so far, one statement at a time (a later one covers those before). */
  private async ack(): Promise<void> {
    if (this.acking) return;
    this.acking = true;
    try {
      for (let done = 0; done < this.ackUpTo; ) {
        const upTo = this.ackUpTo;
        await this.db.query('update page_cache_peers set acked = greatest(acked, $2) where id = $1', [this.id, upTo]).catch(() => undefined);
        done = upTo;
      }
    } finally {
      this.acking = false;
    }
  }
}

/**
 * The version reads of one database, shared: a request joins the next read that has not started
 * yet, so under load one statement answers every request that arrived during the previous one
 * (a cached page then costs a fraction of a round trip, not one). Never a read that started before
 * the request arrived: whatever had committed by then — a withdrawal whose answer was already sent —
 * is seen, exactly as by a read of its own.
 */
class SharedReads {
  /** The read being gathered: callers add their scopes until it starts. */
  private gathering: { scopes: Set<string>; counters: Promise<Map<string, number>> } | null = null;
  /** The read under way; the next one starts when it ends (one statement at a time per database). */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly watch: VersionWatch | null,
  ) {}

  async version(scopes: readonly string[]): Promise<number> {
    let read = this.gathering;
    if (!read) {
      const scopeSet = new Set<string>();
      // Started after the event loop's I/O of this turn (setImmediate): requests that arrived with
      // this one are parsed first and join it, instead of each turn's first request reading alone.
      const counters = this.running.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => {
        // From here on, callers gather for the read after this one.
        if (this.gathering?.scopes === scopeSet) this.gathering = null;
        const generation = this.watch?.readGeneration ?? 0;
        const started = readCounters(this.db, [...scopeSet]);
        this.running = started.catch(() => undefined);
        return started.then((c) => (this.watch?.keep(c, generation), c));
      });
      read = this.gathering = { scopes: scopeSet, counters };
    }
    for (const s of scopes) read.scopes.add(s);
    return sumOf(await read.counters, scopes);
  }
}

/** How long after a watch stopped (its database unreachable) the next request starts another. */
const RESTART_MS = 5000;
const readers = new WeakMap<Queryable, { reads: SharedReads; watch: VersionWatch | null }>();

const canListen = (db: Queryable): db is Database => typeof (db as Partial<Database>).listen === 'function';

/** The current version of a page that depends on these scopes, as seen by a request arriving now. */
export function pageVersion(db: Queryable, scopes: readonly string[]): Promise<number> | number {
  let r = readers.get(db);
  if (!r || (r.watch?.stoppedAt && performance.now() - r.watch.stoppedAt > RESTART_MS)) {
    const watch = canListen(db) ? new VersionWatch(db) : null;
    watch?.start().catch(() => watch.stop());
    readers.set(db, (r = { reads: new SharedReads(db, watch), watch }));
  }
  return r.watch?.versionIfKnown(scopes) ?? r.reads.version(scopes);
}

/** Stops the watch of this database (its listener and pings): before closing it. */
export async function stopPageVersionWatch(db: Queryable): Promise<void> {
  await readers.get(db)?.watch?.stop();
  readers.delete(db);
}
