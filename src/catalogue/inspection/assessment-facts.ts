// The inspection's indicators of the yearly assessment (考核, issue 17 §3): the findings of each agency's
// latest inspection run of the year — 错链 (链接可用性) and 严重表述错误 (a 单项否决 item of [W19]).
// An agency never inspected in the year has no data, so its indicator is not scored, not full marks.
import { minDate } from '../../core/date.ts';
import type { AgencyFact, AgencyFactSource } from '../../orgs/shell/agency-facts.ts';
import { INSPECTION_RULE_LABELS, latestRunCounts, type InspectionRule } from './store.ts';

function inspectionFacts(rule: InspectionRule, source: Pick<AgencyFactSource, 'key' | 'label' | 'basis'>): AgencyFactSource {
  return {
    ...source,
    async factsOf(db, { agencies, year, today }) {
      const runs = await latestRunCounts(db, agencies.map((a) => a.id), minDate(`${year}-12-31`, today));
      const out = new Map<number, AgencyFact>();
      for (const a of agencies) {
        const run = runs.get(a.id);
        if (!run) {
          out.set(a.id, { faults: null, threshold: null, detail: `${year} 年尚未进行内容检查，无法计算`, href: '/console/catalogue/inspection' });
          continue;
        }
        const n = run.counts[rule];
        const unchecked = rule === 'dead_link' && !run.linksChecked ? '；外部链接未联网检查，只计站内链接' : '';
        out.set(a.id, { faults: n, threshold: null, detail: `${run.runOn} 内容检查：${INSPECTION_RULE_LABELS[rule]} ${n} 处${rule === 'dead_link' ? `（共检查链接 ${run.links} 个${unchecked}）` : ''}`, href: '/console/catalogue/inspection' });
      }
      return out;
    },
  };
}

export const deadLinkFacts = inspectionFacts('dead_link', { key: 'inspection.deadLinks', label: '错链（无法访问的链接）', basis: '国办秘函〔2019〕19号 链接可用性' });
export const wordingFacts = inspectionFacts('wording', { key: 'inspection.wording', label: '严重表述错误', basis: '国办秘函〔2019〕19号 单项否决指标“出现严重表述错误”' });
