// Zod speaks Chinese to clerks: one place that sets the locale and turns issues into a message.
import { z } from 'zod';

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

export { z };
