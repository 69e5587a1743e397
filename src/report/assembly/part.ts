// What a domain contributes to the assembled annual report (issue 16 §3): some cells of the report,
// computed from its records, each with the records it comes from, and the facts the narrative states.
// The report module defines the shape; each domain computes its part; `app` passes the parts in.
import type { Queryable } from '../../core/db/database.ts';
import type { ReportFormat } from '../model/layout.ts';
import type { Table2_2019, Table2_2021, Table3, Table4 } from '../model/report.ts';
import type { NarrativeFacts } from '../narrative/facts.ts';

/** Where one cell's number comes from: shown beside the cell in the console and by `report compute --explain`. */
export interface CellSource {
  /** The cell as findings name it: table2.licensing.decisions, table3.granted[6], table4.review[4]. */
  cell: string;
  /** Chinese, what was counted: "行政许可决定 351 件（2025 年双公示台账）". */
  description: string;
  /** Console page that lists those records, when there is one. */
  href?: string;
}

/** The rows of table 2 a part computes, in either layout (only the rows it knows; the rest stay as they are). */
export type Table2Rows = Partial<Table2_2021> | Partial<Table2_2019>;

/** One domain's contribution for one organization and year. */
export interface ReportPartResult {
  table2?: Table2Rows;
  table3?: Table3;
  table4?: Table4;
  sources: CellSource[];
  facts?: Partial<NarrativeFacts>;
}

export interface ReportPart {
  /** Chinese name of the records, e.g. "复议诉讼台账". */
  name: string;
  compute(db: Queryable, orgId: number, year: number, format: ReportFormat): Promise<ReportPartResult>;
}
