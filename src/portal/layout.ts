// The public portal shell.
import { html, type SafeHtml } from '../core/html.ts';
import { documentShell } from '../core/http/page.ts';

export function portalPage(title: string, body: SafeHtml, opts: { siteName?: string } = {}): string {
  const site = opts.siteName ?? '政府信息公开平台';
  return documentShell({
    title: title === site ? site : `${title} · ${site}`,
    bodyClass: 'portal',
    body: html`<a class="skip" href="#main">跳到正文</a>
<header class="portal-header"><a class="brand" href="/">${site}</a></header>
<main id="main" class="portal-main" role="main">
  <h1>${title}</h1>
  ${body}
</main>
<footer class="portal-footer"><p>本平台依据《中华人民共和国政府信息公开条例》提供政府信息公开服务 · <a href="/console">工作人员登录</a></p></footer>`,
  });
}
