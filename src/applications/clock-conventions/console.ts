// Console page of the clock conventions (计时规则): how this organization counts the reply clock
// where the Regulation is silent, where the setting comes from (its own, an organization above,
// the defaults), and for administrators of it or above a form to set or restore them. A change
// applies to the due dates of every open case at once (they are computed on read).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { DomainError, forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { resetClockConventions, saveClockConventions } from './commands.ts';
import { effectiveConventions, type EffectiveConventions } from './store.ts';
import { applicationPolicy } from '../policy.ts';
import { CONVENTION_LABELS, DEFAULT_CLOCK_CONVENTIONS, DUE_SOON_RANGE, FEE_PAYMENT_RANGE, type ClockConventions } from './rules.ts';

const BASE = '/console/applications/clock-conventions';
const ROUTE = '/applications/clock-conventions';
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const NOTICES: Record<string, string> = { saved: '计时规则已保存，已记入审计日志；未办结申请的答复期限已按新规则计算。', reset: '已恢复沿用上级机构的设置或系统默认规则，已记入审计日志。' };

const BOOLEAN_KEYS = ['startDayCounts', 'pauseStartDayCounts', 'pauseEndDayCounts'] as const;
const COUNT_KEYS = [
  ['feePaymentWorkingDays', FEE_PAYMENT_RANGE],
  ['dueSoonWorkingDays', DUE_SOON_RANGE],
] as const;

function sourceLine(view: ConsoleView, e: EffectiveConventions) {
  if (!e.source) return '本机构使用系统默认的计时规则。';
  const who = html`${e.source.updatedByName} 于 ${when(e.source.updatedAt)} 设置`;
  return e.source.orgId === view.org.id ? html`本机构的计时规则（${who}）。` : html`沿用上级机构“${e.source.orgName}”的计时规则（${who}）。`;
}

const shown = (key: keyof ClockConventions, c: ClockConventions) => {
  const v = c[key];
  return typeof v === 'boolean' ? (v ? '是' : '否') : `${v} 个工作日`;
};

function page(view: ConsoleView, e: EffectiveConventions, opts: { notice?: string | null; error?: string | null; values?: Record<string, string> | null }): string {
  const canEdit = applicationPolicy.editClockConventions(view.staff, view.org);
  const c = e.conventions;
  // After an error the form shows what was typed; otherwise the conventions in force.
  const typed = opts.values;
  const checked = (k: (typeof BOOLEAN_KEYS)[number]) => (typed ? typed[k] === 'true' : c[k]);
  const number = (k: (typeof COUNT_KEYS)[number][0]) => (typed ? (typed[k] ?? '') : String(c[k]));
  return consolePage(
    view,
    `计时规则`,
    html`${noticeBox(opts.notice)}${errorBox(opts.error)}<p><a href="/console/applications">← 返回申请列表</a> · <a href="/console/calendar">工作日历</a></p>
<p>答复期限按《政府信息公开条例》第三十条、第三十一条、第三十三条和国办函〔2020〕109号计算；条例未规定的计数细节按下列规则处理。${sourceLine(view, e)}
下级机构没有自己的设置时沿用本机构的规则。修改后，所有未办结申请的答复期限立即按新规则计算；已发出的文书不变。</p>
<table class="data" id="clock-conventions">
  <thead><tr><th scope="col">规则</th><th scope="col">当前</th><th scope="col">系统默认</th></tr></thead>
  <tbody>${(Object.keys(CONVENTION_LABELS) as (keyof ClockConventions)[]).map(
    (k) => html`<tr><td>${CONVENTION_LABELS[k].label}<br><span class="muted small">${CONVENTION_LABELS[k].help}</span></td><td>${shown(k, c)}</td><td>${shown(k, DEFAULT_CLOCK_CONVENTIONS)}</td></tr>`,
  )}</tbody>
</table>
${canEdit
  ? html`<h2>修改计时规则</h2>
<form method="post" action="${BASE}" class="stack" id="clock-conventions-form">${csrfField(view.csrf)}
  ${BOOLEAN_KEYS.map((k) => html`<label><input type="checkbox" name="${k}" value="true"${checked(k) ? html` checked` : ''}> ${CONVENTION_LABELS[k].label}</label>`)}
  ${COUNT_KEYS.map(([k, r]) => html`<label>${CONVENTION_LABELS[k].label} <input type="number" name="${k}" min="${r.min}" max="${r.max}" value="${number(k)}" required></label>`)}
  <p><button type="submit">保存</button></p>
</form>
${e.source?.orgId === view.org.id
  ? html`<form method="post" action="${BASE}/reset" class="inline">${csrfField(view.csrf)}<button type="submit">删除本机构的设置（沿用上级机构或系统默认）</button></form>`
  : ''}`
  : html`<p class="muted">计时规则由本机构或上级机构的系统管理员设置。</p>`}`,
  );
}

export function clockConventionConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      if (!applicationPolicy.readClockConventions(v.staff, v.org)) throw forbidden('只有本机构的依申请办理人、机关负责人、系统管理员和监督员可以查看计时规则');
      return v;
    };

    app.get(ROUTE, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const n = (request.query as { notice?: string }).notice;
      return reply.type('text/html').send(page(v, await effectiveConventions(db, v.org.id), { notice: (n && NOTICES[n]) ?? null }));
    });

    app.post(ROUTE, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const body = (request.body ?? {}) as Record<string, string>;
      try {
        await saveClockConventions(db, staffContext(v.staff, request.id), v.org.id, body);
        return reply.redirect(`${BASE}?notice=saved`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(page(v, await effectiveConventions(db, v.org.id), { error: err.message, values: body }));
      }
    });

    app.post(`${ROUTE}/reset`, { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      await resetClockConventions(db, staffContext(v.staff, request.id), v.org.id);
      return reply.redirect(`${BASE}?notice=reset`, 303);
    });
  };
}
