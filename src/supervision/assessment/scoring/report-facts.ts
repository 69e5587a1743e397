// The assessment's indicator 年度报告 (考核, issue 17 §3): the annual report an agency publishes in the
// assessment year — the one on the year before, due by 31 January (条例第四十九条) or its own deadline —
// published on time, and without errors of the validator (勾稽关系, 条例第五十条). One fault for a
// late or missing report and one per error, read from the same rows as the region's report table.
import type { AgencyFact, AgencyFactSource } from '../../../orgs/shell/agency-facts.ts';
import { regionReportRows } from '../../region-reports.ts';

export const reportFacts: AgencyFactSource = {
  key: 'report.onTimeWithoutErrors',
  label: '年度报告逾期或存在错误（逾期 1 处，每个错误 1 处）',
  basis: '《政府信息公开条例》第四十九条、第五十条',
  async factsOf(db, { region, agencies, year, today }) {
    const reportYear = year - 1;
    const rows = new Map((await regionReportRows(db, region.path, reportYear, today)).map((r) => [r.orgId, r]));
    const out = new Map<number, AgencyFact>();
    for (const a of agencies) {
      const r = rows.get(a.id);
      if (!r) continue;
      const timing =
        r.onTime === true ? `${r.publishedOn} 按时发布` : r.onTime === false ? (r.publishedOn ? `${r.publishedOn} 发布，已逾期（截止日 ${r.deadline}）` : `截止日 ${r.deadline} 已过，尚未发布`) : `尚未发布，截止日 ${r.deadline} 未到`;
      out.set(a.id, {
        faults: (r.onTime === false ? 1 : 0) + r.errors,
        threshold: null,
        detail: `${reportYear} 年度报告：${timing}；检查发现错误 ${r.errors} 个、警告 ${r.warnings} 个${r.rules.length ? `（规则 ${r.rules.join('、')}）` : ''}`,
        ...(r.reportId ? { href: `/console/reports/${r.reportId}` } : {}),
      });
    }
    return out;
  },
};
