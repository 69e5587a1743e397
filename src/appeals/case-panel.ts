// The appeals raised against a 依申请公开 case, as a section of the case page. The applications module
// does not know the register (domains do not import each other): src/app hands this panel to its
// case page (applicationConsoleRoutes' casePanels). Nothing is shown when no record names the case.
import type { Queryable } from '../core/db/database.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { ConsoleView } from '../orgs/shell/console-layout.ts';
import { KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL } from './model.ts';
import { appealPolicy } from './policy.ts';
import { listAppealsOfCase } from './store.ts';

export async function appealsCasePanel(db: Queryable, view: ConsoleView, c: { id: number; orgId: number; receiptNo: string }): Promise<SafeHtml | string> {
  if (!appealPolicy.read(view.staff, view.org)) return '';
  const appeals = await listAppealsOfCase(db, c.id);
  if (!appeals.length) return '';
  return html`<h2>行政复议、行政诉讼</h2>
<table class="data" id="case-appeals">
  <thead><tr><th scope="col">类别</th><th scope="col">复议机关或法院</th><th scope="col">案号</th><th scope="col">收到日期</th><th scope="col">审结日期</th><th scope="col">结果</th></tr></thead>
  <tbody>${appeals.map((a) => html`<tr><td><a href="/console/appeals/${a.id}">${KIND_LABELS[a.kind]}</a></td><td>${a.body}</td><td>${a.caseNumber || '—'}</td><td>${a.receivedOn}</td><td>${a.decidedOn ?? '—'}</td>
    <td>${a.outcome ? OUTCOME_LABELS[a.outcome] : PENDING_LABEL}${a.newReply ? html`（责令重新答复，${a.newReply.orderedOn} 收到决定${a.newReply.dueOn ? `，限 ${a.newReply.dueOn} 前答复` : ''}）` : ''}</td></tr>`)}</tbody>
</table>`;
}
