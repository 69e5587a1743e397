// Error pages in the frame of the part of the site they belong to: the portal's header, search and
// footer for the public, the console's for staff — a citizen who meets a 404 or a failed PDF can go
// on from there. A server error shows its request id, which the log carries with the cause.
import type { FastifyRequest } from 'fastify';
import { html } from '../core/html.ts';
import { bareConsolePage } from '../orgs/shell/console-layout.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';

const titleOf = (status: number) => (status === 404 ? '页面不存在' : status >= 500 ? '系统错误' : '无法完成请求');

export function framedErrorPage(request: FastifyRequest, status: number, message: string): string {
  const inConsole = request.url === '/console' || request.url.startsWith('/console/') || request.url.startsWith('/console?');
  const body = html`<p class="error" role="alert">${message}</p>
${status >= 500 ? html`<p class="muted">错误编号：<code>${request.id}</code></p>` : ''}
<p>${inConsole ? html`<a href="/console">返回工作台</a>` : html`<a href="/">返回首页</a> · <a href="/search">信息检索</a>`}</p>`;
  return inConsole ? bareConsolePage(titleOf(status), body) : portalPage(titleOf(status), body);
}
