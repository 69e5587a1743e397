// Changes to stored annual reports: each exported function is one transaction with its audit
// entry. Every change adds a version; findings are computed by the validator with the same
// organization's stored report of the year before (cross-year rules) and the narrative, and
// recorded beside the version — an imported report is stored as printed, never corrected.
import { appendAudit } from '../core/audit/log.ts';
import type { CommandContext } from '../orgs/context.ts';
import type { Database, Queryable } from '../core/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import { z } from '../core/validation.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgById } from '../orgs/store.ts';
import { canEnterOrg } from '../orgs/staff/scope.ts';
import { blankReport } from './model/blank-report.ts';
import { toCanonicalObject } from './model/canonical-json.ts';
import { formatForYear, SECTION_KEYS } from './model/layout.ts';
import { parseReport } from './model/parse.ts';
import type { AnnualReport } from './model/report.ts';
import { MAX_REPORT_YEAR, MIN_REPORT_YEAR } from './model/schema.ts';
import type { Finding } from './rules/rule.ts';
import { validateReport } from './rules/validate.ts';
import { publishRefusal, type PublishRequest } from './rules/publication.ts';
import { reportPolicy } from './policy.ts';
import {
  findReportById,
  findReportByOrgYear,
  findVersion,
  findVersionByHash,
  insertReport,
  insertVersion,
  setCurrentVersion,
  recordPublication,
  TABLE_KEYS,
  TABLE_SOURCES,
  type ReportNarrative,
  type ReportVersion,
  type StoredReport,
  type TableSources,
  type VersionOrigin,
} from './store.ts';
import { currentYear } from '../core/today.ts';

// ── Inputs ──────────────────────────────────────────────────────────────────

export const narrativeSchema = z.strictObject(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().max(50_000, { error: `第${k}部分不能超过 50000 字` }).optional()])) as Record<
    (typeof SECTION_KEYS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

export const sourcesSchema = z.strictObject({
  table2: z.enum(TABLE_SOURCES).optional(),
  table3: z.enum(TABLE_SOURCES).optional(),
  table4: z.enum(TABLE_SOURCES).optional(),
});

const noteSchema = z.string().trim().max(500, { error: '修改说明不能超过 500 字' });

export const reportYearSchema = z.coerce
  .number({ error: '请填写报告年度' })
  .int({ error: '报告年度应为整数' })
  .min(MIN_REPORT_YEAR, { error: `报告年度不能早于 ${MIN_REPORT_YEAR} 年` })
  .max(MAX_REPORT_YEAR, { error: `报告年度不能晚于 ${MAX_REPORT_YEAR} 年` });

export const saveVersionSchema = z.object({
  /** The canonical report JSON (spec/annual-report-json.md). */
  report: z.unknown(),
  narrative: narrativeSchema.optional(),
  /** Where a table came from; a changed table without one here counts as 'entered'. */
  sources: sourcesSchema.optional(),
  note: noteSchema.optional(),
  /** The version the edit started from: a newer version saved meanwhile is a conflict. */
  baseVersion: z.number().int().min(1).optional(),
});
export type SaveVersionInput = z.input<typeof saveVersionSchema>;

export interface ImportInput {
  orgId: number;
  /** The report as printed, already read from its JSON at the edge (API, CLI) or from its document (ingest). */
  report: AnnualReport;
  narrative?: ReportNarrative;
  note?: string;
  /** The file name or address of the imported document. */
  sourceName?: string | null;
  /** SHA-256 of the imported file: importing the same file again changes nothing. */
  contentHash?: string | null;
  /** What the document parser found (rules `ingest.*`), stored before the validator's findings. */
  parserFindings?: Finding[];
}

export interface ImportResult {
  report: StoredReport;
  version: ReportVersion;
  /** A new report was created (else a new version of an existing one). */
  created: boolean;
  /** The same file was imported before (content hash): nothing was changed. */
  unchanged: boolean;
}

// ── Helpers shared by the commands ─────────────────────────────────────────

function parsed(input: unknown): AnnualReport {
  const r = parseReport(input);
  if (!r.ok) throw invalid(`不是有效的年度报告数据：${r.errors.join('；')}`, { errors: r.errors });
  return r.report;
}

/** The organization, after the policy check when a staff member acts (404 outside its reach). */
export async function authorizedOrg(
  tx: Queryable,
  ctx: CommandContext,
  orgId: number,
  rule: 'edit' | 'publish' | 'importPublished' | 'generate',
): Promise<Organization> {
  const org = await findOrgById(tx, orgId);
  if (!org) throw notFound('该机构');
  if (ctx.staff) {
    if (!canEnterOrg(ctx.staff, org)) throw notFound('该机构');
    if (!reportPolicy[rule](ctx.staff, org)) throw forbidden(REFUSALS[rule]);
  }
  return org;
}

const REFUSALS = {
  edit: '只有本机构的信息发布员或系统管理员可以编辑年度报告',
  publish: '只有本机构负责人或系统管理员可以发布年度报告',
  generate: '只有本机构的信息发布员、负责人或系统管理员可以生成年度报告',
  importPublished: '只有系统管理员和监督员可以导入已公布的年度报告（本机构及下级机构）',
} as const;

/**
 * The same organization's stored report of the year before, for the cross-year rules:
 * its published version when there is one (what the public saw), else its current version.
 */
export async function previousYearReport(db: Queryable, orgId: number, year: number): Promise<AnnualReport | null> {
  const prev = await findReportByOrgYear(db, orgId, year - 1);
  if (!prev) return null;
  return (await findVersion(db, prev.id, prev.publishedVersion ?? prev.currentVersion))?.report ?? null;
}

/** Findings of a report as it would be stored for this organization. */
export async function findingsFor(db: Queryable, orgId: number, report: AnnualReport, narrative: ReportNarrative): Promise<Finding[]> {
  const previous = await previousYearReport(db, orgId, report.year);
  const hasText = Object.values(narrative).some((t) => t && t.trim());
  return validateReport(report, { previous, narrative: hasText ? (narrative as Record<string, string>) : null });
}

const allSources = (s: TableSources[keyof TableSources]): TableSources => ({ table2: s, table3: s, table4: s });

/** Every cell as `table3.granted[0]` → value, so that two versions can be compared. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

const AUDIT_CELL_LIMIT = 200;

/** What changed between two versions, for the audit log: cells with before/after, narrative sections. */
function changesBetween(before: ReportVersion | null, after: { report: AnnualReport; narrative: ReportNarrative }) {
  const a = flatten(before?.report ?? {}, '', new Map());
  const b = flatten(after.report, '', new Map());
  const cells: Record<string, { before: unknown; after: unknown }> = {};
  let count = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(key) === b.get(key)) continue;
    if (count++ < AUDIT_CELL_LIMIT) cells[key] = { before: a.get(key) ?? null, after: b.get(key) ?? null };
  }
  const narrative = SECTION_KEYS.filter((k) => (before?.narrative[k] ?? '') !== (after.narrative[k] ?? ''));
  return { changedCells: count, cells, narrative };
}

const counts = (findings: readonly Finding[]) => {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
};

const cleanNarrative = (n: ReportNarrative | undefined): ReportNarrative =>
  Object.fromEntries(SECTION_KEYS.filter((k) => n?.[k]?.trim()).map((k) => [k, n![k]!.replace(/\r\n/g, '\n')]));

async function loadCurrent(tx: Queryable, report: StoredReport): Promise<ReportVersion> {
  return (await findVersion(tx, report.id, report.currentVersion))!;
}

// ── Commands ────────────────────────────────────────────────────────────────

/** Creates the report of an organization for a year: blank tables of that year's format, version 1. */
export async function createReport(db: Database, ctx: CommandContext, input: { orgId: number; year: unknown }): Promise<{ report: StoredReport; version: ReportVersion }> {
  return db.transaction((tx) => createReportIn(tx, ctx, input));
}

/** createReport inside a transaction the caller holds (demo data). */
export async function createReportIn(tx: Queryable, ctx: CommandContext, input: { orgId: number; year: unknown }): Promise<{ report: StoredReport; version: ReportVersion }> {
  const year = reportYearSchema.parse(input.year);
  if (year > currentYear()) throw invalid(`${year} 年尚未开始，不能创建该年度的报告`);
  const org = await authorizedOrg(tx, ctx, input.orgId, 'edit');
  const format = formatForYear(year);
  const id = await insertReport(tx, { orgId: org.id, year, format });
  if (id === null) throw conflict(`${org.shortName} ${year} 年度报告已存在`);
  const report: AnnualReport = format === '2021' ? blankReport('2021', year, org.fullName) : blankReport('2019', year, org.fullName);
  const findings = await findingsFor(tx, org.id, report, {});
  await insertVersion(tx, {
    reportId: id, orgId: org.id, version: 1, report, narrative: {}, sources: allSources('entered'), findings, origin: 'new',
    createdBy: ctx.actor.userId, createdByName: ctx.actor.name, note: '新建',
  });
  await appendAudit(tx, ctx.actor, { orgId: org.id, action: 'report.create', targetType: 'report', targetId: id, summary: { year, format, version: 1 } });
  return { report: (await findReportById(tx, id))!, version: (await findVersion(tx, id, 1))! };
}

/** Saves an edit as a new version (tables, narrative, sources, note) with its findings. */
export async function saveReportVersion(
  db: Database,
  ctx: CommandContext,
  reportId: number,
  raw: SaveVersionInput,
): Promise<{ report: StoredReport; version: ReportVersion }> {
  const input = saveVersionSchema.parse(raw);
  const content = parsed(input.report);
  return db.transaction((tx) => saveParsedIn(tx, ctx, reportId, input, content));
}

/** saveReportVersion inside a transaction the caller holds (demo data). */
export async function saveReportVersionIn(tx: Queryable, ctx: CommandContext, reportId: number, raw: SaveVersionInput): Promise<{ report: StoredReport; version: ReportVersion }> {
  const input = saveVersionSchema.parse(raw);
  return saveParsedIn(tx, ctx, reportId, input, parsed(input.report));
}

async function saveParsedIn(
  tx: Queryable,
  ctx: CommandContext,
  reportId: number,
  input: z.output<typeof saveVersionSchema>,
  content: AnnualReport,
): Promise<{ report: StoredReport; version: ReportVersion }> {
  const stored = await findReportById(tx, reportId, { lock: true });
  if (!stored) throw notFound('该年度报告');
  const org = await authorizedOrg(tx, ctx, stored.orgId, 'edit');
  if (content.year !== stored.year) throw invalid(`报告数据的年度为 ${content.year}，但这是 ${stored.year} 年度的报告`);
  if (input.baseVersion !== undefined && input.baseVersion !== stored.currentVersion) {
    throw conflict(`您编辑的是第 ${input.baseVersion} 版，其间已有人保存了第 ${stored.currentVersion} 版；请打开最新版本后重新修改`);
  }
  const before = await loadCurrent(tx, stored);
  const narrative = input.narrative === undefined ? before.narrative : cleanNarrative(input.narrative);
  // A table keeps its source unless it changed: a changed table is what the caller says, else entered.
  // (Compared in canonical key order: jsonb does not keep the order of keys.)
  const [now, was] = [toCanonicalObject(content), toCanonicalObject(before.report)];
  const sources = Object.fromEntries(
    TABLE_KEYS.map((t) => [t, input.sources?.[t] ?? (JSON.stringify(now[t]) === JSON.stringify(was[t]) ? before.sources[t] : 'entered')]),
  ) as TableSources;
  const findings = await findingsFor(tx, org.id, content, narrative);
  const version = stored.currentVersion + 1;
  await insertVersion(tx, {
    reportId, orgId: org.id, version, report: content, narrative, sources, findings, origin: 'edit',
    createdBy: ctx.actor.userId, createdByName: ctx.actor.name, note: input.note ?? '',
    // a generated version's record of sources and overrides goes on with its edits
    cellSources: before.cellSources, overrides: before.overrides,
  });
  await setCurrentVersion(tx, reportId, version, content.format);
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: 'report.edit', targetType: 'report', targetId: reportId,
    summary: { year: stored.year, version, note: input.note ?? '', ...changesBetween(before, { report: content, narrative }), ...counts(findings) },
  });
  return { report: (await findReportById(tx, reportId))!, version: (await findVersion(tx, reportId, version))! };
}

/**
 * Publishes the current version: the portal shows it from now on. A later edit makes a new
 * draft version; the portal keeps showing this one until the report is published again, which is
 * a revision (rules/publication.ts): a 修订说明 and a confirmation, both shown to the public.
 */
export async function publishReport(db: Database, ctx: CommandContext, reportId: number, request: PublishRequest = {}): Promise<StoredReport> {
  return db.transaction((tx) => publishReportIn(tx, ctx, reportId, request));
}

/** publishReport inside a transaction the caller holds (demo data, bulk import). */
export async function publishReportIn(tx: Queryable, ctx: CommandContext, reportId: number, request: PublishRequest = {}): Promise<StoredReport> {
  const stored = await findReportById(tx, reportId, { lock: true });
  if (!stored) throw notFound('该年度报告');
  const org = await authorizedOrg(tx, ctx, stored.orgId, 'publish');
  const { findings } = await loadCurrent(tx, stored);
  const { errors, warnings } = counts(findings);
  const refusal = publishRefusal({ currentVersion: stored.currentVersion, publishedVersion: stored.publishedVersion, errors, warnings }, request);
  if (refusal) throw refusal.kind === 'conflict' ? conflict(refusal.message) : invalid(refusal.message);
  const revisionNote = stored.publishedVersion === null ? null : request.revisionNote!.trim();
  await recordPublication(tx, { reportId, orgId: org.id, version: stored.currentVersion, byName: ctx.actor.name, revisionNote });
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: 'report.publish', targetType: 'report', targetId: reportId,
    summary: { year: stored.year, version: stored.currentVersion, previouslyPublished: stored.publishedVersion, errors, warnings, ...(revisionNote ? { revisionNote } : {}) },
  });
  return (await findReportById(tx, reportId))!;
}

/**
 * Stores a report in canonical JSON for an organization: a new report for its year, or a new
 * version of the existing one. Every table counts as imported; the findings are recorded and
 * nothing is corrected. With a content hash, a file imported before changes nothing.
 */
export async function importReport(db: Database, ctx: CommandContext, input: ImportInput): Promise<ImportResult> {
  return db.transaction((tx) => importReportIn(tx, ctx, input));
}

/** importReport inside a transaction the caller holds (demo data, bulk import). */
export async function importReportIn(
  tx: Queryable,
  ctx: CommandContext,
  input: ImportInput,
  rule: 'edit' | 'importPublished' = 'edit',
): Promise<ImportResult> {
  const content = input.report;
  const org = await authorizedOrg(tx, ctx, input.orgId, rule);
  const note = noteSchema.parse(input.note ?? '');
  const newId = await insertReport(tx, { orgId: org.id, year: content.year, format: content.format });
  const stored = newId === null ? (await findReportByOrgYear(tx, org.id, content.year, { lock: true }))! : (await findReportById(tx, newId))!;
  if (newId === null && input.contentHash) {
    const known = await findVersionByHash(tx, stored.id, org.id, input.contentHash);
    if (known) return { report: stored, version: (await findVersion(tx, stored.id, known.version))!, created: false, unchanged: true };
  }
  const version = newId === null ? stored.currentVersion + 1 : 1;
  const narrative = cleanNarrative(input.narrative);
  const findings = [...(input.parserFindings ?? []), ...(await findingsFor(tx, org.id, content, narrative))];
  const origin: VersionOrigin = 'import';
  await insertVersion(tx, {
    reportId: stored.id, orgId: org.id, version, report: content, narrative, sources: allSources('imported'), findings, origin,
    sourceName: input.sourceName ?? null, contentHash: input.contentHash ?? null,
    createdBy: ctx.actor.userId, createdByName: ctx.actor.name, note,
  });
  if (version > 1) await setCurrentVersion(tx, stored.id, version, content.format);
  await appendAudit(tx, ctx.actor, {
    orgId: org.id, action: 'report.import', targetType: 'report', targetId: stored.id,
    summary: { year: content.year, format: content.format, version, created: newId !== null, sourceName: input.sourceName ?? null, contentHash: input.contentHash ?? null, ...counts(findings) },
  });
  return { report: (await findReportById(tx, stored.id))!, version: (await findVersion(tx, stored.id, version))!, created: newId !== null, unchanged: false };
}

export interface PublishedImportResult extends ImportResult {
  /** The imported version is the one the portal shows now. */
  published: boolean;
  /** Chinese: why the imported version was kept as a draft although publishing was asked for. */
  keptDraft: string | null;
}

/**
 * Stores a report that was already published elsewhere (a document read by the importer) and,
 * unless `draft`, publishes it at once: the document is public, the portal shows it marked
 * 导入 with its findings. Administrators and supervisors of the organization's region may do so
 * (policy importPublished). A report the organization published from its own data (entered or
 * computed) is never replaced on the portal: the import is then kept as a draft version.
 */
export async function importPublishedReportIn(
  tx: Queryable,
  ctx: CommandContext,
  input: ImportInput,
  opts: { draft?: boolean } = {},
): Promise<PublishedImportResult> {
  const result = await importReportIn(tx, ctx, input, 'importPublished');
  const stored = result.report;
  const isShown = stored.publishedVersion === result.version.version;
  if (result.unchanged || opts.draft) return { ...result, published: isShown, keptDraft: null };
  if (ctx.staff && !reportPolicy.publishImported(ctx.staff)) {
    return { ...result, published: isShown, keptDraft: `监督员导入的报告保存为草稿（第 ${result.version.version} 版），由该机关负责人或系统管理员核对后发布` };
  }
  if (stored.publishedVersion !== null) {
    const shown = (await findVersion(tx, stored.id, stored.publishedVersion))!;
    if (shown.origin !== 'import') {
      return {
        ...result,
        published: false,
        keptDraft: `本机构已发布自己填报的 ${stored.year} 年度报告（第 ${stored.publishedVersion} 版），导入的第 ${result.version.version} 版保存为草稿，未替换公开门户上的报告`,
      };
    }
  }
  // A newer published document of the same year replaces the one shown: a revision, said as such.
  const revisionNote = stored.publishedVersion === null ? null : `以新导入的已公布原文（${result.version.sourceName ?? '未注明来源'}）替换第 ${stored.publishedVersion} 版`;
  await recordPublication(tx, { reportId: stored.id, orgId: stored.orgId, version: result.version.version, byName: ctx.actor.name, revisionNote });
  await appendAudit(tx, ctx.actor, {
    orgId: stored.orgId, action: 'report.publish', targetType: 'report', targetId: stored.id,
    summary: { year: stored.year, version: result.version.version, previouslyPublished: stored.publishedVersion, imported: true, ...counts(result.version.findings), ...(revisionNote ? { revisionNote } : {}) },
  });
  return { ...result, report: (await findReportById(tx, stored.id))!, published: true, keptDraft: null };
}

/**
 * Writes a table computed from records (table 3 from the cases, table 4 from the appeals register)
 * into the organization's report of `year` — creating the report when there is none — as a new
 * version whose source for that table is 'computed'. The report's own policy (信息发布员 or 系统管理员)
 * applies, and the version records its findings and its audit entry like any other.
 */
export async function storeComputedTableInDraft<K extends 'table3' | 'table4'>(
  db: Database,
  ctx: CommandContext,
  orgId: number,
  year: number,
  table: K,
  compute: (format: AnnualReport['format']) => Promise<AnnualReport[K]>,
  note: string,
): Promise<{ reportId: number; version: number }> {
  const existing = await findReportByOrgYear(db, orgId, year);
  const report = existing ?? (await createReport(db, ctx, { orgId, year })).report;
  const current = (await findVersion(db, report.id, report.currentVersion))!;
  const computed = await compute(current.report.format);
  const saved = await saveReportVersion(db, ctx, report.id, {
    report: { ...current.report, [table]: computed } as AnnualReport,
    sources: { [table]: 'computed' },
    note,
    baseVersion: current.version,
  });
  return { reportId: saved.report.id, version: saved.version.version };
}
