// The console forms of a consultation: the consultation itself (draft, 起草说明, kind, period), and the
// 结果反馈 with its points. Required fields are marked （必填） in words; on error the clerk's input is
// kept, each message sits beside its field and a summary at the top takes the focus.
import { html, type SafeHtml } from '../core/html.ts';
import { csrfField } from '../orgs/shell/console-layout.ts';
import { CONSULTATION_FIELD_LABELS, CONSULTATION_KINDS, FEEDBACK_RESULT_LABELS, FEEDBACK_RESULTS, KIND_LABELS, type ConsultationKind, type FeedbackPoint } from './model.ts';
import { describePeriod, type MinimumPeriod } from './rules/minimum-period.ts';

export type FormValues = Record<string, string>;
const REQUIRED = html` <span class="required">（必填）</span>`;

export function errorSummary(errors: Record<string, string>, labels: Record<string, string> = CONSULTATION_FIELD_LABELS): SafeHtml | string {
  const list = Object.entries(errors);
  if (!list.length) return '';
  return html`<div class="error error-summary" role="alert" id="form-errors" tabindex="-1" autofocus><p>有 ${list.length} 处需要修改：</p><ul>${list.map(
    ([k, m]) => html`<li>${k in labels ? html`<a href="#f-${k}">${labels[k]}：${m}</a>` : m}</li>`,
  )}</ul></div>`;
}

const fieldError = (k: string, errors: Record<string, string>) => (errors[k] ? html`<span class="field-error" id="err-${k}">${errors[k]}</span>` : '');
const invalidAttrs = (k: string, errors: Record<string, string>) => (errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');

function input(k: string, v: FormValues, errors: Record<string, string>, opts: { required?: boolean; type?: string; hint?: string } = {}): SafeHtml {
  return html`<label for="f-${k}">${CONSULTATION_FIELD_LABELS[k]}${opts.required ? REQUIRED : ''}${opts.hint ? html` <span class="muted">${opts.hint}</span>` : ''}</label>
  <input id="f-${k}" name="${k}" type="${opts.type ?? 'text'}" value="${v[k] ?? ''}"${opts.required ? html` aria-required="true"` : ''}${invalidAttrs(k, errors)}>${fieldError(k, errors)}`;
}

function textarea(k: string, v: FormValues, errors: Record<string, string>, rows: number, opts: { required?: boolean; hint?: string } = {}): SafeHtml {
  return html`<label for="f-${k}">${CONSULTATION_FIELD_LABELS[k]}${opts.required ? REQUIRED : ''}${opts.hint ? html` <span class="muted">${opts.hint}</span>` : ''}</label>
  <textarea id="f-${k}" name="${k}" rows="${rows}"${opts.required ? html` aria-required="true"` : ''}${invalidAttrs(k, errors)}>${v[k] ?? ''}</textarea>${fieldError(k, errors)}`;
}

export function consultationForm(o: { action: string; csrf: string; values: FormValues; errors: Record<string, string>; submitLabel: string; minimums: Record<ConsultationKind, MinimumPeriod> }): SafeHtml {
  const v = o.values;
  return html`${errorSummary(o.errors)}
<form method="post" action="${o.action}" class="stack wide" id="consultation-form" novalidate>
  ${csrfField(o.csrf)}
  <fieldset id="f-kind"><legend>${CONSULTATION_FIELD_LABELS.kind}${REQUIRED}</legend>
    ${CONSULTATION_KINDS.map((k) => html`<label class="inline"><input type="radio" name="kind" value="${k}"${v.kind === k ? html` checked` : ''}> ${KIND_LABELS[k]}（最短 ${describePeriod(o.minimums[k])}）</label>`)}
    ${fieldError('kind', o.errors)}
  </fieldset>
  ${input('title', v, o.errors, { required: true, hint: '（如 关于征求《青山县……（征求意见稿）》意见的公告）' })}
  ${textarea('draft', v, o.errors, 12, { required: true, hint: '（征求意见稿全文；空一行分段）' })}
  ${textarea('explanation', v, o.errors, 6, { required: true, hint: '（制定背景、依据、主要内容）' })}
  ${input('startsOn', v, o.errors, { required: true, type: 'date', hint: '（不早于发布之日）' })}
  ${input('endsOn', v, o.errors, { required: true, type: 'date', hint: '（当日仍接收意见；期限自开始日期次日起算）' })}
  ${textarea('contact', v, o.errors, 2, { hint: '（书面意见的通信地址、电子邮箱、传真或电话）' })}
  ${textarea('shortPeriodReason', v, o.errors, 2, { hint: '（期限短于最短期限时必填，随征求意见公布，如“因情况紧急”）' })}
  <button type="submit">${o.submitLabel}</button>
</form>`;
}

/** Points already written and three empty rows to add more (posted as point_N, result_N, reason_N). */
export function feedbackForm(o: { action: string; csrf: string; summary: string; points: readonly FeedbackPoint[]; errors: Record<string, string> }): SafeHtml {
  const rows = [...o.points, ...Array.from({ length: 3 }, () => ({ point: '', result: 'adopted' as const, reason: '' }))];
  return html`${errorSummary(o.errors, { summary: '反馈说明' })}
<form method="post" action="${o.action}" class="stack wide" id="feedback-form" novalidate>
  ${csrfField(o.csrf)}
  <label for="f-summary">反馈说明${REQUIRED} <span class="muted">（意见的总体情况、采纳的主要意见；收到的意见条数由系统按记录统计，不必填写）</span></label>
  <textarea id="f-summary" name="summary" rows="5" aria-required="true"${invalidAttrs('summary', o.errors)}>${o.summary}</textarea>${fieldError('summary', o.errors)}
  <p class="small">意见要点：可逐条或归类填写；未采纳、部分采纳的须说明理由。不填意见要点的行不保存。</p>
  ${rows.map((p, i) => html`<fieldset class="feedback-point"><legend>意见要点 ${i + 1}</legend>
    <label for="f-point-${i + 1}">意见要点 ${i + 1} 内容</label><textarea id="f-point-${i + 1}" name="point_${i + 1}" rows="2">${p.point}</textarea>
    <label for="f-result-${i + 1}">意见要点 ${i + 1} 处理结果</label><select id="f-result-${i + 1}" name="result_${i + 1}">${FEEDBACK_RESULTS.map((r) => html`<option value="${r}"${p.result === r ? html` selected` : ''}>${FEEDBACK_RESULT_LABELS[r]}</option>`)}</select>
    <label for="f-reason-${i + 1}">意见要点 ${i + 1} 理由</label><textarea id="f-reason-${i + 1}" name="reason_${i + 1}" rows="2">${p.reason}</textarea>
  </fieldset>`)}
  <button type="submit">保存结果反馈</button>
</form>`;
}

/** The feedback form's fields as the command's input: rows without a point are dropped. */
export function feedbackInputOf(values: Record<string, string>): { summary: string; points: { point: string; result: string; reason: string }[] } {
  const numbers = Object.keys(values).map((k) => /^point_(\d{1,3})$/.exec(k)?.[1]).filter((n): n is string => n !== undefined).map(Number).sort((a, b) => a - b);
  const points = numbers
    .map((n) => ({ point: (values[`point_${n}`] ?? '').trim(), result: values[`result_${n}`] ?? 'adopted', reason: values[`reason_${n}`] ?? '' }))
    .filter((p) => p.point);
  return { summary: values.summary ?? '', points };
}
