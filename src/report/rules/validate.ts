// Checking a report: run every rule of the catalog. Nothing is corrected; a
// published report that breaks a rule is imported as printed, with its findings.
import type { AnnualReport } from '../model/report.ts';
import { RULES } from './catalog.ts';
import type { Finding, RuleContext } from './rule.ts';

export function validateReport(report: AnnualReport, context: RuleContext = {}): Finding[] {
  return RULES.flatMap((rule) =>
    rule.check(report, context).map((hit) => ({ rule: rule.id, severity: rule.severity, ...hit })),
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
