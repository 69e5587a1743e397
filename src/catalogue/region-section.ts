// The 主动公开 section of the region dashboard (issue 17 §1): the column-health rules of domain reference
// §D.4 (rules/health.ts) per agency, the agencies that reach a 单项否决 threshold first. An agency that
// has not opened its catalogue yet is said so, not counted as healthy.
import { html } from '../core/html.ts';
import type { RegionSection } from '../orgs/shell/region-section.ts';
import type { HealthReport } from './rules/health.ts';
import { healthOfOrgs } from './health-of.ts';

export const catalogueRegionSection: RegionSection = {
  id: 'catalogue',
  title: '主动公开栏目检查',
  async render(deps, { agencies, today }) {
    // every agency at once (healthOfOrgs: the same rules and facts as each agency's health page)
    const health = await healthOfOrgs(deps.db, agencies.map((a) => a.id), today);
    const reports = agencies.map((a) => ({ code: a.code, name: a.fullName, health: health.get(a.id) ?? null }));
    const rules = reports.find((r) => r.health)?.health?.rules ?? [];
    const vetoes = (h: HealthReport | null) => h?.rules.filter((r) => r.veto).length ?? -1;
    reports.sort((x, y) => vetoes(y.health) - vetoes(x.health) || x.code.localeCompare(y.code));
    return html`<p class="small">按国办秘函〔2019〕19号和本地区检查标准（领域参考 §D.4）逐机关计算；达到单项否决标准的机关排在前面。</p>
<div class="table-scroll"><table class="data region-catalogue">
  <thead><tr><th scope="col">机关</th>${rules.map((r) => html`<th scope="col">${r.label}</th>`)}<th scope="col">单项否决</th></tr></thead>
  <tbody>${reports.map(({ code, name, health }) =>
    health
      ? html`<tr data-code="${code}"${vetoes(health) > 0 ? html` class="late"` : ''}><th scope="row">${name}</th>${health.rules.map(
          (r) => html`<td${r.veto ? html` class="count-error"` : ''}>${r.count}</td>`,
        )}<td>${health.rules.filter((r) => r.veto).map((r) => r.label).join('、') || '—'}</td></tr>`
      : html`<tr data-code="${code}"><th scope="row">${name}</th><td colspan="${rules.length + 1}" class="muted">尚未开通主动公开目录</td></tr>`,
  )}</tbody>
</table></div>`;
  },
};
