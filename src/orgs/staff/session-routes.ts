// Login, logout, the required first password change, and the organization switcher.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sameSitePath } from '../../core/http/edges.ts';
import { staffContext } from '../context.ts';
import { DomainError } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { SESSION_COOKIE, sessionTokenHash } from './auth.ts';
import { changeOwnPassword, login, logout, switchOrg } from './commands.ts';
import { bareConsolePage, csrfField, errorBox } from '../shell/console-layout.ts';
import { csrfToken } from '../../core/http/csrf.ts';

const loginForm = z.object({ username: z.string().default(''), password: z.string().default(''), next: z.string().optional() });
const passwordForm = z.object({ current: z.string().default(''), next: z.string().default(''), repeat: z.string().default('') });

/** Only same-site paths inside the console: no open redirects. */
/** Where to go after login: a console page of this site, else the console's home. */
const safeNext = (next: string | undefined) => {
  const path = sameSitePath(next);
  return path && /^\/console(\/|\?|$)/.test(path) ? path : '/console';
};

function loginPage(csrf: string, values: { username?: string; next?: string }, error?: string): string {
  return bareConsolePage(
    '登录',
    html`${errorBox(error)}
<form method="post" action="/console/login" class="stack">
  ${csrfField(csrf)}
  <input type="hidden" name="next" value="${values.next ?? ''}">
  <label>用户名 <input name="username" autocomplete="username" required value="${values.username ?? ''}" autofocus></label>
  <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">登录</button>
</form>`,
  );
}

function passwordPage(csrf: string, mustChange: boolean, error?: string, weak = false): string {
  return bareConsolePage(
    weak ? '请修改密码' : mustChange ? '首次登录：请修改密码' : '修改密码',
    html`${weak ? html`<p class="notice">您的密码不符合现行的密码规则（太短、过于简单、是常见密码，或含用户名、机构名称），请设置新密码后继续使用管理后台。</p>` : mustChange ? html`<p class="notice">为保障账号安全，首次登录或密码被重置后须设置新密码，之后才能使用管理后台。</p>` : ''}
${errorBox(error)}
<form method="post" action="/console/password" class="stack">
  ${csrfField(csrf)}
  <label>当前密码 <input name="current" type="password" autocomplete="current-password" required></label>
  <label>新密码（至少 10 位，含字母和数字；不能是常见密码，不能含用户名或机构名称） <input name="next" type="password" autocomplete="new-password" required minlength="10"></label>
  <label>再次输入新密码 <input name="repeat" type="password" autocomplete="new-password" required minlength="10"></label>
  <button type="submit">保存新密码</button>
</form>
${mustChange ? '' : html`<p><a href="/console">返回工作台</a></p>`}`,
  );
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMinutes: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeMinutes * 60,
  });
}

export function sessionRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return async (app: FastifyInstance) => {
    app.get('/login', { config: { anonymous: true }, schema: { hide: true } }, async (request, reply) => {
      if (request.staff) return reply.redirect('/console');
      const next = (request.query as { next?: string }).next;
      return reply.type('text/html').send(loginPage(csrfToken(reply), { next }));
    });

    app.post(
      '/login',
      { config: { anonymous: true, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { hide: true } },
      async (request, reply) => {
        const form = loginForm.parse(request.body ?? {});
        try {
          const result = await login(db, request.id, form.username, form.password, request.ip, {
            threshold: config.lockoutThreshold,
            minutes: config.lockoutMinutes,
            sessionIdleMinutes: config.sessionIdleMinutes,
          });
          setSessionCookie(request, reply, result.token, config.sessionIdleMinutes);
          if (result.weakPassword) return reply.redirect('/console/password?notice=weak', 303);
          return reply.redirect(result.mustChangePassword ? '/console/password' : safeNext(form.next), 303);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          reply.status(err.status);
          return reply.type('text/html').send(loginPage(csrfToken(reply), form, err.message));
        }
      },
    );

    app.post('/logout', { config: { allowPendingPassword: true }, schema: { hide: true } }, async (request, reply) => {
      await logout(db, staffContext(request.staff!, request.id).actor, request.staff!, sessionTokenHash(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/console/login', 303);
    });

    app.get('/password', { config: { allowPendingPassword: true }, schema: { hide: true } }, async (request, reply) => {
      const weak = (request.query as { notice?: string }).notice === 'weak';
      return reply.type('text/html').send(passwordPage(csrfToken(reply), request.staff!.mustChangePassword, undefined, weak && request.staff!.mustChangePassword));
    });

    app.post('/password', { config: { allowPendingPassword: true }, schema: { hide: true } }, async (request, reply) => {
      const staff = request.staff!;
      const form = passwordForm.parse(request.body ?? {});
      try {
        if (form.next !== form.repeat) throw new DomainError('VALIDATION', '两次输入的新密码不一致');
        await changeOwnPassword(db, staffContext(staff, request.id).actor, staff, form.current, form.next, sessionTokenHash(request));
        return reply.redirect('/console?notice=password-changed', 303);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(passwordPage(csrfToken(reply), staff.mustChangePassword, err.message));
      }
    });

    app.post('/switch-org', { schema: { hide: true } }, async (request, reply) => {
      const { orgId } = z.object({ orgId: z.coerce.number().int() }).parse(request.body);
      await switchOrg(db, request.staff!, sessionTokenHash(request), orgId);
      const back = request.headers.referer ? new URL(request.headers.referer, 'http://x').pathname : '/console';
      return reply.redirect(back.startsWith('/console') && !/\/\d+/.test(back) ? back : '/console', 303);
    });
  };
}
