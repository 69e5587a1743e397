// The body of an item is stored as plain text: paragraphs separated by blank lines. Nothing
// the editor types is ever stored or sent as markup; pasted HTML is reduced to its text.
import { html, type SafeHtml } from '../../core/html.ts';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…' };

/** Text from pasted HTML: block ends become line breaks, tags are dropped, entities decoded. */
function htmlToText(s: string): string {
  return s
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|section|article|blockquote)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/**
 * The body as stored: HTML reduced to text if it looks like HTML, control characters removed,
 * line ends unified, trailing spaces and runs of blank lines collapsed.
 */
export function cleanBody(input: string): string {
  let s = input.replace(/\r\n?/g, '\n');
  if (/<\/?[a-z][^>]*>/i.test(s)) s = htmlToText(s);
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '')
    .replace(/[ \t\u3000]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line fields (title, 文号…): whitespace runs become one space, control characters go. */
export function cleanLine(input: string): string {
  return input.replace(/[\u0000-\u001F\u007F\u200B\uFEFF]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** The body as HTML: every paragraph escaped, single line breaks kept. */
export function bodyHtml(body: string): SafeHtml {
  return html`${paragraphs(body).map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : html`${line}`))}</p>\n`)}`;
}
