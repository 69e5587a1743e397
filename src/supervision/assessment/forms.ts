// What the assessment's console forms share: a refused command as the field errors of the form that
// sent it (a schema error per field, a domain error on the field it names), and one field's message.
import { ZodError } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import { fieldErrors } from '../../core/validation.ts';

export type Errors = Record<string, string>;

/** The status and field errors of a 4xx refusal, or null for anything else (rethrown by the caller). */
export function formErrors(err: unknown, fallbackField: string): { status: number; errors: Errors } | null {
  if (err instanceof ZodError) return { status: 400, errors: fieldErrors(err) };
  if (err instanceof DomainError && err.status < 500) {
    const field = (err.details as { field?: string } | undefined)?.field ?? fallbackField;
    return { status: err.status, errors: { [field]: err.message } };
  }
  return null;
}

export const fieldError = (errors: Errors, name: string) => (errors[name] ? html`<span class="field-error" role="alert">${errors[name]}</span>` : '');
