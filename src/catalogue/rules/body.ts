// The body of an item (issue 6 §2: “body (rich text, sanitized)”) is stored as HTML cleaned against
// an allow-list with sanitize-html: paragraphs, line breaks, emphasis, h3/h4 headings, lists, tables
// (colspan/rowspan), block quotes and links to http(s) or relative addresses. Nothing else survives:
// no scripts, event handlers, style attributes, images, frames or javascript:/data: links. Text typed
// without tags becomes paragraphs at blank lines. Bodies saved before rich text (plain text, paragraphs
// separated by blank lines) are shown as paragraphs. Detectors, search and excerpts read bodyText().
import sanitizeHtml from 'sanitize-html';
import { escapeHtml, html, trustedHtml, type SafeHtml } from '../../core/html.ts';

export const BODY_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'blockquote'] as const;

/** colspan / rowspan: a small positive whole number, or the attribute goes. */
function spans(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: sanitizeHtml.Attributes = {};
  for (const name of ['colspan', 'rowspan']) {
    const v = attribs[name]?.trim();
    if (v && /^[1-9]\d{0,2}$/.test(v)) out[name] = v;
  }
  return { tagName, attribs: out };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  // Links: http, https, or relative to this site; never javascript:, data:, mailto: or //host.
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Disallowed tags go and their text stays (pasted Word spans, divs), except what is never text.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'template', 'svg', 'math'],
  transformTags: {
    h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4', div: 'p', section: 'p', article: 'p',
    th: spans, td: spans,
  },
  // Empty paragraphs (Word pastes many) go.
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.replace(/\u00a0/g, '').trim(),
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

const looksLikeHtml = (s: string) => /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(s);
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

/** The allow-list applied to a piece of HTML. */
export function sanitizeBody(input: string): string {
  return sanitizeHtml(input.replace(CONTROL, ''), OPTIONS).trim();
}

export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks are kept. */
function textToHtml(text: string): string {
  return paragraphs(text).map((p) => `<p>${p.split('\n').map((line) => escapeHtml(line.trim())).join('<br>')}</p>`).join('\n');
}

/**
 * The body as stored: HTML (pasted or typed) cleaned against the allow-list; text without tags
 * made into paragraphs. Line ends unified, control characters removed.
 */
export function cleanBody(input: string): string {
  const s = input.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/[ \t\u3000]+$/gm, '').trim();
  if (!s) return '';
  if (!looksLikeHtml(s)) return textToHtml(s);
  // Text with a few inline tags and no blocks: its blank lines still make the paragraphs.
  if (!/<(p|div|ul|ol|table|h[1-6]|blockquote|br|section|article)\b/i.test(s)) return sanitizeBody(paragraphs(s).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('\n'));
  return sanitizeBody(s);
}

/** One-line fields (title, 文号…): whitespace runs become one space, control characters go. */
export function cleanLine(input: string): string {
  return input.replace(/[\u0000-\u001F\u007F\u200B\uFEFF]/g, ' ').replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…' };
const decodeEntities = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * The text of a body, for the confidentiality detectors, search and excerpts: block ends become
 * blank lines, cells are separated, tags dropped, entities decoded. A plain-text body is itself.
 */
export function bodyText(body: string): string {
  if (!looksLikeHtml(body)) return body;
  return decodeEntities(
    sanitizeHtml(body, { allowedTags: [...BODY_TAGS], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(td|th)>/gi, ' ')
      .replace(/<\/(p|h3|h4|li|tr|table|blockquote|ul|ol)>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The link targets of a body: checked too (a number can hide in an address). */
export function bodyLinks(body: string): string[] {
  if (!looksLikeHtml(body)) return [];
  return [...sanitizeBody(body).matchAll(/<a href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/**
 * The body as HTML for the portal and the console. Stored HTML is cleaned again on the way out
 * (bodies written before this rule or straight into the database get the same allow-list);
 * a plain-text body is escaped paragraph by paragraph.
 */
export function bodyHtml(body: string): SafeHtml {
  if (looksLikeHtml(body)) return trustedHtml(sanitizeBody(body));
  return html`${paragraphs(body).map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : html`${line}`))}</p>\n`)}`;
}
