// Console pages of 依申请公开: the queue (filtered by state, handler, due within 3 working days,
// overdue — computed from the clock), registering an application handed in on paper, the case
// page (clock, timeline, applicant, letters, the actions its state allows) and table 3 of a year.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { addDays } from '../core/date.ts';
import { staffContext, type CommandContext } from '../orgs/context.ts';
import type { Database } from '../core/db/database.ts';
import { DomainError, forbidden, notFound } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { describeZodError } from '../core/validation.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { TABLE3_COLUMNS, table3Rows, table3RowFullLabel } from '../report/model/layout.ts';
import { reportPolicy } from '../report/policy.ts';
import { applicationForm } from './application-form.ts';
import { loadCaseFile, type CaseFile } from './case-file.ts';
import * as commands from './commands.ts';
import { letterFile, loadLetter } from './letters/files.ts';
import { availableLetters, LETTER_KINDS, LETTER_TITLES, type LetterKind } from './letters/compose.ts';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICATION_FIELD_LABELS,
  CASE_STATES,
  CHANNEL_LABELS,
  CHANNELS,
  DELIVERY_LABELS,
  FORM_LABELS,
  fieldErrors,
  STATE_LABELS,
  type CaseState,
} from './model.ts';
import { applicationPolicy } from './policy.ts';
import { loadQueue, type QueueFilter, type QueueOrder } from './queue.ts';
import { STATUS_LABELS, type CaseClock } from './rules/case-clock.ts';
import { EVENT_LABELS, type EventKind } from './rules/case-events.ts';
import { FEE_BASIS_LABELS } from './rules/fees.ts';
import { OUTCOMES, REPLY_OUTCOMES, isOutcome } from './rules/outcome.ts';
import type { CaseAction } from './rules/transitions.ts';
import './scope.ts';
import { findAttachmentContent, listCaseHandlers, listCases, listIssuedLetters, placeInApplicantMonth } from './store.ts';
import { table3ForYear, storeTable3InDraft } from './table3-report.ts';
import { currentYear, today } from '../core/today.ts';
import { reminderSummary } from './reminders/console.ts';
import { letterTemplateConsoleRoutes } from './letters/console.ts';
import { clockConventionConsoleRoutes } from './clock-conventions/console.ts';
import { attachmentHeader } from '../core/http/file-names.ts';
import { calendarYearEntryHref } from '../calendar/links.ts';

const ASSETS = html`<link rel="stylesheet" href="/assets/applications.css"><script src="/assets/applications.js" defer></script>`;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function flag(clock: CaseClock): SafeHtml | string {
  if (clock.error) return html`<span class="flag overdue" title="${clock.error}">无法计算${clock.missingCalendarYear ? `（${clock.missingCalendarYear} 年日历未录入）` : ''}</span>`;
  const s = clock.status?.status;
  if (!s || s === 'on_time' || s === 'replied_on_time') return '';
  const extra = s === 'overdue' ? `（逾期 ${clock.status!.daysOverdue} 天）` : s === 'due_soon' ? `（剩 ${clock.status!.workingDaysLeft} 个工作日）` : '';
  return html`<span class="flag ${s}">${STATUS_LABELS[s]}${extra}</span>`;
}

/**
 * Why there is no due date. A year missing from the calendar is not the handler's to fix: the page
 * says whom to ask and links the 工作日历 page where that person enters it.
 */
function clockError(clock: CaseClock): SafeHtml | string {
  const year = clock.missingCalendarYear;
  if (year === null) return html`<span class="error">${clock.error}</span>`;
  return html`<span class="error" id="calendar-missing">工作日历尚未录入 ${year} 年的节假日安排，答复期限暂无法计算（不作估算）。
  请联系系统管理员（最上级机构的管理员）录入：<a href="${calendarYearEntryHref(year)}">工作日历 · 录入 ${year} 年节假日安排</a>。录入后期限自动计算。</span>`;
}

// ── Actions: the forms of the case page and the commands they run ────────────

type FormBody = Record<string, string>;
interface ActionDef {
  key: CaseAction | 'rejectExtension' | 'assign' | 'note';
  path: string;
  label: string;
  run: (db: Database, ctx: CommandContext, caseId: number, b: FormBody) => Promise<unknown>;
}

const num = (v: string | undefined) => (v && v.trim() ? Number(v) : NaN);

const ACTIONS: ActionDef[] = [
  { key: 'confirm', path: 'confirm', label: '确认收到申请', run: (db, ctx, id, b) => commands.confirmReceipt(db, ctx, id, { confirmedOn: b.confirmedOn || null, arrivedOn: b.arrivedOn || null, signedForOn: b.signedForOn || null, note: b.note }) },
  { key: 'requestCorrection', path: 'correction-request', label: '告知补正', run: (db, ctx, id, b) => commands.requestCorrection(db, ctx, id, { on: b.on, items: b.items ?? '', dueOn: b.dueOn ?? '' }) },
  { key: 'recordCorrection', path: 'correction', label: '登记收到补正', run: (db, ctx, id, b) => commands.recordCorrection(db, ctx, id, { on: b.on, description: b.description ?? '' }) },
  { key: 'abandon', path: 'abandon', label: '逾期未补正，视为放弃', run: (db, ctx, id, b) => commands.abandon(db, ctx, id, { on: b.on, note: b.note }) },
  { key: 'consult', path: 'consultations', label: '征求意见', run: (db, ctx, id, b) => commands.startConsultation(db, ctx, id, { on: b.on, party: b.party as 'agency', partyName: b.partyName ?? '' }) },
  { key: 'recordConsultationDelivery', path: 'consultation-delivery', label: '登记征求意见书送达日期', run: (db, ctx, id, b) => commands.recordConsultationDelivery(db, ctx, id, { letterReceivedOn: b.letterReceivedOn }) },
  { key: 'endConsultation', path: 'consultation-result', label: '征求意见结束', run: (db, ctx, id, b) => commands.endConsultation(db, ctx, id, { on: b.on, result: b.result as 'agreed', note: b.note }) },
  { key: 'noticeFee', path: 'fee-notice', label: '发出收费通知', run: (db, ctx, id, b) => commands.noticeFee(db, ctx, id, { on: b.on, basis: b.basis as 'by_count', pages: num(b.pages) }) },
  { key: 'recordPayment', path: 'payment', label: '登记缴费', run: (db, ctx, id, b) => commands.recordPayment(db, ctx, id, { on: b.on }) },
  { key: 'recordNonPayment', path: 'non-payment', label: '逾期未缴费', run: (db, ctx, id, b) => commands.recordNonPayment(db, ctx, id, { on: b.on }) },
  { key: 'requestExtension', path: 'extension-request', label: '申请延期答复', run: (db, ctx, id, b) => commands.requestExtension(db, ctx, id, { on: b.on, workingDays: num(b.workingDays), reason: b.reason ?? '' }) },
  { key: 'approveExtension', path: 'extension-approval', label: '批准延期（负责人）', run: (db, ctx, id, b) => commands.approveExtension(db, ctx, id, { approvedOn: b.approvedOn, notifiedOn: b.notifiedOn }) },
  { key: 'rejectExtension', path: 'extension-rejection', label: '不批准延期（负责人）', run: (db, ctx, id, b) => commands.rejectExtension(db, ctx, id, { on: b.on, reason: b.reason ?? '' }) },
  { key: 'notifyDisclosure', path: 'disclosure-notice', label: '决定予以公开并告知第三方（负责人，条例第三十二条）', run: (db, ctx, id, b) => commands.notifyDisclosure(db, ctx, id, { on: b.on, content: b.content ?? '', reasons: b.reasons ?? '' }) },
  { key: 'requestReasons', path: 'reasons-request', label: '要求说明理由（条例第三十五条）', run: (db, ctx, id, b) => commands.requestReasons(db, ctx, id, { on: b.on, grounds: b.grounds ?? '', dueOn: b.dueOn ?? '' }) },
  { key: 'recordReasons', path: 'reasons', label: '登记申请人说明的理由', run: (db, ctx, id, b) => commands.recordReasons(db, ctx, id, { on: b.on, reasons: b.reasons ?? '' }) },
  { key: 'delayReply', path: 'reply-delay', label: '确定延迟答复期限（负责人，条例第三十五条）', run: (db, ctx, id, b) => commands.delayReply(db, ctx, id, { notifiedOn: b.notifiedOn, dueDate: b.dueDate ?? '', reason: b.reason ?? '' }) },
  { key: 'draftReply', path: 'reply-draft', label: '拟定答复（报负责人签发）', run: (db, ctx, id, b) => commands.draftReply(db, ctx, id, { on: b.on, outcome: b.outcome ?? '', reasons: b.reasons, deliveredBy: b.deliveredBy, template: b.template }) },
  { key: 'reply', path: 'reply', label: '作出答复并签发（负责人）', run: (db, ctx, id, b) => commands.reply(db, ctx, id, { on: b.on, outcome: b.outcome ?? '', reasons: b.reasons, deliveredBy: b.deliveredBy, template: b.template }) },
  { key: 'signReply', path: 'reply-signature', label: '审核签发答复（负责人）', run: (db, ctx, id, b) => commands.signReply(db, ctx, id, { on: b.on }) },
  { key: 'returnReply', path: 'reply-return', label: '退回答复草稿（负责人）', run: (db, ctx, id, b) => commands.returnReply(db, ctx, id, { on: b.on, reason: b.reason ?? '' }) },
  { key: 'close', path: 'close', label: '办结归档', run: (db, ctx, id, b) => commands.closeCase(db, ctx, id, { on: b.on }) },
  { key: 'withdraw', path: 'withdraw', label: '登记撤回', run: (db, ctx, id, b) => commands.withdraw(db, ctx, id, { on: b.on, note: b.note }) },
  { key: 'assign', path: 'assign', label: '分配办理人', run: (db, ctx, id, b) => commands.assignHandler(db, ctx, id, b.handlerUserId ? Number(b.handlerUserId) : null) },
  { key: 'note', path: 'notes', label: '添加备注', run: (db, ctx, id, b) => commands.addNote(db, ctx, id, b.note ?? '') },
];

interface Failed {
  action: string;
  values: FormBody;
  message: string;
}

const ART35_HINT = html`<p class="small">条例第三十五条：申请数量、频次明显超过合理范围的，可以要求申请人说明理由（不停止计时）；理由不合理或逾期不说明的，以“不予处理——无正当理由大量反复申请”答复；理由合理但无法按期答复的，由负责人确定延迟答复的合理期限并告知申请人。</p>`;

function actionForms(view: ConsoleView, file: CaseFile, failed: Failed | null): SafeHtml {
  const c = file.case;
  const now = today();
  const canApprove = applicationPolicy.approveExtension(view.staff, view.org);
  const canSign = applicationPolicy.signReply(view.staff, view.org);
  const vals = (key: string): FormBody => (failed?.action === key ? failed.values : {});
  const dateField = (name: string, label: string, v: FormBody, fallback = now) =>
    html`<label>${label} <input type="date" name="${name}" value="${v[name] ?? fallback}" required></label>`;
  const text = (name: string, label: string, v: FormBody, attrs?: SafeHtml) => html`<label>${label} <input name="${name}" value="${v[name] ?? ''}"${attrs ? html` ${attrs}` : ''}></label>`;
  const area = (name: string, label: string, v: FormBody) => html`<label>${label} <textarea name="${name}" rows="4">${v[name] ?? ''}</textarea></label>`;
  const select = (name: string, label: string, options: [string, string][], v: FormBody) =>
    html`<label>${label} <select name="${name}">${options.map(([value, l]) => html`<option value="${value}"${v[name] === value ? html` selected` : ''}>${l}</option>`)}</select></label>`;

  const replyFields = (dateLabel: string, v: FormBody) =>
    html`${dateField('on', dateLabel, v)}
      <label>答复结果（年度报告表三） <select name="outcome">${REPLY_OUTCOMES.map((o) => html`<option value="${o}"${v.outcome === o ? html` selected` : ''}>${OUTCOMES[o].label}</option>`)}</select></label>
      ${area('reasons', '理由（除予以公开外必填；部分公开须说明不予公开部分的理由）', v)}
      ${text('deliveredBy', '送达方式', { deliveredBy: DELIVERY_LABELS[c.delivery], ...v })}
      <label>答复书正文（可不填：留空则使用本机关该答复结果的<a href="/console/applications/letter-templates">文书模板</a>；可使用 {理由}、{救济途径} 等占位符） <textarea name="template" rows="6">${v.template ?? ''}</textarea></label>`;
  const fields: Record<string, (v: FormBody) => SafeHtml> = {
    confirm: (v) =>
      c.channel === 'post_signed'
        ? dateField('signedForOn', '签收日期（条例第三十一条第（二）项）', v)
        : c.channel === 'ordinary_letter'
          ? html`${dateField('arrivedOn', '信件到达日期', v)}${dateField('confirmedOn', '与申请人确认日期（应于到达当日确认）', v)}`
          : html`${dateField('confirmedOn', '与申请人双方确认日期（条例第三十一条第（三）项）', v)}${text('note', '确认方式（如电话确认）', v)}`,
    requestCorrection: (v) =>
      html`${dateField('on', '告知日期', v)}${area('items', '需要补正的事项（一次性全部列明）', v)}${dateField('dueOn', '补正期限', v, addDays(now, 15))}
      <p class="small">条例第三十条：应自收到申请之日起 7 个工作日内（${file.clock.deadline?.correctionNoticeDue ?? '—'} 前）一次性告知。</p>`,
    recordCorrection: (v) => html`${dateField('on', '收到补正申请日期', v)}${area('description', '补正后的申请内容', v)}`,
    abandon: (v) => html`${dateField('on', '处理日期', v)}${text('note', '说明', v)}`,
    consult: (v) =>
      html`${dateField('on', '发出征求意见书日期', v)}${select('party', '征求对象', [['third_party', '第三方（条例第三十二条）'], ['agency', '其他机关（条例第三十四条）']], v)}${text('partyName', '第三方或机关名称', v)}`,
    recordConsultationDelivery: (v) => html`${dateField('letterReceivedOn', '被征求意见方收到征求意见书的日期（送达回证、邮件签收）', v)}
      <p class="small">15个工作日自收到征求意见书之日起算（条例第三十二条、第三十四条）；未登记送达日期的，自发出之日起算。</p>`,
    endConsultation: (v) =>
      html`${dateField('on', '收到意见或期限届满日期', v)}${select('result', '结果', [['agreed', '同意公开'], ['objected', '不同意公开'], ['no_reply', '逾期未提出意见']], v)}${text('note', '说明', v)}`,
    noticeFee: (v) =>
      html`${dateField('on', '通知日期', v)}${select('basis', '计费方式（国办函〔2020〕109号）', [['by_count', FEE_BASIS_LABELS.by_count], ['by_pages', FEE_BASIS_LABELS.by_pages]], v)}${text('pages', '页数（按量计收时填写）', v, html`type="number" min="1"`)}`,
    recordPayment: (v) => dateField('on', '缴费日期', v),
    recordNonPayment: (v) => dateField('on', '处理日期（缴费期限届满后）', v),
    requestExtension: (v) =>
      html`${dateField('on', '申请日期', v)}${text('workingDays', '延长工作日数（最长 20 个工作日）', { workingDays: '20', ...v }, html`type="number" min="1" max="20"`)}${area('reason', '延期理由', v)}`,
    approveExtension: (v) => html`${dateField('approvedOn', '负责人同意日期', v)}${dateField('notifiedOn', '告知申请人日期', v)}
      <p class="small">待批准：延长 ${file.snapshot.extensionRequest?.workingDays ?? ''} 个工作日，理由：${file.snapshot.extensionRequest?.reason ?? ''}</p>`,
    rejectExtension: (v) => html`${dateField('on', '审批日期', v)}${area('reason', '不予批准的理由', v)}`,
    notifyDisclosure: (v) => html`${dateField('on', '告知第三方日期', v)}${area('content', '决定公开的政府信息内容', v)}${area('reasons', '不公开可能对公共利益造成重大影响的理由', v)}
      <p class="small">条例第三十二条：第三方（${file.snapshot.thirdPartyObjection?.partyName ?? ''}）不同意公开且有合理理由的，不予公开；认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知第三方。告知后方可全部公开。</p>`,
    requestReasons: (v) => html`${dateField('on', '告知日期', v)}${area('grounds', '申请数量、频次明显超过合理范围的情况（如“您于2025年6月向本机关提出申请32件”）', v)}${dateField('dueOn', `说明理由期限（应早于答复期限 ${file.clock.dueDate ?? ''}）`, v, '')}
      ${ART35_HINT}`,
    recordReasons: (v) => html`${dateField('on', '收到说明日期', v)}${area('reasons', '申请人说明的理由', v)}`,
    delayReply: (v) => html`${dateField('notifiedOn', '告知申请人日期（应在答复期限届满前）', v)}${dateField('dueDate', '延迟答复日期', v, '')}${area('reason', '理由合理但无法在法定期限内答复的原因', v)}
      ${ART35_HINT}`,
    draftReply: (v) => replyFields('拟稿日期', v),
    reply: (v) => replyFields('答复（签发）日期', v),
    signReply: (v) => html`${dateField('on', '签发日期（即答复日期）', v)}<p class="small">签发后答复书以本人名义落款“签发人”，并留存于案卷。</p>`,
    returnReply: (v) => html`${dateField('on', '退回日期', v)}${area('reason', '退回修改的理由', v)}`,
    close: (v) => dateField('on', '办结日期', v),
    withdraw: (v) => html`${dateField('on', '撤回日期', v)}${text('note', '撤回方式（如书面撤回）', v)}`,
  };

  const shown = ACTIONS.filter((a) => {
    if (a.key === 'assign' || a.key === 'note') return false;
    if (a.key === 'rejectExtension') return canApprove && file.actions.includes('approveExtension');
    if (a.key === 'approveExtension') return canApprove && file.actions.includes('approveExtension');
    if (a.key === 'reply' || a.key === 'signReply' || a.key === 'returnReply') return canSign && file.actions.includes(a.key);
    if (a.key === 'delayReply') return applicationPolicy.delayReply(view.staff, view.org) && file.actions.includes(a.key);
    if (a.key === 'notifyDisclosure') return applicationPolicy.overrideObjection(view.staff, view.org) && file.actions.includes(a.key);
    return file.actions.includes(a.key as CaseAction);
  });
  if (!shown.length) return html`<p class="muted">本案件已无可执行的办理操作。</p>`;
  return html`${shown.map(
    (a) => html`<details id="action-${a.path}"${failed?.action === a.path ? html` open class="failed"` : ''}>
  <summary>${a.label}</summary>
  ${failed?.action === a.path ? html`<p class="error">${failed.message}</p>` : ''}
  <form method="post" action="/console/applications/${c.id}/${a.path}" class="stack">
    ${csrfField(view.csrf)}
    ${fields[a.key]!(vals(a.path))}
    <button type="submit">${a.label}</button>
  </form>
</details>`,
  )}`;
}

/**
 * A refused action, said at the top of the re-rendered page where the eye lands, not only in its form
 * far below: it takes the focus (autofocus, tabindex -1: no script) and links to the form, kept open
 * with what was typed.
 */
function failedSummary(failed: Failed | null): SafeHtml | string {
  if (!failed) return '';
  const label = ACTIONS.find((a) => a.path === failed.action)?.label ?? '';
  return html`<div class="error error-summary" role="alert" id="action-error" tabindex="-1" autofocus>
  <p>未能完成“${label}”：${failed.message}</p>
  <p><a href="#action-${failed.action}">转到“${label}”表单修改</a>（已填写的内容均已保留）</p>
</div>`;
}

function eventDetails(kind: string, data: Record<string, unknown>): string {
  const d = (k: string) => String(data[k] ?? '');
  switch (kind) {
    case 'received': return `收到申请之日：${d('receivedOn')}`;
    case 'correction_requested': return `补正事项：${d('items')}；补正期限：${d('dueOn')}`;
    case 'corrected': return `补正内容：${d('description')}`;
    case 'consultation_sent': return `${data.party === 'agency' ? '其他机关' : '第三方'}：${d('partyName')}`;
    case 'consultation_delivered': return `送达日期：${d('letterReceivedOn')}`;
    case 'consultation_closed': return ({ agreed: '同意公开', objected: '不同意公开', no_reply: '逾期未提出意见' } as Record<string, string>)[d('result')] ?? '';
    case 'fee_notified': return `${d('explanation')}；缴费期限：${d('paymentDueOn')}`;
    case 'extension_requested': return `延长 ${d('workingDays')} 个工作日；理由：${d('reason')}`;
    case 'extension_rejected': return `理由：${d('reason')}`;
    case 'disclosure_notified': return `告知${d('partyName')}：决定公开 ${d('content')}；理由：${d('reasons')}`;
    case 'reasons_requested': return `${d('grounds')}；说明期限：${d('dueOn')}`;
    case 'reasons_given': return `${data.by === 'applicant' ? '申请人在线说明' : '工作人员登记'}：${d('reasons')}`;
    case 'reply_delayed': return `延迟至 ${d('dueDate')} 答复，${d('notifiedOn')} 告知申请人；理由：${d('reason')}`;
    case 'extended': return `延长 ${d('workingDays')} 个工作日，负责人 ${d('approvedOn')} 同意，${d('notifiedOn')} 告知申请人`;
    case 'replied': return `${isOutcome(data.outcome) ? OUTCOMES[data.outcome].label : d('outcome')}${d('reasons') ? `；理由：${d('reasons')}` : ''}；送达：${d('deliveredBy')}${d('signedBy') ? `；签发人：${d('signedBy')}` : ''}`;
    case 'reply_drafted': return `${isOutcome(data.outcome) ? OUTCOMES[data.outcome].label : d('outcome')}${d('reasons') ? `；理由：${d('reasons')}` : ''}；送达：${d('deliveredBy')}${data.template ? '；正文由办理人拟定' : ''}`;
    case 'reply_returned': return `退回理由：${d('reason')}`;
    case 'assigned': return `办理人：${d('handlerName') || '（未分配）'}`;
    case 'withdrawn': return data.by === 'applicant' ? '申请人在线撤回' : '工作人员登记';
    case 'reopened_for_new_reply': return `${d('appealKind')} ${d('caseNumber') || '（无案号）'}（${d('body')}，${d('decidedOn')} 作出）责令重新答复${data.dueOn ? `，限 ${d('dueOn')} 前答复` : '；自收到决定之日起 20 个工作日内答复（参照条例第三十三条）'}`;
    default: return '';
  }
}

/**
 * A section another module adds to the case page (src/app passes them in: the appeals raised against
 * the case). It gets the case and the viewer and returns its HTML, or '' when it has nothing to show.
 */
export type CasePanel = (db: Database, view: ConsoleView, c: { id: number; orgId: number; receiptNo: string }) => Promise<SafeHtml | string>;

export interface ApplicationConsoleOptions {
  casePanels?: readonly CasePanel[];
}

async function casePage(deps: AppDeps, view: ConsoleView, file: CaseFile, failed: Failed | null, notice: string | null, panels: readonly CasePanel[] = []): Promise<string> {
  const { db } = deps;
  const extra = await Promise.all(panels.map((p) => p(db, view, { id: file.case.id, orgId: file.case.orgId, receiptNo: file.case.receiptNo })));
  const reopened = [...file.events].reverse().find((e) => e.kind === 'reopened_for_new_reply');
  const c = file.case;
  const clock = file.clock;
  const d = clock.deadline;
  const canHandle = applicationPolicy.handle(view.staff, view.org);
  const a = file.applicant;
  const month = a ? await placeInApplicantMonth(db, c.id) : null;
  const handlers = canHandle ? await listCaseHandlers(db, c.orgId) : [];
  const corrected = [...file.events].reverse().find((e) => e.kind === 'corrected');
  const letters = a ? availableLetters(file.events) : [];
  const issued = letters.length ? await listIssuedLetters(db, c.id) : [];
  const draft = c.state === 'reply_drafted' ? [...file.events].reverse().find((e) => e.kind === 'reply_drafted') : undefined;
  // The text the head signs, word for word, on the page: nobody signs a letter they have not read.
  const draftLetter = draft && a ? await loadLetter(db, c.id, 'reply', { draft: true }) : null;
  const row = (label: string, value: string | SafeHtml | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return consolePage(
    view,
    `申请 ${c.receiptNo}`,
    html`${ASSETS}${noticeBox(notice)}${failedSummary(failed)}
<p><a href="/console/applications">← 返回申请列表</a></p>
<section class="card">
  <dl class="facts">
    <dt>状态</dt><dd id="case-state">${STATE_LABELS[c.state]} ${flag(clock)}</dd>
    ${row('提交方式', CHANNEL_LABELS[c.channel])}
    ${row('提交日期', c.submittedOn)}
    ${row('收到申请之日', c.receivedOn ?? '待确认（条例第三十一条）')}
    ${d ? row('补正告知期限', d.correctionNoticeDue) : ''}
    ${d?.clockStartsOn && d.clockStartsOn !== c.receivedOn ? row('计时起点（收到补正之日）', d.clockStartsOn) : ''}
    ${d ? row('原答复期限', d.originalDueDate) : ''}
    ${d?.extendedDays ? row('延长', `${d.extendedDays} 个工作日`) : ''}
    ${d?.pausedWorkingDays ? row('不计入期限', `${d.pausedWorkingDays} 个工作日（征求意见、缴费）`) : ''}
    ${d?.consultationLapse ? row('征求意见期限', html`<span id="consultation-lapse">${d.consultationLapse.on}（15个工作日，第三十二条、第三十四条；届满未提出意见的，次日起恢复计时）</span>`) : ''}
    ${d ? row('答复期限', html`<strong id="due-date">${clock.dueDate ?? (d.state === 'paused' ? `暂停中（剩余 ${d.workingDaysLeftWhenPaused} 个工作日${d.consultationLapse?.dueDate ? `；征求意见期限届满时为 ${d.consultationLapse.dueDate}` : ''}）` : '待补正后计算')}</strong>`) : ''}
    ${clock.error ? row('时限', clockError(clock)) : ''}
    ${isOutcome(c.outcome) ? row('办理结果', `${OUTCOMES[c.outcome].label}（${c.concludedOn}）`) : ''}
    ${reopened ? row('重新答复', html`<span id="reopened">${reopened.onDate} 收到${String(reopened.data.appealKind ?? '')}决定（<a href="/console/appeals/${String(reopened.data.appealId ?? '')}">${String(reopened.data.caseNumber || '查看记录')}</a>），责令重新答复</span>`) : ''}
    ${row('办理人', c.handlerName ?? '（未分配）')}
  </dl>
  ${d?.problems.length ? html`<div class="error" role="alert"><p>时限问题：</p><ul>${d.problems.map((p) => html`<li>${p.message}</li>`)}</ul></div>` : ''}
  ${canHandle
    ? html`<form method="post" action="/console/applications/${c.id}/assign" class="inline" id="action-assign">${csrfField(view.csrf)}
    <label for="handler">办理人</label><select id="handler" name="handlerUserId"><option value="">（未分配）</option>${handlers.map((h) => html`<option value="${h.id}"${h.id === c.handlerUserId ? html` selected` : ''}>${h.displayName}</option>`)}</select>
    <button type="submit">分配</button></form>`
    : ''}
</section>
<h2>申请内容（条例第二十九条）</h2>
<dl class="facts">
  ${row('所需信息名称', c.infoTitle)}${row('文号', c.infoDocNumber)}${row('其他特征描述', c.infoDescription)}
  ${row('补正后的内容', corrected ? String(corrected.data.description ?? '') : '')}
  ${row('获取形式', FORM_LABELS[c.formWanted])}${row('获取方式', DELIVERY_LABELS[c.delivery])}
</dl>
<h2>申请人</h2>
${a
  ? html`<dl class="facts">
  ${row('类型', `${APPLICANT_COLUMN_LABELS[c.applicantColumn]}${a.kind === 'organization' ? '（法人或其他组织）' : ''}`)}
  ${row(a.kind === 'natural' ? '姓名' : '名称', a.name)}${row('证件', a.idType ? `${a.idType} ${a.idNumber}` : '')}${row('统一社会信用代码', a.creditCode)}
  ${row('法定代表人或负责人', a.legalRepresentative)}${row('联系人', a.contactPerson)}${row('联系电话', a.phone)}${row('电子邮箱', a.email)}
  ${row('通信地址', a.address)}${row('邮政编码', a.postalCode)}
</dl>
${month && month.monthTotal > 10
  ? html`<p class="notice">该申请人本自然月内向本机关提交了 ${month.monthTotal} 件申请，本件为第 ${month.place} 件。数量、频次明显超过合理范围的，可以要求说明理由（条例第三十五条）或收取信息处理费（国办函〔2020〕109号）——由办理人判断。</p>`
  : ''}`
  : html`<p class="muted">${APPLICANT_COLUMN_LABELS[c.applicantColumn]}（个人信息仅本机关依申请办理人和负责人可见）</p>`}
${file.attachments.length && a
  ? html`<h2>附件</h2><ul>${file.attachments.map((f) => html`<li><a href="/console/applications/${c.id}/attachment?id=${f.id}">${f.fileName}</a> <span class="muted">${Math.ceil(f.size / 1024)} KB</span></li>`)}</ul>`
  : ''}
${draft ? html`<h2>答复草稿（待机关负责人审核签发）</h2>
<section class="card" id="reply-draft"><dl class="facts">
  ${row('答复结果', isOutcome(draft.data.outcome) ? OUTCOMES[draft.data.outcome].label : String(draft.data.outcome ?? ''))}
  ${row('理由', String(draft.data.reasons ?? ''))}${row('送达方式', String(draft.data.deliveredBy ?? ''))}
  ${row('拟稿', `${draft.actorName} · ${draft.onDate}`)}${row('答复书正文', draft.data.template ? '办理人拟定' : '本机关模板')}
</dl>
${draftLetter ? html`<h3>答复书全文（签发前请逐字核对）</h3>
<div class="letter-text" id="reply-draft-text"><p>${draftLetter.addressee}</p>${draftLetter.paragraphs.map((p) => html`<p>${p}</p>`)}</div>` : ''}
${a ? html`<p>答复书（草稿）：<a href="/console/applications/${c.id}/letter?kind=reply">DOCX</a> · <a href="/console/applications/${c.id}/letter?kind=reply&amp;format=pdf">PDF</a></p>` : ''}
${applicationPolicy.signReply(view.staff, view.org) ? '' : html`<p class="muted">答复须经机关负责人审核签发后方可发出。</p>`}</section>` : ''}
${letters.length ? html`<h2>文书</h2><ul id="letters">${letters.map((k) => {
  const kept = issued.filter((l) => l.kind === k).at(-1);
  return html`<li>${LETTER_TITLES[k]}：<a href="/console/applications/${c.id}/letter?kind=${k}">DOCX</a> · <a href="/console/applications/${c.id}/letter?kind=${k}&amp;format=pdf">PDF</a>
  <span class="muted small">${kept ? `已留存原件（${kept.issuedOn} 出具）` : '未留存原件，按办理记录重新生成'}</span>${kept && !kept.formats.includes('docx')
    // Rendered just after the step's commit (letter jobs): say so rather than leave the clerk guessing.
    ? html` <span class="notice small" role="status" data-letter-pending>${LETTER_TITLES[k]}正在生成，请稍后刷新本页；现在下载也可以，下载时即生成</span>`
    : ''}</li>`;
})}</ul>` : ''}
${extra}
${canHandle ? html`<h2>办理</h2><div class="case-actions">${actionForms(view, file, failed)}</div>` : ''}
<h2>办理记录</h2>
<ol class="timeline">${file.events.map(
  (e) => html`<li><strong>${e.onDate}</strong> ${EVENT_LABELS[e.kind as EventKind] ?? e.kind} <span class="muted">· ${e.actorName} · ${when(e.at)}</span>
  ${eventDetails(e.kind, e.data) ? html`<br><span class="small">${eventDetails(e.kind, e.data)}</span>` : ''}${e.note ? html`<br><span class="small">备注：${e.note}</span>` : ''}</li>`,
)}</ol>
${canHandle
  ? html`<form method="post" action="/console/applications/${c.id}/notes" class="stack" id="action-notes">${csrfField(view.csrf)}
  <label>备注 <textarea name="note" rows="2">${failed?.action === 'notes' ? (failed.values.note ?? '') : ''}</textarea></label><button type="submit">添加备注</button></form>`
  : ''}`,
  );
}

// ── Register a paper application ────────────────────────────────────────────

function registerPage(view: ConsoleView, values: FormBody, errors: Record<string, string>): string {
  const v = (k: string) => values[k] ?? '';
  const extra = html`<fieldset><legend>提交方式（条例第三十一条）</legend>
    <label for="f-channel">${APPLICATION_FIELD_LABELS.channel}</label>
    <select id="f-channel" name="channel">${CHANNELS.filter((ch) => ch !== 'online').map((ch) => html`<option value="${ch}"${v('channel') === ch ? html` selected` : ''}>${CHANNEL_LABELS[ch]}</option>`)}</select>
    <label for="f-submittedOn">${APPLICATION_FIELD_LABELS.submittedOn}（当面提交即为收到申请之日）</label><input id="f-submittedOn" type="date" name="submittedOn" value="${v('submittedOn') || today()}">
    ${errors.submittedOn ? html`<span class="field-error">${errors.submittedOn}</span>` : ''}
    <label for="f-signedForOn">签收日期（邮寄需签收的）</label><input id="f-signedForOn" type="date" name="signedForOn" value="${v('signedForOn')}">
  </fieldset>`;
  return consolePage(
    view,
    '登记申请',
    html`${ASSETS}<p>登记当面提交、口头提出（代为填写，条例第二十九条第一款）、邮寄或传真的申请。网上申请由申请人在公开门户提交。</p>
${applicationForm({ action: '/console/applications', csrf: view.csrf, submissionKey: values.submissionKey || randomUUID(), values, errors, attachments: false, extra, submitLabel: '登记' })}`,
  );
}

// ── Table 3 ─────────────────────────────────────────────────────────────────

async function table3Page(deps: AppDeps, view: ConsoleView, year: number, message: { notice?: string; error?: string } = {}): Promise<string> {
  const { format, table3 } = await table3ForYear(deps.db, view.org.id, year);
  const rows = table3 as unknown as Record<string, number[]>;
  const canStore = reportPolicy.edit(view.staff, view.org);
  return consolePage(
    view,
    `${year} 年度表三（由案件计算）`,
    html`${ASSETS}${noticeBox(message.notice)}${errorBox(message.error)}
<form method="get" action="/console/applications/table3" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label><button type="submit">计算</button></form>
<p class="small">本年新收 = 本年内收到（条例第三十一条）的申请；上年结转 = 以前年度收到、本年初尚未办结的申请；办理结果按本年内办结的申请计；结转下年度 = 本年末尚未办结的申请。勾稽关系一+二=三（七）+四按构成成立。格式：${format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}。</p>
<table class="data" id="table3">
  <thead><tr><th scope="col">项目</th>${TABLE3_COLUMNS.map((col) => html`<th scope="col">${col}</th>`)}</tr></thead>
  <tbody>${table3Rows(format).map((r) => html`<tr><th scope="row">${table3RowFullLabel(r)}</th>${(rows[r.key] ?? []).map((n) => html`<td>${n}</td>`)}</tr>`)}</tbody>
</table>
${canStore
  ? html`<form method="post" action="/console/applications/table3" class="inline">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}"><button type="submit">写入 ${year} 年度报告草稿</button></form>`
  : html`<p class="muted">写入年度报告草稿须由本机关信息发布员或系统管理员操作。</p>`}`,
  );
}

// ── Routes ──────────────────────────────────────────────────────────────────

export function applicationConsoleRoutes(deps: AppDeps, options: ApplicationConsoleOptions = {}) {
  const { db } = deps;
  const panels = options.casePanels ?? [];
  return async (app: FastifyInstance) => {
    await app.register(letterTemplateConsoleRoutes(deps));
    await app.register(clockConventionConsoleRoutes(deps));
    const view = async (request: FastifyRequest, reply: FastifyReply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      const org = request.scopedOrg ?? v.org;
      if (!applicationPolicy.read(v.staff, org)) throw forbidden('只有依申请办理人、机关负责人和监督员可以查看依申请公开案件');
      return { ...v, org };
    };
    const fileOf = async (v: ConsoleView, caseId: number) => {
      const file = await loadCaseFile(db, caseId, applicationPolicy.readPersonalData(v.staff, v.org));
      if (!file) throw notFound('该申请');
      return file;
    };

    app.get('/applications', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const q = request.query as Record<string, string | undefined>;
      const filter: QueueFilter = {
        state: q.state && ([...CASE_STATES, 'open'] as string[]).includes(q.state) ? (q.state as CaseState | 'open') : null,
        handlerUserId: q.handler && /^\d+$/.test(q.handler) ? Number(q.handler) : null,
        due: q.due === 'soon' || q.due === 'overdue' ? q.due : null,
        receiptNo: q.receiptNo?.trim() || null,
        order: q.order === 'number' ? 'number' : 'urgency',
      };
      const [items, handlers, reminders, awaiting] = await Promise.all([
        loadQueue(db, v.org.id, filter), listCaseHandlers(db, v.org.id), reminderSummary(db, v), listCases(db, v.org.id, { state: 'reply_drafted' }),
      ]);
      const opt = (value: string, label: string, current: string | null | undefined) => html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
      // The same filters in the other order (the column headers switch it).
      const orderedBy = (order: QueueOrder) => {
        const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && e[0] !== 'order'));
        if (order === 'number') p.set('order', 'number');
        return `/console/applications${p.size ? `?${p}` : ''}`;
      };
      const byNumber = filter.order === 'number';
      return reply.type('text/html').send(
        consolePage(
          v,
          `依申请公开`,
          html`${ASSETS}${reminders}${awaiting.length && filter.state !== 'reply_drafted'
  ? html`<p class="notice" role="status" id="awaiting-signature">${awaiting.length} 件答复待机关负责人审核签发：<a href="/console/applications?state=reply_drafted">查看待签发的答复</a></p>`
  : ''}
<p>${applicationPolicy.handle(v.staff, v.org) ? html`<a class="button" href="/console/applications/new">登记申请</a> ` : ''}<a href="/console/applications/table3">年度报告表三</a> · <a href="/console/applications/ledger">导入台账</a> · <a href="/console/applications/letter-templates">文书模板</a> · <a href="/console/applications/clock-conventions">计时规则</a> · <a href="/apply/${v.org.code}">公开申请表</a></p>
<form method="get" action="/console/applications" class="filters">
  <label>状态 <select name="state"><option value="">全部</option>${opt('open', '办理中（未办结）', filter.state)}${CASE_STATES.map((s) => opt(s, STATE_LABELS[s], filter.state))}</select></label>
  <label>办理人 <select name="handler"><option value="">全部</option>${handlers.map((h) => opt(String(h.id), h.displayName, q.handler))}</select></label>
  <label>时限 <select name="due"><option value="">全部</option>${opt('soon', '即将到期', filter.due)}${opt('overdue', '已逾期', filter.due)}</select></label>
  <label>申请编号 <input name="receiptNo" value="${filter.receiptNo ?? ''}"></label>
  <label>排序 <select name="order">${opt('urgency', '按紧急程度（逾期在前）', filter.order)}${opt('number', '按申请编号（新的在前）', filter.order)}</select></label>
  <button type="submit">筛选</button>
</form>
<table class="data" id="cases">
  <caption class="small">${byNumber
    ? html`按申请编号排列，新的在前。<a href="${orderedBy('urgency')}">改为按紧急程度排列</a>`
    : html`按紧急程度排列：已逾期、期限无法计算、即将到期、待确认收到、其余按答复期限先后，暂停计时的和已办结的在后。<a href="${orderedBy('number')}">改为按申请编号排列</a>`}</caption>
  <thead><tr><th scope="col"${byNumber ? html` aria-sort="descending"` : ''}><a href="${orderedBy('number')}">申请编号</a></th><th scope="col">所需信息</th><th scope="col">申请人类别</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col"${byNumber ? '' : html` aria-sort="ascending"`}><a href="${orderedBy('urgency')}">答复期限</a></th><th scope="col">办理人</th></tr></thead>
  <tbody>${items.map(
    ({ case: c, clock }) => html`<tr><td><a href="/console/applications/${c.id}">${c.receiptNo}</a></td><td>${c.infoTitle}</td><td>${APPLICANT_COLUMN_LABELS[c.applicantColumn]}</td>
    <td>${STATE_LABELS[c.state]}</td><td>${c.receivedOn ?? '待确认'}</td><td>${clock.dueDate ?? '—'} ${flag(clock)}</td><td>${c.handlerName ?? '—'}</td></tr>`,
  )}</tbody>
</table>
${items.length ? '' : html`<p class="muted">没有符合条件的申请。</p>`}`,
        ),
      );
    });

    app.get('/applications/new', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!applicationPolicy.handle(v.staff, v.org)) throw forbidden('只有本机关的依申请办理人或负责人可以登记申请');
      return reply.type('text/html').send(registerPage(v, {}, {}));
    });

    app.post('/applications', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const body = (request.body ?? {}) as FormBody;
      const { _csrf, channel, submittedOn, signedForOn, submissionKey, ...fields } = body;
      try {
        const result = await commands.registerApplication(db, staffContext(v.staff, request.id), v.org.id, fields, {
          channel: (CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as (typeof CHANNELS)[number]) : 'in_person',
          submittedOn: submittedOn || today(),
          signedForOn: signedForOn || null,
          submissionKey: submissionKey || null,
        });
        return reply.redirect(`/console/applications/${result.case.id}?notice=${result.duplicate ? 'duplicate' : 'registered'}`, 303);
      } catch (err) {
        let errors: Record<string, string>;
        if (err instanceof ZodError) errors = fieldErrors(err);
        else if (err instanceof DomainError && err.status < 500) errors = { submittedOn: err.message };
        else throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(registerPage(v, body, errors));
      }
    });

    app.get('/applications/table3', { schema: { hide: true } }, async (request, reply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      if (!applicationPolicy.read(v.staff, v.org) && !reportPolicy.edit(v.staff, v.org)) throw forbidden('只有依申请办理人、机关负责人、监督员和年度报告编辑人员可以查看');
      const y = Number((request.query as { year?: string }).year);
      const year = Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : currentYear() - 1;
      return reply.type('text/html').send(await table3Page(deps, v, year));
    });

    app.post('/applications/table3', { schema: { hide: true } }, async (request, reply) => {
      const v = await consoleView(deps, request, reply, 'applications');
      const y = Number(((request.body ?? {}) as FormBody).year);
      const year = Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : currentYear() - 1;
      try {
        const saved = await storeTable3InDraft(db, staffContext(v.staff, request.id), v.org.id, year);
        return reply.type('text/html').send(await table3Page(deps, v, year, { notice: `已写入 ${year} 年度报告草稿（第 ${saved.version} 版）。` }));
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await table3Page(deps, v, year, { error: err.message }));
      }
    });

    app.get('/applications/:caseId', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const file = await fileOf(v, Number((request.params as { caseId: string }).caseId));
      const n = (request.query as { notice?: string }).notice;
      const notice = n === 'registered' ? '申请已登记。' : n === 'duplicate' ? '该申请已登记过，未重复登记。' : n === 'saved' ? '已保存。' : null;
      return reply.type('text/html').send(await casePage(deps, v, file, null, notice, panels));
    });

    for (const action of ACTIONS) {
      app.post(`/applications/:caseId/${action.path}`, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        const caseId = Number((request.params as { caseId: string }).caseId);
        const { _csrf, ...values } = (request.body ?? {}) as FormBody;
        try {
          await action.run(db, staffContext(v.staff, request.id), caseId, values);
          return reply.redirect(`/console/applications/${caseId}?notice=saved`, 303);
        } catch (err) {
          const message = err instanceof ZodError ? describeZodError(err) : err instanceof DomainError && err.status < 500 ? err.message : null;
          if (message === null) throw err;
          reply.status(err instanceof DomainError ? err.status : 400);
          return reply.type('text/html').send(await casePage(deps, v, await fileOf(v, caseId), { action: action.path, values, message }, null, panels));
        }
      });
    }

    app.get('/applications/:caseId/letter', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!applicationPolicy.readPersonalData(v.staff, v.org)) throw forbidden('文书载有申请人个人信息，只有本机关依申请办理人和负责人可以下载');
      const kind = (request.query as { kind?: string }).kind ?? '';
      if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw notFound('该文书');
      const format = (request.query as { format?: string }).format === 'pdf' ? 'pdf' : 'docx';
      const file = await letterFile(db, Number((request.params as { caseId: string }).caseId), kind as LetterKind, format, request.log);
      return reply.type(file.mediaType).header('content-disposition', attachmentHeader(file.fileName)).send(file.content);
    });

    app.get('/applications/:caseId/attachment', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!applicationPolicy.readPersonalData(v.staff, v.org)) throw forbidden('附件可能载有申请人个人信息，只有本机关依申请办理人和负责人可以下载');
      const id = Number((request.query as { id?: string }).id);
      const file = Number.isInteger(id) ? await findAttachmentContent(db, Number((request.params as { caseId: string }).caseId), id) : undefined;
      if (!file) throw notFound('该附件');
      return reply.type(file.contentType).header('content-disposition', attachmentHeader(file.fileName)).send(file.content);
    });
  };
}
