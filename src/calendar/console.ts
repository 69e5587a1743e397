// Console pages of the working-day calendar (工作日历): the covered years, one year's special days
// with remove buttons, a form for one day (national or local to the current organization), and
// a form to enter a new year from the State Council notice, line by line, with a preview.
// No route parameters: the year and the date are query or form values, the organization of a
// local day is always the current one (docs/architecture.md, organization scope).
import type { FastifyInstance } from 'fastify';
import { staffContext } from '../orgs/context.ts';
import { DomainError, forbidden, invalid } from '../core/errors.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { today } from '../core/today.ts';
import { ArrangementError, specialDaysOf, type SourcedSpecialDay, type YearArrangement } from './arrangement.ts';
import { addYear, DEFAULT_DAY_SOURCE, removeSpecialDay, setSpecialDay } from './commands.ts';
import { assertDate, isValidDate, weekdayName, yearOf } from '../core/date.ts';
import { parseArrangementLines } from './lines.ts';
import { calendarPolicy } from './policy.ts';
import { yearsToEnter, type SpecialDayKind } from './rules.ts';
import { countNationalDaysByYear, coveredYears, findCoveredYear, findDay, listYear } from './store.ts';

const KIND_LABELS: Record<SpecialDayKind, string> = { holiday: '放假', makeup_workday: '调休上班' };
const SECTION = 'calendar';

const NOTICES: Record<string, string> = {
  'year-added': '该年节假日安排已录入，已记入审计日志。',
  'day-saved': '已保存，已记入审计日志。',
  'day-removed': '已删除，已记入审计日志。',
};

const NOT_READER = '只有系统管理员可以查看和维护工作日历';
const NOT_NATIONAL = '全国节假日安排只能由顶级机构（没有上级机构）的系统管理员录入或修改';
const NOT_LOCAL = '只有本机构或上级机构的系统管理员可以维护本机构的放假、上班安排';

type Form = Record<string, string>;
const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '';
};
const pickForm = <K extends string>(body: unknown, names: readonly K[]): Record<K, string> =>
  Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<K, string>;

const parseYearParam = (text: string | undefined, fallback: number) => (text && /^\d{4}$/.test(text) ? Number(text) : fallback);

async function readerView(deps: AppDeps, request: Parameters<typeof consoleView>[1], reply: Parameters<typeof consoleView>[2]) {
  const view = await consoleView(deps, request, reply, SECTION);
  if (!calendarPolicy.read(view.staff)) throw forbidden(NOT_READER);
  return view;
}

function problemsBox(problems: readonly string[]): SafeHtml | '' {
  if (problems.length === 0) return '';
  if (problems.length === 1) return errorBox(problems[0]);
  return html`<div class="error" role="alert"><p>请修改以下问题后再提交：</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`;
}

function scopeLabel(view: ConsoleView, orgId: number | null) {
  return orgId === null ? '全国' : html`本机构（${view.org.shortName}）`;
}

// ——— 工作日历: covered years, a year's days, one day's form ———

interface DayFormState {
  values: Form;
  error?: string;
}

async function calendarPage(deps: AppDeps, view: ConsoleView, year: number, notice: string | null, dayForm: DayFormState): Promise<string> {
  const { db } = deps;
  const { staff, org } = view;
  const [years, counts, days] = await Promise.all([coveredYears(db), countNationalDaysByYear(db), listYear(db, year, org.id)]);
  const covered = new Set(years.map((y) => y.year));
  const national = calendarPolicy.editNational(staff);
  const local = calendarPolicy.editLocal(staff, org);
  const missing = yearsToEnter(today(), covered);
  const canRemove = (orgId: number | null) => (orgId === null ? national : local);
  const v = dayForm.values;
  const scope = v.scope || (national ? 'national' : 'local');

  const warning = missing.length
    ? html`<div class="error" role="alert">${missing.map(
        (y) => html`<p><strong>${y} 年节假日安排尚未录入</strong>：答复期限等落在 ${y} 年的工作日无法计算。${
          national ? html`<a href="/console/calendar/years/new?year=${y}">依据国务院办公厅通知录入 ${y} 年安排</a>` : '请顶级机构的系统管理员录入。'
        }</p>`,
      )}</div>`
    : '';

  const yearsTable = html`<h2>已录入的年份</h2>
<table class="data">
  <thead><tr><th scope="col">年份</th><th scope="col">依据的通知</th><th scope="col">放假天数</th><th scope="col">调休上班天数</th><th scope="col">录入人</th></tr></thead>
  <tbody>${years.map((y) => {
    const c = counts.get(y.year) ?? { holidays: 0, makeupWorkdays: 0 };
    return html`<tr><td><a href="/console/calendar?year=${y.year}">${y.year}</a></td>
    <td>${y.url ? html`<a href="${y.url}" rel="noopener">${y.source}</a>` : y.source}</td>
    <td>${c.holidays}</td><td>${c.makeupWorkdays}</td><td>${y.createdBy}</td></tr>`;
  })}</tbody>
</table>
<p class="muted small">天数按日期所在年份统计（通知中上一年 12 月的日期计入上一年），不含本机构的本地安排。</p>
${national ? html`<p><a class="button" href="/console/calendar/years/new">录入新一年的节假日安排</a></p>` : ''}`;

  const yearView = html`<h2 id="year">${year} 年的放假和调休上班日</h2>
<form method="get" action="/console/calendar" class="filters">
  <label>年份 <input name="year" value="${year}" inputmode="numeric" size="6"></label> <button type="submit">查看</button>
</form>
${covered.has(year) ? '' : html`<p class="error">${year} 年的节假日安排尚未录入，该年的工作日无法计算。</p>`}
${days.length === 0
  ? html`<p class="muted">${year} 年没有已录入的放假或调休上班日。</p>`
  : html`<table class="data">
  <thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类别</th><th scope="col">名称</th><th scope="col">依据</th><th scope="col">适用范围</th><th scope="col">操作</th></tr></thead>
  <tbody>${days.map(
    (d) => html`<tr><td>${d.date}</td><td>${weekdayName(d.date)}</td><td>${KIND_LABELS[d.kind]}</td><td>${d.name}</td><td class="small">${d.source}</td>
    <td>${scopeLabel(view, d.orgId)}</td>
    <td>${canRemove(d.orgId)
      ? html`<a href="/console/calendar?year=${year}&amp;edit=${d.date}&amp;scope=${d.orgId === null ? 'national' : 'local'}#day-form">修改</a>
      <form method="post" action="/console/calendar/days/remove" class="inline">${csrfField(view.csrf)}
        <input type="hidden" name="date" value="${d.date}"><input type="hidden" name="scope" value="${d.orgId === null ? 'national' : 'local'}">
        <button type="submit" aria-label="删除 ${d.date} ${d.name}">删除</button></form>`
      : ''}</td></tr>`,
  )}</tbody>
</table>
<p class="muted small">其余日期：周一至周五上班，周六、周日休息。本机构的本地安排优先于全国安排。</p>`}`;

  const form =
    national || local
      ? html`<h2 id="day-form">录入或修改一天</h2>
<p class="muted small">同一日期已有记录时，保存即改为新填写的内容（如后来的通知取消了某个调休上班日）。</p>
${errorBox(dayForm.error)}
<form method="post" action="/console/calendar/days" class="stack">
  ${csrfField(view.csrf)}
  <label>日期 <input name="date" value="${v.date ?? ''}" placeholder="2027-02-14" required></label>
  <label>类别 <select name="kind">
    ${(['holiday', 'makeup_workday'] as const).map((k) => html`<option value="${k}"${v.kind === k ? html` selected` : ''}>${KIND_LABELS[k]}${k === 'makeup_workday' ? '（周六或周日上班）' : ''}</option>`)}
  </select></label>
  <label>名称 <input name="name" value="${v.name ?? ''}" placeholder="春节 / 春节调休上班" required></label>
  <label>依据（通知名称及文号，可不填：记为“${DEFAULT_DAY_SOURCE}”） <input name="source" value="${v.source ?? ''}"></label>
  <fieldset><legend>适用范围</legend>
    ${national ? html`<label><input type="radio" name="scope" value="national"${scope === 'national' ? html` checked` : ''}> 全国（所有机构）</label>` : ''}
    ${local ? html`<label><input type="radio" name="scope" value="local"${scope === 'local' ? html` checked` : ''}> 仅本机构：${org.fullName}</label>` : ''}
  </fieldset>
  <button type="submit">保存</button>
</form>`
      : '';

  // How the reply clock counts on these days (receipt day, pauses, due-soon) is set beside it.
  const conventions = html`<p class="small">答复期限的计数规则（收到申请之日是否计入、暂停计时的起止、即将到期的提前量）见<a href="/console/applications/clock-conventions">计时规则</a>。</p>`;
  return consolePage(view, '工作日历', html`${noticeBox(notice)}${warning}${yearsTable}${yearView}${form}${conventions}`);
}

// ——— a new year from the notice ———

const LINES_EXAMPLE = ['元旦 2027-01-01 至 2027-01-03', '春节 2027-02-06 至 2027-02-13 调休上班 2027-02-14、2027-02-20', '劳动节 5月1日至5日 调休上班 4月25日、5月8日'].join('\n');

function yearForm(view: ConsoleView, values: Form, problems: readonly string[], preview: YearArrangement | null): SafeHtml {
  const days: SourcedSpecialDay[] = preview ? specialDaysOf(preview) : [];
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  return html`${problemsBox(problems)}
${preview
  ? html`<section class="card" aria-labelledby="preview-title">
  <h2 id="preview-title">预览：将录入 ${preview.year} 年 ${holidays} 天放假、${days.length - holidays} 天调休上班</h2>
  <table class="data">
    <thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类别</th><th scope="col">名称</th></tr></thead>
    <tbody>${days.map((d) => html`<tr><td>${d.date}</td><td>${weekdayName(d.date)}</td><td>${KIND_LABELS[d.kind]}</td><td>${d.name}</td></tr>`)}</tbody>
  </table>
  <p>依据：${preview.source}。其余日期周一至周五上班，周六、周日休息。核对无误后点击下方“保存”。</p>
</section>`
  : ''}
<p>依据国务院办公厅每年 11 月前后发布的《关于下一年部分节假日安排的通知》录入，每个假日一行：名称、放假日期（起止用“至”“~”或“-”连接），有调休上班日的写“调休上班”及日期（用“、”“，”或空格分隔）。
可写完整日期（2027-02-06、2027年2月6日）或只写月日（2月6日，按上方年份）；结束日可只写日（2月6日至13日）。可直接粘贴通知原文中的各条，括号内的星期、“共8天”等文字会被忽略，繁体字、全角数字均可。上一年 12 月的日期请写完整年份。</p>
<form method="post" action="/console/calendar/years" class="stack">
  ${csrfField(view.csrf)}
  <label>年份 <input name="year" value="${values.year ?? ''}" inputmode="numeric" size="6" required></label>
  <label>依据的通知（名称及文号） <input name="source" value="${values.source ?? ''}" placeholder="国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）" required></label>
  <label>通知网址（可不填） <input name="url" value="${values.url ?? ''}" placeholder="https://www.gov.cn/…"></label>
  <label>各假日（每行一个） <textarea name="lines" rows="10" placeholder="${LINES_EXAMPLE}">${values.lines ?? ''}</textarea></label>
  <p><button type="submit" name="intent" value="preview">预览</button> <button type="submit" name="intent" value="save">保存</button></p>
</form>`;
}

const YEAR_FIELDS = ['year', 'source', 'url', 'lines', 'intent'] as const;

export function calendarConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    app.get('/calendar', { schema: { hide: true } }, async (request, reply) => {
      const view = await readerView(deps, request, reply);
      const q = request.query as { year?: string; notice?: string; edit?: string; scope?: string };
      const year = parseYearParam(q.year, yearOf(today()));
      const values: Form = {};
      if (q.edit && isValidDate(q.edit)) {
        const stored = await findDay(db, q.edit, q.scope === 'local' ? view.org.id : null);
        Object.assign(values, stored ? { date: stored.date, kind: stored.kind, name: stored.name, source: stored.source, scope: q.scope === 'local' ? 'local' : 'national' } : { date: q.edit });
      }
      return reply.type('text/html').send(await calendarPage(deps, view, year, NOTICES[q.notice ?? ''] ?? null, { values }));
    });

    app.post('/calendar/days', { schema: { hide: true } }, async (request, reply) => {
      const view = await readerView(deps, request, reply);
      const values = pickForm(request.body, ['date', 'kind', 'name', 'source', 'scope'] as const);
      const national = values.scope === 'national';
      if (national ? !calendarPolicy.editNational(view.staff) : !calendarPolicy.editLocal(view.staff, view.org)) throw forbidden(national ? NOT_NATIONAL : NOT_LOCAL);
      try {
        if (values.kind !== 'holiday' && values.kind !== 'makeup_workday') throw invalid('请选择类别：放假或调休上班');
        const date = assertDate(values.date.trim());
        await setSpecialDay(db, staffContext(view.staff, request.id).actor, {
          date,
          kind: values.kind,
          name: values.name,
          source: values.source,
          orgId: national ? null : view.org.id,
        });
        return reply.redirect(`/console/calendar?year=${yearOf(date)}&notice=day-saved`, 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        const year = isValidDate(values.date.trim()) ? yearOf(values.date.trim()) : yearOf(today());
        reply.status(err.status);
        return reply.type('text/html').send(await calendarPage(deps, view, year, null, { values, error: err.message }));
      }
    });

    app.post('/calendar/days/remove', { schema: { hide: true } }, async (request, reply) => {
      const view = await readerView(deps, request, reply);
      const { date, scope } = pickForm(request.body, ['date', 'scope'] as const);
      const national = scope === 'national';
      if (national ? !calendarPolicy.editNational(view.staff) : !calendarPolicy.editLocal(view.staff, view.org)) throw forbidden(national ? NOT_NATIONAL : NOT_LOCAL);
      const removed = await removeSpecialDay(db, staffContext(view.staff, request.id).actor, { date: assertDate(date), orgId: national ? null : view.org.id });
      return reply.redirect(`/console/calendar?year=${yearOf(removed.date)}&notice=day-removed`, 303);
    });

    app.get('/calendar/years/new', { schema: { hide: true } }, async (request, reply) => {
      const view = await readerView(deps, request, reply);
      if (!calendarPolicy.editNational(view.staff)) throw forbidden(NOT_NATIONAL);
      const covered = (await coveredYears(db)).map((y) => y.year);
      const next = covered.length ? Math.max(...covered) + 1 : yearOf(today());
      const year = parseYearParam((request.query as { year?: string }).year, next);
      return reply.type('text/html').send(consolePage(view, '录入新一年的节假日安排', yearForm(view, { year: String(year) }, [], null)));
    });

    app.post('/calendar/years', { schema: { hide: true } }, async (request, reply) => {
      const view = await readerView(deps, request, reply);
      if (!calendarPolicy.editNational(view.staff)) throw forbidden(NOT_NATIONAL);
      const values = pickForm(request.body, YEAR_FIELDS);
      const page = (problems: string[], preview: YearArrangement | null) =>
        reply.type('text/html').send(consolePage(view, '录入新一年的节假日安排', yearForm(view, values, problems, preview)));
      let arrangement: YearArrangement;
      try {
        arrangement = parseArrangementLines(values);
      } catch (err) {
        if (!(err instanceof ArrangementError)) throw err;
        reply.status(400);
        return page(err.problems, null);
      }
      try {
        if (values.intent !== 'save') {
          const existing = await findCoveredYear(db, arrangement.year);
          if (existing) {
            reply.status(409);
            return page([`${arrangement.year} 年的节假日安排已录入（来源：${existing.source}）；如需修改个别日期，请在工作日历页面逐日修改`], null);
          }
          return page([], arrangement);
        }
        await addYear(db, staffContext(view.staff, request.id).actor, arrangement);
        return reply.redirect(`/console/calendar?year=${arrangement.year}&notice=year-added`, 303);
      } catch (err) {
        if (err instanceof ArrangementError) {
          reply.status(400);
          return page(err.problems, null);
        }
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        reply.status(err.status);
        return page([err.message.replace('请使用 add-holiday、add-workday 或 remove-day', '请在工作日历页面逐日修改')], null);
      }
    });
  };
}
