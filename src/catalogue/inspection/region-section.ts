// The 内容检查 section of the region dashboard (issue 17 §2): each agency's latest inspection run with its
// findings by rule (错链, 暗链, 严重表述错误 …), the agencies with findings first, those never inspected said so.
import { html } from '../../core/html.ts';
import type { RegionSection } from '../../orgs/shell/region-section.ts';
import { INSPECTION_RULE_LABELS, INSPECTION_RULES, inspectionCountsOfRegion } from './store.ts';

export const inspectionRegionSection: RegionSection = {
  id: 'inspection',
  title: '内容检查（最近一次）',
  async render(deps, { region, agencies }) {
    const agencyIds = new Set(agencies.map((a) => a.id));
    const rows = (await inspectionCountsOfRegion(deps.db, region.path)).filter((r) => agencyIds.has(r.orgId));
    const total = (r: (typeof rows)[number]) => INSPECTION_RULES.reduce((s, rule) => s + (r.counts[rule] ?? 0), 0);
    rows.sort((a, b) => total(b) - total(a) || a.code.localeCompare(b.code));
    return html`<p class="small">各机关最近一次内容检查（主动公开 → 内容检查）发现的问题；每次检查都保留，可在各机关的检查页比较。</p>
<div class="table-scroll"><table class="data region-inspection">
  <thead><tr><th scope="col">机关</th><th scope="col">检查日期</th>${INSPECTION_RULES.map((rule) => html`<th scope="col">${INSPECTION_RULE_LABELS[rule]}</th>`)}</tr></thead>
  <tbody>${rows.map((r) =>
    r.runId === null
      ? html`<tr data-code="${r.code}"><th scope="row">${r.name}</th><td colspan="${INSPECTION_RULES.length + 1}" class="muted">尚未检查</td></tr>`
      : html`<tr data-code="${r.code}"><th scope="row">${r.name}</th><td>${r.runOn ?? '—'}</td>${INSPECTION_RULES.map((rule) => html`<td${r.counts[rule] ? html` class="count-error"` : ''}>${r.counts[rule] ?? 0}</td>`)}</tr>`,
  )}</tbody>
</table></div>`;
  },
};
