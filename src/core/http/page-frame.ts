// What a surface adds to each of its HTML pages as they are sent, from the reader rather than the page:
// the portal's footer, its reading mode and its 繁體 view with their switches (src/orgs/shell). A
// surface registers these rewrites once; they apply to every HTML page below it, in the order
// registered. A page from a page cache is rewritten once per variant and address and kept encoded
// (PageCache.send), not on every request: that is most of what a cached page costs otherwise.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A rewrite of a page as sent to this request (never of what is cached: the page stays the same for every reader). */
export type PageRewrite = (request: FastifyRequest, page: string) => string;

declare module 'fastify' {
  interface FastifyInstance {
    /** The rewrites of the surface this instance belongs to (registered with addPageRewrite). */
    pageRewrites: PageRewrite[];
  }
}

const isHtml = (reply: FastifyReply) => String(reply.getHeader('content-type') ?? '').startsWith('text/html');

/**
 * Registers a rewrite for the HTML pages of this instance and the plugins below it. Pages sent as
 * strings get it in an onSend hook; cached pages (sent encoded) get it through framePage.
 */
export function addPageRewrite(app: FastifyInstance, rewrite: PageRewrite): void {
  if (!app.hasDecorator('pageRewrites')) {
    app.decorate('pageRewrites', []);
    app.addHook('onSend', async (request, reply, payload) => (typeof payload === 'string' && isHtml(reply) ? framePage(request, payload) : payload));
  }
  app.pageRewrites.push(rewrite);
}

/** The page as this request gets it: every rewrite of the request's surface applied. */
export function framePage(request: FastifyRequest, page: string): string {
  let framed = page;
  for (const rewrite of request.server.pageRewrites ?? []) framed = rewrite(request, framed);
  return framed;
}
