// Public pages of the annual report (条例第五十条：年度报告向社会公布): each organization's
// published reports, and the printable official-layout page of one year with its downloads
// (DOCX, XLSX, PDF, canonical JSON, a standalone HTML page). Only published versions are
// shown; a draft is not found. No login, no JavaScript.
import type { FastifyInstance } from 'fastify';
import { notFound, renderingFile } from '../core/errors.ts';
import { html, trustedHtml, type SafeHtml } from '../core/html.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { portalPage } from '../orgs/shell/portal-layout.ts';
import { z } from '../core/validation.ts';
import { toCanonicalJson } from './model/canonical-json.ts';
import { canonicalNarrative } from './model/report.ts';
import { documentTitle, type ReportDocument } from './render/document.ts';
import { renderHtmlFragment } from './render/html.ts';
import { RENDER_MEDIA_TYPES, renderReport } from './render/render.ts';
import { SEVERITY_LABELS } from './rules/rule.ts';
import { presentPublished } from './present.ts';
import { findVersion, listPublications, listPublishedReports, type Publication } from './store.ts';
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
const fileQuery = z.object({
  format: z.enum(DOWNLOADS.map((d) => d.ext) as [DownloadExt, ...DownloadExt[]]).optional(),
  /** An earlier published version (修订记录); only versions that were published are found. */
  version: z.coerce.number().int().min(1).optional(),
});

/** "2024" or "2024.docx" → year and download format. */
function parseFile(file: string): { year: number; ext: DownloadExt | null } | null {
  const m = /^(\d{4})(?:\.(docx|xlsx|pdf|json|html))?$/.exec(file);
  return m ? { year: Number(m[1]), ext: (m[2] as DownloadExt | undefined) ?? null } : null;
}

/** 修订记录: every publication, newest first, each readable as it was published. */
function revisionHistory(code: string, year: number, publications: readonly Publication[], shown: number): SafeHtml {
  const newestFirst = [...publications].reverse();
  return html`<section class="revisions" aria-labelledby="revisions-title">
  <h2 id="revisions-title">修订记录</h2>
  <ol reversed>${newestFirst.map((p, i) => html`<li>${day(p.publishedAt)} ${p.revisionNote === null ? '首次发布' : html`修订：${p.revisionNote}`}
    ${p.version === shown ? html`<span class="muted">（本页所示）</span>` : html`<a href="/orgs/${code}/reports/${year}${i === 0 ? '' : `?version=${p.version}`}">查看该版本</a>`}</li>`)}</ol>
</section>`;
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
    (r) => html`<tr><td><a href="/orgs/${org.code}/reports/${r.year}">${r.year} 年度报告</a></td><td>${day(r.firstPublishedAt)}${r.revisions ? html`<br><span class="tag">已修订</span> ${day(r.publishedAt)}` : ''}</td>
    <td>${r.imported ? html`<span class="tag">导入</span>` : '本机关发布'}</td><td>${r.errorCount ? html`<span class="count-error">${r.errorCount} 条</span>` : '无'}</td>
    <td>${DOWNLOADS.slice(0, 3).map((d, i) => html`${i ? ' · ' : ''}<a href="/orgs/${org.code}/reports/${r.year}.${d.ext}">${d.ext.toUpperCase()}</a>`)}</td></tr>`,
  )}</tbody>
</table>`
  : html`<p>暂无已发布的年度报告。</p>`}`,
          { siteName: `${org.fullName}政府信息公开` },
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
      const publications = await listPublications(db, listed.id);
      const wanted = query.data.version ?? listed.publishedVersion!;
      const shown = publications.findIndex((p) => p.version === wanted);
      if (shown < 0) throw notFound(`${org.shortName} ${target.year} 年度报告已发布的第 ${wanted} 版`);
      const isCurrent = wanted === listed.publishedVersion;
      const version = (await findVersion(db, listed.id, wanted))!;
      const doc: ReportDocument = { report: version.report, narrative: version.narrative };
      const base = isCurrent ? `${org.code}-${target.year}` : `${org.code}-${target.year}-v${wanted}`;

      if (ext === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', attachmentHeader(`${org.fullName}${target.year}年度报告${isCurrent ? '' : `（第${wanted}版）`}.json`, `${base}.json`))
          .send(toCanonicalJson(version.report, canonicalNarrative(version.narrative)));
      }
      if (ext) {
        const bytes = await renderingFile(`年度报告 ${ext.toUpperCase()} 文件`, () => renderReport(doc, ext));
        if (ext !== 'html') reply.header('content-disposition', attachmentHeader(`${org.fullName}${target.year}年度报告${isCurrent ? '' : `（第${wanted}版）`}.${ext}`, `${base}.${ext}`));
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
${isCurrent ? '' : html`<p class="notice" role="status" id="superseded">这是 ${day(publications[shown]!.publishedAt)} 发布的版本，已于 ${day(publications[shown + 1]!.publishedAt)} 修订。<a href="/orgs/${org.code}/reports/${target.year}">查看现行版本</a></p>`}
<p class="small">发布日期：${day(published.firstPublishedAt)}${published.revisions ? html` · <span class="tag">已修订</span> 修订日期：${day(published.publishedAt)}` : ''} · 格式：${published.format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}</p>
${publications.length > 1 ? revisionHistory(org.code, target.year, publications, wanted) : ''}
${published.imported
  ? html`<section class="imported-note" aria-labelledby="imported-title">
  <h2 id="imported-title"><span class="tag">导入</span> 本报告由已公布的原文导入</h2>
  <p>表格数字按原文照录，未作更正。${findings.length ? `核对发现 ${published.errorCount} 条错误、${published.warningCount} 条警告：` : '核对未发现问题。'}</p>
  ${findings.length ? html`<ol class="findings">${findings.map((f) => html`<li class="finding-${f.severity}"><span class="severity">${SEVERITY_LABELS[f.severity]}</span> ${f.message}</li>`)}</ol>` : ''}
</section>`
  : ''}
<p class="downloads">下载${isCurrent ? '' : `第 ${wanted} 版`}：${DOWNLOADS.map((d, i) => html`${i ? ' · ' : ''}<a href="/orgs/${org.code}/reports/${target.year}.${d.ext}${isCurrent ? '' : `?version=${wanted}`}">${d.label}</a>`)}</p>
${trustedHtml(article)}`,
          { siteName: `${org.fullName}政府信息公开` },
        ),
      );
    });
  };
}
