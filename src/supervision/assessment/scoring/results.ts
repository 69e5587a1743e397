// The result table of an office's year: every agency it assesses with its score of each indicator, its
// total, its grade and its rank (rules/scoring.ts).
import type { Queryable } from '../../../core/db/database.ts';
import type { Organization } from '../../../orgs/model.ts';
import { assessmentResult, ranks, type AssessmentResult } from '../rules/scoring.ts';
import { assessedAgencies } from './commands.ts';
import type { Indicator, Score } from './model.ts';
import { listIndicators, listScores } from './store.ts';

export interface AgencyResult {
  agency: Organization;
  /** Aligned with the indicators; undefined where there is no score yet. */
  scores: (Score | undefined)[];
  result: AssessmentResult;
  rank: number | null;
}

export interface ScoringResults {
  indicators: Indicator[];
  rows: AgencyResult[];
  /** When the computed indicators were last computed, if ever. */
  computedAt: Date | null;
}

export async function scoringResults(db: Queryable, office: Organization, year: number, only?: Organization): Promise<ScoringResults> {
  const indicators = await listIndicators(db, office.id, year);
  const agencies = only ? [only] : await assessedAgencies(db, office);
  const scores = await listScores(db, indicators.map((i) => i.id));
  const byKey = new Map(scores.map((s) => [`${s.indicatorId}:${s.orgId}`, s]));
  const rows = agencies.map((agency) => {
    const mine = indicators.map((i) => byKey.get(`${i.id}:${agency.id}`));
    return { agency, scores: mine, result: assessmentResult(indicators, mine), rank: null as number | null };
  });
  if (!only) ranks(rows.map((r) => r.result)).forEach((rank, i) => (rows[i]!.rank = rank));
  const computed = scores.filter((s) => s.computed).map((s) => s.scoredAt.getTime());
  return { indicators, rows, computedAt: computed.length ? new Date(Math.max(...computed)) : null };
}
