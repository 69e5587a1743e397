// What the console, the API and the portal may show of a stored report: explicit allow-lists.
import { z } from 'zod';
import { FORMAT_SOURCES } from './model/layout.ts';
import { toCanonicalObject } from './model/canonical-json.ts';
import type { Finding } from './rules/rule.ts';
import type { ReportListItem, ReportVersion, ReportVersionInfo, StoredReport, TableSource, VersionOrigin } from './store.ts';

export const STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;
export const SOURCE_LABELS: Record<TableSource, string> = { computed: '系统生成', imported: '导入', entered: '人工填报' };
export const ORIGIN_LABELS: Record<VersionOrigin, string> = { new: '新建', edit: '修改', import: '导入', compute: '系统生成' };
export const FORMAT_LABELS = { '2019': `2019 格式（${FORMAT_SOURCES['2019']}）`, '2021': `2021 格式（${FORMAT_SOURCES['2021']}）` } as const;

/** Status as a clerk reads it: a published report edited since shows that it has unpublished changes. */
export function statusText(r: Pick<StoredReport, 'status' | 'currentVersion' | 'publishedVersion'>): string {
  if (r.publishedVersion === null) return STATUS_LABELS.draft;
  if (r.publishedVersion < r.currentVersion) return `已发布第 ${r.publishedVersion} 版，第 ${r.currentVersion} 版未发布`;
  return STATUS_LABELS.published;
}

export function presentReport(r: StoredReport) {
  return {
    id: r.id,
    orgId: r.orgId,
    year: r.year,
    format: r.format,
    status: r.status,
    statusText: statusText(r),
    currentVersion: r.currentVersion,
    publishedVersion: r.publishedVersion,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
  };
}

export function presentListItem(r: ReportListItem) {
  return { ...presentReport(r), errorCount: r.errorCount, warningCount: r.warningCount, imported: r.imported };
}

export function presentFinding(f: Finding) {
  return { rule: f.rule, severity: f.severity, cells: f.cells, message: f.message, ...(f.values ? { values: f.values } : {}) };
}

export function presentVersionInfo(v: ReportVersionInfo) {
  return {
    version: v.version,
    origin: v.origin,
    sources: v.sources,
    errorCount: v.errorCount,
    warningCount: v.warningCount,
    sourceName: v.sourceName,
    contentHash: v.contentHash,
    createdByName: v.createdByName,
    createdAt: v.createdAt,
    note: v.note,
  };
}

export function presentVersion(v: ReportVersion) {
  return {
    ...presentVersionInfo(v),
    report: toCanonicalObject(v.report),
    narrative: v.narrative,
    findings: v.findings.map(presentFinding),
  };
}

/** The portal's view of a published report: no staff names, no drafts. */
export function presentPublished(r: ReportListItem) {
  return {
    year: r.year,
    format: r.format,
    publishedAt: r.publishedAt,
    firstPublishedAt: r.firstPublishedAt ?? r.publishedAt,
    revisions: r.revisions,
    imported: r.imported,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
  };
}

/** A finding as the API gives it (presentFinding). */
export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  cells: z.array(z.string()),
  message: z.string(),
  values: z.record(z.string(), z.number().nullable()).optional(),
});
