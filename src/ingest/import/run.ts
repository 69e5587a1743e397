// Importing published annual reports into storage: parse each document, find (or create) its
// organization by name, store the report as printed with its findings. The same file imported
// again changes nothing (content hash).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandContext } from '../../core/context.ts';
import type { Database } from '../../core/db/database.ts';
import { createOrg } from '../../orgs/commands.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgByCode, listOrgs } from '../../orgs/store.ts';
import { importReport } from '../../report/commands.ts';
import { contentHash, parseDocument } from '../parse-document.ts';
import { matchAgency, normalizeAgencyName } from './agency-match.ts';
import type { ImportFile } from './files.ts';

export type ImportStatus = 'imported' | 'unchanged' | 'not-a-report' | 'failed';

export interface ImportItem {
  path: string;
  status: ImportStatus;
  /** Chinese: what happened (organization and year, or the reason it failed). */
  message: string;
  orgCode?: string;
  year?: number;
  errors?: number;
  warnings?: number;
}

export interface ImportOptions {
  /** Import every file into this organization instead of matching by name. */
  orgCode?: string;
  /** Create organizations for agencies no organization matches (default true). */
  createOrgs?: boolean;
  onProgress?: (done: number, total: number, item: ImportItem) => void;
}

/** A code for an organization created from a name only: stable, so re-imports find it. */
const importedOrgCode = (name: string) => `IMP-${contentHash(new TextEncoder().encode(normalizeAgencyName(name))).slice(0, 10).toUpperCase()}`;

export async function importDocuments(db: Database, ctx: CommandContext, files: ImportFile[], opts: ImportOptions = {}): Promise<ImportItem[]> {
  const fixedOrg = opts.orgCode ? await findOrgByCode(db, opts.orgCode) : null;
  if (opts.orgCode && !fixedOrg) throw new Error(`未找到代码为 ${opts.orgCode} 的机构`);
  let orgs: Organization[] = await listOrgs(db);
  const items: ImportItem[] = [];
  for (const file of files) {
    const item = await importOne(file);
    items.push(item);
    opts.onProgress?.(items.length, files.length, item);
  }
  return items;

  async function organizationFor(agency: string | null): Promise<{ org: Organization } | { problem: string }> {
    if (fixedOrg) return { org: fixedOrg };
    if (!agency) return { problem: '文中未写明机关名称，请用 --org 指定导入到哪个机构' };
    const match = matchAgency(agency, orgs);
    if (match.kind === 'exact' || match.kind === 'suffix') return { org: match.org };
    if (match.kind === 'ambiguous') {
      return { problem: `机关名称“${agency}”与多个机构相符（${match.candidates.map((o) => o.fullName).join('、')}），请用 --org 指定` };
    }
    if (opts.createOrgs === false) return { problem: `没有名为“${agency}”的机构（未启用自动新建）` };
    const org = await createOrg(db, ctx, { kind: 'department', fullName: agency, shortName: agency, code: importedOrgCode(agency), parentCode: null });
    orgs = [...orgs, org];
    return { org };
  }

  async function importOne(file: ImportFile): Promise<ImportItem> {
    const name = basename(file.path);
    if (file.problem) return { path: file.path, status: 'failed', message: file.problem };
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch (e) {
      return { path: file.path, status: 'failed', message: `无法读取文件：${(e as Error).message}` };
    }
    const parsed = await parseDocument(bytes, name);
    if (parsed.kind === 'unreadable') return { path: file.path, status: 'failed', message: parsed.reason };
    if (parsed.kind === 'not-a-report') return { path: file.path, status: 'not-a-report', message: parsed.reason };
    const target = await organizationFor(parsed.report.agency);
    if ('problem' in target) return { path: file.path, status: 'failed', message: target.problem };
    try {
      const result = await importReport(db, ctx, {
        orgId: target.org.id,
        report: parsed.report,
        narrative: parsed.narrative.sections,
        parserFindings: parsed.findings.filter((f) => f.rule.startsWith('ingest.')),
        sourceName: name,
        contentHash: parsed.contentHash,
      });
      const findings = result.version.findings;
      const where = `${target.org.fullName} ${parsed.report.year} 年度报告`;
      return {
        path: file.path,
        status: result.unchanged ? 'unchanged' : 'imported',
        message: result.unchanged ? `${where}：此前已导入同一文件，未作改动` : `${where}：已导入为第 ${result.version.version} 版`,
        orgCode: target.org.code,
        year: parsed.report.year,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      };
    } catch (e) {
      return { path: file.path, status: 'failed', message: (e as Error).message };
    }
  }
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  imported: '已导入',
  unchanged: '已存在（未改动）',
  'not-a-report': '不是年度报告',
  failed: '失败',
};
