// What the assessment's console forms share: a refused command as the field errors of the form that
// sent it (a schema error per field, a domain error on the field it names), and one field's message.
import { html } from '../../core/html.ts';

export type Errors = Record<string, string>;

export { formErrors } from '../../core/validation.ts';

export const fieldError = (errors: Errors, name: string) => (errors[name] ? html`<span class="field-error" role="alert">${errors[name]}</span>` : '');
