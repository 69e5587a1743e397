// Visit statistics of the portal without personal data: page views (PV) per organization and
// day, item view counts (浏览次数), and unique visitors (UV) counted from a hash of the client
// address and browser with a random salt of the day. Nothing identifying is stored: the salt and
// the hashes are deleted once the day is over, only the day's counts remain.
//
// Counting is buffered in the process and written every few seconds (and when the app closes),
// so that item pages stay reads; several processes simply add their counts.
import { hash, randomBytes } from 'node:crypto';
import type { Database } from '../core/db/database.ts';
import { addItemViews, addPageViews, daySalt, forgetVisitorsBefore } from './store.ts';
import { today } from '../core/today.ts';

const MAX_COUNTED = 100_000;

interface OrgDay {
  pv: number;
  visitors: Set<string>;
}

export class VisitRecorder {
  private items = new Map<number, number>();
  /** Views recorded here per item since start, never reset by a flush (see itemViewsCounted). */
  private counted = new Map<number, number>();
  private days = new Map<string, OrgDay>(); // key: `${orgId}|${day}`
  private salts = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Database, private readonly intervalMs = 5000) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /**
   * A running count of this process's views of an item: a cached item page adds what was counted since
   * it was rendered. Bounded: past MAX_COUNTED items it starts again from 0 (a page then shows a few
   * views fewer until it is rendered again).
   */
  itemViewsCounted(itemId: number): number {
    return this.counted.get(itemId) ?? 0;
  }

  /** Views not yet written for an item (added to the stored count when shown). */
  pendingItemViews(itemId: number): number {
    return this.items.get(itemId) ?? 0;
  }

  private async salt(day: string): Promise<string> {
    let s = this.salts.get(day);
    if (!s) {
      s = await daySalt(this.db, day, randomBytes(16).toString('hex'));
      this.salts.clear(); // only today's salt is kept in memory
      this.salts.set(day, s);
    }
    return s;
  }

  /** Records one page view of an organization's portal pages (and of an item when given); never fails the page. */
  async record(orgId: number, client: { address: string; userAgent: string }, itemId?: number): Promise<void> {
    try {
      await this.count(orgId, client, itemId);
    } catch {
      // statistics are best effort: a database hiccup must not break a public page
    }
  }

  private async count(orgId: number, client: { address: string; userAgent: string }, itemId?: number): Promise<void> {
    const day = today();
    // The day's salt from memory without a call to salt() (every portal view comes here).
    const salt = this.salts.get(day) ?? (await this.salt(day));
    const visitor = hash('sha256', `${salt}|${client.address}|${client.userAgent}`, 'base64url').slice(0, 22);
    const key = `${orgId}|${day}`;
    let d = this.days.get(key);
    if (!d) this.days.set(key, (d = { pv: 0, visitors: new Set() }));
    d.pv++;
    d.visitors.add(visitor);
    if (itemId !== undefined) {
      this.items.set(itemId, (this.items.get(itemId) ?? 0) + 1);
      if (this.counted.size >= MAX_COUNTED && !this.counted.has(itemId)) this.counted.clear();
      this.counted.set(itemId, (this.counted.get(itemId) ?? 0) + 1);
    }
  }

  /** Writes the buffered counts: after a flush that is under way, what was recorded since. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.write().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(): Promise<void> {
    const items = this.items;
    const days = this.days;
    this.items = new Map();
    this.days = new Map();
    if (!items.size && !days.size) return;
    const now = today();
    await this.db.transaction(async (tx) => {
      await addItemViews(tx, [...items.keys()], [...items.values()]);
      for (const [key, d] of days) {
        const [orgId, day] = key.split('|') as [string, string];
        await addPageViews(tx, Number(orgId), day, d.pv, [...d.visitors]);
      }
      await forgetVisitorsBefore(tx, now);
    });
  }
}
