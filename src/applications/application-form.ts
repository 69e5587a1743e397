// The public application form (政府信息公开申请表, 条例第二十九条): every field the article asks
// for, each required one marked （必填）, the applicant's input kept on error, a message next to each
// invalid field and a summary at the top that takes the focus. Works without JavaScript;
// public/applications.js only hides the other applicant kind.
import { html, type SafeHtml } from '../core/html.ts';
import { PUBLIC_ATTACHMENT_EXTENSIONS } from '../core/http/public-attachments.ts';
import {
  APPLICATION_FIELD_LABELS,
  APPLICANT_COLUMN_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  FORM_LABELS,
  FORMS_WANTED,
  ID_TYPES,
  ORGANIZATION_COLUMNS,
} from './model.ts';

export type FormValues = Record<string, string>;

export const ATTACHMENT_RULES = { maxFiles: 3, maxBytes: 5 * 1024 * 1024, extensions: PUBLIC_ATTACHMENT_EXTENSIONS } as const;

interface FormOptions {
  action: string;
  csrf: string;
  submissionKey: string;
  values: FormValues;
  errors: Record<string, string>;
  /** Allow file attachments (multipart form). */
  attachments: boolean;
  /** Fields placed first in the form (the console adds channel and dates). */
  extra?: SafeHtml;
  /** Text of the submit button. */
  submitLabel?: string;
}

/** Shown after the label of every field the applicant must fill: text, never colour alone. */
const REQUIRED = html` <span class="required">（必填）</span>`;

export function applicationForm(o: FormOptions): SafeHtml {
  const v = (k: string) => o.values[k] ?? '';
  const err = (k: string) => (o.errors[k] ? html`<span class="field-error" id="err-${k}">${o.errors[k]}</span>` : '');
  const described = (k: string) => (o.errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');
  /** `required`: marked （必填） and aria-required; a hint says when a field is needed only sometimes. */
  const input = (k: string, opts: { attrs?: SafeHtml; hint?: string; required?: boolean } = {}) =>
    html`<label for="f-${k}">${APPLICATION_FIELD_LABELS[k]}${opts.required ? REQUIRED : ''}${opts.hint ? html` <span class="muted">${opts.hint}</span>` : ''}</label>
    <input id="f-${k}" name="${k}" value="${v(k)}"${opts.required ? html` aria-required="true"` : ''}${described(k)}${opts.attrs ? html` ${opts.attrs}` : ''}>${err(k)}`;
  // The first radio of a group carries the group's id, so the error summary's link lands on it.
  const radio = (k: string, value: string, label: string, first: boolean) =>
    html`<label class="inline"><input type="radio" name="${k}" value="${value}"${first ? html` id="f-${k}"` : ''}${v(k) === value ? html` checked` : ''}> ${label}</label>`;
  const radios = (k: string, options: readonly (readonly [string, string])[]) => options.map(([value, label], i) => radio(k, value, label, i === 0));
  const summary = Object.entries(o.errors);
  const kind = v('applicantKind');
  // The summary comes first and takes the focus on load (autofocus, tabindex -1: no script needed),
  // so keyboard and screen-reader users start from the list of problems, each linked to its field.
  return html`${summary.length
    ? html`<div class="error error-summary" role="alert" id="form-errors" tabindex="-1" autofocus><p>申请表有 ${summary.length} 处需要修改：</p><ul>${summary.map(
        ([k, m]) => html`<li><a href="#f-${k}">${APPLICATION_FIELD_LABELS[k] ?? k}：${m}</a></li>`,
      )}</ul></div>`
    : ''}
<form method="post" action="${o.action}" class="stack application-form" novalidate${o.attachments ? html` enctype="multipart/form-data"` : ''}>
  <input type="hidden" name="_csrf" value="${o.csrf}">
  <input type="hidden" name="submissionKey" value="${o.submissionKey}">
  <p class="small">带“（必填）”的项目须填写；“自然人填写”和“法人或其他组织填写”两组中，只须填写与申请人类型相符的一组。</p>
  ${o.extra ?? ''}
  <fieldset>
    <legend>申请人类型${REQUIRED}</legend>
    ${radios('applicantKind', [['natural', '自然人'], ['organization', '法人或其他组织']])}
    ${err('applicantKind')}
  </fieldset>
  <fieldset data-applicant="natural"${kind === 'organization' ? html` data-inactive` : ''}>
    <legend>自然人填写</legend>
    ${input('name', { attrs: html`autocomplete="name"`, required: true })}
    <label for="f-idType">${APPLICATION_FIELD_LABELS.idType}${REQUIRED}</label>
    <select id="f-idType" name="idType" aria-required="true"${described('idType')}>
      <option value="">请选择</option>
      ${ID_TYPES.map((t) => html`<option${v('idType') === t ? html` selected` : ''}>${t}</option>`)}
    </select>${err('idType')}
    ${input('idNumber', { required: true })}
  </fieldset>
  <fieldset data-applicant="organization"${kind === 'natural' ? html` data-inactive` : ''}>
    <legend>法人或其他组织填写</legend>
    ${input('orgName', { attrs: html`autocomplete="organization"`, required: true })}
    <label for="f-orgColumn">${APPLICATION_FIELD_LABELS.orgColumn}${REQUIRED}</label>
    <select id="f-orgColumn" name="orgColumn" aria-required="true"${described('orgColumn')}>
      <option value="">请选择</option>
      ${ORGANIZATION_COLUMNS.map((c) => html`<option value="${c}"${v('orgColumn') === c ? html` selected` : ''}>${APPLICANT_COLUMN_LABELS[c]}</option>`)}
    </select>${err('orgColumn')}
    ${input('creditCode', { hint: '18 位', required: true })}
    ${input('legalRepresentative', { required: true })}
    ${input('contactPerson', { required: true })}
  </fieldset>
  <fieldset>
    <legend>联系方式</legend>
    ${input('phone', { attrs: html`type="tel" autocomplete="tel"`, hint: '（用于查询办理进度）', required: true })}
    ${input('email', { attrs: html`type="email" autocomplete="email"`, hint: '（选择以电子邮件获取信息时必填）' })}
    ${input('address', { attrs: html`autocomplete="street-address"`, hint: '（选择邮寄时必填）' })}
    ${input('postalCode', { attrs: html`inputmode="numeric" autocomplete="postal-code"` })}
  </fieldset>
  <fieldset>
    <legend>所需政府信息（条例第二十九条第二款第（二）项）</legend>
    ${input('infoTitle', { required: true })}
    ${input('infoDocNumber', { hint: '（如知道）' })}
    <label for="f-infoDescription">${APPLICATION_FIELD_LABELS.infoDescription} <span class="muted">（便于查询的其他特征，如形成时间、制作机关、内容要点）</span></label>
    <textarea id="f-infoDescription" name="infoDescription" rows="5"${described('infoDescription')}>${v('infoDescription')}</textarea>${err('infoDescription')}
  </fieldset>
  <fieldset>
    <legend>获取信息的形式和方式（条例第二十九条第二款第（三）项）</legend>
    <p class="small">${APPLICATION_FIELD_LABELS.formWanted}${REQUIRED}：${radios('formWanted', FORMS_WANTED.map((f) => [f, FORM_LABELS[f]] as const))}</p>${err('formWanted')}
    <p class="small">${APPLICATION_FIELD_LABELS.delivery}${REQUIRED}：${radios('delivery', DELIVERIES.map((d) => [d, DELIVERY_LABELS[d]] as const))}</p>${err('delivery')}
  </fieldset>
  ${o.attachments
    ? html`<fieldset>
    <legend>附件（可选）</legend>
    <label for="f-attachments">身份证明或其他材料 <span class="muted">（最多 ${ATTACHMENT_RULES.maxFiles} 个，每个不超过 5 MB，PDF、JPG、PNG、DOC、DOCX）</span></label>
    <input id="f-attachments" type="file" name="attachments" multiple accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"${described('attachments')}>${err('attachments')}
  </fieldset>`
    : ''}
  ${o.extra ? '' : html`<p class="small">提交即表示您确认所填信息真实。您的个人信息仅用于办理本申请，不会在网站上公开。</p>`}
  <button type="submit">${o.submitLabel ?? '提交申请'}</button>
</form>`;
}
