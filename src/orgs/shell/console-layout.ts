// The console shell: header with the organization switcher, navigation, the page body.
import { html, type SafeHtml } from '../../core/html.ts';
import { documentShell } from '../../core/http/page.ts';
import type { Organization } from '../model.ts';
import type { Staff } from '../staff/model.ts';
import { ROLE_LABELS } from '../staff/model.ts';
import { hasRole } from '../staff/scope.ts';

export interface ConsoleView {
  staff: Staff;
  org: Organization;
  /** Organizations the staff member may switch to (only shown when more than one). */
  orgs: Organization[];
  csrf: string;
  /** Which navigation entry is current. */
  section: string;
}

const NAV: { key: string; label: string; href: string; show: (s: Staff) => boolean }[] = [
  { key: 'home', label: '工作台', href: '/console', show: () => true },
  { key: 'orgs', label: '机构', href: '/console/orgs', show: () => true },
  { key: 'catalogue', label: '主动公开', href: '/console/catalogue', show: () => true },
  { key: 'reports', label: '年度报告', href: '/console/reports', show: () => true },
  { key: 'applications', label: '依申请公开', href: '/console/applications', show: (s) => hasRole(s, 'handler', 'head', 'supervisor') },
  { key: 'appeals', label: '复议诉讼', href: '/console/appeals', show: (s) => hasRole(s, 'handler', 'head', 'editor', 'admin', 'supervisor') },
  { key: 'article20', label: '第二十条事项', href: '/console/article20', show: (s) => hasRole(s, 'editor', 'head', 'admin', 'supervisor') },
  { key: 'letters', label: '留言办理', href: '/console/letters', show: (s) => hasRole(s, 'handler', 'head', 'admin', 'supervisor') },
  { key: 'consultations', label: '意见征集', href: '/console/consultations', show: (s) => hasRole(s, 'editor', 'reviewer', 'head', 'admin', 'supervisor') },
  { key: 'supervision', label: '本地区报告', href: '/console/supervision', show: (s) => hasRole(s, 'supervisor', 'admin') },
  { key: 'assessment', label: '任务和整改', href: '/console/assessment', show: (s) => hasRole(s, 'supervisor', 'admin', 'editor', 'head') },
  { key: 'users', label: '用户', href: '/console/users', show: (s) => hasRole(s, 'admin') },
  { key: 'calendar', label: '工作日历', href: '/console/calendar', show: (s) => hasRole(s, 'admin') },
  { key: 'audit', label: '审计日志', href: '/console/audit', show: (s) => hasRole(s, 'admin', 'supervisor') },
];

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/**
 * A page of the signed-in console. `title` names the page only ("审计日志"): the organization
 * worked on is in the header and, once, in the window title.
 */
export function consolePage(view: ConsoleView, title: string, body: SafeHtml): string {
  const { staff, org, orgs } = view;
  const depth = (o: Organization) => o.path.split('/').length - staff.homePath.split('/').length;
  return documentShell({
    title: `${title} · ${org.shortName} · gongkai 管理后台`,
    bodyClass: 'console',
    head: html`<script src="/assets/console.js" defer></script>`,
    body: html`<a class="skip" href="#main">跳到正文</a>
<header class="topbar">
  <a class="brand" href="/console">gongkai 政府信息公开 · 管理后台</a>
  ${orgs.length > 1
    ? html`<form class="org-switcher" method="post" action="/console/switch-org">
    ${csrfField(view.csrf)}
    <label for="org-switch">当前机构</label>
    <select id="org-switch" name="orgId" data-autosubmit>
      ${orgs.map((o) => html`<option value="${o.id}"${o.id === org.id ? html` selected` : ''}>${'　'.repeat(Math.max(0, depth(o)))}${o.fullName}</option>`)}
    </select>
    <button type="submit">切换</button>
  </form>`
    : html`<span class="org-name">${org.fullName}</span>`}
  <form class="logout" method="post" action="/console/logout">
    ${csrfField(view.csrf)}
    <span class="who">${staff.displayName}（${staff.roles.map((r) => ROLE_LABELS[r]).join('、')}）</span>
    <a href="/console/password">修改密码</a>
    <button type="submit">退出登录</button>
  </form>
</header>
<nav class="sidenav" aria-label="主导航">
  <ul>
    ${NAV.filter((n) => n.show(staff)).map(
      (n) => html`<li><a href="${n.href}"${n.key === view.section ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
    )}
    <li><a href="/api/docs">API 文档</a></li>
    <li><a href="/">公开门户</a></li>
  </ul>
</nav>
<main class="content" id="main" role="main" tabindex="-1">
  <h1>${title}</h1>
  ${body}
</main>`,
  });
}

/** Pages outside the signed-in shell (login, first password change). */
export function bareConsolePage(title: string, body: SafeHtml): string {
  return documentShell({
    title: `${title} · gongkai 管理后台`,
    bodyClass: 'console bare',
    body: html`<main class="narrow" role="main">
  <p class="brand">gongkai 政府信息公开 · 管理后台</p>
  <h1>${title}</h1>
  ${body}
</main>`,
  });
}

export const errorBox = (message: string | null | undefined) => (message ? html`<p class="error" role="alert">${message}</p>` : '');
export const noticeBox = (message: string | null | undefined) => (message ? html`<p class="notice" role="status">${message}</p>` : '');
/** Things that stop work from getting done (e.g. a review stage nobody may sign), under a heading. */
export const warningBox = (title: string, messages: readonly (string | SafeHtml)[]) =>
  messages.length ? html`<div class="error" role="alert"><strong>${title}</strong><ul>${messages.map((m) => html`<li>${m}</li>`)}</ul></div>` : '';
