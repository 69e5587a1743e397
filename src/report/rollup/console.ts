// Console page of the region roll-up (地区汇总) of a government office: /console/reports/rollup?year=YYYY.
// The summed tables 2–4 rendered like a report (cells that cannot be summed marked), the agencies
// directly under the office with their key numbers, findings and 计入/不计入 toggles, and the button
// that stores the sum as the office's own report draft of the year.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, notFound } from '../../core/errors.ts';
import { html, trustedHtml, type SafeHtml } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { currentYear } from '../../core/today.ts';
import { describeZodError } from '../../core/validation.ts';
import { staffContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from '../model/schema.ts';
import { renderHtmlFragment } from '../render/html.ts';
import { FORMAT_LABELS } from '../present.ts';
import { SEVERITY_LABELS } from '../rules/rule.ts';
import { findReportByOrgYear } from '../store.ts';
import { setRollupInclusion, storeRollupAsDraft } from './commands.ts';
import { rollupPolicy } from './policy.ts';
import { loadRollup, ROLLUP_STATUS_LABELS, type Rollup, type RollupAgency } from './rollup.ts';
import type { UnknownCell } from './sum.ts';

export const ROLLUP_PATH = '/console/reports/rollup';

const ASSETS = html`<link rel="stylesheet" href="/assets/report.css">`;
const NOTICES: Record<string, string> = {
  excluded: '已设为不计入汇总。',
  included: '已恢复计入汇总。',
  unchanged: '计入设置没有变化。',
};

const cellText = (c: number | null) => (c === null ? '无法读取' : String(c));

function yearOf(raw: unknown, fallback: number): number {
  const n = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= MIN_REPORT_YEAR && n <= MAX_REPORT_YEAR ? n : fallback;
}

/** CSS that marks the summed cells that are unknown (printed empty, which would otherwise read as 0). */
function unknownCellStyle(unknown: readonly UnknownCell[]): SafeHtml {
  const selectors = new Set<string>();
  for (const u of unknown) {
    const whole = /^table[234]$/.exec(u.cell);
    if (whole) {
      selectors.add(`.rollup-sum .gk-${u.cell} td`);
      continue;
    }
    // table3.newReceived[0] → table3:newReceived:0; table2.fees.amountWanYuan → table2:fees:amountWanYuan
    const line = /^(table[34])\.(.+)\[(\d+)\]$/.exec(u.cell);
    const t2 = /^table2\.([^.]+)\.(.+)$/.exec(u.cell);
    const ref = line ? `${line[1]}:${line[2]}:${line[3]}` : t2 ? `table2:${t2[1]}:${t2[2]}` : null;
    if (ref) selectors.add(`.rollup-sum td[data-cell="${ref.replace(/["\\]/g, '')}"]`);
  }
  if (!selectors.size) return html``;
  const list = [...selectors];
  return trustedHtml(
    `<style>${list.join(',')}{background:#fde2e1}${list.map((s) => `${s}::after`).join(',')}{content:"？";color:#a00}</style>`,
  );
}

function agencyRow(view: ConsoleView, r: Rollup, a: RollupAgency): SafeHtml {
  const rep = a.report;
  const canToggle = rollupPolicy.setInclusion(view.staff, a.org);
  const toggle = !canToggle
    ? ''
    : a.status === 'excluded'
      ? html`<form method="post" action="${ROLLUP_PATH}/inclusion" class="inline">
    ${csrfField(view.csrf)}<input type="hidden" name="year" value="${r.year}"><input type="hidden" name="org" value="${a.org.code}">
    <input type="hidden" name="included" value="1"><button type="submit">恢复计入</button></form>`
      : html`<form method="post" action="${ROLLUP_PATH}/inclusion" class="inline">
    ${csrfField(view.csrf)}<input type="hidden" name="year" value="${r.year}"><input type="hidden" name="org" value="${a.org.code}">
    <input type="hidden" name="included" value="0">
    <label>理由 <input name="reason" required maxlength="500" aria-label="${a.org.fullName}不计入汇总的理由"></label>
    <button type="submit">不计入</button></form>`;
  return html`<tr data-org="${a.org.code}" data-status="${a.status}">
  <th scope="row">${a.org.fullName}${rep?.imported ? html` <span class="tag">导入</span>` : ''}</th>
  <td>${ROLLUP_STATUS_LABELS[a.status]}${a.reason ? html`<br><span class="small">${a.reason}</span>` : ''}${a.inclusion && a.status === 'excluded' ? html`<br><span class="small">${a.inclusion.changedByName} 设置</span>` : ''}</td>
  <td>${rep ? html`<a href="/orgs/${a.org.code}/reports/${r.year}">第 ${rep.version} 版</a>` : '—'}</td>
  <td class="num">${rep ? cellText(a.newReceivedTotal) : '—'}</td>
  <td class="num">${rep ? cellText(a.table4Total) : '—'}</td>
  <td class="${rep?.errorCount ? 'count-error' : ''}">${rep ? rep.errorCount : '—'}</td>
  <td class="${rep?.warningCount ? 'count-warning' : ''}">${rep ? rep.warningCount : '—'}</td>
  <td>${toggle}</td>
</tr>`;
}

function findingsOf(r: Rollup): SafeHtml {
  const withFindings = r.agencies.filter((a) => a.report?.findings.length);
  return html`<section aria-labelledby="rollup-findings"><h2 id="rollup-findings">各机关报告的检查结果</h2>
${withFindings.length
  ? withFindings.map(
      (a) => html`<h3>${a.org.fullName}（第 ${a.report!.version} 版${a.report!.imported ? '，导入' : ''}${a.status === 'included' ? '' : `，${ROLLUP_STATUS_LABELS[a.status]}`}）</h3>
<ol class="findings">${a.report!.findings.map(
        (f) => html`<li class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span> ${f.message} <code class="small">${f.rule}</code></li>`,
      )}</ol>`,
    )
  : html`<p class="muted">各机关已发布的报告均未发现问题。</p>`}
</section>`;
}

function unknownList(r: Rollup): SafeHtml {
  if (!r.sum.unknown.length) return html``;
  return html`<section aria-labelledby="rollup-unknown"><h2 id="rollup-unknown">无法汇总的单元格</h2>
<p>以下单元格在计入的报告中无法读取（或报告未包含该表），汇总表中留空并标“？”，不按 0 计算：</p>
<ul>${r.sum.unknown.map((u) => html`<li>${u.locator} <code class="small">${u.cell}</code>：${u.name}，${u.reason}</li>`)}</ul>
</section>`;
}

function offices(view: ConsoleView): Organization[] {
  return view.orgs.filter((o) => o.kind === 'government');
}

async function rollupPage(
  deps: AppDeps,
  view: ConsoleView,
  year: number,
  state: { notice?: string | undefined; error?: string | undefined } = {},
): Promise<string> {
  const office = view.org;
  const title = `${year} 年度地区汇总`;
  if (office.kind !== 'government') {
    const list = offices(view);
    return consolePage(
      view,
      title,
      html`${errorBox(state.error)}<p>地区汇总是人民政府（办公室）汇总其所属各机关年度报告的页面。${office.fullName}不是人民政府（办公室）。</p>
${list.length ? html`<p>请在页眉“当前机构”中切换到：${list.map((o) => o.fullName).join('、')}。</p>` : ''}`,
    );
  }
  const r = await loadRollup(deps.db, office, year);
  const own = await findReportByOrgYear(deps.db, office.id, year);
  const count = (s: RollupAgency['status']) => r.agencies.filter((a) => a.status === s).length;
  const canStore = rollupPolicy.storeDraft(view.staff, office);
  const doc = { report: r.sum.report, title: `${office.fullName}${year}年政府信息公开工作年度报告（地区汇总）` };
  const body = html`${ASSETS}${unknownCellStyle(r.sum.unknown)}${noticeBox(state.notice)}${errorBox(state.error)}
<form method="get" action="${ROLLUP_PATH}" class="inline">
  <label>报告年度 <input name="year" type="number" min="${MIN_REPORT_YEAR}" max="${currentYear()}" value="${year}" required></label>
  <button type="submit">查看</button>
</form>
<p>${office.fullName}所属 ${r.agencies.length} 个机关 ${year} 年度已发布的年度报告，逐格相加（${FORMAT_LABELS[r.format]}）。
有已发布报告的机关默认计入；系统管理员可以说明理由后设为不计入。导入的报告（标“导入”）按原文计入，检查结果列在下方。</p>
<p id="rollup-counts">计入 ${count('included')} 个，不计入 ${count('excluded') + count('mismatch')} 个，缺报告 ${count('missing')} 个。</p>
<section aria-labelledby="rollup-agencies"><h2 id="rollup-agencies">各机关</h2>
<div class="table-scroll"><table class="data" id="rollup-agency-table">
  <thead><tr><th scope="col">机关</th><th scope="col">汇总</th><th scope="col">已发布版本</th><th scope="col">表三新收总计</th><th scope="col">表四总计</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col"></th></tr></thead>
  <tbody>${r.agencies.map((a) => agencyRow(view, r, a))}</tbody>
</table></div></section>
${canStore
  ? html`<form method="post" action="${ROLLUP_PATH}/draft" class="stack" id="rollup-store">
  ${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}">
  <p class="small">${own
    ? html`将汇总结果保存为本机关 <a href="/console/reports/${own.id}">${year} 年度报告</a>的第 ${own.currentVersion + 1} 版（草稿，各表来源为“系统生成”，正文不变）。`
    : `将新建本机关 ${year} 年度报告，并把汇总结果保存为其草稿（各表来源为“系统生成”）。`}</p>
  <button type="submit">存为本机关年度报告草稿</button>
</form>`
  : ''}
${unknownList(r)}
<section aria-labelledby="rollup-tables" class="rollup-sum"><h2 id="rollup-tables">汇总表</h2>
${trustedHtml(renderHtmlFragment(doc, { idPrefix: 'rollup' }))}
</section>
${findingsOf(r)}`;
  return consolePage(view, title, body);
}

const messageOf = (err: unknown) =>
  err instanceof ZodError ? describeZodError(err, { year: '报告年度', reason: '理由' }) : err instanceof DomainError ? err.message : null;

export function rollupConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  const view = (request: FastifyRequest, reply: FastifyReply) => consoleView(deps, request, reply, 'reports');
  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');

  return async (app: FastifyInstance) => {
    app.get('/reports/rollup', { schema: { hide: true } }, async (request, reply) => {
      const q = request.query as { year?: string; notice?: string };
      const v = await view(request, reply);
      return reply.type('text/html').send(await rollupPage(deps, v, yearOf(q.year, currentYear() - 1), { notice: NOTICES[q.notice ?? ''] }));
    });

    app.post('/reports/rollup/inclusion', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const b = body(request);
      const year = yearOf(str(b.year), currentYear() - 1);
      const included = str(b.included) === '1';
      try {
        const agency = await findOrgByCode(db, str(b.org));
        if (!agency || agency.parentId !== v.org.id) throw notFound(`${v.org.fullName}之下代码为 ${str(b.org)} 的机构`);
        const { changed } = await setRollupInclusion(db, staffContext(v.staff, request.id), {
          officeId: v.org.id, orgId: agency.id, year: str(b.year), included, reason: str(b.reason),
        });
        return reply.redirect(`${ROLLUP_PATH}?year=${year}&notice=${changed ? (included ? 'included' : 'excluded') : 'unchanged'}`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(await rollupPage(deps, v, year, { error: `未更改：${message}` }));
      }
    });

    app.post('/reports/rollup/draft', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const b = body(request);
      const year = yearOf(str(b.year), currentYear() - 1);
      try {
        const saved = await storeRollupAsDraft(db, staffContext(v.staff, request.id), { officeId: v.org.id, year: str(b.year) });
        return reply.redirect(`/console/reports/${saved.reportId}?notice=saved`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(await rollupPage(deps, v, year, { error: `未保存：${message}` }));
      }
    });
  };
}
