// What every portal page carries besides its content, filled in as the page is sent (like the 繁體
// switch, so pages are built without the request or the configuration):
// - the standard footer of a government website (主办单位、联系我们、网站标识码、ICP 备案、公安备案),
//   from the configuration (GONGKAI_SITE_*);
// - the 长者模式 (larger type, higher contrast, underlined links), chosen by a link and kept in a
//   cookie, as the 互联网应用适老化及无障碍改造 guidance asks, with no JavaScript.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../core/html.ts';
import { sameSitePath } from '../../core/http/edges.ts';
import { addPageRewrite } from '../../core/http/page-frame.ts';
import { READING_MODE_PLACEHOLDER, SITE_FOOTER_PLACEHOLDER } from './portal-layout.ts';

export interface SiteInfo {
  /** 主办单位, e.g. 青山县人民政府办公室 */
  sponsor: string | null;
  /** 联系我们: a telephone, an address or an e-mail, as the site shows it */
  contact: string | null;
  /** 网站标识码 (政府网站标识码, 10 characters) */
  siteCode: string | null;
  /** ICP 备案号, e.g. 浙ICP备12345678号 */
  icp: string | null;
  /** 公安机关备案号, e.g. 浙公网安备 33012202000001号 */
  psb: string | null;
}

export const READING_MODE_COOKIE = 'gk_reading';

export const wantsElderMode = (request: FastifyRequest) => request.cookies?.[READING_MODE_COOKIE] === 'elder';

export function siteFooter(site: SiteInfo): SafeHtml {
  const parts: (string | SafeHtml)[] = [
    site.sponsor ? `主办单位：${site.sponsor}` : '',
    site.contact ? `联系我们：${site.contact}` : '',
    site.siteCode ? `网站标识码：${site.siteCode}` : '',
    site.icp ? html`<a href="https://beian.miit.gov.cn/" rel="noopener">${site.icp}</a>` : '',
    site.psb ? html`<a href="https://beian.mps.gov.cn/" rel="noopener">${site.psb}</a>` : '',
  ].filter((p) => p !== '');
  return parts.length ? html`<p class="site-info">${parts.map((p, i) => html`${i ? ' · ' : ''}<span>${p}</span>`)}</p>` : html``;
}

function modeSwitch(request: FastifyRequest, elder: boolean): string {
  const back = request.method === 'GET' ? request.url.split('#')[0]! : '/';
  const href = `/reading-mode?to=${elder ? 'standard' : 'elder'}&back=${encodeURIComponent(back)}`;
  return html`<a class="reading-switch" href="${href}">${elder ? '标准模式' : '长者模式'}</a>`.value;
}

/** Registers the rewrite and /reading-mode on the portal plugin: every page below it gets both. */
export function registerSiteFrame(app: FastifyInstance, site: SiteInfo): void {
  const footer = siteFooter(site).value;
  addPageRewrite(app, (request, payload) => {
    const elder = wantsElderMode(request);
    let page = payload.replace(SITE_FOOTER_PLACEHOLDER, () => footer).replace(READING_MODE_PLACEHOLDER, () => modeSwitch(request, elder));
    if (elder) page = page.replace('<body class="portal', '<body class="portal elder');
    return page;
  });

  app.get('/reading-mode', { schema: { hide: true } }, async (request, reply) => {
    const q = request.query as { to?: string; back?: string };
    reply.setCookie(READING_MODE_COOKIE, q.to === 'elder' ? 'elder' : 'standard', { path: '/', sameSite: 'lax', httpOnly: true, secure: request.protocol === 'https', maxAge: 365 * 86400 });
    return reply.redirect(sameSitePath(q.back) ?? '/', 303);
  });
}
