// Highlighted snippets: the text around the first occurrence of a term, every term marked. The
// terms are a query's highlights (query.ts): its terms whole and their words, the longest marked
// where several start at the same place.
import { html, type SafeHtml } from '../../core/html.ts';

export function highlight(text: string, terms: readonly string[]): SafeHtml {
  const wanted = terms.filter(Boolean).map((t) => t.toLowerCase());
  if (!wanted.length) return html`${text}`;
  const lower = text.toLowerCase();
  const parts: SafeHtml[] = [];
  let i = 0;
  while (i < text.length) {
    let best: { at: number; len: number } | null = null;
    for (const t of wanted) {
      const at = lower.indexOf(t, i);
      if (at !== -1 && (!best || at < best.at || (at === best.at && t.length > best.len))) best = { at, len: t.length };
    }
    if (!best) break;
    parts.push(html`${text.slice(i, best.at)}<mark>${text.slice(best.at, best.at + best.len)}</mark>`);
    i = best.at + best.len;
  }
  parts.push(html`${text.slice(i)}`);
  return html`${parts}`;
}

/** About `width` characters around the first term found (the start of the text if none). */
export function snippet(text: string, terms: readonly string[], width = 120): SafeHtml {
  const lower = text.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const piece = text.slice(start, start + width);
  return html`${start > 0 ? '…' : ''}${highlight(piece, terms)}${start + width < text.length ? '…' : ''}`;
}
