// Scoring of the yearly assessment (考核) as pure functions, after the structure of the website
// inspection indicators (domain reference §D.4, 国办秘函〔2019〕19号): an indicator has points and a
// deduction per fault, capped at its points; a 单项否决 indicator hit makes the agency 不合格 whatever
// its other scores; otherwise a total below 60 of 100 points (60 %) is 不合格.

export interface IndicatorRule {
  points: number;
  /** Points deducted per fault; null = all of the indicator's points at the first fault. */
  deduction: number | null;
  /** 单项否决. */
  veto: boolean;
}

export interface IndicatorScore {
  /** null = not scored (no data and no person's score yet). */
  score: number | null;
  veto: boolean;
}

/** Hundredths, so that 0.1-point deductions add up exactly. */
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The score of a computed indicator from the faults its source counted. A single-veto indicator is hit
 * when the source's own threshold is reached (threshold true) or, where the source sets none, at the
 * first fault.
 */
export function computedIndicatorScore(rule: IndicatorRule, fact: { faults: number | null; threshold: boolean | null }): IndicatorScore {
  if (fact.faults === null) return { score: null, veto: false };
  const veto = rule.veto && (fact.threshold ?? fact.faults > 0);
  const lost = fact.faults === 0 ? 0 : rule.deduction === null ? rule.points : fact.faults * rule.deduction;
  return { score: round(Math.max(0, rule.points - lost)), veto };
}

/** Why a person's score cannot be taken, or null: within 0 … points, in steps of 0.01. */
export function manualScoreProblem(rule: IndicatorRule, score: number): string | null {
  if (!Number.isFinite(score) || score < 0) return '得分不能为负数';
  if (score > rule.points) return `得分不能超过该指标的分值 ${rule.points} 分`;
  if (round(score) !== score) return '得分最多保留两位小数';
  return null;
}

export type Grade = 'pass' | 'fail' | 'veto' | 'incomplete';
export const GRADE_LABELS: Record<Grade, string> = { pass: '合格', fail: '不合格', veto: '不合格（单项否决）', incomplete: '未评完' };

/** The pass mark: 60 of 100 points, i.e. 60 % of the scheme's points. */
export const PASS_SHARE = 0.6;

export interface AssessmentResult {
  total: number | null;
  grade: Grade;
}

/**
 * An agency's result: any single-veto hit is 不合格 and the others are not added up ([W19]); an
 * indicator not scored yet leaves the result 未评完; else the total against 60 % of the scheme's points.
 */
export function assessmentResult(rules: readonly IndicatorRule[], scores: readonly (IndicatorScore | undefined)[]): AssessmentResult {
  if (scores.some((s) => s?.veto)) return { total: null, grade: 'veto' };
  if (scores.length < rules.length || scores.some((s) => s === undefined || s.score === null)) return { total: null, grade: 'incomplete' };
  const total = round(scores.reduce((sum, s) => sum + s!.score!, 0));
  const full = rules.reduce((sum, r) => sum + r.points, 0);
  return { total, grade: total >= round(full * PASS_SHARE) ? 'pass' : 'fail' };
}

/** Ranks by total, highest first; equal totals share a rank; vetoed and incomplete results have none. */
export function ranks(results: readonly AssessmentResult[]): (number | null)[] {
  const totals = results.map((r) => (r.grade === 'pass' || r.grade === 'fail' ? r.total : null));
  return totals.map((t) => (t === null ? null : 1 + totals.filter((o) => o !== null && o > t).length));
}
