// 工作台: the current organization at a glance.
import type { FastifyInstance } from 'fastify';
import { html } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { ORG_KIND_LABELS } from '../orgs/model.ts';
import { nextAnnualReport } from '../orgs/rules.ts';
import { reminderPanel } from '../applications/reminders/console.ts';
import { applicationTodos } from '../applications/todo.ts';
import { calendarTodos } from '../calendar/todo.ts';
import { catalogueTodos } from '../catalogue/todo.ts';
import { reportTodos } from '../report/todo.ts';
import { article20Todos } from '../article20/todo.ts';
import { consultationTodos } from '../consultations/todo.ts';
import { interactionTodos } from '../interaction/todo.ts';
import { assessmentTodos } from '../supervision/assessment/todo.ts';
import { todoPanel, type TodoSource } from '../orgs/shell/todo.ts';
import { consolePage, noticeBox } from '../orgs/shell/console-layout.ts';
import { consoleView } from '../orgs/shell/console-view.ts';
import { today } from '../core/today.ts';

const NOTICES: Record<string, string> = {
  'password-changed': '密码已修改。',
  'reminder-address-saved': '提醒邮箱已保存。',
  'reminder-address-removed': '已取消提醒邮件。',
};

/** Every module's 待办, in the order of the panel. */
const TODO_SOURCES: readonly TodoSource[] = [applicationTodos, catalogueTodos, reportTodos, calendarTodos, article20Todos, consultationTodos, interactionTodos, assessmentTodos];

export function homeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'home');
      const { org } = view;
      const notice = NOTICES[(request.query as { notice?: string }).notice ?? ''];
      const due = nextAnnualReport(org, today());
      const [reminders, todos] = await Promise.all([reminderPanel(deps, view), Promise.all(TODO_SOURCES.map((source) => source(deps, view)))]);
      return reply.type('text/html').send(
        consolePage(
          view,
          '工作台',
          html`${noticeBox(notice)}
<section class="card">
  <h2>${org.fullName}</h2>
  <dl class="facts">
    <dt>机构类型</dt><dd>${ORG_KIND_LABELS[org.kind]}</dd>
    <dt>机构代码</dt><dd>${org.code}</dd>
    <dt>${due.year} 年度报告公布截止日</dt><dd>${due.deadline}</dd>
  </dl>
  <p><a href="/console/orgs/${org.id}">查看和编辑机构信息</a></p>
</section>
${todoPanel(todos.flat())}
${reminders}`,
        ),
      );
    });
  };
}
