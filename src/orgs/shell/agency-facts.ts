// A computed indicator of the yearly assessment (考核, issue 17 §3) that a module contributes, as
// RegionSection does for the dashboard: each module counts the faults its own records show for every
// agency of a region (逾期答复, 空白栏目, 错链…) and says in Chinese what it counted, so that the score is
// shown with its data. The assessment module scores them; `app` passes the list in.
import type { Queryable } from '../../core/db/database.ts';
import type { RegionContext } from './region-section.ts';

export interface AgencyFact {
  /** The faults the records show; null when there is nothing to judge by (e.g. never inspected). */
  faults: number | null;
  /**
   * Whether the source's own threshold is reached (e.g. [W19] 空白栏目 ≥ 5 is 单项否决); null when the
   * source sets none, and then any fault hits an indicator marked single-veto.
   */
  threshold: boolean | null;
  /** The data behind the count, in Chinese, shown beside the score. */
  detail: string;
  /** Where the agency sees the records. */
  href?: string;
}

export interface AgencyFactSource {
  /** A stable key, stored with the indicators that use it, e.g. "applications.overdueReplies". */
  key: string;
  /** What is counted, in Chinese, e.g. "逾期答复的政府信息公开申请". */
  label: string;
  /** The legal or normative basis of the count. */
  basis: string;
  /** The facts of every agency of the context (by organization id) for the assessment year. */
  factsOf(db: Queryable, context: RegionContext): Promise<Map<number, AgencyFact>>;
}
