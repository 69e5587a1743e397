// The console's preview of an upload (issue 21 item 9): per file, what was read — agency, year,
// file and layout, which tables and which parts of the text were found, the findings — and where
// it is to be stored, before anything is stored. The choice is preselected only where it is
// unambiguous (targets.ts); the user may always pick another organization of the region or a new
// one under their own. Confirmed at /console/reports/import/confirm with the staged upload's token.
import { html, type SafeHtml } from '../../core/html.ts';
import type { Organization } from '../../orgs/model.ts';
import { csrfField, errorBox } from '../../orgs/shell/console-layout.ts';
import { FORMAT_SOURCES, SECTION_HEADINGS, SECTION_KEYS } from '../../report/model/layout.ts';
import { FILE_TYPES } from '../explain.ts';
import type { ReadFile, ReadReport } from './read-file.ts';
import { findingsList } from './result-table.ts';
import { STAGING_HOURS } from './staging.ts';
import { choiceFields, choiceValue, defaultChoice, proposedName, suggestTarget, type TargetSuggestion } from './targets.ts';

export interface PreviewState {
  token: string;
  files: readonly ReadFile[];
  /** The organizations the user may import into (their region), in tree order. */
  region: readonly Organization[];
  /** Every organization (to say that an agency exists outside the region). */
  everyOrg: readonly Organization[];
  /** Where a new organization is created: the user's own. */
  home: Organization;
  /** The choices sent, when the confirmation is shown again with an error. */
  form?: Readonly<Record<string, unknown>>;
  error?: string;
}

const TABLES = [
  ['table2', '表二 主动公开政府信息情况'],
  ['table3', '表三 收到和处理政府信息公开申请情况'],
  ['table4', '表四 政府信息公开行政复议、行政诉讼情况'],
] as const;

const TEXT_PARTS = ['一', '五', '六'] as const;

function whatWasRead(p: ReadReport): SafeHtml {
  const { report, detected } = p;
  const found = SECTION_KEYS.filter((k) => p.narrative.sections[k]?.trim());
  // parts 二 to 四 are the tables (said above): of the text, parts 一, 五 and 六 are looked for
  const missing = TEXT_PARTS.filter((k) => !found.includes(k)).map((k) => SECTION_HEADINGS[SECTION_KEYS.indexOf(k)]);
  return html`<dl class="facts">
  <dt>文中机关</dt><dd data-field="agency">${report.agency ? html`${report.agency}<span class="small">（取自${detected.agencySource ?? '正文'}）</span>` : '未找到'}</dd>
  <dt>年度</dt><dd data-field="year">${report.year}<span class="small">（取自${detected.yearSource}）</span></dd>
  <dt>文件</dt><dd data-field="format">${FILE_TYPES[detected.format]}${detected.encoding ? `（${detected.encoding}）` : ''}；${report.format} 年版格式（${FORMAT_SOURCES[report.format]}）</dd>
  <dt>表格</dt><dd data-field="tables"><ul>${TABLES.map(([key, title]) => html`<li>${title}：${report[key] ? '已读取' : '未找到'}</li>`)}</ul></dd>
  <dt>正文</dt><dd data-field="narrative">${found.length
    ? html`找到 ${found.map((k) => SECTION_HEADINGS[SECTION_KEYS.indexOf(k)]).join('；')}${missing.length ? html`<br><span class="small">未找到：${missing.join('；')}</span>` : ''}`
    : '未找到正文（只读取了表格）'}</dd>
  <dt>核对发现</dt><dd data-field="findings">${findingsList(p.findings)}<br><span class="small">保存时再次核对，并与该机构上一年度的报告比较。</span></dd>
</dl>`;
}

function suggestionNote(s: TargetSuggestion, agency: string | null, home: Organization, nameFree: boolean): SafeHtml {
  const names = (orgs: readonly Organization[]) => orgs.map((o) => `“${o.fullName}”`).join('、');
  const taken = nameFree ? '' : `（名称“${agency}”已被使用，新建时须另取名称）`;
  switch (s.kind) {
    case 'matched':
      return html`<p class="notice">文中机关与本区域的${names([s.org])}相符，已预选。</p>`;
    case 'ambiguous':
      return html`<p class="error">文中机关“${agency}”与本区域的多个机构相符（${names(s.candidates)}），请选择导入到哪一个。</p>`;
    case 'elsewhere': {
      // the printed name is the organization's own: named once
      const which = s.orgs.length === 1 && s.orgs[0]!.fullName === agency ? '' : names(s.orgs);
      return html`<p class="error">文中机关“${agency}”是您可管理范围以外的机构${which}，不能导入到该机构。请选择本区域的机构，或在“${home.fullName}”下新建机构${taken}。</p>`;
    }
    case 'new':
      return html`<p class="notice">没有名为“${agency}”的机构，将在“${home.fullName}”下新建；也可以改为导入到本区域的机构。</p>`;
    case 'unnamed':
      return html`<p class="error">文中未写明机关名称：请选择本区域的机构，或填写新建机构的名称。</p>`;
  }
}

function targetChoice(index: number, p: ReadReport, state: PreviewState): SafeHtml {
  const f = choiceFields(index);
  const agency = p.report.agency;
  const suggestion = suggestTarget(agency, state.region, state.everyOrg);
  const proposed = proposedName(agency, state.everyOrg);
  const sent = (k: string) => (typeof state.form?.[k] === 'string' ? (state.form[k] as string) : null);
  const chosen = state.form ? sent(f.target) : defaultChoice(suggestion);
  const name = (state.form ? sent(f.name) : null) ?? proposed;
  const depth = (o: Organization) => o.path.split('/').length - state.home.path.split('/').length;
  const option = (value: string, label: string) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`;
  return html`<div class="import-target">
  ${suggestionNote(suggestion, agency, state.home, proposed !== '' || !agency)}
  <p><label for="${f.target}">导入到</label>
  <select id="${f.target}" name="${f.target}">
    ${chosen ? '' : html`<option value="" selected>请选择</option>`}
    ${option(choiceValue({ kind: 'new' }), `新建机构${proposed || agency ? `“${proposed || agency}”` : ''}（在 ${state.home.fullName} 下）`)}
    <optgroup label="本区域的机构">
      ${state.region.map((o) => option(choiceValue({ kind: 'org', code: o.code }), `${'　'.repeat(Math.max(0, depth(o)))}${o.fullName}`))}
    </optgroup>
  </select></p>
  <p><label for="${f.name}">新建机构的名称</label>
  <input type="text" id="${f.name}" name="${f.name}" value="${name}" maxlength="100" aria-describedby="${f.name}-hint">
  <span class="small" id="${f.name}-hint">选择“新建机构”时使用，默认为文中机关名称。</span></p>
</div>`;
}

/** The preview of every file of the upload, with the form that confirms it. */
export function previewBody(state: PreviewState, csrf: string): SafeHtml {
  const reports = state.files.map((file, index) => ({ file, index })).filter((x) => x.file.parsed);
  const others = state.files.filter((f) => f.item);
  return html`<section aria-labelledby="import-preview-title" id="import-preview">
<h2 id="import-preview-title">导入预览：请核对读取的内容并选择导入到哪个机构</h2>
${errorBox(state.error)}
<p>共 ${state.files.length} 个文件，其中 ${reports.length} 份年度报告可以导入。确认之前不会保存任何内容；本预览保留 ${STAGING_HOURS} 小时。</p>
<form method="post" action="/console/reports/import/confirm" id="import-confirm">
  ${csrfField(csrf)}
  <input type="hidden" name="token" value="${state.token}">
  ${reports.map(({ file, index }) => html`<section class="import-file" id="import-file-${index}" aria-labelledby="import-file-${index}-title">
  <h3 id="import-file-${index}-title">文件 ${index + 1}：${file.path}</h3>
  ${whatWasRead(file.parsed!)}
  ${targetChoice(index, file.parsed!, state)}
</section>`)}
  ${others.length ? html`<h3>不能导入的文件</h3><ul id="import-skipped">${others.map((f) => html`<li>${f.path}：${f.item!.message}</li>`)}</ul>` : ''}
  <p><label><input type="checkbox" name="draft" value="1"${state.form?.draft ? html` checked` : ''}> 只保存为草稿，暂不发布（核对后在报告页发布）</label></p>
  <p><button type="submit">确认导入</button> <a href="/console/reports/import">放弃，重新上传</a></p>
</form>
</section>`;
}
