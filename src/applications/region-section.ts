// The 依申请公开 section of the region dashboard (issue 17 §1): per agency, the open cases and how many
// of them are overdue or due soon by the statutory clock (loadQueue: the same clock as the 办理台账), the
// cases concluded in the year with their outcome mix, and the median days from receipt to conclusion.
import { html } from '../core/html.ts';
import type { Queryable } from '../core/db/database.ts';
import type { RegionSection } from '../orgs/shell/region-section.ts';
import { loadQueue } from './queue.ts';

/** The outcome groups of table 3 (国办公开办函〔2021〕30号), by the prefix of the stored outcome key. */
const GROUPS = [
  { key: 'open', label: '予以公开（含部分）', match: (o: string) => o === 'granted' || o === 'partiallyGranted' },
  { key: 'withheld', label: '不予公开', match: (o: string) => o.startsWith('withheld.') },
  { key: 'unavailable', label: '无法提供', match: (o: string) => o.startsWith('unavailable.') },
  { key: 'notProcessed', label: '不予处理', match: (o: string) => o.startsWith('notProcessed.') },
  { key: 'other', label: '其他处理', match: (o: string) => o.startsWith('other') },
] as const;

interface AgencyStats {
  open: number;
  concluded: number;
  outcomes: Record<string, number>;
  medianDays: number | null;
}

/** One statement for the whole region: open cases, the year's concluded cases by outcome, the median days. */
async function statsOfRegion(db: Queryable, orgIds: number[], year: number): Promise<Map<number, AgencyStats>> {
  const rows = await db.query<{ org_id: number; open: number; outcome: string | null; n: number; median: number | null }>(
    `select org_id, count(*) filter (where concluded_on is null and received_on is not null and state <> 'submitted')::int as open,
       null::text as outcome, 0 as n, null::float8 as median
     from applications where org_id = any($1::bigint[]) group by org_id
     union all
     select org_id, 0, coalesce(outcome, 'other.other'), count(*)::int, null from applications
     where org_id = any($1::bigint[]) and concluded_on between $2::date and $3::date group by org_id, 3
     union all
     select org_id, 0, null, -1, percentile_cont(0.5) within group (order by concluded_on - received_on)
     from applications where org_id = any($1::bigint[]) and concluded_on between $2::date and $3::date and received_on is not null group by org_id`,
    [orgIds, `${year}-01-01`, `${year}-12-31`],
  );
  const out = new Map<number, AgencyStats>();
  const of = (id: number) => out.get(id) ?? (out.set(id, { open: 0, concluded: 0, outcomes: {}, medianDays: null }), out.get(id)!);
  for (const r of rows) {
    const s = of(Number(r.org_id));
    if (r.n === -1) s.medianDays = r.median === null ? null : Number(r.median);
    else if (r.outcome === null) s.open = r.open;
    else {
      const group = GROUPS.find((g) => g.match(r.outcome!))?.key ?? 'other';
      s.outcomes[group] = (s.outcomes[group] ?? 0) + r.n;
      s.concluded += r.n;
    }
  }
  return out;
}

export const applicationsRegionSection: RegionSection = {
  id: 'applications',
  title: '依申请公开办理情况',
  async render(deps, { agencies, year }) {
    const stats = await statsOfRegion(deps.db, agencies.map((a) => a.id), year);
    // The clock of each open case, for the agencies that have any (the same rules as the 办理台账).
    const due = new Map<number, { overdue: number; soon: number }>();
    for (const a of agencies) {
      if (!stats.get(a.id)?.open) continue;
      const queue = await loadQueue(deps.db, a.id, { state: 'open', order: 'number' });
      due.set(a.id, {
        overdue: queue.filter((i) => i.clock.status?.status === 'overdue').length,
        soon: queue.filter((i) => i.clock.status?.status === 'due_soon').length,
      });
    }
    const rows = agencies.map((a) => ({ a, s: stats.get(a.id) ?? { open: 0, concluded: 0, outcomes: {}, medianDays: null }, d: due.get(a.id) ?? { overdue: 0, soon: 0 } }));
    rows.sort((x, y) => y.d.overdue - x.d.overdue || y.s.open - x.s.open || x.a.path.localeCompare(y.a.path));
    return html`<p class="small">办理中的申请按法定答复期限计算是否逾期、即将到期（与各机关办理台账相同）；办结情况为 ${year} 年办结的申请，办理天数为收到申请至办结的自然日中位数。</p>
<div class="table-scroll"><table class="data region-applications">
  <thead><tr><th scope="col">机关</th><th scope="col">办理中</th><th scope="col">逾期</th><th scope="col">即将到期</th><th scope="col">${year} 年办结</th>${GROUPS.map((g) => html`<th scope="col">${g.label}</th>`)}<th scope="col">办理天数中位数</th></tr></thead>
  <tbody>${rows.map(
    ({ a, s, d }) => html`<tr data-code="${a.code}"><th scope="row">${a.fullName}</th><td>${s.open}</td><td class="${d.overdue ? 'count-error' : ''}">${d.overdue}</td><td class="${d.soon ? 'count-warning' : ''}">${d.soon}</td>
      <td>${s.concluded}</td>${GROUPS.map((g) => html`<td>${s.outcomes[g.key] ?? 0}</td>`)}<td>${s.medianDays === null ? '—' : `${s.medianDays} 天`}</td></tr>`,
  )}</tbody>
</table></div>`;
  },
};
