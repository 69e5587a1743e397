// A frequent term is searched by walking the newest items under the filters (store.ts,
// searchLive). What a walk found is kept for the next page of the same query and filters, so that
// paging on (or a page typed deeper) continues where the walk stopped instead of reading the newest
// items again: page 50 of a word in one item in twelve reads 12,000 items when walked from the top.
// The query as typed: the pager's links carry it verbatim.
//
// A walk is kept while the portal's site version is unchanged (src/core/http/page-versions.ts):
// every publication and withdrawal bumps it in its transaction, so a kept walk never shows a
// withdrawn item nor misses a new one, in any process. And for WALK_TTL_MS at most.

export interface Match {
  id: number;
  /** published_date, YYYY-MM-DD. */
  date: string;
}

const WALK_TTL_MS = 30_000;
const MAX_WALKS = 200;

/** The matches of one query's walk so far, newest first. */
export class Walk {
  matches: Match[] = [];
  /** How many matches the walks so far looked for. */
  lookedFor = 0;
  /** They found fewer… */
  short = false;
  /** …because they read as many items as their bound allows, with more items left (else: all matches are known). */
  bounded = false;
  /** The newest items with the terms whole (relevance), read once per walk. */
  exact: Match[] | null = null;

  constructor(readonly version: number, readonly at: number) {}

  /** How many more matches to look for (from the last one on) so that `lookedFor` have been looked for. */
  missing(lookedFor: number): number {
    if (lookedFor <= this.lookedFor || (this.short && !this.bounded)) return 0;
    return lookedFor - this.matches.length;
  }

  /** The next walk, looking for matches up to `lookedFor`, found these; `bounded`: it stopped at its bound, items left. */
  extend(found: Match[], lookedFor: number, bounded: boolean): void {
    this.short = this.matches.length + found.length < lookedFor;
    this.bounded = this.short && bounded;
    this.matches.push(...found);
    this.lookedFor = lookedFor;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Requests of one query arriving together extend its walk one after the other, each from where the last stopped. */
  serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }
}

/** Kept walks, per process: the newest MAX_WALKS queries. */
export class Walks {
  private readonly kept = new Map<string, Walk>();

  /** The kept walk of this query if it is of this site version and recent, else a new one. */
  of(key: string, version: number, now = Date.now()): Walk {
    const kept = this.kept.get(key);
    if (kept && kept.version === version && now - kept.at < WALK_TTL_MS) return kept;
    const walk = new Walk(version, now);
    this.kept.delete(key);
    this.kept.set(key, walk);
    if (this.kept.size > MAX_WALKS) this.kept.delete(this.kept.keys().next().value!);
    return walk;
  }
}

export const walks = new Walks();

const newer = (a: Match, b: Match) => a.date > b.date || (a.date === b.date && a.id > b.id);

/**
 * A page by relevance of a walked query. The newest `first` matches (ten pages), with the older
 * items that have the terms whole, are ranked among themselves: those are the first positions.
 * The walk's further matches follow, newest first, each once. Ranking every match up to a deep
 * page instead would cost as much as the walk, and would move items between pages as the page asked
 * for goes deeper.
 */
export function relevancePositions(walk: Walk, first: number, offset: number, limit: number): { ranked: number[]; rankedOffset: number; rankedLimit: number; dated: number[] } {
  const top = walk.matches.slice(0, first);
  const last = top.at(-1);
  const older = last ? (walk.exact ?? []).filter((e) => newer(last, e)) : [];
  const ranked = [...top.map((m) => m.id), ...older.map((e) => e.id)];
  const olderIds = new Set(older.map((e) => e.id));
  const rest = walk.matches.slice(first).filter((m) => !olderIds.has(m.id));
  const from = Math.max(0, offset - ranked.length);
  const to = Math.max(0, offset + limit - ranked.length);
  return {
    ranked: offset < ranked.length ? ranked : [],
    rankedOffset: offset,
    rankedLimit: Math.min(limit, Math.max(0, ranked.length - offset)),
    dated: rest.slice(from, to).map((m) => m.id),
  };
}
