// Public pages of the annual report (条例第五十条：年度报告向社会公布): each organization's
// published reports, and the printable official-layout page of one year with its downloads
// (DOCX, XLSX, PDF, canonical JSON, a standalone HTML page). Only published versions are
// shown; a draft is not found. No login, no JavaScript.
import type { FastifyInstance } from 'fastify';
import { notFound, renderingFile } from '../core/errors.ts';
import { html, trustedHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';
import { z } from '../core/validation.ts';
import { toCanonicalJson } from './model/canonical-json.ts';
import { documentTitle, type ReportDocument } from './render/document.ts';
import { renderHtmlFragment } from './render/html.ts';
import { RENDER_MEDIA_TYPES, renderReport } from './render/render.ts';
import { SEVERITY_LABELS } from './rules/rule.ts';
import { presentPublished } from './present.ts';
import { findVersion, listPublishedReports } from './store.ts';
import { attachmentHeader } from '../core/http/file-names.ts';

const DOWNLOADS = [
  { ext: 'docx', label: 'Word（DOCX）' },
  { ext: 'xlsx', label: 'Excel（XLSX，表格）' },
  { ext: 'pdf', label: 'PDF' },
  { ext: 'json', label: '数据（JSON）' },
  { ext: 'html', label: '可打印网页（HTML）' },
] as const;
type DownloadExt = (typeof DOWNLOADS)[number]['ext'];

const ASSETS = html`<link rel="stylesheet" href="/assets/report.css">`;
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '—');
const fileQuery = z.object({ format: z.enum(DOWNLOADS.map((d) => d.ext) as [DownloadExt, ...DownloadExt[]]).optional() });

/** "2024" or "2024.docx" → year and download format. */
function parseFile(file: string): { year: number; ext: DownloadExt | null } | null {
  const m = /^(\d{4})(?:\.(docx|xlsx|pdf|json|html))?$/.exec(file);
  return m ? { year: Number(m[1]), ext: (m[2] as DownloadExt | undefined) ?? null } : null;
}


export function reportPortalRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    app.get('/orgs/:code/reports', { schema: { hide: true } }, async (request, reply) => {
      const org = await findOrgByCode(db, (request.params as { code: string }).code);
      if (!org) throw notFound('该机构');
      const reports = (await listPublishedReports(db, org.id)).map(presentPublished);
      return reply.type('text/html').send(
        portalPage(
          `${org.fullName}政府信息公开工作年度报告`,
          html`${ASSETS}<nav aria-label="位置" class="small"><a href="/orgs/${org.code}">${org.fullName}</a> › 年度报告</nav>
${reports.length
  ? html`<table class="data">
  <thead><tr><th scope="col">年度</th><th scope="col">发布日期</th><th scope="col">来源</th><th scope="col">检查发现的错误</th><th scope="col">下载</th></tr></thead>
  <tbody>${reports.map(
    (r) => html`<tr><td><a href="/orgs/${org.code}/reports/${r.year}">${r.year} 年度报告</a></td><td>${day(r.publishedAt)}</td>
    <td>${r.imported ? html`<span class="tag">导入</span>` : '本机关发布'}</td><td>${r.errorCount ? html`<span class="count-error">${r.errorCount} 条</span>` : '无'}</td>
    <td>${DOWNLOADS.slice(0, 3).map((d, i) => html`${i ? ' · ' : ''}<a href="/orgs/${org.code}/reports/${r.year}.${d.ext}">${d.ext.toUpperCase()}</a>`)}</td></tr>`,
  )}</tbody>
</table>`
  : html`<p>暂无已发布的年度报告。</p>`}`,
          { siteName: `${org.shortName}政府信息公开` },
        ),
      );
    });

    app.get('/orgs/:code/reports/:file', { schema: { hide: true } }, async (request, reply) => {
      const { code, file } = request.params as { code: string; file: string };
      const target = parseFile(file);
      if (!target) throw notFound('该年度报告');
      const query = fileQuery.safeParse(request.query);
      if (!query.success) throw notFound('该格式的文件');
      const ext = target.ext ?? query.data.format ?? null;
      const org = await findOrgByCode(db, code);
      if (!org) throw notFound('该机构');
      const listed = (await listPublishedReports(db, org.id)).find((r) => r.year === target.year);
      if (!listed) throw notFound(`${org.shortName} ${target.year} 年度已发布的报告`);
      const version = (await findVersion(db, listed.id, listed.publishedVersion!))!;
      const doc: ReportDocument = { report: version.report, narrative: version.narrative };
      const base = `${org.code}-${target.year}`;

      if (ext === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', attachmentHeader(`${org.fullName}${target.year}年度报告.json`, `${base}.json`))
          .send(toCanonicalJson(version.report));
      }
      if (ext) {
        const bytes = await renderingFile(`年度报告 ${ext.toUpperCase()} 文件`, () => renderReport(doc, ext));
        if (ext !== 'html') reply.header('content-disposition', attachmentHeader(`${org.fullName}${target.year}年度报告.${ext}`, `${base}.${ext}`));
        return reply.type(RENDER_MEDIA_TYPES[ext]).send(bytes);
      }

      const published = presentPublished(listed);
      const title = documentTitle(doc);
      // The page title is the report's own; drop the article's repeated <h1>.
      const article = renderHtmlFragment(doc, { idPrefix: 'r' }).replace(/^(<article[^>]*>)<h1>[^<]*<\/h1>/, '$1');
      const findings = version.findings;
      return reply.type('text/html').send(
        portalPage(
          title,
          html`${ASSETS}<nav aria-label="位置" class="small"><a href="/orgs/${org.code}">${org.fullName}</a> › <a href="/orgs/${org.code}/reports">年度报告</a> › ${target.year} 年度</nav>
<p class="small">发布日期：${day(published.publishedAt)} · 格式：${published.format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}</p>
${published.imported
  ? html`<section class="imported-note" aria-labelledby="imported-title">
  <h2 id="imported-title"><span class="tag">导入</span> 本报告由已公布的原文导入</h2>
  <p>表格数字按原文照录，未作更正。${findings.length ? `核对发现 ${published.errorCount} 条错误、${published.warningCount} 条警告：` : '核对未发现问题。'}</p>
  ${findings.length ? html`<ol class="findings">${findings.map((f) => html`<li class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span> ${f.message}</li>`)}</ol>` : ''}
</section>`
  : ''}
<p class="downloads">下载：${DOWNLOADS.map((d, i) => html`${i ? ' · ' : ''}<a href="/orgs/${org.code}/reports/${target.year}.${d.ext}">${d.label}</a>`)}</p>
${trustedHtml(article)}`,
          { siteName: `${org.shortName}政府信息公开` },
        ),
      );
    });
  };
}
