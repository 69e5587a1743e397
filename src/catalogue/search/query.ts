// A search query: terms separated by spaces, each simplified like the indexed text. Every term
// must occur (AND). The tsquery narrows through the GIN index; the substring check (ILIKE) makes
// the match exact. A term of one Han character has no bigram: it is checked by substring only.
import { searchableText } from './text.ts';
import { tokens } from './tokens.ts';

export interface ParsedQuery {
  /** The terms as searched (simplified), for highlighting. */
  terms: string[];
  /** tsquery text, or null when no term yields an index token (substring check only). */
  tsquery: string | null;
  /** ILIKE patterns, one per term. */
  patterns: string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function parseQuery(q: string, maxTerms = 8): ParsedQuery {
  const terms = [...new Set(searchableText(q).slice(0, 200).split(' ').filter(Boolean))].slice(0, maxTerms);
  const parts: string[] = [];
  for (const term of terms) {
    for (const t of tokens(term)) {
      // A lone Han character is indexed only where the text has it alone: leave it to the substring check.
      if (!t.alnum && [...t.lexeme].length === 1) continue;
      parts.push(t.alnum ? `'${t.lexeme}':*` : `'${t.lexeme}'`);
    }
  }
  return { terms, tsquery: parts.length ? [...new Set(parts)].join(' & ') : null, patterns: terms.map((t) => `%${escapeLike(t)}%`) };
}
