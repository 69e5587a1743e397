// cross-year.previous-report — the report given as "previous" must be the same
// agency's report for the year before; otherwise cross-year rules do not apply.
import type { AnnualReport } from '../model/report.ts';
import type { Hit, Rule, RuleContext } from './rule.ts';

/** The previous report when it can be compared with this one, else null. */
export function comparablePrevious(report: AnnualReport, context: RuleContext): AnnualReport | null {
  const p = context.previous;
  if (!p) return null;
  if (p.year !== report.year - 1) return null;
  if (p.agency !== null && report.agency !== null && p.agency !== report.agency) return null;
  return p;
}

export const crossYearPrevious: Rule = {
  id: 'cross-year.previous-report',
  severity: 'warning',
  title: '上一年度报告不可比',
  description:
    '跨年度检查需要同一机关上一年度的报告。所给的“上一年度报告”年度不是本年度减一，或机关名称不同，则跨年度检查全部跳过。',
  source: 'domain-reference §B.7 第7、8条（跨年度检查的前提）',
  check(report, context) {
    const p = context.previous;
    if (!p) return [];
    const hits: Hit[] = [];
    if (p.year !== report.year - 1) {
      hits.push({
        cells: ['year', 'previous.year'],
        message: `所给上一年度报告是 ${p.year} 年度的，本报告是 ${report.year} 年度，应为 ${report.year - 1} 年度；跨年度检查已跳过`,
        values: { year: report.year, 'previous.year': p.year },
      });
    }
    if (p.agency !== null && report.agency !== null && p.agency !== report.agency) {
      hits.push({
        cells: ['agency', 'previous.agency'],
        message: `所给上一年度报告的机关为“${p.agency}”，与本报告“${report.agency}”不同；跨年度检查已跳过`,
      });
    }
    return hits;
  },
};
