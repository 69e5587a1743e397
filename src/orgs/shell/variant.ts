// 繁體 view of the whole portal: a cookie chosen by a link (no JavaScript), every portal HTML page
// converted as rendered (simplified → traditional, Taiwan standard) and the header's switch pointing
// back to the page the reader is on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as OpenCC from 'opencc-js/cn2t';
import { escapeHtml } from '../../core/html.ts';
import { sameSitePath } from '../../core/http/edges.ts';
import { addPageRewrite } from '../../core/http/page-frame.ts';
import { VARIANT_SWITCH_PLACEHOLDER } from './portal-layout.ts';
import { wantsElderMode } from './site-frame.ts';

export const VARIANT_COOKIE = 'gk_variant';

type Convert = (s: string) => string;
let s2t: Convert | null = null;
export const toTraditional = (s: string) => (s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' }) as Convert)(s);

export const wantsTraditional = (request: FastifyRequest) => request.cookies?.[VARIANT_COOKIE] === 'hant';

/**
 * What the reader's cookies change in a portal page as sent (the script, the 长者模式): a cached page's
 * entity tag carries it, so a 304 never confirms a page of the other view.
 */
export const pageVariant = (request: FastifyRequest) => `${wantsTraditional(request) ? 'hant' : 'hans'}${wantsElderMode(request) ? '-elder' : ''}`;

/** The switch for this page: to the other variant, then back here. */
function variantSwitch(request: FastifyRequest, hant: boolean): string {
  const back = request.method === 'GET' ? request.url.split('#')[0]! : '/';
  const href = `/variant?to=${hant ? 'hans' : 'hant'}&back=${encodeURIComponent(back)}`;
  return `<a class="variant-switch" href="${escapeHtml(href)}" lang="${hant ? 'zh-CN' : 'zh-TW'}">${hant ? '简体' : '繁體'}</a>`;
}

/** Registers the rewrite and /variant on the portal plugin: every page below it gets both. */
export function registerVariant(app: FastifyInstance): void {
  addPageRewrite(app, (request, payload) => {
    const hant = wantsTraditional(request);
    // Converted first, so that the switch keeps its label in the script of the variant it leads to.
    const page = hant ? toTraditional(payload).replace('<html lang="zh-CN">', '<html lang="zh-TW">') : payload;
    return page.includes(VARIANT_SWITCH_PLACEHOLDER) ? page.replace(VARIANT_SWITCH_PLACEHOLDER, () => variantSwitch(request, hant)) : page;
  });

  app.get('/variant', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query as { to?: string; back?: string };
    reply.setCookie(VARIANT_COOKIE, q.to === 'hant' ? 'hant' : 'hans', { path: '/', sameSite: 'lax', httpOnly: true, secure: request.protocol === 'https', maxAge: 365 * 86400 });
    const back = sameSitePath(q.back) ?? '/';
    return reply.redirect(back, 303);
  });
}
