// The public portal shell: a header on every page with the site name, the main links, a search box
// and the 简体/繁體 switch; no JavaScript, no external assets (the stylesheets are served locally).
import { html, trustedHtml, type SafeHtml } from '../../core/html.ts';
import { documentShell } from '../../core/http/page.ts';

/**
 * The 繁體 switch as rendered; the portal's onSend hook (variant.ts) replaces it with the link for the
 * current page and variant, so pages built without the request still get a working switch.
 */
export const VARIANT_SWITCH_PLACEHOLDER = '<a class="variant-switch" href="/variant?to=hant&amp;back=%2F" lang="zh-TW">繁體</a>';

/** Filled in as the page is sent (site-frame.ts): the configured site footer, and the 长者模式 switch. */
export const SITE_FOOTER_PLACEHOLDER = '<!--gk:site-footer-->';
export const READING_MODE_PLACEHOLDER = '<!--gk:reading-mode-->';

const HEAD = html`<link rel="stylesheet" href="/assets/portal.css">`;

/** A search form (条例第二十四条：信息检索), optionally limited to an organization or a column. */
export function searchBox(values: { q?: string; org?: string; column?: { id: number; name: string } } = {}): SafeHtml {
  return html`<form class="searchbox" method="get" action="/search" role="search" aria-label="${values.org ? '在本机构内搜索' : '搜索政府信息'}">
  <label for="q">搜索政府信息</label> <input id="q" name="q" type="search" value="${values.q ?? ''}" placeholder="标题、正文或文号，简体繁體均可">
  ${values.org ? html`<input type="hidden" name="org" value="${values.org}">` : ''}
  ${values.column ? html`<label class="inline"><input type="checkbox" name="column" value="${values.column.id}" checked> 仅本栏目</label>` : ''}<button type="submit">搜索</button>
</form>`;
}

export function portalPage(title: string, body: SafeHtml, opts: { siteName?: string } = {}): string {
  const site = opts.siteName ?? '政府信息公开平台';
  return documentShell({
    title: title === site ? site : `${title} · ${site}`,
    bodyClass: 'portal',
    head: HEAD,
    body: html`<a class="skip" href="#main">跳到正文</a>
<header class="portal-header">
  <a class="brand" href="/">${site}</a>
  <nav class="portal-nav" aria-label="网站导航"><a href="/">首页</a> <a href="/search">信息检索</a> <a href="/apply">依申请公开</a> <a href="/track">办理进度查询</a></nav>
  <form class="site-search" method="get" action="/search" role="search" aria-label="全站搜索">
    <label for="site-q" class="visually-hidden">全站搜索</label><input id="site-q" name="q" type="search" placeholder="搜索政府信息"><button type="submit">搜索</button>
  </form>
  ${trustedHtml(VARIANT_SWITCH_PLACEHOLDER)} ${trustedHtml(READING_MODE_PLACEHOLDER)}
</header>
<main id="main" class="portal-main" role="main">
  <h1>${title}</h1>
  ${body}
</main>
<footer class="portal-footer">${trustedHtml(SITE_FOOTER_PLACEHOLDER)}<p>本平台依据《中华人民共和国政府信息公开条例》提供政府信息公开服务 · <a href="/console">工作人员登录</a></p></footer>`,
  });
}
