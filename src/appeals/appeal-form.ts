// The console forms of an appeal: the record (registered or corrected) and its outcome with the
// decision document. Required fields are marked （必填） in words; on error the clerk's input is kept,
// each message sits beside its field and a summary at the top takes the focus.
import { html, type SafeHtml } from '../core/html.ts';
import { csrfField } from '../orgs/shell/console-layout.ts';
import { APPEAL_FIELD_LABELS, APPEAL_KINDS, APPEAL_OUTCOMES, KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL } from './model.ts';
import { MAX_DOCUMENT_BYTES } from './rules/document.ts';

export type FormValues = Record<string, string>;
const REQUIRED = html` <span class="required">（必填）</span>`;

function errorSummary(errors: Record<string, string>): SafeHtml | string {
  const list = Object.entries(errors);
  if (!list.length) return '';
  return html`<div class="error error-summary" role="alert" id="form-errors" tabindex="-1" autofocus><p>有 ${list.length} 处需要修改：</p><ul>${list.map(
    ([k, m]) => html`<li>${k in APPEAL_FIELD_LABELS ? html`<a href="#f-${k}">${APPEAL_FIELD_LABELS[k]}：${m}</a>` : m}</li>`,
  )}</ul></div>`;
}

function field(k: string, values: FormValues, errors: Record<string, string>, opts: { required?: boolean; type?: string; hint?: string } = {}): SafeHtml {
  const invalid = errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '';
  return html`<label for="f-${k}">${APPEAL_FIELD_LABELS[k]}${opts.required ? REQUIRED : ''}${opts.hint ? html` <span class="muted">${opts.hint}</span>` : ''}</label>
  <input id="f-${k}" name="${k}" type="${opts.type ?? 'text'}" value="${values[k] ?? ''}"${opts.required ? html` aria-required="true"` : ''}${invalid}>${errors[k] ? html`<span class="field-error" id="err-${k}">${errors[k]}</span>` : ''}`;
}

export function appealForm(o: { action: string; csrf: string; values: FormValues; errors: Record<string, string>; submitLabel: string }): SafeHtml {
  const v = o.values;
  return html`${errorSummary(o.errors)}
<form method="post" action="${o.action}" class="stack" id="appeal-form" novalidate>
  ${csrfField(o.csrf)}
  <fieldset id="f-kind"><legend>${APPEAL_FIELD_LABELS.kind}${REQUIRED}</legend>
    ${APPEAL_KINDS.map((k) => html`<label class="inline"><input type="radio" name="kind" value="${k}"${v.kind === k ? html` checked` : ''}> ${KIND_LABELS[k]}</label>`)}
    ${o.errors.kind ? html`<span class="field-error">${o.errors.kind}</span>` : ''}
  </fieldset>
  ${field('receiptNo', v, o.errors, { hint: '（涉及依申请公开的，填写申请编号；涉及主动公开或其他行为的留空）' })}
  ${field('party', v, o.errors, { hint: '（填写了本机关的申请编号时可留空，取该申请的申请人；不对外公开）' })}
  ${field('body', v, o.errors, { required: true, hint: '（如 青山县人民政府、青山县人民法院）' })}
  ${field('caseNumber', v, o.errors, { hint: '（如 青政复〔2025〕12号、（2025）浙0122行初15号）' })}
  ${field('receivedOn', v, o.errors, { required: true, type: 'date', hint: '（复议机关收到申请或法院立案之日）' })}
  <label for="f-note">${APPEAL_FIELD_LABELS.note}</label>
  <textarea id="f-note" name="note" rows="3">${v.note ?? ''}</textarea>${o.errors.note ? html`<span class="field-error">${o.errors.note}</span>` : ''}
  <button type="submit">${o.submitLabel}</button>
</form>`;
}

export function outcomeForm(o: { action: string; csrf: string; values: FormValues; errors: Record<string, string> }): SafeHtml {
  const v = o.values;
  const current = v.outcome || 'pending';
  return html`${errorSummary(o.errors)}
<form method="post" action="${o.action}" class="stack" id="outcome-form" enctype="multipart/form-data" novalidate>
  ${csrfField(o.csrf)}
  <fieldset id="f-outcome"><legend>${APPEAL_FIELD_LABELS.outcome}${REQUIRED}</legend>
    ${APPEAL_OUTCOMES.map((k) => html`<label class="inline"><input type="radio" name="outcome" value="${k}"${current === k ? html` checked` : ''}> ${OUTCOME_LABELS[k]}</label>`)}
    <label class="inline"><input type="radio" name="outcome" value="pending"${current === 'pending' ? html` checked` : ''}> ${PENDING_LABEL}</label>
    ${o.errors.outcome ? html`<span class="field-error">${o.errors.outcome}</span>` : ''}
  </fieldset>
  <p class="small">结果维持：复议机关或法院维持、确认合法或驳回请求；结果纠正：撤销、变更、确认违法或责令履行（含责令重新答复）；其他结果：终止、撤回、不予受理等。</p>
  ${field('decidedOn', v, o.errors, { type: 'date', hint: '（已审结的必填：决定书、判决书作出之日）' })}
  <fieldset id="f-newReply"><legend>重新答复</legend>
    <label class="inline"><input type="checkbox" name="newReply" value="on"${v.newReply === 'on' ? html` checked` : ''}> 决定或判决责令重新答复（撤销原答复并重新答复）</label>
    ${o.errors.newReply ? html`<span class="field-error">${o.errors.newReply}</span>` : ''}
    <p class="small">涉及本机关已登记的申请的，保存后该申请恢复办理：自收到决定书之日起重新计算 20 个工作日（参照条例第三十三条），决定限定期限的按其期限。</p>
    ${field('newReplyOrderedOn', v, o.errors, { type: 'date', hint: '（本机关收到决定书、判决书之日；不填按审结日期）' })}
    ${field('newReplyDueOn', v, o.errors, { type: 'date', hint: '（决定书限定了重新答复期限的填写）' })}
  </fieldset>
  <label for="f-document">决定书、判决书或裁定书 <span class="muted">（可选；PDF、OFD、Word 或图片，最大 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB）</span></label>
  <input id="f-document" type="file" name="document" accept=".pdf,.ofd,.doc,.docx,.jpg,.jpeg,.png">${o.errors.document ? html`<span class="field-error">${o.errors.document}</span>` : ''}
  <button type="submit">保存结果</button>
</form>`;
}
