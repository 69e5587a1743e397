// One staff account in the console (administrators): its roles, 停用 / 启用, a new password, and
// what its organization can no longer do after a change (the staffing checks the app passes in).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { staffContext } from '../context.ts';
import { DomainError, forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { describeZodError } from '../../core/validation.ts';
import { consolePage, csrfField, errorBox, noticeBox, warningBox } from '../shell/console-layout.ts';
import { consoleView } from '../shell/console-view.ts';
import { resetPassword, setUserDisabled, setUserRoles } from './commands.ts';
import { ROLE_LABELS, ROLES } from './model.ts';
import { staffPolicy } from './policy.ts';
import './scope-params.ts';
import { staffingWarnings, type StaffingCheck } from './staffing.ts';
import { findUserById } from './store.ts';

const NOTICES: Record<string, string> = {
  roles: '角色已保存，该用户下一次操作起按新角色办理。',
  disabled: '账号已停用，该用户已被退出登录，不能再登录。',
  enabled: '账号已启用，该用户可以用原密码登录。',
  reset: '密码已重置，该用户下次登录须修改密码。',
};

export const userState = (u: { disabled: boolean; locked: boolean; mustChangePassword: boolean }) =>
  u.disabled ? '已停用' : u.locked ? '部分网络暂停登录' : u.mustChangePassword ? '待修改初始密码' : '正常';

export function userPageRoutes(deps: AppDeps, checks: readonly StaffingCheck[]) {
  const { db } = deps;

  async function userPage(request: FastifyRequest, reply: FastifyReply, error?: string) {
    const view = await consoleView(deps, request, reply, 'users');
    const org = request.scopedOrg!;
    if (!staffPolicy.manageUsers(view.staff, org)) throw forbidden('只有系统管理员可以管理用户');
    const user = (await findUserById(db, Number((request.params as { userId: string }).userId)))!;
    const warnings = await staffingWarnings(db, checks, org.id);
    const notice = NOTICES[(request.query as { notice?: string }).notice ?? ''];
    const self = user.id === view.staff.userId;
    const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
    return reply.type('text/html').send(
      consolePage(
        view,
        `用户：${user.displayName}`,
        html`${noticeBox(notice)}${errorBox(error)}${warningBox(`${org.fullName}目前无法完成的工作`, warnings)}
<p><a href="/console/users">← 返回用户列表</a></p>
<dl class="facts">
  <dt>用户名</dt><dd>${user.username}</dd><dt>所属机构</dt><dd>${org.fullName}</dd>
  <dt>角色</dt><dd>${user.roles.map((r) => ROLE_LABELS[r]).join('、')}</dd>
  <dt>状态</dt><dd>${userState({ ...user, locked })}</dd>
  <dt>最近登录</dt><dd>${user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—'}</dd>
</dl>
<h2>角色</h2>
${self
  ? html`<p class="muted">不能修改自己的角色，请由其他系统管理员修改。</p>`
  : html`<form method="post" action="/console/users/${user.id}/roles" class="stack">${csrfField(view.csrf)}
  <fieldset><legend>角色（至少一个）</legend>
    ${ROLES.map((r) => html`<label class="inline"><input type="checkbox" name="roles" value="${r}"${user.roles.includes(r) ? html` checked` : ''}> ${ROLE_LABELS[r]}</label>`)}
  </fieldset>
  <button type="submit">保存角色</button></form>`}
<h2>停用和启用</h2>
${self
  ? html`<p class="muted">不能停用自己的账号。</p>`
  : user.disabled
    ? html`<form method="post" action="/console/users/${user.id}/enable" class="inline">${csrfField(view.csrf)}<button type="submit">启用账号</button></form>`
    : html`<p class="muted">停用后该用户立即退出登录且不能再登录；账号和经办记录保留，可以再启用。</p>
<form method="post" action="/console/users/${user.id}/disable" class="inline">${csrfField(view.csrf)}<button type="submit" class="secondary">停用账号</button></form>`}
<h2>重置密码</h2>
<form method="post" action="/console/users/${user.id}/reset-password" class="inline">${csrfField(view.csrf)}
  <label>新密码 <input name="password" type="password" autocomplete="new-password" required minlength="10"></label>
  <button type="submit">重置密码</button></form>`,
      ),
    );
  }

  /** Runs a change from the page; a refusal comes back on the page with its message. */
  async function act(request: FastifyRequest, reply: FastifyReply, notice: string, run: (ctx: ReturnType<typeof staffContext>, id: number) => Promise<unknown>) {
    const id = Number((request.params as { userId: string }).userId);
    try {
      await run(staffContext(request.staff!, request.id), id);
      return reply.redirect(`/console/users/${id}?notice=${notice}`, 303);
    } catch (err) {
      const message = err instanceof ZodError ? describeZodError(err, { roles: '角色' }) : err instanceof DomainError ? err.message : null;
      if (!message) throw err;
      reply.status(err instanceof DomainError ? err.status : 400);
      return userPage(request, reply, message);
    }
  }

  const form = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

  return async (app: FastifyInstance) => {
    app.get('/users/:userId', { schema: { hide: true } }, (request, reply) => userPage(request, reply));
    app.post('/users/:userId/roles', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, 'roles', (ctx, id) => setUserRoles(db, ctx, { id }, { roles: [form(request).roles ?? []].flat() })),
    );
    app.post('/users/:userId/disable', { schema: { hide: true } }, (request, reply) => act(request, reply, 'disabled', (ctx, id) => setUserDisabled(db, ctx, { id }, true)));
    app.post('/users/:userId/enable', { schema: { hide: true } }, (request, reply) => act(request, reply, 'enabled', (ctx, id) => setUserDisabled(db, ctx, { id }, false)));
    app.post('/users/:userId/reset-password', { schema: { hide: true } }, (request, reply) =>
      act(request, reply, 'reset', async (ctx, id) => {
        if (!staffPolicy.manageUsers(request.staff!, request.scopedOrg!)) throw forbidden('只有系统管理员可以重置密码');
        const user = (await findUserById(db, id))!;
        await resetPassword(db, ctx, user.username, String(form(request).password ?? ''));
      }),
    );
  };
}
