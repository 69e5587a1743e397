// Every SQL statement about stored annual reports and their versions, with the row mapping.
// A report is one organization's report for one year; every edit adds a version.
import type { Queryable } from '../core/db/database.ts';
import type { ReportFormat, SectionKey } from './model/layout.ts';
import type { AnnualReport } from './model/report.ts';
import type { Finding } from './rules/rule.ts';
import type { CellSource } from './assembly/part.ts';
import type { CellOverride } from './assembly/override.ts';

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Where a table's numbers came from. */
export const TABLE_SOURCES = ['computed', 'imported', 'entered'] as const;
export type TableSource = (typeof TABLE_SOURCES)[number];
export const TABLE_KEYS = ['table2', 'table3', 'table4'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
export type TableSources = Record<TableKey, TableSource>;

/** How a version came to be: created blank, edited, imported from a document, computed from records. */
export const VERSION_ORIGINS = ['new', 'edit', 'import', 'compute'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

/** Narrative text of sections 一–六, by numeral. */
export type ReportNarrative = Partial<Record<SectionKey, string>>;

export interface StoredReport {
  id: number;
  orgId: number;
  year: number;
  format: ReportFormat;
  status: ReportStatus;
  currentVersion: number;
  publishedVersion: number | null;
  publishedAt: string | null;
  publishedByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportVersion {
  reportId: number;
  orgId: number;
  version: number;
  report: AnnualReport;
  narrative: ReportNarrative;
  sources: TableSources;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  origin: VersionOrigin;
  sourceName: string | null;
  contentHash: string | null;
  createdBy: number | null;
  createdByName: string;
  createdAt: string;
  note: string;
  /** Generated from the records: where each cell's number came from (empty for other versions). */
  cellSources: CellSource[];
  /** Cells changed by hand after generation, with their reasons. */
  overrides: CellOverride[];
}

/** A version without its content, for version lists. */
export type ReportVersionInfo = Omit<ReportVersion, 'report' | 'narrative' | 'findings' | 'cellSources' | 'overrides'>;

/** A report with the counts of one of its versions (current for the console, published for the portal). */
export interface ReportListItem extends StoredReport {
  errorCount: number;
  warningCount: number;
  /** When it was first published (null: never), and how many times it was revised since. */
  firstPublishedAt: string | null;
  revisions: number;
  /** The listed version has a table that was imported from a published document. */
  imported: boolean;
}

interface ReportRow {
  id: number;
  org_id: number;
  year: number;
  format: ReportFormat;
  status: ReportStatus;
  current_version: number;
  published_version: number | null;
  published_at: Date | null;
  published_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  report_id: number;
  org_id: number;
  version: number;
  content?: AnnualReport;
  narrative?: ReportNarrative;
  cell_sources?: CellSource[];
  overrides?: CellOverride[];
  sources: TableSources;
  findings?: Finding[];
  error_count: number;
  warning_count: number;
  origin: VersionOrigin;
  source_name: string | null;
  content_hash: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: Date;
  note: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toReport(r: ReportRow): StoredReport {
  return {
    id: r.id,
    orgId: r.org_id,
    year: r.year,
    format: r.format,
    status: r.status,
    currentVersion: r.current_version,
    publishedVersion: r.published_version,
    publishedAt: iso(r.published_at),
    publishedByName: r.published_by_name,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

function toVersionInfo(r: VersionRow): ReportVersionInfo {
  return {
    reportId: r.report_id,
    orgId: r.org_id,
    version: r.version,
    sources: r.sources,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    origin: r.origin,
    sourceName: r.source_name,
    contentHash: r.content_hash,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at)!,
    note: r.note,
  };
}

function toVersion(r: VersionRow): ReportVersion {
  return {
    ...toVersionInfo(r),
    report: r.content!,
    narrative: r.narrative ?? {},
    findings: r.findings ?? [],
    cellSources: r.cell_sources ?? [],
    overrides: r.overrides ?? [],
  };
}

// ── Reports ─────────────────────────────────────────────────────────────────

export async function findReportById(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<StoredReport | undefined> {
  const [r] = await db.query<ReportRow>(`select * from reports where id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return r && toReport(r);
}

export async function findReportByOrgYear(
  db: Queryable,
  orgId: number,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<StoredReport | undefined> {
  const [r] = await db.query<ReportRow>(`select * from reports where org_id = $1 and year = $2${opts.lock ? ' for update' : ''}`, [orgId, year]);
  return r && toReport(r);
}

/** The organization a report belongs to (organization scope of :reportId). */
export async function reportOrgId(db: Queryable, id: number): Promise<number | null> {
  const [r] = await db.query<{ org_id: number }>('select org_id from reports where id = $1', [id]);
  return r?.org_id ?? null;
}

const LIST_COLUMNS = `r.*, v.error_count, v.warning_count,
  (v.sources ->> 'table2' = 'imported' or v.sources ->> 'table3' = 'imported' or v.sources ->> 'table4' = 'imported') as imported,
  p.first_published_at, coalesce(p.publications - 1, 0)::int as revisions`;
const PUBLICATIONS_JOIN = `left join (select report_id, min(published_at) as first_published_at, count(*)::int as publications
  from report_publications group by report_id) p on p.report_id = r.id`;

type ListRow = ReportRow & { error_count: number; warning_count: number; imported: boolean; first_published_at: Date | null; revisions: number };
const toListItem = (r: ListRow): ReportListItem => ({
  ...toReport(r),
  errorCount: r.error_count,
  warningCount: r.warning_count,
  imported: r.imported,
  firstPublishedAt: r.first_published_at ? new Date(r.first_published_at).toISOString() : null,
  revisions: r.revisions,
});

/** The console's list: every report of the organization, newest year first, with its current version's counts. */
export async function listReportsOfOrg(db: Queryable, orgId: number): Promise<ReportListItem[]> {
  const rows = await db.query<ListRow>(
    `select ${LIST_COLUMNS} from reports r
     join report_versions v on v.report_id = r.id and v.version = r.current_version ${PUBLICATIONS_JOIN}
     where r.org_id = $1 order by r.year desc`,
    [orgId],
  );
  return rows.map(toListItem);
}

/** The portal's list: only published reports, with the published version's counts. */
export async function listPublishedReports(db: Queryable, orgId: number): Promise<ReportListItem[]> {
  const rows = await db.query<ListRow>(
    `select ${LIST_COLUMNS} from reports r
     join report_versions v on v.report_id = r.id and v.version = r.published_version ${PUBLICATIONS_JOIN}
     where r.org_id = $1 and r.status = 'published' order by r.year desc`,
    [orgId],
  );
  return rows.map(toListItem);
}

/** Per organization, how many reports listPublishedReports lists and the latest of their publishedAt, in one statement. */
export async function publishedReportCountsOf(db: Queryable, orgIds: readonly number[]): Promise<Map<number, { count: number; lastPublishedAt: string | null }>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.query<{ org_id: number; n: number; last: Date | null }>(
    `select r.org_id, count(*)::int as n, max(r.published_at) as last from reports r
     join report_versions v on v.report_id = r.id and v.version = r.published_version
     where r.org_id = any($1::bigint[]) and r.status = 'published' group by r.org_id`,
    [orgIds],
  );
  return new Map(rows.map((r) => [Number(r.org_id), { count: r.n, lastPublishedAt: r.last === null ? null : new Date(r.last).toISOString() }]));
}

/** Inserts the report row (its version 1 follows in the same transaction); null when (org, year) exists. */
export async function insertReport(tx: Queryable, r: { orgId: number; year: number; format: ReportFormat }): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    `insert into reports (org_id, year, format, current_version) values ($1, $2, $3, 1)
     on conflict (org_id, year) do nothing returning id`,
    [r.orgId, r.year, r.format],
  );
  return row?.id ?? null;
}

export async function setCurrentVersion(tx: Queryable, reportId: number, version: number, format: ReportFormat): Promise<void> {
  await tx.query('update reports set current_version = $2, format = $3, updated_at = now() where id = $1', [reportId, version, format]);
}

/** Puts a version on the portal and records the publication (with its 修订说明 when it is a revision). */
export async function recordPublication(tx: Queryable, r: { reportId: number; orgId: number; version: number; byName: string; revisionNote: string | null }): Promise<void> {
  await tx.query(
    `update reports set status = 'published', published_version = $2, published_at = now(), published_by_name = $3, updated_at = now() where id = $1`,
    [r.reportId, r.version, r.byName],
  );
  await tx.query('insert into report_publications (report_id, org_id, version, published_by_name, revision_note) values ($1, $2, $3, $4, $5)', [
    r.reportId,
    r.orgId,
    r.version,
    r.byName,
    r.revisionNote,
  ]);
}

export interface Publication {
  version: number;
  publishedAt: string;
  publishedByName: string;
  /** null: the first publication. */
  revisionNote: string | null;
}

/** The publications of a report, first first. */
export async function listPublications(db: Queryable, reportId: number): Promise<Publication[]> {
  const rows = await db.query<{ version: number; published_at: Date; published_by_name: string; revision_note: string | null }>(
    'select version, published_at, published_by_name, revision_note from report_publications where report_id = $1 order by published_at, id',
    [reportId],
  );
  return rows.map((r) => ({ version: r.version, publishedAt: new Date(r.published_at).toISOString(), publishedByName: r.published_by_name, revisionNote: r.revision_note }));
}

// ── Versions ────────────────────────────────────────────────────────────────

export interface NewVersion {
  reportId: number;
  orgId: number;
  version: number;
  report: AnnualReport;
  narrative: ReportNarrative;
  sources: TableSources;
  findings: Finding[];
  origin: VersionOrigin;
  sourceName?: string | null;
  contentHash?: string | null;
  createdBy: number | null;
  createdByName: string;
  note?: string;
  cellSources?: CellSource[];
  overrides?: CellOverride[];
}

export async function insertVersion(tx: Queryable, v: NewVersion): Promise<void> {
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  await tx.query(
    `insert into report_versions (report_id, org_id, version, content, narrative, sources, findings, error_count, warning_count,
       origin, source_name, content_hash, created_by, created_by_name, note, cell_sources, overrides)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb)`,
    [
      v.reportId, v.orgId, v.version, v.report, v.narrative, v.sources, v.findings, errors, v.findings.length - errors,
      v.origin, v.sourceName ?? null, v.contentHash ?? null, v.createdBy, v.createdByName, v.note ?? '',
      v.cellSources ?? [], v.overrides ?? [],
    ],
  );
}

export async function findVersion(db: Queryable, reportId: number, version: number): Promise<ReportVersion | undefined> {
  const [r] = await db.query<VersionRow>('select * from report_versions where report_id = $1 and version = $2', [reportId, version]);
  return r && toVersion(r);
}

/** Every version of a report without content, newest first. */
export async function listVersions(db: Queryable, reportId: number): Promise<ReportVersionInfo[]> {
  const rows = await db.query<VersionRow>(
    `select report_id, org_id, version, sources, error_count, warning_count, origin, source_name, content_hash,
       created_by, created_by_name, created_at, note
     from report_versions where report_id = $1 order by version desc`,
    [reportId],
  );
  return rows.map(toVersionInfo);
}

/** The version of a report that came from a file with this content hash, if any. */
export async function findVersionByHash(db: Queryable, reportId: number, orgId: number, hash: string): Promise<ReportVersionInfo | undefined> {
  const [r] = await db.query<VersionRow>(
    `select report_id, org_id, version, sources, error_count, warning_count, origin, source_name, content_hash,
       created_by, created_by_name, created_at, note
     from report_versions where org_id = $1 and report_id = $2 and content_hash = $3 order by version limit 1`,
    [orgId, reportId, hash],
  );
  return r && toVersionInfo(r);
}
