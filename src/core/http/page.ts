// The HTML document shell shared by the portal and the console. All assets are served
// locally from /assets (government intranets have no internet access).
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
