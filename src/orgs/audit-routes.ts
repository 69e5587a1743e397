// The audit log in the console and the API: administrators and supervisors read the entries
// of the organization they are working on; verification checks every hash chain.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consolePage } from './shell/console-layout.ts';
import { consoleView } from './shell/console-view.ts';
import { staffPolicy } from './staff/policy.ts';
import { forbidden } from '../core/errors.ts';
import { html } from '../core/html.ts';
import { currentOrg } from './staff/auth.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { listAudit } from '../core/audit/log.ts';
import { AUDIT_FIELD_LABELS, describeAuditSummary } from './audit-summary.ts';

/** What kind of thing an entry is about. */
const TARGET_LABELS: Record<string, string> = {
  organization: '机构', user: '用户', login: '登录', report: '年度报告', application: '申请', catalogue_item: '信息', catalogue_column: '栏目',
  calendar_year: '工作日历', calendar_day: '工作日历', letter_template: '文书模板', clock_conventions: '计时规则',
  application_ledger_import: '台账导入', reminder_run: '提醒',
};

/** `actions`: the Chinese name of each action code, from every module (put together by src/app). */
export function auditConsoleRoutes(deps: AppDeps, actions: Readonly<Record<string, string>>) {
  return async (app: FastifyInstance) => {
    app.get('/audit', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'audit');
      if (!staffPolicy.readAudit(view.staff, view.org)) throw forbidden('只有系统管理员和监督员可以查看审计日志');
      const entries = await listAudit(deps.db, [view.org.id], 200);
      return reply.type('text/html').send(
        consolePage(
          view,
          `审计日志`,
          html`<p>最近 ${entries.length} 条记录（每条记录含前一条的哈希值，任何修改或删除都可被 <code>gongkai audit verify</code> 发现）。</p>
<table class="data">
  <thead><tr><th scope="col">编号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">内容</th></tr></thead>
  <tbody>${entries.map(
    (e) => html`<tr><td>${e.id}</td><td>${new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</td><td>${e.actorName}</td>
      <td>${actions[e.action] ?? e.action}</td><td>${TARGET_LABELS[e.targetType] ?? e.targetType} ${e.targetId}</td>
      <td class="small">${html`<ul class="plain">${describeAuditSummary(e.summary, AUDIT_FIELD_LABELS).map((l) => html`<li>${l}</li>`)}</ul>`}</td></tr>`,
  )}</tbody>
</table>`,
        ),
      );
    });
  };
}

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  orgId: z.number().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  summary: z.unknown(),
});

export function auditApiRoutes(deps: AppDeps) {
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['审计日志'];
    app.get('/audit', { schema: { tags, summary: '当前机构的审计日志', querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }), response: { 200: z.array(entrySchema) } } }, async (request) => {
      const org = await currentOrg(deps.db, request.staff!);
      if (!staffPolicy.readAudit(request.staff!, org)) throw forbidden('只有系统管理员和监督员可以查看审计日志');
      return listAudit(deps.db, [org.id], request.query.limit);
    });
  };
}
