// The console's table of what became of each file of an import, with its findings.
import { html, type SafeHtml } from '../../core/html.ts';
import type { Finding } from '../../report/rules/rule.ts';
import { SEVERITY_LABELS } from '../../report/rules/rule.ts';
import { IMPORT_STATUS_LABELS, type ImportItem } from './item.ts';
import { importSummary } from './uploads.ts';

/** Findings folded under their count (the preview and the result table show them alike). */
export function findingsList(findings: readonly Finding[]): SafeHtml {
  if (!findings.length) return html`未发现问题`;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return html`<details><summary>错误 ${count('error')} 条，警告 ${count('warning')} 条</summary><ol class="findings">${findings.map(
    (f) => html`<li class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span> ${f.message} <code class="small">${f.rule}</code></li>`,
  )}</ol></details>`;
}

export function resultTable(items: ImportItem[]): SafeHtml {
  const s = importSummary(items);
  return html`<section aria-labelledby="import-result-title" id="import-result">
<h2 id="import-result-title">导入结果</h2>
<p role="status">共 ${items.length} 个文件：已导入 ${s.imported}，已存在 ${s.unchanged}，不是年度报告 ${s['not-a-report']}，失败 ${s.failed}。</p>
<table class="data" id="import-items">
  <thead><tr><th scope="col">文件</th><th scope="col">结果</th><th scope="col">机构</th><th scope="col">年度</th><th scope="col">说明</th><th scope="col">检查结果</th></tr></thead>
  <tbody>${items.map(
    (i) => html`<tr data-status="${i.status}"><td>${i.path}</td><td>${IMPORT_STATUS_LABELS[i.status]}</td>
    <td>${i.orgName ?? '—'}${i.orgCreated ? html` <span class="tag">新建</span>` : ''}</td>
    <td>${i.year ?? '—'}</td>
    <td>${i.message}${i.reportId ? html`<br><a href="/console/reports/${i.reportId}">查看报告</a>` : ''}${i.published && i.orgCode ? html` · <a href="/orgs/${i.orgCode}/reports/${i.year}">公开门户</a>` : ''}</td>
    <td>${i.errors === undefined ? '—' : findingsList(i.findings ?? [])}</td></tr>`,
  )}</tbody>
</table></section>`;
}
