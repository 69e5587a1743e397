// Text typed in a textarea (the draft, the 起草说明, a comment, the 结果反馈) as escaped HTML paragraphs.
import { html, type SafeHtml } from '../core/html.ts';

/** Paragraphs (blank lines part them, single line breaks kept). */
export function paragraphs(text: string): SafeHtml {
  const parts = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return html`${parts.map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : html`${line}`))}</p>`)}`;
}
