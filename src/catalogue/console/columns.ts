// Console pages for the columns (栏目) of an organization and its review settings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffContext } from '../../orgs/context.ts';
import { forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, csrfField, errorBox, noticeBox, warningBox, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { ROLE_LABELS } from '../../orgs/staff/model.ts';
import { createColumn, deleteColumn, ensureCatalogue, moveColumn, updateColumn, updateSettings } from '../commands.ts';
import { COLUMN_KIND_LABELS, COLUMN_KINDS, STAGE_ROLES, type Column } from '../model.ts';
import { cataloguePolicy } from '../policy.ts';
import { MAX_STAGES } from '../rules/review.ts';
import '../scope.ts';
import { reviewStaffing } from '../staffing.ts';
import { findColumn, listColumns } from '../store.ts';
import { columnActivityWithReports } from '../column-activity.ts';
import { messageOf, statusOf, type FormValues } from './forms.ts';
import { catalogueMenu } from './items.ts';

const NOTICES: Record<string, string> = { created: '栏目已新增。', saved: '已保存。', moved: '顺序已调整。', deleted: '栏目已删除。' };

function columnFields(view: ConsoleView, columns: readonly Column[], values: FormValues, selfId: number | null) {
  const v = (k: string) => values[k] ?? '';
  return html`${csrfField(view.csrf)}
  <label>栏目名称 <input name="name" value="${v('name')}" required maxlength="40"></label>
  <label>上级栏目 <select name="parentId"><option value="">（一级栏目）</option>${columns
    .filter((c) => c.id !== selfId)
    .map((c) => html`<option value="${c.id}"${v('parentId') === String(c.id) ? html` selected` : ''}>${c.name}</option>`)}</select></label>
  <label>栏目类型 <select name="kind">${COLUMN_KINDS.map((k) => html`<option value="${k}"${v('kind') === k ? html` selected` : ''}>${COLUMN_KIND_LABELS[k]}</option>`)}</select></label>
  <label>更新周期（天） <span class="muted">检查指标：动态要闻类 14 天，通知公告、政策文件类 180 天；留空为按需更新</span><input name="updateDays" value="${v('updateDays')}" inputmode="numeric"></label>
  <label>栏目说明 <input name="description" value="${v('description')}" maxlength="200"></label>`;
}

const columnValues = (c: Column): FormValues => ({
  name: c.name, parentId: c.parentId ? String(c.parentId) : '', kind: c.kind, updateDays: c.updateDays ? String(c.updateDays) : '', description: c.description,
});

export function columnConsoleRoutes(deps: AppDeps) {
  const { db } = deps;

  async function listPage(request: FastifyRequest, reply: FastifyReply, opts: { values?: FormValues; error?: string } = {}) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
    await ensureCatalogue(db, view.org.id);
    const columns = await listColumns(db, view.org.id);
    const activity = await columnActivityWithReports(db, view.org.id, columns);
    const manage = cataloguePolicy.manage(view.staff, view.org);
    const depth = (c: Column): number => (c.parentId === null ? 0 : 1 + depth(columns.find((p) => p.id === c.parentId)!));
    const notice = NOTICES[(request.query as { notice?: string }).notice ?? ''];
    const button = (c: Column, action: string, label: string) =>
      html`<form method="post" action="/console/catalogue/columns/${c.id}/${action}" class="inline">${csrfField(view.csrf)}<button type="submit" class="link">${label}</button></form>`;
    return reply.type('text/html').send(
      consolePage(
        view,
        `栏目`,
        html`${catalogueMenu(view)}${noticeBox(notice)}${errorBox(opts.error)}
<table class="data"><thead><tr><th scope="col">栏目</th><th scope="col">类型</th><th scope="col">更新周期</th><th scope="col">已公开</th><th scope="col">最近发布</th>${manage ? html`<th scope="col">操作</th>` : ''}</tr></thead>
<tbody>${columns.map((c) => {
    const a = activity.get(c.id);
    return html`<tr><td style="padding-left:${0.5 + depth(c) * 1.5}em">${c.name}</td><td>${COLUMN_KIND_LABELS[c.kind]}</td><td>${c.updateDays ? `${c.updateDays} 天` : '按需'}</td>
  <td>${a?.count ?? 0}</td><td>${a?.lastPublished ?? '—'}</td>
  ${manage ? html`<td><a href="/console/catalogue/columns/${c.id}">编辑</a> ${button(c, 'move?direction=up', '上移')} ${button(c, 'move?direction=down', '下移')} ${a ? '' : button(c, 'delete', '删除')}</td>` : ''}</tr>`;
  })}</tbody></table>
${manage
  ? html`<h2>新增栏目</h2><form method="post" action="/console/catalogue/columns" class="stack">${columnFields(view, columns, opts.values ?? { kind: 'general' }, null)}<button type="submit">新增栏目</button></form>`
  : html`<p class="muted">栏目由本机构负责人或系统管理员管理。</p>`}`,
      ),
    );
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, opts: { values?: FormValues; error?: string } = {}) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    const column = (await findColumn(db, Number((request.params as { columnId: string }).columnId)))!;
    if (!cataloguePolicy.manage(view.staff, request.scopedOrg!)) throw forbidden('只有本机构负责人或系统管理员可以管理栏目');
    const columns = await listColumns(db, column.orgId);
    return reply.type('text/html').send(
      consolePage(
        view,
        `编辑栏目：${column.name}`,
        html`${catalogueMenu(view)}${errorBox(opts.error)}<form method="post" action="/console/catalogue/columns/${column.id}" class="stack">${columnFields(view, columns, opts.values ?? columnValues(column), column.id)}<button type="submit">保存</button></form>`,
      ),
    );
  }

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, opts: { values?: FormValues; error?: string } = {}) {
    const view = await consoleView(deps, request, reply, 'catalogue');
    if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
    const settings = await ensureCatalogue(db, view.org.id);
    const manage = cataloguePolicy.manage(view.staff, view.org);
    // Checked against the people who hold each role now (issue 21: a chain nobody can complete).
    const { settingsProblem, stuck } = await reviewStaffing(db, view.org);
    const warnings = [
      ...(settingsProblem ? [`${settingsProblem}。在调整人员的角色或下面的审核环节之前，新信息不能提交审核。`] : []),
      ...(stuck.length ? [html`有 ${stuck.length} 条信息的审核已无法完成，须由机构负责人或系统管理员<a href="/console/catalogue?state=in_review">退回撰写人</a>。`] : []),
    ];
    const values: FormValues = opts.values ?? {
      ...Object.fromEntries(settings.stages.flatMap((s, i) => [[`stageName${i}`, s.name], [`stageRole${i}`, s.role]])),
      distinctSigners: settings.distinctSigners ? 'on' : '',
      sensitiveWords: settings.sensitiveWords.join('\n'),
    };
    const dis = manage ? '' : html` disabled`;
    const notice = (request.query as { notice?: string }).notice === 'saved' ? '审核设置已保存，新提交的信息按新的环节审核。' : null;
    return reply.type('text/html').send(
      consolePage(
        view,
        `审核设置`,
        html`${catalogueMenu(view)}${noticeBox(notice)}${errorBox(opts.error)}${warningBox('本机构的人员无法完成当前的审核设置', warnings)}
<form method="post" action="/console/catalogue/settings" class="stack">${csrfField(view.csrf)}
<fieldset><legend>审核环节（依次签署；须包含保密审查环节；已在审核中的信息按提交时的环节继续）</legend>
${Array.from({ length: MAX_STAGES }, (_, i) => html`<p class="inline-fields"><label>第 ${i + 1} 环节名称 <input name="stageName${i}" value="${values[`stageName${i}`] ?? ''}" maxlength="20"${dis}></label>
  <label>签署角色 <select name="stageRole${i}"${dis}>${STAGE_ROLES.map((r) => html`<option value="${r}"${values[`stageRole${i}`] === r ? html` selected` : ''}>${ROLE_LABELS[r]}</option>`)}</select></label></p>`)}
</fieldset>
<label class="inline"><input type="checkbox" name="distinctSigners"${values.distinctSigners ? html` checked` : ''}${dis}> 同一人不能签署同一版本的两个环节，撰写人不能审核自己的信息</label>
<label>本机构敏感词（每行一个；出现即须修改或由保密审查员确认） <textarea name="sensitiveWords" rows="6"${dis}>${values.sensitiveWords ?? ''}</textarea></label>
${manage ? html`<button type="submit">保存设置</button>` : html`<p class="muted">审核设置由本机构负责人或系统管理员修改。</p>`}
</form>`,
      ),
    );
  }

  const formOf = (request: FastifyRequest) => {
    const { _csrf, ...values } = (request.body ?? {}) as FormValues;
    return values;
  };

  return async (app: FastifyInstance) => {
    app.get('/catalogue/columns', { schema: { hide: true } }, (request, reply) => listPage(request, reply));
    app.post('/catalogue/columns', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      const values = formOf(request);
      try {
        await createColumn(db, staffContext(view.staff, request.id), view.org.id, values);
        return reply.redirect('/console/catalogue/columns?notice=created', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return listPage(request, reply, { values, error: message });
      }
    });
    app.get('/catalogue/columns/:columnId', { schema: { hide: true } }, (request, reply) => editPage(request, reply));
    app.post('/catalogue/columns/:columnId', { schema: { hide: true } }, async (request, reply) => {
      const values = formOf(request);
      try {
        await updateColumn(db, staffContext(request.staff!, request.id), Number((request.params as { columnId: string }).columnId), values);
        return reply.redirect('/console/catalogue/columns?notice=saved', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return editPage(request, reply, { values, error: message });
      }
    });
    app.post('/catalogue/columns/:columnId/move', { schema: { hide: true } }, async (request, reply) => {
      const direction = (request.query as { direction?: string }).direction === 'down' ? 'down' : 'up';
      await moveColumn(db, staffContext(request.staff!, request.id), Number((request.params as { columnId: string }).columnId), direction);
      return reply.redirect('/console/catalogue/columns?notice=moved', 303);
    });
    app.post('/catalogue/columns/:columnId/delete', { schema: { hide: true } }, async (request, reply) => {
      try {
        await deleteColumn(db, staffContext(request.staff!, request.id), Number((request.params as { columnId: string }).columnId));
        return reply.redirect('/console/catalogue/columns?notice=deleted', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return listPage(request, reply, { error: message });
      }
    });
    app.get('/catalogue/settings', { schema: { hide: true } }, (request, reply) => settingsPage(request, reply));
    app.post('/catalogue/settings', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      const values = formOf(request);
      const stages = Array.from({ length: MAX_STAGES }, (_, i) => ({ name: (values[`stageName${i}`] ?? '').trim(), role: values[`stageRole${i}`] ?? '' })).filter((s) => s.name);
      try {
        await updateSettings(db, staffContext(view.staff, request.id), view.org.id, {
          stages,
          distinctSigners: Boolean(values.distinctSigners),
          sensitiveWords: (values.sensitiveWords ?? '').split(/\r?\n/).map((w) => w.trim()).filter(Boolean),
        });
        return reply.redirect('/console/catalogue/settings?notice=saved', 303);
      } catch (err) {
        const message = messageOf(err);
        if (!message) throw err;
        reply.status(statusOf(err));
        return settingsPage(request, reply, { values, error: message });
      }
    });
  };
}
