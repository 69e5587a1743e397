// Console pages for organizations: the tree in reach, details, create and edit forms.
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { staffContext } from './context.ts';
import { DomainError, forbidden } from '../core/errors.ts';
import { html } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { describeZodError } from '../core/validation.ts';
import { consolePage, csrfField, errorBox, noticeBox, type ConsoleView } from './shell/console-layout.ts';
import { consoleView } from './shell/console-view.ts';
import { hasRole, REGION_ROLES } from './staff/scope.ts';
import { createOrg, updateOrg } from './commands.ts';
import { ORG_KIND_LABELS, ORG_KINDS, type Organization } from './model.ts';
import { orgPolicy } from './policy.ts';
import { annualReportDeadline, DEFAULT_INDEX_TEMPLATE } from './rules.ts';
import './scope.ts';
import { findOrgById, listOrgs } from './store.ts';
import { currentYear } from '../core/today.ts';

export const ORG_FIELD_LABELS: Record<string, string> = {
  kind: '机构类型',
  fullName: '机构全称',
  shortName: '机构简称',
  code: '机构代码',
  indexTemplate: '索引号模板',
  address: '办公地址',
  phone: '联系电话',
  fax: '传真',
  email: '电子邮箱',
  officeHours: '办公时间',
  website: '网站',
  reportDeadline: '年报截止日期',
};

type FormValues = Partial<Record<keyof typeof ORG_FIELD_LABELS, string>>;

function orgForm(view: ConsoleView, action: string, values: FormValues, error?: string) {
  const field = (name: string, attrs = '') =>
    html`<label>${ORG_FIELD_LABELS[name]} <input name="${name}" value="${values[name] ?? ''}" ${attrs}></label>`;
  return html`${errorBox(error)}
<form method="post" action="${action}" class="stack">
  ${csrfField(view.csrf)}
  <label>${ORG_FIELD_LABELS.kind} <select name="kind">
    ${ORG_KINDS.map((k) => html`<option value="${k}"${values.kind === k ? html` selected` : ''}>${ORG_KIND_LABELS[k]}</option>`)}
  </select></label>
  ${field('fullName')} ${field('shortName')} ${field('code')}
  <label>${ORG_FIELD_LABELS.indexTemplate} <input name="indexTemplate" value="${values.indexTemplate ?? ''}" placeholder="${DEFAULT_INDEX_TEMPLATE}"></label>
  ${field('address')} ${field('phone')} ${field('fax')} ${field('email')} ${field('officeHours')} ${field('website')}
  <label>${ORG_FIELD_LABELS.reportDeadline}（MM-DD，留空按条例第四十九条默认） <input name="reportDeadline" value="${values.reportDeadline ?? ''}" placeholder="01-31"></label>
  <button type="submit">保存</button>
</form>`;
}

/** Form strings → command input: empty optional fields become null (defaults apply). */
function formToInput(body: Record<string, string>, parentCode?: string) {
  const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  const { _csrf, ...fields } = body;
  return { ...fields, parentCode, indexTemplate: blankToNull(body.indexTemplate), reportDeadline: blankToNull(body.reportDeadline) };
}

function toValues(o: Organization): FormValues {
  return { ...o, indexTemplate: o.indexTemplate ?? '', reportDeadline: o.reportDeadline ?? '' } as unknown as FormValues;
}

const messageOf = (err: unknown) =>
  err instanceof ZodError ? describeZodError(err, ORG_FIELD_LABELS) : err instanceof DomainError ? err.message : null;

export function orgConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    app.get('/orgs', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'orgs');
      const staff = view.staff;
      const orgs = hasRole(staff, ...REGION_ROLES) ? await listOrgs(db, staff.homePath) : [view.org];
      const depth = (o: Organization) => o.path.split('/').length - staff.homePath.split('/').length;
      const year = currentYear() - 1;
      return reply.type('text/html').send(
        consolePage(
          view,
          '机构',
          html`${orgPolicy.create(staff, view.org) ? html`<p><a class="button" href="/console/orgs/new">在“${view.org.shortName}”下新增机构</a></p>` : ''}
<table class="data">
  <thead><tr><th scope="col">机构全称</th><th scope="col">类型</th><th scope="col">代码</th><th scope="col">${year} 年报截止日</th></tr></thead>
  <tbody>
  ${orgs.map(
    (o) => html`<tr><td style="padding-left:${0.5 + depth(o) * 1.5}em"><a href="/console/orgs/${o.id}">${o.fullName}</a></td>
    <td>${ORG_KIND_LABELS[o.kind]}</td><td>${o.code}</td><td>${annualReportDeadline(o, year)}</td></tr>`,
  )}
  </tbody>
</table>`,
        ),
      );
    });

    app.get('/orgs/new', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'orgs');
      if (!orgPolicy.create(view.staff, view.org)) throw forbidden('只有系统管理员可以新增机构');
      return reply.type('text/html').send(consolePage(view, `在“${view.org.shortName}”下新增机构`, orgForm(view, '/console/orgs', { kind: 'department' })));
    });

    app.post('/orgs', { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, string>;
      const view = await consoleView(deps, request, reply, 'orgs');
      try {
        const org = await createOrg(db, staffContext(view.staff, request.id), formToInput(body, view.org.code));
        return reply.redirect(`/console/orgs/${org.id}?notice=created`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(consolePage(view, `在“${view.org.shortName}”下新增机构`, orgForm(view, '/console/orgs', body, message)));
      }
    });

    app.get('/orgs/:orgId', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'orgs');
      const org = request.scopedOrg!;
      const parent = org.parentId ? await findOrgById(db, org.parentId) : null;
      const notice = (request.query as { notice?: string }).notice;
      const year = currentYear() - 1;
      const facts = html`<dl class="facts">
  <dt>上级机构</dt><dd>${parent?.fullName ?? '（无）'}</dd>
  <dt>机构类型</dt><dd>${ORG_KIND_LABELS[org.kind]}</dd>
  <dt>${year} 年度报告公布截止日</dt><dd>${annualReportDeadline(org, year)}</dd>
  <dt>索引号模板</dt><dd>${org.indexTemplate ?? DEFAULT_INDEX_TEMPLATE}</dd>
</dl>`;
      const body = orgPolicy.update(view.staff, org)
        ? html`${facts}<h2>编辑机构信息</h2>${orgForm(view, `/console/orgs/${org.id}`, toValues(org))}`
        : html`${facts}<dl class="facts">${(['address', 'phone', 'fax', 'email', 'officeHours', 'website'] as const).map(
            (k) => html`<dt>${ORG_FIELD_LABELS[k]}</dt><dd>${org[k] || '—'}</dd>`,
          )}</dl>`;
      return reply.type('text/html').send(consolePage(view, org.fullName, html`${noticeBox(notice === 'created' ? '机构已新增。' : notice === 'saved' ? '已保存。' : null)}${body}`));
    });

    app.post('/orgs/:orgId', { schema: { hide: true } }, async (request, reply) => {
      const org = request.scopedOrg!;
      const body = (request.body ?? {}) as Record<string, string>;
      const view = await consoleView(deps, request, reply, 'orgs');
      try {
        await updateOrg(db, staffContext(view.staff, request.id), org.id, formToInput(body));
        return reply.redirect(`/console/orgs/${org.id}?notice=saved`, 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(err instanceof DomainError ? err.status : 400);
        return reply.type('text/html').send(consolePage(view, org.fullName, orgForm(view, `/console/orgs/${org.id}`, body, message)));
      }
    });
  };
}
