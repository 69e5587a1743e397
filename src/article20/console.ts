// Console pages of the Article 20 ledgers (第二十条事项): a year's totals per category as they go into
// table 2, the decisions, counts, fees, 2019 item counts and 政府集中采购 of the year; forms to enter
// them (信息发布员) and to confirm the year (机关负责人 or 系统管理员); the import of a 双公示 export
// with its preview (rows to add, duplicates, errors by row) before anything is added.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, invalid } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { acceptUploads, type UploadForm } from '../core/http/uploads.ts';
import { currentYear } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import * as commands from './commands.ts';
import {
  CATEGORY_LABELS, COUNT_CATEGORIES, DECISION_CATEGORIES, ITEM_KINDS, ITEM_LABELS, periodLabel, STATUS_LABELS, type DecisionCategory,
} from './model.ts';
import { article20Policy, CONFIRM_REFUSED, ENTER_REFUSED, READ_REFUSED } from './policy.ts';
import { formatImportError } from './rules/import-plan.ts';
import { fenToWanYuan, fenToYuan } from '../core/money.ts';
import { currentItemCount } from './rules/table2.ts';
import { yearView } from './year-view.ts';
import { formFields } from '../core/http/csrf.ts';
import { formErrors } from '../core/validation.ts';

type FormValues = Record<string, string>;
type FormName = 'count' | 'fee' | 'item' | 'procurement';
interface FormState { form: FormName; values: FormValues; errors: Record<string, string> }

const yearOf = (raw: unknown, fallback: number) => {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : fallback;
};
const categoryOf = (raw: unknown): DecisionCategory | undefined => ((DECISION_CATEGORIES as readonly unknown[]).includes(raw) ? (raw as DecisionCategory) : undefined);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PERIODS = ['', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`)];

const fieldError = (errors: Record<string, string>, k: string) => (errors[k] ? html`<span class="field-error" id="err-${k}">${errors[k]}</span>` : '');
const input = (form: string, k: string, label: string, v: FormValues, e: Record<string, string>, opts: { type?: string; hint?: string } = {}) =>
  html`<label for="${form}-${k}">${label}${opts.hint ? html` <span class="muted">${opts.hint}</span>` : ''}</label>
  <input id="${form}-${k}" name="${k}" type="${opts.type ?? 'text'}" value="${v[k] ?? ''}"${e[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : ''}>${fieldError(e, k)}`;
const select = (form: string, k: string, label: string, options: readonly [string, string][], v: FormValues, e: Record<string, string>) =>
  html`<label for="${form}-${k}">${label}</label><select id="${form}-${k}" name="${k}">${options.map(([value, text]) => html`<option value="${value}"${v[k] === value ? html` selected` : ''}>${text}</option>`)}</select>${fieldError(e, k)}`;

function enterForms(view: ConsoleView, year: number, state: FormState | null): SafeHtml {
  const st = (f: FormName) => (state?.form === f ? state : { values: { year: String(year) } as FormValues, errors: {} as Record<string, string> });
  const periodOptions = PERIODS.map((p) => [p, periodLabel(p)] as [string, string]);
  const c = st('count');
  const f = st('fee');
  const i = st('item');
  const p = st('procurement');
  const errs = (e: Record<string, string>) => (Object.keys(e).length ? html`<div class="error error-summary" role="alert" tabindex="-1" autofocus><p>有 ${Object.keys(e).length} 处需要修改：</p><ul>${Object.values(e).map((m) => html`<li>${m}</li>`)}</ul></div>` : '');
  return html`<h2>录入</h2>
<p class="small">逐件的行政许可、行政处罚、行政强制决定请<a href="/console/article20/import">导入双公示导出文件</a>；没有逐件记录的，可按全年、季度或月份录入数量。同一类别同一年已有导入的决定时，手工录入的数量不再计入（避免重复计数）。录入后须由机关负责人或系统管理员确认，确认后才计入年度报告。</p>
<details id="count-form-box"${state?.form === 'count' ? html` open` : ''}><summary>录入处理决定数量</summary>
${errs(c.errors)}<form method="post" action="/console/article20/counts" class="stack" id="count-form">${csrfField(view.csrf)}
  ${input('count', 'year', '年度', c.values, c.errors, { type: 'number' })}
  ${select('count', 'period', '期间', periodOptions, c.values, c.errors)}
  ${select('count', 'category', '类别', COUNT_CATEGORIES.map((k) => [k, CATEGORY_LABELS[k]] as [string, string]), c.values, c.errors)}
  ${input('count', 'count', '处理决定数量（件）', c.values, c.errors, { type: 'number' })}
  ${input('count', 'note', '备注', c.values, c.errors, { hint: '（如 数据来源）' })}
  <button type="submit">保存数量</button>
</form></details>
<details id="fee-form-box"${state?.form === 'fee' ? html` open` : ''}><summary>录入行政事业性收费</summary>
${errs(f.errors)}<form method="post" action="/console/article20/fees" class="stack" id="fee-form">${csrfField(view.csrf)}
  ${input('fee', 'year', '年度', f.values, f.errors, { type: 'number' })}
  ${select('fee', 'period', '期间', periodOptions, f.values, f.errors)}
  ${input('fee', 'item', '收费项目', f.values, f.errors, { hint: '（如 不动产登记费）' })}
  ${input('fee', 'amount', '金额（元）', f.values, f.errors, { hint: '（精确到分，如 1234.56；年度报告中换算为万元）' })}
  ${input('fee', 'note', '备注', f.values, f.errors)}
  <button type="submit">保存收费</button>
</form></details>
<details id="item-form-box"${state?.form === 'item' ? html` open` : ''}><summary>录入项目数量（2019 年格式）</summary>
${errs(i.errors)}<form method="post" action="/console/article20/items" class="stack" id="item-form">${csrfField(view.csrf)}
  ${input('item', 'year', '年度', i.values, i.errors, { type: 'number' })}
  ${select('item', 'item', '项目', ITEM_KINDS.map((k) => [k, ITEM_LABELS[k]] as [string, string]), i.values, i.errors)}
  ${input('item', 'previousCount', '上一年项目数量', i.values, i.errors, { type: 'number' })}
  ${input('item', 'change', '本年增/减', i.values, i.errors, { type: 'number', hint: '（减少填负数，如 -2）' })}
  <button type="submit">保存项目数量</button>
</form></details>
<details id="procurement-form-box"${state?.form === 'procurement' ? html` open` : ''}><summary>录入政府集中采购（2019 年格式）</summary>
${errs(p.errors)}<form method="post" action="/console/article20/procurement" class="stack" id="procurement-form">${csrfField(view.csrf)}
  ${input('procurement', 'year', '年度', p.values, p.errors, { type: 'number' })}
  ${input('procurement', 'projects', '采购项目数量', p.values, p.errors, { type: 'number' })}
  ${input('procurement', 'amount', '采购总金额（元）', p.values, p.errors)}
  <button type="submit">保存政府集中采购</button>
</form></details>`;
}

/** A 删除 button for an entry, when the staff member may remove it (录入: who enters; 已确认: who confirms). */
function removeButton(view: ConsoleView, kind: 'decision' | 'count' | 'fee', id: number, status: 'entered' | 'confirmed', year: number): SafeHtml | string {
  const may = article20Policy.enter(view.staff, view.org) && (status === 'entered' || article20Policy.confirm(view.staff, view.org));
  if (!may) return '';
  return html`<form method="post" action="/console/article20/remove" class="inline">${csrfField(view.csrf)}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="year" value="${year}"><button type="submit" class="link">删除</button></form>`;
}

async function listPage(deps: AppDeps, view: ConsoleView, year: number, category: DecisionCategory | undefined, message: { notice?: string | null; error?: string | null; form?: FormState } = {}): Promise<string> {
  const y = await yearView(deps.db, view.org.id, year, category);
  const canEnter = article20Policy.enter(view.staff, view.org);
  const canConfirm = article20Policy.confirm(view.staff, view.org);
  const status = (s: keyof typeof STATUS_LABELS) => html`<span class="status-${s}">${STATUS_LABELS[s]}</span>`;
  const sourceLabel = { decisions: '逐件导入的决定', counts: '手工录入的数量', none: '无记录' } as const;
  const t21 = y.part2021.table2 as { licensing: { decisions: number }; penalty: { decisions: number }; coercion: { decisions: number }; fees: { amountWanYuan: number } };
  return consolePage(
    view,
    '第二十条事项台账',
    html`${noticeBox(message.notice)}${errorBox(message.error)}
<p>${canEnter ? html`<a class="button" href="/console/article20/import">导入双公示决定</a>` : ''}</p>
<form method="get" action="/console/article20" class="filters"><label>年度 <input type="number" name="year" value="${year}" min="2008" max="2100"></label>
<label>决定类别 <select name="category"><option value="">全部</option>${DECISION_CATEGORIES.map((c) => html`<option value="${c}"${category === c ? html` selected` : ''}>${CATEGORY_LABELS[c]}</option>`)}</select></label><button type="submit">查看</button></form>
<p class="small">条例第二十条第（五）（六）（八）（九）项；年度报告表二相应各行由本台账计算：决定按决定日期计入当年，同一决定文书号只计一次，只计已确认的记录。规则见 docs/article20-table2.md。</p>
<h2>${year} 年汇总</h2>
<table class="data" id="totals">
  <thead><tr><th scope="col">类别</th><th scope="col">计入年度报告（件）</th><th scope="col">来源</th><th scope="col">待确认未计入</th><th scope="col">未计入的手工数量</th></tr></thead>
  <tbody>${y.tallies.map((t) => html`<tr><th scope="row"><a href="/console/article20?year=${year}${t.category === 'other_services' ? '' : `&category=${t.category}`}">${CATEGORY_LABELS[t.category]}</a></th><td>${t.counted}</td><td>${sourceLabel[t.source]}</td><td>${t.unconfirmed}</td><td>${t.ignoredHandCount}</td></tr>`)}
  <tr><th scope="row">行政事业性收费</th><td>${fenToWanYuan(y.feeTally.fen)} 万元（${fenToYuan(y.feeTally.fen)} 元）</td><td>${y.feeTally.entries} 笔已确认</td><td>${y.feeTally.unconfirmed} 笔</td><td>—</td></tr></tbody>
</table>
${y.unconfirmed
  ? canConfirm
    ? html`<form method="post" action="/console/article20/confirm" class="inline" id="confirm-form">${csrfField(view.csrf)}<input type="hidden" name="year" value="${year}"><button type="submit">确认 ${year} 年全部待确认记录（${y.unconfirmed} 条）</button></form>`
    : html`<p class="muted">${year} 年有 ${y.unconfirmed} 条记录待机关负责人或系统管理员确认，确认前不计入年度报告。</p>`
  : ''}
<h2>${year} 年度表二（由台账计算）</h2>
<table class="data" id="table2">
  <thead><tr><th scope="col">信息内容</th><th scope="col">本年处理决定数量 / 本年收费金额（单位：万元）</th><th scope="col">来源</th></tr></thead>
  <tbody>
  <tr><th scope="row">行政许可</th><td>${t21.licensing.decisions}</td><td class="small">${y.part2021.sources[0]?.description ?? ''}</td></tr>
  <tr><th scope="row">行政处罚</th><td>${t21.penalty.decisions}</td><td class="small">${y.part2021.sources[1]?.description ?? ''}</td></tr>
  <tr><th scope="row">行政强制</th><td>${t21.coercion.decisions}</td><td class="small">${y.part2021.sources[2]?.description ?? ''}</td></tr>
  <tr><th scope="row">行政事业性收费</th><td>${fenToWanYuan(y.feeTally.fen)}</td><td class="small">${y.part2021.sources[3]?.description ?? ''}</td></tr>
  </tbody>
</table>
<h2>项目数量（2019 年格式）</h2>
<table class="data" id="items">
  <thead><tr><th scope="col">项目</th><th scope="col">上一年项目数量</th><th scope="col">本年增/减</th><th scope="col">本年项目数量</th><th scope="col">状态</th></tr></thead>
  <tbody>${ITEM_KINDS.map((k) => {
    const i = y.items.find((x) => x.item === k);
    return html`<tr><th scope="row">${ITEM_LABELS[k]}</th>${i ? html`<td>${i.previousCount}</td><td>${i.change > 0 ? `+${i.change}` : i.change}</td><td>${currentItemCount(i.previousCount, i.change)}</td><td>${status(i.status)}</td>` : html`<td colspan="4" class="muted">未录入</td>`}</tr>`;
  })}
  <tr><th scope="row">政府集中采购</th>${y.procurement ? html`<td colspan="3">${y.procurement.projects} 个项目，总金额 ${fenToYuan(y.procurement.amountFen)} 元</td><td>${status(y.procurement.status)}</td>` : html`<td colspan="4" class="muted">未录入</td>`}</tr></tbody>
</table>
<h2>手工录入的数量</h2>
${y.counts.length
  ? html`<table class="data" id="counts"><thead><tr><th scope="col">类别</th><th scope="col">期间</th><th scope="col">数量</th><th scope="col">备注</th><th scope="col">状态</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead>
  <tbody>${y.counts.map((c) => html`<tr><td>${CATEGORY_LABELS[c.category]}</td><td>${periodLabel(c.period)}</td><td>${c.count}</td><td>${c.note || '—'}</td><td>${status(c.status)}</td><td>${removeButton(view, 'count', c.id, c.status, year)}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">${year} 年没有手工录入的数量。</p>`}
<h2 id="fees-heading">行政事业性收费</h2>
${y.fees.length
  ? html`<table class="data" id="fees"><thead><tr><th scope="col">期间</th><th scope="col">收费项目</th><th scope="col">金额（元）</th><th scope="col">备注</th><th scope="col">状态</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead>
  <tbody>${y.fees.map((f) => html`<tr><td>${periodLabel(f.period)}</td><td>${f.item}</td><td>${fenToYuan(f.amountFen)}</td><td>${f.note || '—'}</td><td>${status(f.status)}</td><td>${removeButton(view, 'fee', f.id, f.status, year)}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">${year} 年没有收费记录（表二收费金额计为 0）。</p>`}
<h2>${year} 年${category ? CATEGORY_LABELS[category] : ''}决定</h2>
${y.decisions.length
  ? html`<table class="data" id="decisions"><thead><tr><th scope="col">类别</th><th scope="col">决定文书号</th><th scope="col">决定日期</th><th scope="col">相对人或事项</th><th scope="col">状态</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead>
  <tbody>${y.decisions.map((d) => html`<tr><td>${CATEGORY_LABELS[d.category]}</td><td>${d.docNumber}</td><td>${d.decidedOn}</td><td>${d.subject || '—'}</td><td>${status(d.status)}</td><td>${removeButton(view, 'decision', d.id, d.status, year)}</td></tr>`)}</tbody></table>
  ${y.decisions.length >= 500 ? html`<p class="small muted">只列出前 500 件；汇总按全部决定计算。</p>` : ''}`
  : html`<p class="muted">${year} 年没有导入的${category ? CATEGORY_LABELS[category] : ''}决定。</p>`}
${canEnter ? enterForms(view, year, message.form ?? null) : ''}`,
  );
}

function importForm(view: ConsoleView, values: FormValues = {}): SafeHtml {
  return html`<form method="post" action="/console/article20/import" enctype="multipart/form-data" class="stack" id="import-form">
  ${csrfField(view.csrf)}
  <label for="import-file">双公示导出文件（.xlsx，最大 ${commands.MAX_IMPORT_BYTES / 1024 / 1024} MB）</label>
  <input id="import-file" type="file" name="file" accept=".xlsx,${XLSX}" required>
  <label for="import-category">类别 <span class="muted">（文件中没有“类别”列时必选）</span></label>
  <select id="import-category" name="category"><option value="">按文件中的“类别”列</option>${DECISION_CATEGORIES.map((c) => html`<option value="${c}"${values.category === c ? html` selected` : ''}>${CATEGORY_LABELS[c]}</option>`)}</select>
  <button type="submit">上传并预览</button>
</form>`;
}

function importPage(view: ConsoleView, body: { error?: string | null; preview?: commands.ImportPreview; values?: FormValues }): string {
  const p = body.preview;
  const where = (r: { sheet: string; row: number }) => `工作表「${r.sheet}」第 ${r.row} 行`;
  return consolePage(
    view,
    '导入双公示决定',
    html`<p><a href="/console/article20">← 返回第二十条事项台账</a></p>
${errorBox(body.error)}
${p
  ? html`<div class="${p.plan.errors.length ? 'error' : 'notice'}" role="status" id="import-summary"><p>“${p.fileName}”：将新增 <strong>${p.plan.add.length}</strong> 件决定，重复 <strong>${p.plan.duplicates.length}</strong> 件（不重复计入），有误 <strong>${p.plan.errors.length}</strong> 行。</p></div>
${p.plan.errors.length
  ? html`<h2>有误的行</h2><ol id="import-errors">${p.plan.errors.map((e) => html`<li>${formatImportError(e)}</li>`)}</ol><p>请在 Excel 中改正后重新上传；有误时整个文件都不导入。</p>`
  : p.plan.add.length
    ? html`<form method="post" action="/console/article20/import/confirm" class="inline" id="import-confirm">${csrfField(view.csrf)}<input type="hidden" name="previewId" value="${p.previewId}"><button type="submit">确认导入 ${p.plan.add.length} 件决定</button></form>
<p class="small">导入后为“录入”状态，须由机关负责人或系统管理员确认后才计入年度报告。</p>`
    : html`<p>文件中的决定都已导入过，没有可新增的决定。</p>`}
${p.plan.duplicates.length
  ? html`<h2>重复的决定</h2><table class="data" id="import-duplicates"><thead><tr><th scope="col">行</th><th scope="col">决定文书号</th><th scope="col">原因</th></tr></thead>
  <tbody>${p.plan.duplicates.slice(0, 1000).map((d) => html`<tr><td>${where(d)}</td><td>${d.docNumber}</td><td>${d.reason === 'stored' ? '台账中已有该决定文书号' : `与本文件${where(d.firstRow!)}重复`}</td></tr>`)}</tbody></table>`
  : ''}
${p.plan.add.length
  ? html`<h2>将新增的决定</h2><table class="data" id="import-add"><thead><tr><th scope="col">行</th><th scope="col">类别</th><th scope="col">决定文书号</th><th scope="col">决定日期</th></tr></thead>
  <tbody>${p.plan.add.slice(0, 1000).map((d) => html`<tr><td>${where(d)}</td><td>${CATEGORY_LABELS[d.category]}</td><td>${d.docNumber}</td><td>${d.decidedOn}</td></tr>`)}</tbody></table>
  ${p.plan.add.length > 1000 ? html`<p class="small muted">只列出前 1000 行。</p>` : ''}`
  : ''}
<h2>重新上传</h2>${importForm(view, body.values)}`
  : html`<p>上传双公示（行政许可、行政处罚信息公示）系统导出的 Excel 文件（.xlsx），每行一件决定。须有“决定文书号”（或“行政许可决定书文号”“处罚决定书文号”“文书号”）和“决定日期”（或“许可决定日期”“处罚决定日期”）两列；有“类别”（或“许可类别”“处罚类别”）列时按该列确定类别，否则请在下面选择。</p>
<p class="small">上传后先显示预览：将新增的决定、重复的决定（台账中已有或文件中重复出现的决定文书号，括号写法不同的视为同一文书号）和有误的行；确认后才导入。</p>
${importForm(view, body.values)}`}`,
  );
}

export function article20ConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    await acceptUploads(app, { maxFileBytes: commands.MAX_IMPORT_BYTES + 1024 * 1024, maxFiles: 1 });
    const view = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleView> => {
      const v = await consoleView(deps, request, reply, 'article20');
      const org = request.scopedOrg ?? v.org;
      if (!article20Policy.read(v.staff, org)) throw forbidden(READ_REFUSED);
      return { ...v, org };
    };
    const notices: Record<string, string> = { count: '已保存数量，待确认。', fee: '已保存收费记录，待确认。', item: '已保存项目数量，待确认。', procurement: '已保存政府集中采购，待确认。' };

    app.get('/article20', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const q = request.query as { year?: string; category?: string; notice?: string };
      const notice = q.notice && notices[q.notice] ? notices[q.notice] : q.notice === 'confirmed' ? '已确认。' : q.notice === 'removed' ? '已删除。' : q.notice === 'imported' ? '已导入，待确认。' : null;
      return reply.type('text/html').send(await listPage(deps, v, yearOf(q.year, currentYear()), categoryOf(q.category), { notice }));
    });

    const enter = (path: string, form: FormName, command: (ctx: ReturnType<typeof staffContext>, orgId: number, values: FormValues) => Promise<unknown>, fallbackField: string) => {
      app.post(path, { schema: { hide: true } }, async (request, reply) => {
        const v = await view(request, reply);
        if (!article20Policy.enter(v.staff, v.org)) throw forbidden(ENTER_REFUSED);
        const values = formFields(request.body);
        const year = yearOf(values.year, currentYear());
        try {
          await command(staffContext(v.staff, request.id), v.org.id, values);
          return reply.redirect(`/console/article20?year=${year}&notice=${form}`, 303);
        } catch (err) {
          const e = formErrors(err, fallbackField);
          if (!e) throw err;
          reply.status(e.status);
          return reply.type('text/html').send(await listPage(deps, v, year, undefined, { form: { form, values, errors: e.errors } }));
        }
      });
    };
    enter('/article20/counts', 'count', (ctx, orgId, values) => commands.enterCount(db, ctx, orgId, values), 'count');
    enter('/article20/fees', 'fee', (ctx, orgId, values) => commands.enterFee(db, ctx, orgId, values), 'amount');
    enter('/article20/items', 'item', (ctx, orgId, values) => commands.enterItemCount(db, ctx, orgId, values), 'change');
    enter('/article20/procurement', 'procurement', (ctx, orgId, values) => commands.enterProcurement(db, ctx, orgId, values), 'amount');

    app.post('/article20/confirm', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const year = yearOf(formFields(request.body).year, currentYear());
      if (!article20Policy.confirm(v.staff, v.org)) throw forbidden(CONFIRM_REFUSED);
      try {
        await commands.confirmEntries(db, staffContext(v.staff, request.id), v.org.id, { year });
        return reply.redirect(`/console/article20?year=${year}&notice=confirmed`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await listPage(deps, v, year, undefined, { error: err.message }));
      }
    });

    app.post('/article20/remove', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      const values = formFields(request.body);
      const year = yearOf(values.year, currentYear());
      try {
        const removed = await commands.removeEntry(db, staffContext(v.staff, request.id), v.org.id, values);
        return reply.redirect(`/console/article20?year=${removed.year}&notice=removed`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(await listPage(deps, v, year, undefined, { error: err.message }));
      }
    });

    app.get('/article20/import', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!article20Policy.enter(v.staff, v.org)) throw forbidden(ENTER_REFUSED);
      return reply.type('text/html').send(importPage(v, {}));
    });

    app.post('/article20/import', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!article20Policy.enter(v.staff, v.org)) throw forbidden(ENTER_REFUSED);
      const body = (request.body ?? {}) as UploadForm;
      const values = formFields(body);
      try {
        const file = body.file;
        if (!file || typeof file !== 'object' || file.content.length === 0) throw invalid('请选择要导入的文件（.xlsx）');
        const preview = await commands.previewImport(db, staffContext(v.staff, request.id), v.org.id, file, { category: values.category || undefined });
        if (preview.plan.errors.length) reply.status(422);
        return reply.type('text/html').send(importPage(v, { preview, values }));
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(importPage(v, { error: err.message, values }));
      }
    });

    app.post('/article20/import/confirm', { schema: { hide: true } }, async (request, reply) => {
      const v = await view(request, reply);
      if (!article20Policy.enter(v.staff, v.org)) throw forbidden(ENTER_REFUSED);
      const previewId = Number(formFields(request.body).previewId);
      try {
        if (!Number.isSafeInteger(previewId) || previewId <= 0) throw invalid('缺少导入预览，请重新上传');
        const result = await commands.confirmImport(db, staffContext(v.staff, request.id), v.org.id, previewId);
        return reply.redirect(`/console/article20?notice=imported&year=${result.latestYear}`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500 || err.status === 403) throw err;
        reply.status(err.status);
        return reply.type('text/html').send(importPage(v, { error: err.message }));
      }
    });
  };
}
