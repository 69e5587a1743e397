// Console pages for staff accounts (administrators): the list, new users and login pauses; one
// user's page (roles, 停用 / 启用, password) is user-page.ts.
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { staffContext } from '../context.ts';
import { DomainError, forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { describeZodError } from '../../core/validation.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../shell/console-layout.ts';
import { consoleView } from '../shell/console-view.ts';
import { clearLoginThrottle, createUser } from './commands.ts';
import { ROLE_LABELS, ROLES, type Role } from './model.ts';
import { staffPolicy } from './policy.ts';
import { presentUser } from './present.ts';
import './scope-params.ts';
import type { StaffingCheck } from './staffing.ts';
import { listActiveThrottles, listUsersUnder } from './store.ts';
import { userPageRoutes, userState } from './user-page.ts';

const FIELD_LABELS = { username: '用户名', displayName: '姓名', password: '初始密码', roles: '角色', orgCode: '所属机构' };

function userForm(view: ConsoleView, values: Record<string, unknown>, error?: string) {
  const roles = new Set([values.roles].flat() as string[]);
  return html`${errorBox(error)}
<form method="post" action="/console/users" class="stack">
  ${csrfField(view.csrf)}
  <p>所属机构：${view.org.fullName}</p>
  <label>用户名 <input name="username" value="${String(values.username ?? '')}" required></label>
  <label>姓名 <input name="displayName" value="${String(values.displayName ?? '')}" required></label>
  <label>初始密码（至少 10 位，含字母和数字；首次登录须修改） <input name="password" type="password" autocomplete="new-password" required></label>
  <fieldset><legend>角色</legend>
    ${ROLES.map((r) => html`<label class="inline"><input type="checkbox" name="roles" value="${r}"${roles.has(r) ? html` checked` : ''}> ${ROLE_LABELS[r]}</label>`)}
  </fieldset>
  <button type="submit">新增用户</button>
</form>`;
}

/** `checks`: what other modules need of an organization's people (the app passes them in). */
export function userConsoleRoutes(deps: AppDeps, checks: readonly StaffingCheck[] = []) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    await app.register(userPageRoutes(deps, checks));
    app.get('/users', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'users');
      if (!staffPolicy.listUsers(view.staff, view.org)) throw forbidden('只有系统管理员可以管理用户');
      const users = (await listUsersUnder(db, view.org.path)).map(presentUser);
      // The pauses of this region's names; a top administrator also sees those of names nobody has.
      const pauses = await listActiveThrottles(db, staffPolicy.manageAllLogins(view.staff) && view.org.path === view.staff.homePath ? null : users.map((u) => u.username));
      const notice = (request.query as { notice?: string }).notice;
      return reply.type('text/html').send(
        consolePage(
          view,
          `用户`,
          html`${noticeBox(notice === 'created' ? '用户已新增，请将初始密码告知本人。' : notice === 'unpaused' ? '已解除该登录限制。' : null)}
<table class="data">
  <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">机构</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
  <tbody>${users.map(
    (u) => html`<tr${u.disabled ? html` class="muted"` : ''}><td>${u.username}</td><td>${u.displayName}</td><td>${u.orgName}</td>
      <td>${u.roles.map((r) => ROLE_LABELS[r as Role]).join('、')}</td>
      <td>${userState(u)}</td>
      <td><a href="/console/users/${u.id}" aria-label="管理 ${u.username}">管理</a></td></tr>`,
  )}</tbody>
</table>
<h2>登录限制</h2>
<p class="muted">同一网络地址对同一用户名连续输错密码，该地址对该用户名暂停登录（时长逐次加倍）；其他地址不受影响。</p>
${pauses.length === 0 ? html`<p>目前没有暂停登录的网络地址。</p>` : html`<table class="data">
  <thead><tr><th scope="col">用户名</th><th scope="col">网络地址</th><th scope="col">连续错误</th><th scope="col">暂停至</th><th scope="col">操作</th></tr></thead>
  <tbody>${pauses.map(
    (p) => html`<tr><td>${p.nameKey}</td><td>${p.address}</td><td>${p.failures}</td><td>${new Date(p.blockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</td>
      <td><form method="post" action="/console/users/login-pauses/clear" class="inline">${csrfField(view.csrf)}
        <input type="hidden" name="name" value="${p.nameKey}"><input type="hidden" name="address" value="${p.address}">
        <button type="submit">解除</button></form></td></tr>`,
  )}</tbody>
</table>`}
<h2>新增用户</h2>
${userForm(view, {})}`,
        ),
      );
    });

    app.post('/users', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'users');
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const roles = [body.roles ?? []].flat();
        await createUser(db, staffContext(view.staff, request.id), { ...body, roles, orgCode: view.org.code });
        return reply.redirect('/console/users?notice=created', 303);
      } catch (err) {
        const message = err instanceof ZodError ? describeZodError(err, FIELD_LABELS) : err instanceof DomainError ? err.message : null;
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(consolePage(view, `用户`, userForm(view, body, message)));
      }
    });

    app.post('/users/login-pauses/clear', { schema: { hide: true } }, async (request, reply) => {
      const { name, address } = (request.body ?? {}) as { name?: string; address?: string };
      await clearLoginThrottle(db, staffContext(request.staff!, request.id), String(name ?? ''), String(address ?? ''));
      return reply.redirect('/console/users?notice=unpaused', 303);
    });
  };
}
