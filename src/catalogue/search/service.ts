// 条例第二十四条：政府信息公开平台应当具备信息检索、查阅、下载等功能. One search for the portal
// and the JSON API: terms (简体 or 繁體) segmented into words by jieba (an item needs every word,
// one with a term whole ranks first), filters (organization and those below it, column, year,
// 文号), relevance or date order, pages of 20.
import type { Database, Queryable } from '../../core/db/database.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { pageVersion, SITE_SCOPE } from '../../core/http/page-versions.ts';
import { lexemeShares, searchLive, type SearchHit } from '../store.ts';
import { parseQuery } from './query.ts';
import { tokens } from './tokens.ts';

export interface SearchRequest {
  q: string;
  org?: string | null;
  columnId?: number | null;
  year?: number | null;
  docNumber?: string | null;
  order?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
}

export interface SearchResult {
  terms: string[];
  /** The words of the terms that every hit contains (jieba, single-character function words left out). */
  words: string[];
  /** What to mark in titles and excerpts: the terms, their words and the longer words of jieba's search mode. */
  highlights: string[];
  hits: SearchHit[];
  /** Matches counted up to COUNT_LIMIT; for a frequent term, the matches among the newest items a bounded walk read (totalCapped: there are more). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export const COUNT_LIMIT = 1000;

// Short-lived, per process: results of the current site version, up to RESULT_TTL_MS old (an
// organization renamed shows with its new name within that time); statistics up to STATS_TTL_MS.
const RESULT_TTL_MS = 30_000;
const STATS_TTL_MS = 10 * 60_000;
const MAX_CACHED = 500;
const results = new Map<string, { at: number; version: number; value: Promise<SearchResult> }>();
let shares: { at: number; value: Promise<Map<string, number>> } | null = null;

async function lexemeStats(db: Queryable): Promise<Map<string, number>> {
  if (!shares || Date.now() - shares.at > STATS_TTL_MS) shares = { at: Date.now(), value: lexemeShares(db).catch(() => new Map()) };
  return shares.value;
}

/**
 * Estimated share of items containing every one of the groups (terms taken as independent): per
 * group its rarest indexed token (bigrams and Latin or digit runs; a lone character is not indexed).
 */
function estimatedShare(stats: Map<string, number>, groups: string[][]): number {
  let share = 1;
  for (const group of groups) {
    const indexed = group.flatMap((s) => tokens(s)).filter((t) => t.alnum || [...t.lexeme].length === 2);
    share *= indexed.length ? Math.min(...indexed.map((b) => stats.get(b.lexeme) ?? 0)) : 0;
  }
  return share;
}

/** A token in at least this share of items narrows nothing through the GIN index. */
const COMMON_SHARE = 0.3;

/**
 * The tsquery without the tokens that most items have (编号 in 编号1234): their posting lists are
 * the longest to read and narrow nothing, and the substring checks keep the match exact. Unless
 * no other token is left.
 */
export function withoutCommonTokens(stats: Map<string, number>, tsquery: string | null): string | null {
  if (!tsquery) return tsquery;
  const parts = tsquery.split(' & ');
  const kept = parts.filter((part) => (stats.get(part.replace(/^'(.*)'(:\*)?$/, '$1')) ?? 0) < COMMON_SHARE);
  return kept.length ? kept.join(' & ') : tsquery;
}

/**
 * searchCatalogue with a short-lived cache of identical requests (popular searches repeat). A cached
 * page is of the portal's current site version (core/http/page-versions.ts): every publication and
 * withdrawal bumps it in its transaction, so a withdrawn item never shows and a new one shows at once,
 * in every process, without a read per request while the version is known.
 */
export async function cachedSearch(db: Database, r: SearchRequest): Promise<SearchResult> {
  const key = JSON.stringify([r.q.trim(), r.org ?? null, r.columnId ?? null, r.year ?? null, r.docNumber ?? null, r.order ?? 'relevance', r.page ?? 1, r.pageSize ?? 20]);
  const now = Date.now();
  const version = await pageVersion(db, [SITE_SCOPE]);
  const hit = results.get(key);
  if (hit && hit.version === version && now - hit.at < RESULT_TTL_MS) return hit.value;
  const value = searchCatalogue(db, r);
  value.catch(() => results.delete(key));
  results.delete(key);
  results.set(key, { at: now, version, value });
  if (results.size > MAX_CACHED) results.delete(results.keys().next().value!);
  return value;
}

/**
 * `countLimit`: how many matches are counted and ranked (lower in tests). Tests also set `share`
 * (the words' estimated share of all items, as the column statistics would give, to take the
 * frequent-term walk), `walkRows` (how many items that walk reads at most for its first matches)
 * and `walkMatches` (how many those are).
 */
export async function searchCatalogue(
  db: Database,
  r: SearchRequest,
  { countLimit = COUNT_LIMIT, share, walkRows, walkMatches }: { countLimit?: number; share?: number; walkRows?: number; walkMatches?: number } = {},
): Promise<SearchResult> {
  const query = parseQuery(r.q);
  const page = Math.max(1, Math.min(50, r.page ?? 1));
  const pageSize = Math.max(1, Math.min(50, r.pageSize ?? 20));
  const empty = { terms: query.terms, words: query.words, highlights: query.highlights, hits: [], total: 0, totalCapped: false, page, pageSize };
  if (!query.terms.length && !r.docNumber) return empty;
  let orgPath: string | null = null;
  if (r.org) {
    const org = await findOrgByCode(db, r.org);
    if (!org) return empty;
    orgPath = org.path;
  }
  const stats = await lexemeStats(db);
  const { hits, total, capped } = await searchLive(
    db,
    {
      tsquery: withoutCommonTokens(stats, query.tsquery), patterns: query.patterns, words: query.words,
      termPatterns: query.termPatterns, phrasePatterns: query.phrasePatterns, termTsquery: withoutCommonTokens(stats, query.termTsquery),
      excerptAt: [query.terms[0] ?? '', query.words[0] ?? ''],
      // Words of one term go together (correlated): per term its rarest word, as for the term whole.
      estimatedShare: share ?? estimatedShare(stats, query.termWords), termShare: estimatedShare(stats, query.terms.map((t) => [t])),
    },
    { orgPath, columnId: r.columnId ?? null, year: r.year ?? null, docNumber: r.docNumber?.trim() || null },
    { order: r.order ?? 'relevance', limit: pageSize, offset: (page - 1) * pageSize, countLimit, typed: r.q.trim(), ...(walkRows ? { walkRows } : {}), ...(walkMatches ? { walkMatches } : {}) },
  );
  return { terms: query.terms, words: query.words, highlights: query.highlights, hits, total, totalCapped: capped ?? total >= countLimit, page, pageSize };
}
