// The facts of a year that section 一 and 六 of the report state besides the tables (issue 16 §4):
// each comes from a domain's records (ReportPart.facts); the tables give everything else.
export interface NarrativeFacts {
  /** 主动公开: items published in the year, by catalogue column, largest first. */
  publishedByColumn: { column: string; count: number }[];
  /** 政策解读 published in the year. */
  interpretations: number;
  /** 依申请公开: applications received in the year, by channel (当面、网络、信函…). */
  applicationsByChannel: { channel: string; count: number }[];
  /** 信息处理费 collected in the year (国办函〔2020〕109号), in 元 as an exact decimal string; "0" when none. */
  processingFeesYuan: string;
  /** 行政事业性收费 collected in the year, in 元 as an exact decimal string; null when no ledger says. */
  administrativeFeesYuan: string | null;
  /**
   * 工作考核 of the agencies below a government (条例第五十条第四项: a government's report states “工作考核、
   * 社会评议和责任追究结果情况”): null when the organization assessed none in the year.
   */
  assessment: AssessmentFacts | null;
}

export interface AssessmentFacts {
  agencies: number;
  passed: number;
  failed: number;
  /** Of the failed, those by a 单项否决 indicator. */
  vetoed: number;
  /** Not yet fully scored. */
  incomplete: number;
  /** 整改 items sent in the year, and how many of them the office confirmed closed. */
  rectifications: number;
  rectified: number;
}
