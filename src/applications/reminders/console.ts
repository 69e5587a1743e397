// The 提醒 panel of the console home (工作台): the signed-in handler's own digest of the latest
// reminder run in the current organization, a one-line summary on the case queue, and the form for
// the handler's reminder address.
import type { FastifyInstance } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import type { Database } from '../../core/db/database.ts';
import { DomainError } from '../../core/errors.ts';
import { html, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { STATE_LABELS, type CaseState } from '../model.ts';
import { today } from '../../core/today.ts';
import { receivesReminders, setReminderAddress } from './commands.ts';
import type { ReminderItem } from './rules.ts';
import { caseStates, findAddress, findDigestOf, latestRunDate, type StoredDigest } from './store.ts';

const OPEN_STATES: readonly CaseState[] = ['submitted', 'received', 'correction_requested', 'corrected', 'consulting', 'consulted', 'fee_notified', 'paid', 'extended'];

interface Latest {
  runDate: string | null;
  digest: StoredDigest | undefined;
}

/** The latest run on or before today and the staff member's digest of it in this organization. */
async function latestOf(db: Database, view: ConsoleView): Promise<Latest> {
  const runDate = await latestRunDate(db, today());
  const digest = runDate ? await findDigestOf(db, view.staff.userId, view.org.id, runDate) : undefined;
  return { runDate, digest };
}

/** Reminders are shown to the organization's own handlers and heads (a supervisor visiting sees none). */
const showsReminders = (view: ConsoleView) => receivesReminders(view.staff) && view.staff.homeOrgId === view.org.id;

function itemList(items: readonly ReminderItem[], states: Map<number, CaseState>): SafeHtml {
  return html`<ul class="reminder-items">${items.map((i) => {
    const state = states.get(i.caseId);
    const done = state !== undefined && !OPEN_STATES.includes(state);
    const when = i.workingDaysLeft === null ? `已逾期 ${i.daysOverdue} 天` : i.workingDaysLeft === 0 ? '今日到期' : `还剩 ${i.workingDaysLeft} 个工作日`;
    return html`<li><a href="/console/applications/${i.caseId}">${i.receiptNo}</a> ${i.infoTitle} · 答复期限 ${i.dueDate}
      <span class="flag ${i.workingDaysLeft === null ? 'overdue' : 'due_soon'}">${when}</span>${i.assigned ? '' : html` <span class="muted">（未分配办理人）</span>`}${done ? html` <span class="muted">（现为“${STATE_LABELS[state!]}”）</span>` : ''}</li>`;
  })}</ul>`;
}

export interface PanelOptions {
  notice?: string | null;
  error?: string | null;
  /** What the handler typed into the address field (kept on error). */
  typedAddress?: string;
}

/** The 提醒 panel, or nothing for staff who get no reminders in this organization. */
export async function reminderPanel(deps: AppDeps, view: ConsoleView, opts: PanelOptions = {}): Promise<SafeHtml | ''> {
  if (!showsReminders(view)) return '';
  const { db, config } = deps;
  const { runDate, digest } = await latestOf(db, view);
  const address = await findAddress(db, view.staff.userId);
  const items = digest ? [...digest.overdue, ...digest.dueSoon] : [];
  const states = await caseStates(db, items.map((i) => i.caseId));
  const mailConfigured = Boolean(config.smtpUrl && config.mailFrom);
  const body = !runDate
    ? html`<p class="muted">提醒尚未生成：系统每天自动汇总 即将到期和已逾期的申请。</p>`
    : !digest
      ? html`<p>截至 ${runDate}，您没有 即将到期或已逾期的申请。</p>`
      : html`<p>截至 ${runDate}：已逾期 <strong>${digest.overdue.length}</strong> 件，即将到期 <strong>${digest.dueSoon.length}</strong> 件。</p>
${digest.overdue.length ? html`<h3>已逾期</h3>${itemList(digest.overdue, states)}` : ''}
${digest.dueSoon.length ? html`<h3>即将到期</h3>${itemList(digest.dueSoon, states)}` : ''}`;
  const mailLine = !mailConfigured
    ? '系统未配置邮件服务器，提醒只在工作台显示。'
    : digest?.emailedAt
      ? `提醒邮件已发送至 ${digest.emailTo}。`
      : address
        ? `提醒邮件将发送至 ${address}。`
        : '填写邮箱后，每天的提醒也会发送到邮箱。';
  return html`<link rel="stylesheet" href="/assets/applications.css">
<section class="card reminders" id="reminders" aria-labelledby="reminders-title">
  <h2 id="reminders-title">提醒 · 依申请公开办理时限</h2>
  ${noticeBox(opts.notice)}${errorBox(opts.error)}
  ${body}
  <p class="small">${mailLine}</p>
  <form method="post" action="/console/reminders/address" class="inline">
    ${csrfField(view.csrf)}
    <label>接收提醒的邮箱 <input type="email" name="email" value="${opts.typedAddress ?? address ?? ''}" maxlength="200" placeholder="留空则不发送邮件"></label>
    <button type="submit">保存</button>
  </form>
</section>`;
}

/** One line above the case queue: the handler's counts of the latest run, linking to the panel. */
export async function reminderSummary(db: Database, view: ConsoleView): Promise<SafeHtml | ''> {
  if (!showsReminders(view)) return '';
  const { runDate, digest } = await latestOf(db, view);
  if (!runDate || !digest) return '';
  return html`<p class="notice reminder-summary" role="status">提醒（截至 ${runDate}）：您有已逾期 ${digest.overdue.length} 件、即将到期 ${digest.dueSoon.length} 件申请。<a href="/console#reminders">查看</a></p>`;
}

export function reminderConsoleRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.post('/reminders/address', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'home');
      const email = String((request.body as Record<string, unknown> | undefined)?.email ?? '');
      try {
        const saved = await setReminderAddress(deps.db, { ...staffContext(view.staff, request.id), staff: view.staff }, email);
        return reply.redirect(`/console?notice=${saved ? 'reminder-address-saved' : 'reminder-address-removed'}#reminders`, 303);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const panel = await reminderPanel(deps, view, { error: err.message, typedAddress: email });
        return reply
          .status(err.status)
          .type('text/html')
          .send(consolePage(view, '工作台', panel || errorBox(err.message) || html``));
      }
    });
  };
}
