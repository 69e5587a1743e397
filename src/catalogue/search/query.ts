// A search query: terms separated by spaces, each simplified like the indexed text. Each term is
// segmented into words by jieba (segment.ts), and an item matches when it contains every word of
// every term (AND), adjacent or not: 生态环境年度报告 finds “生态环境局2020年政府信息公开工作年度报告”.
// An item containing a term as a whole ranks first (store.ts, searchLive).
//
// The words that must occur are the finest of jieba's search mode that still cover the term
// (生态环境 → 生态 + 环境; 企事业 stays whole, 事业 not covering 企). Single-character function
// words (的, 和, 与, 年 …) are dropped unless the term has nothing else. Runs of single characters
// and digits, mostly fragments of names and numbers that jieba does not know (第7批, 5号), stay
// together as one word.
//
// The tsquery narrows through the GIN index of Han bigrams; the substring checks (LIKE) make the
// match exact. A word of one Han character has no bigram: it is checked by substring only.
import { searchWords, type Word } from './segment.ts';
import { searchableText } from './text.ts';
import { tokens } from './tokens.ts';

export interface ParsedQuery {
  /** The terms as searched (simplified). */
  terms: string[];
  /** Per term, the words that must all occur. */
  termWords: string[][];
  /** The words that must occur, all terms together (no duplicates). */
  words: string[];
  /** Words to mark in titles and excerpts: the terms and their words, also the longer dictionary words of search mode. */
  highlights: string[];
  /** tsquery text of the words, or null when no word yields an index token (substring checks only). */
  tsquery: string | null;
  /** LIKE patterns, one per word. */
  patterns: string[];
  /** LIKE patterns of the terms as a whole: an item with every term whole ranks first. */
  termPatterns: string[];
  /** The terms that are more than their one word, as LIKE patterns (each one found whole adds to the relevance). */
  phrasePatterns: string[];
  /** tsquery text of the terms as a whole (their bigrams across word boundaries too): the exact matches, a subset. */
  termTsquery: string | null;
}

/** Single-character function words and the like: dropped from a term's words unless the term has no other. */
export const STOPWORDS = new Set([...'的地得了着过和与及或并而且之其在于以为对把被将从向由至等是有也都就又这那年月日个各']);

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;
const MAX_WORDS = 16;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** tsquery text for strings that must all occur: their Han bigrams and Latin or digit runs (prefix). */
export function tsqueryOf(strings: readonly string[]): string | null {
  const parts: string[] = [];
  for (const s of strings) {
    for (const t of tokens(s)) {
      // A lone Han character is indexed only where the text has it alone: leave it to the substring check.
      if (!t.alnum && [...t.lexeme].length === 1) continue;
      parts.push(t.alnum ? `'${t.lexeme}':*` : `'${t.lexeme}'`);
    }
  }
  return parts.length ? [...new Set(parts)].join(' & ') : null;
}

const length = (w: Word) => w.end - w.start;
const inside = (a: Word, b: Word) => a !== b && a.start >= b.start && a.end <= b.end && length(a) < length(b);
const isStop = (w: string) => STOPWORDS.has(w);
/** A single Han character (not a function word) or a run of letters or digits. */
const fragment = (w: string) => (HAN.test(w) ? [...w].length === 1 && !isStop(w) : true);

/** The words of one term that must occur, and the words to highlight. */
export function termWords(term: string): { required: string[]; highlights: string[] } {
  const chars = [...term];
  const all = searchWords(term).filter((w) => WORDLIKE.test(w.word));
  // A word whose shorter dictionary words cover it gives way to them.
  const covered = (w: Word) => {
    const parts = all.filter((u) => inside(u, w));
    for (let i = w.start; i < w.end; i++) if (!parts.some((u) => u.start <= i && i < u.end)) return false;
    return true;
  };
  const finest = all.filter((w) => !covered(w));
  const kept = finest.filter((w) => !finest.some((u) => inside(w, u))).sort((a, b) => a.start - b.start);
  // Runs of adjacent fragments stay together; function words are dropped (and end a run).
  const required: string[] = [];
  let run: Word[] = [];
  const flush = () => {
    if (run.length) required.push(run.length > 1 ? chars.slice(run[0]!.start, run[run.length - 1]!.end).join('') : run[0]!.word);
    run = [];
  };
  for (const w of kept) {
    if (isStop(w.word)) flush();
    else if (fragment(w.word)) {
      if (run.length && run[run.length - 1]!.end !== w.start) flush();
      run.push(w);
    } else {
      flush();
      required.push(w.word);
    }
  }
  flush();
  if (!required.length) return { required: [term], highlights: [term] };
  const highlights = [term, ...required, ...all.map((w) => w.word).filter((w) => [...w].length > 1 && !isStop(w))];
  return { required: [...new Set(required)], highlights: [...new Set(highlights)] };
}

/** Queries parsed lately: segmentation (jieba) is most of a search's own CPU, and popular queries repeat. */
const parsed = new Map<string, ParsedQuery>();
const MAX_PARSED = 1000;

/** The query's terms, words and patterns (kept for the next identical query: do not change the result). */
export function parseQuery(q: string, maxTerms = 8): ParsedQuery {
  const key = `${maxTerms}|${q}`;
  let result = parsed.get(key);
  if (!result) {
    result = Object.freeze(parse(q, maxTerms));
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, result);
  }
  return result;
}

function parse(q: string, maxTerms: number): ParsedQuery {
  const terms = [...new Set(searchableText(q).slice(0, 200).split(' ').filter(Boolean))].slice(0, maxTerms);
  const perTerm = terms.map(termWords);
  const words: string[] = [];
  for (const { required } of perTerm) for (const w of required) if (words.length < MAX_WORDS && !words.includes(w)) words.push(w);
  const phrases = terms.filter((t, i) => perTerm[i]!.required.length !== 1 || perTerm[i]!.required[0] !== t);
  return {
    terms,
    termWords: perTerm.map((p) => p.required.filter((w) => words.includes(w))),
    words,
    highlights: [...new Set(perTerm.flatMap((p) => p.highlights))],
    tsquery: tsqueryOf(words),
    patterns: words.map((w) => `%${escapeLike(w)}%`),
    termPatterns: terms.map((t) => `%${escapeLike(t)}%`),
    phrasePatterns: phrases.map((t) => `%${escapeLike(t)}%`),
    termTsquery: tsqueryOf(terms),
  };
}
