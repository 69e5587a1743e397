// The assessment's part of a government's annual report (条例第五十条第四项: 各级人民政府的年度报告还应当
// 包括工作考核、社会评议和责任追究结果情况): the grades of the agencies it assessed in the year and the 整改
// items it sent, for section 一 to state. No cells; nothing for an organization that assessed none.
import type { ReportPart } from '../../../report/assembly/part.ts';
import { findOrgById } from '../../../orgs/store.ts';
import { scoringResults } from './results.ts';
import { rectificationCounts } from './store.ts';

export const assessmentPart: ReportPart = {
  name: '工作考核',
  async compute(db, orgId, year) {
    const office = await findOrgById(db, orgId);
    if (office?.kind !== 'government') return { sources: [] };
    const { indicators, rows } = await scoringResults(db, office, year);
    if (indicators.length === 0) return { sources: [] };
    const count = (grade: string) => rows.filter((r) => r.result.grade === grade).length;
    const rect = await rectificationCounts(db, office.id, year);
    return {
      sources: [],
      facts: {
        assessment: {
          agencies: rows.length, passed: count('pass'), failed: count('fail'), vetoed: count('veto'), incomplete: count('incomplete'),
          rectifications: rect.sent, rectified: rect.confirmed,
        },
      },
    };
  },
};
