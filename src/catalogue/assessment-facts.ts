// The catalogue's indicators of the yearly assessment (考核, issue 17 §3), each counted from the agency's
// own records: the column rules of [W19] 栏目不更新 (rules/health.ts, the same as the health page and the
// region dashboard) and 解读 published with its policy document (rules/interpretation.ts, 三同步).
import type { AgencyFact, AgencyFactSource } from '../orgs/shell/agency-facts.ts';
import { healthOf } from './health-of.ts';
import { interpretationStep } from './rules/interpretation.ts';
import { listColumns, policyInterpretationDates } from './store.ts';

const NOT_OPENED: AgencyFact = { faults: null, threshold: null, detail: '尚未开通主动公开目录，无法计算' };

export const columnHealthFacts: AgencyFactSource = {
  key: 'catalogue.columns',
  label: '空白栏目和未按期更新的栏目',
  basis: '国办秘函〔2019〕19号 栏目不更新',
  async factsOf(db, { agencies, today }) {
    const out = new Map<number, AgencyFact>();
    for (const a of agencies) {
      if ((await listColumns(db, a.id)).length === 0) {
        out.set(a.id, NOT_OPENED);
        continue;
      }
      const health = await healthOf(db, a.id, today);
      const flagged = health.columns.filter((c) => c.empty || c.notUpdated || c.longUnupdated);
      const vetoes = health.rules.filter((r) => r.veto && ['notUpdated', 'longUnupdated', 'empty'].includes(r.rule));
      out.set(a.id, {
        faults: flagged.length,
        threshold: vetoes.length > 0,
        detail:
          `${today} 检查栏目 ${health.columns.length} 个：空白 ${health.columns.filter((c) => c.empty).length} 个、未按期更新 ${health.columns.filter((c) => c.notUpdated).length} 个、长期未更新 ${health.columns.filter((c) => c.longUnupdated).length} 个` +
          (flagged.length ? `（${flagged.slice(0, 5).map((c) => c.column.name).join('、')}${flagged.length > 5 ? ' 等' : ''}）` : '') +
          (vetoes.length ? `；达到单项否决标准：${vetoes.map((r) => r.label).join('；')}` : ''),
        href: '/console/catalogue/health',
      });
    }
    return out;
  },
};

export const interpretationFacts: AgencyFactSource = {
  key: 'catalogue.interpretation',
  label: '未与政策文件同步发布解读的规章、行政规范性文件',
  basis: '国办发〔2016〕80号（解读与政策文件同步组织、同步审签、同步部署）',
  async factsOf(db, { agencies, year }) {
    const docs = await policyInterpretationDates(db, agencies.map((a) => a.id), year);
    const out = new Map<number, AgencyFact>();
    for (const a of agencies) {
      const mine = docs.filter((d) => d.orgId === a.id);
      const missing = mine.filter((d) => interpretationStep(d.publishedDate, d.interpretationDates) === 'missing');
      const late = mine.filter((d) => interpretationStep(d.publishedDate, d.interpretationDates) === 'late');
      const named = [...missing, ...late].slice(0, 3).map((d) => `《${d.title}》`);
      out.set(a.id, {
        faults: missing.length + late.length,
        threshold: null,
        detail: `${year} 年发布规章、行政规范性文件 ${mine.length} 件，未关联解读 ${missing.length} 件、解读晚于文件发布 ${late.length} 件${named.length ? `（${named.join('、')}${missing.length + late.length > 3 ? ' 等' : ''}）` : ''}`,
        href: '/console/catalogue',
      });
    }
    return out;
  },
};
