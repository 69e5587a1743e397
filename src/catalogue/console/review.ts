// 审核队列: the organization's versions in review, by the stage they wait at; the ones the
// signed-in reviewer may sign first.
import type { FastifyInstance } from 'fastify';
import { forbidden } from '../../core/errors.ts';
import { html } from '../../core/html.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { consolePage, warningBox } from '../../orgs/shell/console-layout.ts';
import { consoleView } from '../../orgs/shell/console-view.ts';
import { ROLE_LABELS } from '../../orgs/staff/model.ts';
import { cataloguePolicy } from '../policy.ts';
import { reviewQueueFor } from '../review-queue.ts';
import { reviewStaffing } from '../staffing.ts';
import { dateTime } from './forms.ts';
import { catalogueMenu } from './items.ts';

export function reviewConsoleRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    app.get('/catalogue/review', { schema: { hide: true } }, async (request, reply) => {
      const view = await consoleView(deps, request, reply, 'catalogue');
      if (!cataloguePolicy.read(view.staff, view.org)) throw forbidden();
      const [{ settings, rows }, { settingsProblem }] = await Promise.all([reviewQueueFor(db, view.staff, view.org), reviewStaffing(db, view.org)]);
      return reply.type('text/html').send(
        consolePage(
          view,
          `审核队列`,
          html`${catalogueMenu(view)}${warningBox('本机构的审核设置无法完成', settingsProblem ? [`${settingsProblem}。新信息不能提交审核，请机构负责人或系统管理员调整人员的角色或审核设置。`] : [])}
<p>本机构的审核环节：${settings.stages.map((s, i) => html`${i ? ' → ' : ''}${s.name}（${ROLE_LABELS[s.role]}）`)}。${settings.distinctSigners ? '同一人不能签署同一版本的两个环节，也不能审核自己撰写的信息。' : ''}</p>
${rows.length === 0
  ? html`<p>没有待审核的信息。</p>`
  : html`<table class="data"><thead><tr><th scope="col">标题</th><th scope="col">当前环节</th><th scope="col">撰写人</th><th scope="col">提交时间</th><th scope="col">我能否签署</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr${r.mine ? html` class="mine"` : ''}><td><a href="/console/catalogue/items/${r.version.itemId}">${r.version.title}</a></td><td>${r.stage.name}（${ROLE_LABELS[r.stage.role]}）</td>
  <td>${r.version.authorName}</td><td>${dateTime(r.version.submittedAt)}</td><td>${r.mine ? html`<strong>待您签署</strong>` : html`<span class="muted">${r.problem}</span>`}${r.stuck ? html`<p class="late"><strong>审核无法完成：</strong>${r.stuck}；须由机构负责人或系统管理员退回。</p>` : ''}</td></tr>`,
  )}</tbody></table>`}`,
        ),
      );
    });
  };
}
