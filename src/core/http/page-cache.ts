// Public pages rendered once (issue 19 §2). A page's HTML is kept in process memory (an LRU bounded
// in bytes) together with the version of the things it shows; every request has that version
// (pageVersion: known to the process under a lease, else read from the database) and renders again
// only when it moved. Beside the page, the cache keeps it as sent (PageCache.send): framed for a
// variant and an address (page-frame.ts) and encoded, a few per page, counted in the same bound.
//
// The versions, and the guarantee they give (never a withdrawn page once the withdrawal has
// returned), are page-versions.ts's.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.ts';
import { framePage } from './page-frame.ts';
import { pageVersion } from './page-versions.ts';

export interface RenderedPage<D> {
  html: string;
  /** What the page shows besides its key, e.g. the item's organization. */
  scopes: string[];
  /** Facts the route needs on a cached answer (the organization whose visit to count, a view count). */
  data: D;
}

export interface CachedPage<D> extends RenderedPage<D> {
  key: string;
  version: number;
  /** The entity tag's core: the key and the version, the same in every process of one release. */
  tag: string;
  renderedAt: number;
}

/**
 * Changes with each build (the compiled file's time), so that a new release's templates are not
 * answered with 304 for pages a browser kept from the old one; equal in every process of a release.
 */
const RELEASE = (() => {
  try {
    return Math.floor(statSync(fileURLToPath(import.meta.url)).mtimeMs).toString(36);
  } catch {
    return '0';
  }
})();

/** How many framed copies of one page are kept (the variants and addresses most read: most readers share one). */
const FRAMES_PER_PAGE = 4;

/** A page as sent to one variant at one address, encoded, cut at its per-request figure (if any). */
type Frame = { parts: Buffer[]; bytes: number };

export class PageCache<D> {
  private entries = new Map<string, CachedPage<D>>();
  private frames = new WeakMap<CachedPage<D>, Map<string, Frame>>();
  private rendering = new Map<string, Promise<CachedPage<D>>>();
  private bytes = 0;

  /**
   * maxBytes: memory bound (UTF-16, two bytes a character); maxAgeMs: a page is rendered again after
   * this long even when nothing it shows changed (for what is not versioned, e.g. a view count).
   */
  constructor(private readonly opts: { maxBytes: number; maxAgeMs: number }) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The page for key: cached when its version is current, else rendered. `scopesOf` names the scopes
   * before anything is read for the page (the version must be read first: a page rendered from data
   * older than its version would outlive the change). Either may throw (404): nothing is kept then.
   */
  async page(db: Queryable, key: string, scopesOf: () => Promise<string[]>, render: () => Promise<RenderedPage<D>>): Promise<CachedPage<D>> {
    const held = this.entries.get(key);
    const scopes = held?.scopes ?? (await scopesOf());
    const version = await pageVersion(db, scopes);
    if (held && held.version === version && Date.now() - held.renderedAt < this.opts.maxAgeMs) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, held);
      return held;
    }
    if (held && held.version !== version) this.drop(key);
    // Concurrent misses of one page at one version render it once.
    const flight = `${version}|${key}`;
    let pending = this.rendering.get(flight);
    if (!pending) {
      pending = render()
        .then((r) => this.keep(key, scopes, version, r))
        .finally(() => this.rendering.delete(flight));
      this.rendering.set(flight, pending);
    }
    return pending;
  }

  private keep(key: string, scopes: string[], version: number, r: RenderedPage<D>): CachedPage<D> {
    const entry: CachedPage<D> = { ...r, key, version, tag: `${RELEASE}.${createHash('sha1').update(key).digest('base64url').slice(0, 10)}.${version}`, renderedAt: Date.now() };
    const same = r.scopes.length === scopes.length && r.scopes.every((s, i) => s === scopes[i]);
    const current = this.entries.get(key);
    // Kept only when the version read before rendering covers what the page shows, and never over a newer one.
    if (!same || (current && current.version > version)) return entry;
    if (current) this.drop(key);
    this.entries.set(key, entry);
    this.bytes += entry.html.length * 2;
    this.fit();
    return entry;
  }

  /** Least recently used pages out until the cache is within its bound. */
  private fit(): void {
    for (const [k] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.drop(k);
    }
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.html.length * 2;
    for (const f of this.frames.get(e)?.values() ?? []) this.bytes -= f.bytes;
    this.entries.delete(key);
  }

  /**
   * Sends a cached page, or 304 when the client holds it (If-None-Match, weak comparison). An HTML
   * page gets its surface's rewrites (framePage: 繁體, reading mode, switches back to this address);
   * the result is kept encoded per variant and address, so a request costs a copy, not a rewrite.
   * `fill`: a placeholder of the page and this request's value for it (a view count). The entity tag
   * names the variant, and is weak: such a value may differ between two answers that carry it.
   */
  send(request: FastifyRequest, reply: FastifyReply, page: CachedPage<D>, variant: string, options: { type?: string; fill?: [string, string] } = {}): FastifyReply {
    const etag = `W/"${page.tag}.${variant}"`;
    reply.header('etag', etag).header('cache-control', CACHED_PAGE_CONTROL).header('vary', 'Cookie');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const type = options.type ?? 'text/html; charset=utf-8';
    const frame = this.frame(request, page, `${variant}|${request.method} ${request.url}`, type.startsWith('text/html'), options.fill?.[0]);
    const parts = options.fill && frame.parts.length > 1 ? [frame.parts[0]!, Buffer.from(options.fill[1]), frame.parts[1]!] : frame.parts;
    return reply.type(type).send(parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  private frame(request: FastifyRequest, page: CachedPage<D>, at: string, html: boolean, hole: string | undefined): Frame {
    let frames = this.frames.get(page);
    const held = frames?.get(at);
    if (held) return held;
    const text = html ? framePage(request, page.html) : page.html;
    const cut = hole ? text.indexOf(hole) : -1;
    const parts = cut < 0 ? [Buffer.from(text)] : [Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut + hole!.length))];
    const frame = { parts, bytes: parts.reduce((n, b) => n + b.length, 0) };
    // Kept while the page is (a page rendered but not kept, or dropped meanwhile, is framed for this answer only).
    if (this.entries.get(page.key) === page && (frames?.size ?? 0) < FRAMES_PER_PAGE) {
      if (!frames) this.frames.set(page, (frames = new Map()));
      frames.set(at, frame);
      this.bytes += frame.bytes;
      this.fit();
    }
    return frame;
  }
}

/**
 * Browsers revalidate every time (max-age=0: a withdrawn item disappears at the next view, the view
 * is counted, and the answer is usually a body-less 304). A shared cache (a reverse proxy, a CDN)
 * may answer for 60 s without asking — that is what holds a peak on one machine — and must then
 * revalidate (must-revalidate: never a stale page when the origin cannot be asked). The price: a
 * page withdrawn or changed stays at such a proxy up to 60 s unless the deployment purges it, and its
 * views there are not counted. `Vary: Cookie` because the 繁體 view and the 长者模式 are chosen by
 * cookies; a proxy should key on those two cookies (gk_variant, gk_reading) rather than the whole
 * header.
 */
export const CACHED_PAGE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';

const matches = (header: string | undefined, etag: string) =>
  Boolean(header) && (header!.trim() === '*' || header!.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, '')));

/**
 * A public cacheable answer must never carry a cookie to other readers: when something set one on
 * the way (a hook, a plugin), the answer becomes private. Registered on the portal.
 */
export function guardCachedPages(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.getHeader('set-cookie') && String(reply.getHeader('cache-control') ?? '').startsWith('public')) reply.header('cache-control', 'private, no-cache');
    return payload;
  });
}
