// The review section of an item page: the stages with their signatures, and what the reader may do
// now — sign or reject the waiting stage; as the head or an administrator of the item's
// organization, return it without signing (the way out when nobody may sign, issue 21); as its
// editor, recall it while nobody has signed. Judged against the item's organization, not the one
// the console is switched to, so an administrator from above is not told “您不在该机构”.
import { html, type SafeHtml } from '../../core/html.ts';
import type { Database } from '../../core/db/database.ts';
import { csrfField, type ConsoleView } from '../../orgs/shell/console-layout.ts';
import { ROLE_LABELS } from '../../orgs/staff/model.ts';
import { findOrgById } from '../../orgs/store.ts';
import { ensureCatalogue } from '../commands.ts';
import type { Item, Signoff, Version } from '../model.ts';
import { cataloguePolicy } from '../policy.ts';
import { findHiddenLinks } from '../inspection/hidden-links.ts';
import { signProblem, type ReviewState } from '../rules/review.ts';
import { completionProblem, strandingProblem } from '../rules/review-staffing.ts';
import { reviewCandidates } from '../staffing.ts';
import { dateTime } from './forms.ts';

export async function reviewSection(db: Database, view: ConsoleView, item: Item, latest: Version, signoffs: readonly Signoff[], openFindings: number): Promise<SafeHtml | ''> {
  const stages = latest.stages;
  if (latest.state !== 'in_review' || !stages) return '';
  const staff = view.staff;
  const [org, settings, people] = await Promise.all([findOrgById(db, item.orgId), ensureCatalogue(db, item.orgId), reviewCandidates(db, item.orgId)]);
  const distinct = settings.distinctSigners;
  const roundSigns = signoffs.filter((s) => s.round === latest.reviewRound);
  const signed = roundSigns.filter((s) => s.decision === 'approve').map((s) => ({ userId: s.userId, stageIndex: s.stageIndex }));
  const state: ReviewState = { state: latest.state, stages, stageIndex: latest.stageIndex, round: latest.reviewRound, authorId: latest.authorId };
  const stage = stages[latest.stageIndex!]!;
  const problem = cataloguePolicy.review(staff, org!)
    ? (signProblem(state, staff, signed, distinct) ?? strandingProblem(state, staff, signed, people, distinct))
    : `须由${org!.shortName}的${ROLE_LABELS[stage.role]}签署`;
  const stuck = completionProblem(state, signed, people, distinct);
  const canReturn = cataloguePolicy.returnFromReview(staff, org!);
  const canRecall = cataloguePolicy.write(staff, org!) && signed.length === 0;
  const hidden = html`<input type="hidden" name="round" value="${latest.reviewRound}"><input type="hidden" name="stageIndex" value="${latest.stageIndex}">`;
  const action = (path: string) => `/console/catalogue/items/${item.id}/${path}`;
  // 暗链 in the stored HTML (imported or older content keeps styles the editor would strip): shown before signing.
  const hiddenLinks = findHiddenLinks(latest.body);

  return html`<section aria-labelledby="review"><h2 id="review">审核（第 ${latest.reviewRound} 轮）</h2>
<ol class="stages">${stages.map((s, i) => {
    const sign = roundSigns.find((x) => x.stageIndex === i && x.decision === 'approve');
    return html`<li>${s.name}（${ROLE_LABELS[s.role]}）：${sign ? html`✓ ${sign.userName}，${dateTime(sign.at)}` : i === latest.stageIndex ? html`<strong>待签署</strong>` : '待前一环节'}</li>`;
  })}</ol>
${hiddenLinks.length ? html`<div class="error hidden-links" role="alert"><strong>发现 ${hiddenLinks.length} 处暗链（以样式隐藏的链接）</strong>，请核实后再签署：<ul>${hiddenLinks.map((h) => html`<li><code>${h.href}</code>${h.text ? `（链接文字“${h.text}”）` : ''}：${h.reason}</li>`)}</ul></div>` : ''}
${stuck ? html`<p class="error" role="alert"><strong>审核无法完成：</strong>${stuck}。须由机构负责人或系统管理员退回撰写人。</p>` : ''}
${problem
  ? html`<p class="muted">当前环节“${stage.name}”：${problem}</p>`
  : html`<form method="post" action="${action('approve')}" class="inline">${csrfField(view.csrf)}${hidden}
  <button type="submit"${openFindings ? html` disabled` : ''}>签署“${stage.name}”：同意${latest.stageIndex === stages.length - 1 ? '并发布' : ''}</button></form>
<form method="post" action="${action('reject')}" class="inline">${csrfField(view.csrf)}${hidden}
  <label>退回理由 <input name="reason" required minlength="2" maxlength="500"></label><button type="submit" class="secondary">退回撰写人</button></form>`}
${problem && canReturn
  ? html`<form method="post" action="${action('return')}" class="inline">${csrfField(view.csrf)}${hidden}
  <label>退回理由（作为${staff.roles.includes('head') && staff.homeOrgId === item.orgId ? '机构负责人' : '系统管理员'}退回，不签署本环节） <input name="reason" required minlength="2" maxlength="500"></label><button type="submit" class="secondary">退回撰写人</button></form>`
  : ''}
${canRecall
  ? html`<form method="post" action="${action('recall')}" class="inline">${csrfField(view.csrf)}${hidden}
  <button type="submit" class="secondary">撤回审核</button> <span class="muted">尚无人签署，撤回后信息回到草稿，可以修改后再提交。</span></form>`
  : ''}
</section>`;
}
