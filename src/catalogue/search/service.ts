// 条例第二十四条：政府信息公开平台应当具备信息检索、查阅、下载等功能. One search for the portal
// and the JSON API: terms (简体 or 繁體), filters (organization and those below it, column, year,
// 文号), relevance or date order, pages of 20.
import type { Queryable } from '../../core/db/database.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { searchLive, type SearchHit } from '../store.ts';
import { parseQuery } from './query.ts';

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
  hits: SearchHit[];
  /** Matches counted up to COUNT_LIMIT. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export const COUNT_LIMIT = 1000;

export async function searchCatalogue(db: Queryable, r: SearchRequest): Promise<SearchResult> {
  const query = parseQuery(r.q);
  const page = Math.max(1, Math.min(50, r.page ?? 1));
  const pageSize = Math.max(1, Math.min(50, r.pageSize ?? 20));
  const empty = { terms: query.terms, hits: [], total: 0, totalCapped: false, page, pageSize };
  if (!query.terms.length && !r.docNumber) return empty;
  let orgPath: string | null = null;
  if (r.org) {
    const org = await findOrgByCode(db, r.org);
    if (!org) return empty;
    orgPath = org.path;
  }
  const { hits, total } = await searchLive(
    db,
    { tsquery: query.tsquery, patterns: query.patterns, firstTerm: query.terms[0] ?? '' },
    { orgPath, columnId: r.columnId ?? null, year: r.year ?? null, docNumber: r.docNumber?.trim() || null },
    { order: r.order ?? 'relevance', limit: pageSize, offset: (page - 1) * pageSize, countLimit: COUNT_LIMIT },
  );
  return { terms: query.terms, hits, total, totalCapped: total >= COUNT_LIMIT, page, pageSize };
}
