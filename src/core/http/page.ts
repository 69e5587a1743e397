// The HTML document shell shared by the portal and the console. All assets are served
// locally from /assets (government intranets have no internet access).
import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../html.ts';

export function documentShell(opts: { title: string; body: SafeHtml; bodyClass?: string; head?: SafeHtml }): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="stylesheet" href="/assets/gongkai.css">
${opts.head}
</head>
<body class="${opts.bodyClass ?? ''}">
${opts.body}
</body>
</html>`.value;
}

export function errorPage(_request: FastifyRequest, status: number, message: string): string {
  return documentShell({
    title: `${status} · gongkai`,
    body: html`<main class="narrow" role="main">
  <h1>${status === 404 ? '页面不存在' : status >= 500 ? '系统错误' : '无法完成请求'}</h1>
  <p class="error" role="alert">${message}</p>
  <p><a href="javascript:history.back()">返回上一页</a> · <a href="/">返回首页</a></p>
</main>`,
  });
}
