// An agency's scores of an office's year as its self-assessment states them (自评报告 section (四)):
// each indicator with the data or the reason behind its score; an indicator not scored yet says so.
import type { Queryable } from '../../../core/db/database.ts';
import { listIndicators, listScores } from './store.ts';

export async function agencyScoreLines(db: Queryable, agencyId: number, officeId: number, year: number): Promise<{ title: string; detail: string; score: number | null }[]> {
  const indicators = await listIndicators(db, officeId, year);
  const scores = new Map((await listScores(db, indicators.map((i) => i.id))).filter((s) => s.orgId === agencyId).map((s) => [s.indicatorId, s]));
  return indicators.map((i) => {
    const s = scores.get(i.id);
    return { title: i.title, detail: s ? `${s.detail}${s.veto ? '（单项否决）' : ''}` : '尚未评分', score: s?.score ?? null };
  });
}
