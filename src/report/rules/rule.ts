// What a validator rule is and what it reports. Each rule lives in its own file
// with its metadata (id, severity, Chinese title and description, source).
import type { AnnualReport } from '../model/report.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, e.g. table3.balance */
  rule: string;
  severity: Severity;
  /** Cells involved, e.g. table3.newReceived[0], table4.review[4], table2.fees.amountWanYuan */
  cells: string[];
  /** Chinese, specific, with the numbers and where to find the cell. */
  message: string;
  /** The numbers that disagree, by cell name (or by a derived name such as 'sum'). */
  values?: Record<string, number | null>;
}

/** The narrative text of a report, by section numeral ('一' … '六'). */
export type Narrative = { [section: string]: string };

export interface RuleContext {
  /** The same agency's report for the year before, for cross-year rules. */
  previous?: AnnualReport | null;
  /** The report's text by section, for rules that compare text with tables. */
  narrative?: Narrative | null;
}

/** What a rule's check returns; the engine adds rule id and severity. */
export type Hit = Omit<Finding, 'rule' | 'severity'>;

export interface Rule {
  id: string;
  severity: Severity;
  /** Short Chinese title. */
  title: string;
  /** Chinese: what is checked, and when the rule does not apply. */
  description: string;
  /** Where the rule comes from (document, article, domain-reference section). */
  source: string;
  check(report: AnnualReport, context: RuleContext): Hit[];
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告' };

/** One line per finding, as the command line prints it: 错误 table3.balance：表三“其他”列… */
export function formatFinding(f: Finding): string {
  return `${SEVERITY_LABELS[f.severity]} ${f.rule}：${f.message}`;
}
