// Tokens for the search index. Chinese is indexed as overlapping character bigrams — every
// two-character window — which finds any word of two or more characters whatever a dictionary
// says (good recall, and no reindexing when the dictionary changes); Latin letters and digits are
// whole lower-case tokens. The dictionary segmenter (jieba, segment.ts) works on queries only:
// each query term is cut into words, whose bigrams narrow the candidates through the index, and
// every word is then checked as a substring of the text, so a match is always exact.
const HAN = /\p{Script=Han}/u;
const ALNUM = /[a-z0-9]/;

export interface Token {
  lexeme: string;
  /** A run of Latin letters or digits (prefix-matched in queries). */
  alnum: boolean;
}

/** Tokens of a (searchable, simplified) text in order. Single Han characters stand alone only when a run has one. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const chars = Array.from(text.toLowerCase());
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (HAN.test(c)) {
      let j = i;
      while (j < chars.length && HAN.test(chars[j]!)) j++;
      if (j - i === 1) out.push({ lexeme: c, alnum: false });
      for (let k = i; k + 1 < j; k++) out.push({ lexeme: chars[k]! + chars[k + 1]!, alnum: false });
      i = j;
    } else if (ALNUM.test(c)) {
      const letter = /[a-z]/.test(c);
      let j = i;
      while (j < chars.length && ALNUM.test(chars[j]!) && /[a-z]/.test(chars[j]!) === letter) j++;
      out.push({ lexeme: chars.slice(i, j).join('').slice(0, 60), alnum: true });
      i = j;
    } else i++;
  }
  return out;
}

export type Weight = 'A' | 'B' | 'C' | 'D';

const MAX_POSITION = 16383; // PostgreSQL's limit for tsvector positions
const MAX_POSITIONS_PER_LEXEME = 16;
const MAX_INDEXED_CHARS = 300_000; // a tsvector is limited to 1 MB

/**
 * A tsvector literal built here (never by a database text-search parser, whose handling of
 * Chinese depends on the server locale): lexemes are Han bigrams and [a-z0-9] runs, so they need
 * no quoting beyond the surrounding quotes.
 */
export function tsvectorLiteral(fields: readonly { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  let budget = MAX_INDEXED_CHARS;
  for (const f of fields) {
    const text = f.text.slice(0, Math.max(0, budget));
    budget -= text.length;
    for (const t of tokens(text)) {
      pos++;
      const list = positions.get(t.lexeme) ?? [];
      if (!positions.has(t.lexeme)) positions.set(t.lexeme, list);
      if (pos <= MAX_POSITION && list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${f.weight}`);
    }
  }
  return [...positions].map(([lexeme, ps]) => (ps.length ? `'${lexeme}':${ps.join(',')}` : `'${lexeme}'`)).join(' ');
}

/**
 * The filters as tsquery lexemes (migration 0036: each row's vector carries `#o<id>` for every
 * organization on its organization's path, `#c<column>` and `#y<year>`), ANDed with the words so
 * that one GIN scan applies them. `orgPath` names a subtree by its root, the path's last id.
 */
export function filterTsquery(f: { orgPath?: string | null; columnId?: number | null; year?: number | null }): string[] {
  const root = f.orgPath?.split('/').filter(Boolean).at(-1);
  return [...(root ? [`'#o${root}'`] : []), ...(f.columnId ? [`'#c${f.columnId}'`] : []), ...(f.year ? [`'#y${f.year}'`] : [])];
}
