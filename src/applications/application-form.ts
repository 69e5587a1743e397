// The public application form (政府信息公开申请表, 条例第二十九条): every field the article asks
// for, the applicant's input kept on error, a message next to each invalid field and a summary
// at the top. Works without JavaScript; public/applications.js only hides the other applicant kind.
import { html, type SafeHtml } from '../core/html.ts';
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

export const ATTACHMENT_RULES = { maxFiles: 3, maxBytes: 5 * 1024 * 1024, extensions: ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx'] } as const;

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

export function applicationForm(o: FormOptions): SafeHtml {
  const v = (k: string) => o.values[k] ?? '';
  const err = (k: string) => (o.errors[k] ? html`<span class="field-error" id="err-${k}">${o.errors[k]}</span>` : '');
  const described = (k: string) => (o.errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');
  const input = (k: string, attrs: SafeHtml | string = '', hint = '') =>
    html`<label for="f-${k}">${APPLICATION_FIELD_LABELS[k]}${hint ? html` <span class="muted">${hint}</span>` : ''}</label>
    <input id="f-${k}" name="${k}" value="${v(k)}"${described(k)} ${attrs}>${err(k)}`;
  const radio = (k: string, value: string, label: string) =>
    html`<label class="inline"><input type="radio" name="${k}" value="${value}"${v(k) === value ? html` checked` : ''}> ${label}</label>`;
  const summary = Object.entries(o.errors);
  const kind = v('applicantKind');
  return html`${summary.length
    ? html`<div class="error" role="alert" id="form-errors"><p>申请表有 ${summary.length} 处需要修改：</p><ul>${summary.map(
        ([k, m]) => html`<li><a href="#f-${k}">${APPLICATION_FIELD_LABELS[k] ?? k}：${m}</a></li>`,
      )}</ul></div>`
    : ''}
<form method="post" action="${o.action}" class="stack application-form" novalidate${o.attachments ? html` enctype="multipart/form-data"` : ''}>
  <input type="hidden" name="_csrf" value="${o.csrf}">
  <input type="hidden" name="submissionKey" value="${o.submissionKey}">
  ${o.extra ?? ''}
  <fieldset>
    <legend>申请人类型</legend>
    ${radio('applicantKind', 'natural', '自然人')} ${radio('applicantKind', 'organization', '法人或其他组织')}
    ${err('applicantKind')}
  </fieldset>
  <fieldset data-applicant="natural"${kind === 'organization' ? html` data-inactive` : ''}>
    <legend>自然人填写</legend>
    ${input('name', 'autocomplete="name"')}
    <label for="f-idType">${APPLICATION_FIELD_LABELS.idType}</label>
    <select id="f-idType" name="idType"${described('idType')}>
      <option value="">请选择</option>
      ${ID_TYPES.map((t) => html`<option${v('idType') === t ? html` selected` : ''}>${t}</option>`)}
    </select>${err('idType')}
    ${input('idNumber')}
  </fieldset>
  <fieldset data-applicant="organization"${kind === 'natural' ? html` data-inactive` : ''}>
    <legend>法人或其他组织填写</legend>
    ${input('orgName', 'autocomplete="organization"')}
    <label for="f-orgColumn">${APPLICATION_FIELD_LABELS.orgColumn}</label>
    <select id="f-orgColumn" name="orgColumn"${described('orgColumn')}>
      <option value="">请选择</option>
      ${ORGANIZATION_COLUMNS.map((c) => html`<option value="${c}"${v('orgColumn') === c ? html` selected` : ''}>${APPLICANT_COLUMN_LABELS[c]}</option>`)}
    </select>${err('orgColumn')}
    ${input('creditCode', '', '18 位')}
    ${input('legalRepresentative')}
    ${input('contactPerson')}
  </fieldset>
  <fieldset>
    <legend>联系方式</legend>
    ${input('phone', 'type="tel" autocomplete="tel"', '（必填，用于查询办理进度）')}
    ${input('email', 'type="email" autocomplete="email"')}
    ${input('address', 'autocomplete="street-address"', '（选择邮寄时必填）')}
    ${input('postalCode', 'inputmode="numeric"')}
  </fieldset>
  <fieldset>
    <legend>所需政府信息（条例第二十九条第二款第（二）项）</legend>
    ${input('infoTitle', '', '（必填）')}
    ${input('infoDocNumber', '', '（如知道）')}
    <label for="f-infoDescription">${APPLICATION_FIELD_LABELS.infoDescription} <span class="muted">（便于查询的其他特征，如形成时间、制作机关、内容要点）</span></label>
    <textarea id="f-infoDescription" name="infoDescription" rows="5"${described('infoDescription')}>${v('infoDescription')}</textarea>${err('infoDescription')}
  </fieldset>
  <fieldset>
    <legend>获取信息的形式和方式（条例第二十九条第二款第（三）项）</legend>
    <p class="small">${APPLICATION_FIELD_LABELS.formWanted}：${FORMS_WANTED.map((f) => radio('formWanted', f, FORM_LABELS[f]))}</p>${err('formWanted')}
    <p class="small">${APPLICATION_FIELD_LABELS.delivery}：${DELIVERIES.map((d) => radio('delivery', d, DELIVERY_LABELS[d]))}</p>${err('delivery')}
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
