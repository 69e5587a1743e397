// Zod speaks Chinese to clerks: one place that sets the locale and turns issues into a message.
import { z } from 'zod';
import { DomainError } from './errors.ts';

z.config(z.locales.zhCN());

/** "字段：问题；字段：问题" — field names as the form calls them where we know them. */
export function describeZodError(err: z.ZodError, fieldLabels: Record<string, string> = {}): string {
  return err.issues
    .map((i) => {
      const key = i.path.join('.');
      const label = fieldLabels[key] ?? key;
      return label ? `${label}：${i.message}` : i.message;
    })
    .join('；');
}

/** Zod issues → { field: message } (the first message per field), for forms that show each error beside its field. */
export function fieldErrors(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * A refused command as the field errors of the form that sent it (a schema error per field, a domain
 * error on the field it names, else on `fallbackField`) with its 4xx status; null for anything else
 * (the caller rethrows it).
 */
export function formErrors(err: unknown, fallbackField: string): { status: number; errors: Record<string, string> } | null {
  if (err instanceof z.ZodError) return { status: 400, errors: fieldErrors(err) };
  if (err instanceof DomainError && err.status < 500) {
    const field = (err.details as { field?: string } | undefined)?.field ?? fallbackField;
    return { status: err.status, errors: { [field]: err.message } };
  }
  return null;
}

export { z };
