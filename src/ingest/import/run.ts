// Importing published annual reports into storage: parse each document, find (or create) its
// organization by name, store the report as printed with its findings and publish it (the
// document is public already; `draft` keeps it for review). Reports are stored in the order of
// the years they cover, so that the cross-year rules see the year before; each file is one
// transaction (an organization created for it is rolled back with it). The same file imported
// again changes nothing (content hash). Each document is read in a worker process under the
// configured limits (isolated-parse.ts): one that passes them fails alone, the batch goes on.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandContext } from '../../orgs/context.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgByCode, findOrgById, listOrgs } from '../../orgs/store.ts';
import { importPublishedReportIn, type PublishedImportResult } from '../../report/commands.ts';
import { reportPolicy } from '../../report/policy.ts';
import type { Finding } from '../../report/rules/rule.ts';
import { canEnterOrg } from '../../orgs/staff/scope.ts';
import type { ParsedReport } from '../parse-document.ts';
import { parseDocumentIsolated } from '../isolated-parse.ts';
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { agencyDiffers, matchAgency } from '../../orgs/name-match.ts';
import type { ImportFile } from './files.ts';
import { createImportedOrgIn } from './imported-org.ts';

export type ImportStatus = 'imported' | 'unchanged' | 'not-a-report' | 'failed';

export interface ImportItem {
  path: string;
  status: ImportStatus;
  /** Chinese: what happened (organization and year, or the reason it failed). */
  message: string;
  orgCode?: string;
  orgName?: string;
  /** An organization was created for the agency named in the report. */
  orgCreated?: boolean;
  year?: number;
  reportId?: number;
  /** The imported version is what the portal shows. */
  published?: boolean;
  errors?: number;
  warnings?: number;
  /** The parser's and the validator's findings stored with the version. */
  findings?: Finding[];
}

export interface ImportOptions {
  /** Import every file into this organization instead of matching by name. */
  orgCode?: string;
  /** Create organizations for agencies no organization matches (default true). */
  createOrgs?: boolean;
  /** Store the reports as drafts instead of publishing them. */
  draft?: boolean;
  onProgress?: (done: number, total: number, item: ImportItem) => void;
  /** Limits of reading one document (the server's configuration; by default the environment's). */
  limits?: IsolateLimits;
}

type Target = { org: Organization; created: boolean } | { problem: string };

export async function importDocuments(db: Database, ctx: CommandContext, files: ImportFile[], opts: ImportOptions = {}): Promise<ImportItem[]> {
  const staff = ctx.staff;
  // A staff member imports within its region: matches among its organizations, creates under its own.
  const home = staff ? ((await findOrgById(db, staff.homeOrgId)) ?? null) : null;
  const fixedOrg = opts.orgCode ? await findOrgByCode(db, opts.orgCode) : null;
  if (opts.orgCode && (!fixedOrg || (staff && !canEnterOrg(staff, fixedOrg)))) throw notFound(`代码为 ${opts.orgCode} 的机构`);
  if (staff && !reportPolicy.importPublished(staff, fixedOrg ?? home!)) throw forbidden('只有系统管理员和监督员可以导入已公布的年度报告（本机构及下级机构）');
  let orgs: Organization[] = await listOrgs(db, staff?.homePath);
  const everyOrg = staff ? await listOrgs(db) : orgs;

  const items: ImportItem[] = new Array(files.length);
  const reports: { index: number; file: ImportFile; parsed: ParsedReport }[] = [];
  let done = 0;
  const finish = (index: number, item: ImportItem) => {
    items[index] = item;
    opts.onProgress?.(++done, files.length, item);
  };
  for (const [index, file] of files.entries()) {
    const read = await parseOne(file);
    if ('kind' in read) reports.push({ index, file, parsed: read });
    else finish(index, read);
  }
  // the year before first: its report is what the cross-year rules compare with
  reports.sort((a, b) => a.parsed.report.year - b.parsed.report.year || a.index - b.index);
  for (const r of reports) finish(r.index, await storeOne(r.file, r.parsed));
  return items;

  async function parseOne(file: ImportFile): Promise<ParsedReport | ImportItem> {
    if (file.problem) return { path: file.path, status: 'failed', message: file.problem };
    let bytes: Uint8Array;
    try {
      bytes = file.content ?? readFileSync(file.path);
    } catch (e) {
      return { path: file.path, status: 'failed', message: `无法读取文件：${(e as Error).message}` };
    }
    // a full queue of documents to read (BUSY) ends the whole import here, before anything is stored
    const parsed = await parseDocumentIsolated(bytes, basename(file.path), { validate: false }, opts.limits);
    if (parsed.kind === 'unreadable') return { path: file.path, status: 'failed', message: parsed.reason };
    if (parsed.kind === 'not-a-report') return { path: file.path, status: 'not-a-report', message: parsed.reason };
    return parsed;
  }

  async function organizationFor(tx: Queryable, agency: string | null): Promise<Target> {
    if (fixedOrg) return { org: fixedOrg, created: false };
    if (!agency) return { problem: `文中未写明机关名称，请指定导入到哪个机构${staff ? '' : '（--org）'}` };
    const match = matchAgency(agency, orgs);
    if (match.kind === 'exact' || match.kind === 'suffix') return { org: match.org, created: false };
    if (match.kind === 'ambiguous') {
      return { problem: `机关名称“${agency}”与多个机构相符（${match.candidates.map((o) => o.fullName).join('、')}），请指定导入到哪个机构` };
    }
    if (staff) {
      // an agency that exists outside the uploader's region is not created a second time
      const elsewhere = matchAgency(agency, everyOrg);
      if (elsewhere.kind === 'exact') return { problem: `文中机关“${agency}”不在您可管理的机构范围内，未导入` };
    }
    if (opts.createOrgs === false) return { problem: `没有名为“${agency}”的机构（未启用自动新建）` };
    return { org: await createImportedOrgIn(tx, ctx, agency, home), created: true };
  }

  async function storeOne(file: ImportFile, parsed: ParsedReport): Promise<ImportItem> {
    const name = basename(file.path);
    let stored: { org: Organization; created: boolean; result: PublishedImportResult } | { problem: string };
    try {
      stored = await db.transaction(async (tx) => {
        const target = await organizationFor(tx, parsed.report.agency);
        if ('problem' in target) return target;
        const result = await importPublishedReportIn(
          tx,
          ctx,
          {
            orgId: target.org.id,
            report: parsed.report,
            narrative: parsed.narrative.sections,
            parserFindings: parsed.findings.filter((f) => f.rule.startsWith('ingest.')),
            sourceName: name,
            contentHash: parsed.contentHash,
          },
          { draft: opts.draft ?? false },
        );
        return { ...target, result };
      });
    } catch (e) {
      return { path: file.path, status: 'failed', message: (e as Error).message, year: parsed.report.year };
    }
    if ('problem' in stored) return { path: file.path, status: 'failed', message: stored.problem, year: parsed.report.year };
    const { org, created, result } = stored;
    if (created) orgs = [...orgs, org]; // only once committed
    const findings = result.version.findings;
    const where = `${org.fullName} ${parsed.report.year} 年度报告`;
    const notes = [
      created ? `新建机构“${org.fullName}”（代码 ${org.code}）` : null,
      fixedOrg && agencyDiffers(parsed.report.agency, org) ? `注意：文中机关为“${parsed.report.agency}”，与机构“${org.fullName}”不一致` : null,
    ].filter((n): n is string => n !== null);
    const what = result.unchanged
      ? `${where}：此前已导入同一文件，未作改动`
      : `${where}：已导入为第 ${result.version.version} 版，${result.published ? '已发布' : (result.keptDraft ?? '保存为草稿（未发布）')}`;
    return {
      path: file.path,
      status: result.unchanged ? 'unchanged' : 'imported',
      message: [what, ...notes].join('；'),
      orgCode: org.code,
      orgName: org.fullName,
      orgCreated: created,
      year: parsed.report.year,
      reportId: result.report.id,
      published: result.published,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      findings,
    };
  }
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  imported: '已导入',
  unchanged: '已存在（未改动）',
  'not-a-report': '不是年度报告',
  failed: '失败',
};
