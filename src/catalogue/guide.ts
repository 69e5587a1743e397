// 政府信息公开指南, generated from the organization's data so that it is never out of date
// (条例第十二条：指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、
// 办公时间、联系电话、传真号码、互联网联系方式等内容；应当及时更新. Structure: domain-reference §E.3).
import { html, type SafeHtml } from '../core/html.ts';
import type { Organization } from '../orgs/model.ts';
import type { Column } from './model.ts';

/**
 * `superior`: the 上一级行政机关 (orgs/rules.ts superiorGovernmentName: for a county department the
 * county 人民政府, not its office), or null when the tree does not say.
 */
export function guideHtml(org: Organization, superior: string | null, columns: readonly Column[], latestChange: string): SafeHtml {
  // A detail not registered is left out, as on the organization's page, rather than printed as a placeholder.
  const row = (label: string, value: string) => (value ? html`<tr><th scope="row">${label}</th><td>${value}</td></tr>` : '');
  const top = columns.filter((c) => c.parentId === null);
  const childrenOf = (id: number) => columns.filter((c) => c.parentId === id);
  const columnLink = (c: Column) => (c.kind === 'guide' ? html`${c.name}（本指南）` : html`<a href="/columns/${c.id}">${c.name}</a>`);
  return html`<p class="muted">本指南由平台根据本机关登记的信息和公开目录自动生成，机关信息或栏目变更后即时更新。最近更新：${latestChange}。</p>
<p>为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。</p>

<h2>一、主动公开</h2>
<h3>（一）公开范围和编排体系</h3>
<p>本机关依照《条例》第十九条、第二十条${['department', 'subunit', 'government'].includes(org.kind) ? '、第二十一条' : ''}的规定主动公开政府信息，按以下栏目编排，每条信息标注索引号、发布机构、文号、成文日期、发布日期等：</p>
<ul>${top.map((c) => html`<li>${columnLink(c)}${childrenOf(c.id).length ? html`<ul>${childrenOf(c.id).map((x) => html`<li>${columnLink(x)}</li>`)}</ul>` : ''}</li>`)}</ul>
<h3>（二）公开方式</h3>
<p>主动公开的政府信息通过本平台（政府信息公开平台）集中发布，并可通过政府公报、新闻发布会以及报刊、广播、电视等途径公开（《条例》第二十三条、第二十四条）。本平台提供信息检索、查阅、下载功能：<a href="/search?org=${org.code}">检索本机关公开的信息</a>。</p>
<h3>（三）公开时限</h3>
<p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起 20 个工作日内及时公开；法律、法规对公开期限另有规定的，从其规定（《条例》第二十六条）。</p>

<h2>二、依申请公开</h2>
<h3>（一）受理机构</h3>
<table class="data meta"><tbody>
${row('机构名称', org.fullName)}${row('办公地址', org.address)}${row('办公时间', org.officeHours)}${row('联系电话', org.phone)}${row('传真号码', org.fax)}${row('电子邮箱', org.email)}${row('网站', org.website)}
</tbody></table>
<h3>（二）申请方式</h3>
<p>公民、法人或者其他组织申请获取政府信息的，应当向本机关提出申请，采用包括信件、数据电文在内的书面形式；书面形式确有困难的，可以口头提出，由受理机构代为填写申请（《条例》第二十九条）。可<a href="/apply/${org.code}">在线提交申请</a>，也可<a href="/apply/${org.code}/form.docx" download>下载政府信息公开申请表（Word）</a>，填写后当面、邮寄或传真提交。</p>
<p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。</p>
<h3>（三）办理时限</h3>
<p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日（《条例》第三十三条）。征求第三方和其他机关意见所需时间不计算在前述期限内。</p>
<h3>（四）收费</h3>
<p>行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条；《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。</p>

<h2>三、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向${superior ? `上一级行政机关（${superior}）` : '上一级行政机关'}或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>

<h2>四、其他</h2>
<ul><li><a href="/orgs/${org.code}/reports">政府信息公开工作年度报告</a></li><li><a href="/orgs/${org.code}">本机关政府信息公开工作机构联系方式</a></li></ul>`;
}
