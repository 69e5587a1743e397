// The 依申请公开 section of the region dashboard (issue 17 §1): per agency, the open cases and how many
// of them are overdue or due soon by the statutory clock (the same clock as the 办理台账, computed for
// every open case of the region in bulk: region-clock.ts), the cases concluded in the year with their
// outcome mix — drawn for the region and its busiest agencies — and the median days from receipt to
// conclusion.
import { html, trustedHtml } from '../core/html.ts';
import type { Queryable } from '../core/db/database.ts';
import { stackedBarChart } from '../core/svg-chart.ts';
import type { RegionSection } from '../orgs/shell/region-section.ts';
import { dueCountsOf, loadOpenCaseClocks } from './region-clock.ts';

/** The outcome groups of table 3 (国办公开办函〔2021〕30号), by the prefix of the stored outcome key. */
const GROUPS = [
  { key: 'open', label: '予以公开（含部分）', colour: '#2e7d32', match: (o: string) => o === 'granted' || o === 'partiallyGranted' },
  { key: 'withheld', label: '不予公开', colour: '#c62828', match: (o: string) => o.startsWith('withheld.') },
  { key: 'unavailable', label: '无法提供', colour: '#f9a825', match: (o: string) => o.startsWith('unavailable.') },
  { key: 'notProcessed', label: '不予处理', colour: '#6d4c41', match: (o: string) => o.startsWith('notProcessed.') },
  { key: 'other', label: '其他处理', colour: '#78909c', match: (o: string) => o.startsWith('other') },
] as const;

/** How many agencies the outcome chart draws beside the region's total: the busiest of the year. */
export const OUTCOME_CHART_AGENCIES = 10;

interface AgencyStats {
  concluded: number;
  outcomes: Record<string, number>;
  medianDays: number | null;
}

/** One statement for the whole region: the year's concluded cases by outcome, and the median days. */
async function statsOfRegion(db: Queryable, orgIds: number[], year: number): Promise<Map<number, AgencyStats>> {
  // one pass over the year's cases: counts by (agency, outcome), and per agency (outcome null) the median
  const rows = await db.query<{ org_id: number; outcome: string | null; n: number; median: number | null }>(
    `select org_id, coalesce(outcome, 'other.other') as outcome, count(*)::int as n,
       percentile_cont(0.5) within group (order by concluded_on - received_on) filter (where received_on is not null) as median
     from applications where org_id = any($1::bigint[]) and concluded_on between $2::date and $3::date
     group by grouping sets ((org_id, coalesce(outcome, 'other.other')), (org_id))`,
    [orgIds, `${year}-01-01`, `${year}-12-31`],
  );
  const out = new Map<number, AgencyStats>();
  const of = (id: number) => out.get(id) ?? (out.set(id, { concluded: 0, outcomes: {}, medianDays: null }), out.get(id)!);
  for (const r of rows) {
    const s = of(Number(r.org_id));
    if (r.outcome === null) s.medianDays = r.median === null ? null : Number(r.median);
    else {
      const group = GROUPS.find((g) => g.match(r.outcome!))?.key ?? 'other';
      s.outcomes[group] = (s.outcomes[group] ?? 0) + r.n;
      s.concluded += r.n;
    }
  }
  return out;
}

/** The outcome mix of the year: the region's total first, then its busiest agencies (ties by tree order). */
function outcomeChart(year: number, rows: readonly { a: { fullName: string; path: string }; s: AgencyStats }[]): string {
  const values = (outcomes: Record<string, number>) => GROUPS.map((g) => outcomes[g.key] ?? 0);
  const total: Record<string, number> = {};
  for (const { s } of rows) for (const g of GROUPS) total[g.key] = (total[g.key] ?? 0) + (s.outcomes[g.key] ?? 0);
  const busiest = rows
    .filter((r) => r.s.concluded > 0)
    .sort((x, y) => y.s.concluded - x.s.concluded || x.a.path.localeCompare(y.a.path))
    .slice(0, OUTCOME_CHART_AGENCIES);
  return stackedBarChart({
    className: 'chart-outcomes',
    title: `${year} 年办结申请的处理结果`,
    unit: '件',
    scale: 'share',
    series: GROUPS.map((g) => ({ label: g.label, colour: g.colour })),
    rows: [{ label: '全地区合计', values: values(total) }, ...busiest.map((r) => ({ label: r.a.fullName, values: values(r.s.outcomes) }))],
  });
}

export const applicationsRegionSection: RegionSection = {
  id: 'applications',
  title: '依申请公开办理情况',
  async render(deps, { agencies, year, today }) {
    const ids = agencies.map((a) => a.id);
    const [stats, clocks] = await Promise.all([statsOfRegion(deps.db, ids, year), loadOpenCaseClocks(deps.db, ids, today)]);
    const due = dueCountsOf(clocks);
    const empty: AgencyStats = { concluded: 0, outcomes: {}, medianDays: null };
    const rows = agencies.map((a) => ({ a, s: stats.get(a.id) ?? empty, d: due.get(a.id) ?? { open: 0, overdue: 0, soon: 0 } }));
    rows.sort((x, y) => y.d.overdue - x.d.overdue || y.d.open - x.d.open || x.a.path.localeCompare(y.a.path));
    const busiest = Math.min(OUTCOME_CHART_AGENCIES, rows.filter((r) => r.s.concluded > 0).length);
    return html`<figure class="chart">${trustedHtml(outcomeChart(year, rows))}<figcaption>${year} 年办结申请的处理结果：全地区合计${busiest ? `及办结量最多的 ${busiest} 个机关` : ''}</figcaption></figure>
<p class="small">办理中的申请按法定答复期限计算是否逾期、即将到期（与各机关办理台账相同）；办结情况为 ${year} 年办结的申请，办理天数为收到申请至办结的自然日中位数。</p>
<div class="table-scroll"><table class="data region-applications">
  <thead><tr><th scope="col">机关</th><th scope="col">办理中</th><th scope="col">逾期</th><th scope="col">即将到期</th><th scope="col">${year} 年办结</th>${GROUPS.map((g) => html`<th scope="col">${g.label}</th>`)}<th scope="col">办理天数中位数</th></tr></thead>
  <tbody>${rows.map(
    ({ a, s, d }) => html`<tr data-code="${a.code}"><th scope="row">${a.fullName}</th><td>${d.open}</td><td class="${d.overdue ? 'count-error' : ''}">${d.overdue}</td><td class="${d.soon ? 'count-warning' : ''}">${d.soon}</td>
      <td>${s.concluded}</td>${GROUPS.map((g) => html`<td>${s.outcomes[g.key] ?? 0}</td>`)}<td>${s.medianDays === null ? '—' : `${s.medianDays} 天`}</td></tr>`,
  )}</tbody>
</table></div>`;
  },
};
