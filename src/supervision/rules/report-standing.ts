// Pure rules of the region's report table (issue 17 §1): the standing of an agency's report, whether it
// was published on time (条例第四十九条: by 31 January, or the organization's own deadline, domain
// reference §A.11), and the figures that make agencies comparable.
import type { ReportFigures, ReportStanding } from '../model.ts';

/** 未开始 without a report; 已导入 when the published version came from a published document; else 已发布 or 草稿. */
export function reportStanding(r: { exists: boolean; published: boolean; imported: boolean }): ReportStanding {
  if (!r.exists) return 'none';
  if (!r.published) return 'draft';
  return r.imported ? 'imported' : 'published';
}

/** Published by the deadline (inclusive); false once the deadline passed unpublished; null while it has not. */
export function publishedOnTime(publishedOn: string | null, deadline: string, today: string): boolean | null {
  if (publishedOn) return publishedOn <= deadline;
  return today > deadline ? false : null;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The raw cells the figures are made of (null when the report does not have them). */
export interface FigureCells {
  received: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  handled: number | null;
  /** [结果纠正, 总计] of 行政复议, 未经复议直接起诉, 复议后起诉 */
  appeals: [number | null, number | null][];
  feesWanYuan: number | null;
}

/**
 * 予以公开率 = (予以公开 + 部分公开) / 办结总计; 纠错率 = (复议纠正 + 诉讼纠正) / (复议总计 + 诉讼总计),
 * as the assessment schemes define them; null when there is nothing to divide by or a cell is unreadable.
 */
export function reportFigures(c: FigureCells): ReportFigures {
  const known = (...xs: (number | null)[]) => xs.every((x) => x !== null);
  const corrected = c.appeals.reduce((s, [k]) => s + (k ?? 0), 0);
  const total = c.appeals.reduce((s, [, t]) => s + (t ?? 0), 0);
  return {
    received: c.received,
    disclosureShare: known(c.granted, c.partiallyGranted, c.handled) ? share(c.granted! + c.partiallyGranted!, c.handled!) : null,
    correctionRate: c.appeals.every(([k, t]) => known(k, t)) ? share(corrected, total) : null,
    feesWanYuan: c.feesWanYuan,
  };
}

export const SORT_KEYS = ['name', 'status', 'publishedOn', 'errors', 'warnings', 'received', 'disclosureShare', 'correctionRate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
