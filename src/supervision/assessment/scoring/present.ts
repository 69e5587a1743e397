// The scoring results as JSON (API and CLI): each indicator once, each agency with its scores in the
// indicators' order, the data or reason behind each, the total, the grade and the rank.
import { GRADE_LABELS } from '../rules/scoring.ts';
import type { ScoringResults } from './results.ts';

export function presentResults(year: number, { indicators, rows, computedAt }: ScoringResults) {
  return {
    year,
    computedAt: computedAt?.toISOString() ?? null,
    indicators: indicators.map((i) => ({ id: i.id, title: i.title, description: i.description, points: i.points, deduction: i.deduction, veto: i.veto, source: i.source })),
    agencies: rows.map((r) => ({
      code: r.agency.code,
      name: r.agency.fullName,
      scores: r.scores.map((s, k) => ({
        indicatorId: indicators[k]!.id,
        score: s?.score ?? null,
        veto: s?.veto ?? false,
        computed: s?.computed ?? null,
        detail: s?.detail ?? null,
      })),
      total: r.result.total,
      grade: r.result.grade,
      gradeLabel: GRADE_LABELS[r.result.grade],
      rank: r.rank,
    })),
  };
}
