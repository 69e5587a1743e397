// The region's annual reports on one page (issue 17 §1): one row per agency below a region or office,
// with the standing of its report of the year and its key figures. 条例第四十六、四十七条: the
// 政府信息公开工作主管部门 oversees the agencies of its area; 第四十九条: reports by 31 January.
export const REPORT_STANDINGS = ['none', 'draft', 'published', 'imported'] as const;
export type ReportStanding = (typeof REPORT_STANDINGS)[number];
export const STANDING_LABELS: Record<ReportStanding, string> = { none: '未开始', draft: '草稿', published: '已发布', imported: '已导入' };

/** The figures a supervisor compares, from the report's tables (null where the report does not say). */
export interface ReportFigures {
  /** 表三 本年新收 总计 */
  received: number | null;
  /** 予以公开 + 部分公开, as a share of 办结 (0–1) */
  disclosureShare: number | null;
  /** 纠错率 = (复议纠正 + 诉讼纠正) / (复议总计 + 诉讼总计) (0–1) */
  correctionRate: number | null;
  /** 表二 本年收费金额（万元） */
  feesWanYuan: number | null;
}

export interface AgencyReportRow {
  orgId: number;
  code: string;
  name: string;
  reportId: number | null;
  status: ReportStanding;
  /** The day it was first published (YYYY-MM-DD), null when it is not. */
  publishedOn: string | null;
  deadline: string;
  /** Published by the deadline; null while it is not published and the deadline has not passed. */
  onTime: boolean | null;
  errors: number;
  warnings: number;
  /** The rule ids of its findings, each once. */
  rules: string[];
  imported: boolean;
  figures: ReportFigures;
  /** The same figures of the year before, for the change. */
  previous: ReportFigures | null;
}
