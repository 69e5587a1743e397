// The applicant's 回执 on /track (after submitting, and on every look-up): the facts of the
// application, the 答复期限 as the applicant may know it, and a print view of the 回执 alone
// (public/applications.css @media print; the 打印 button is shown by public/applications.js).
import { html, type SafeHtml } from '../core/html.ts';
import { today } from '../core/today.ts';
import type { PublicCase } from './present.ts';
import { REPLY_WORKING_DAYS } from './rules/deadline.ts';

/** 答复期限 as the applicant may know it: the clock's date, or — not yet received — what it would be. */
function replyDue(pc: PublicCase): SafeHtml | string {
  if (pc.outcomeLabel) return '';
  if (pc.dueDate) return html`<dt>答复期限</dt><dd id="due-date">${pc.dueDate} 前</dd>`;
  if (pc.state !== 'submitted') return '';
  return html`<dt>答复期限</dt><dd id="due-date">自本机关收到申请之日起 ${REPLY_WORKING_DAYS} 个工作日内（条例第三十三条）${pc.provisionalDueDate ? html`；如于今日确认收到，为 <strong>${pc.provisionalDueDate}</strong> 前` : ''}。需要补正、征求意见或延期的，期限另行告知。</dd>`;
}

/**
 * The applicant's 回执 of an application: what was asked of whom, when, and how to follow it.
 * Not the agency's 接收回执 (issued once the receipt is confirmed, 条例第三十一条); printable alone.
 */
export function receipt(pc: PublicCase): SafeHtml {
  return html`<section class="receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">政府信息公开申请回执</h2>
<p>申请编号：<span class="receipt-no" id="receipt-no">${pc.receiptNo}</span></p>
<dl class="facts">
  <dt>受理机关</dt><dd>${pc.orgName}</dd>
  <dt>所需信息</dt><dd>${pc.infoTitle}</dd>
  <dt>提交方式</dt><dd>${pc.channelLabel}</dd>
  <dt>提交日期</dt><dd>${pc.submittedOn}</dd>
  <dt>收到申请日期</dt><dd>${pc.receivedOn ?? '待工作人员确认（条例第三十一条：网上提交的申请以双方确认之日为收到申请之日）'}</dd>
  <dt>办理状态</dt><dd id="case-state">${pc.stateLabel}</dd>
  ${replyDue(pc)}
  ${pc.outcomeLabel ? html`<dt>答复结果</dt><dd>${pc.outcomeLabel}</dd>` : ''}
</dl>
<p class="small">凭申请编号和申请时填写的联系电话（或电子邮箱），可在本平台<a href="/track">办理进度查询</a>页面查询办理进度。本回执生成于 ${today()}。</p>
<p class="no-print"><button type="button" data-print hidden>打印回执</button> <span class="small">也可使用浏览器的打印功能（Ctrl+P）；打印时只印出本回执。</span></p>
</section>`;
}
