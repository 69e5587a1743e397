// Importing published annual reports in one go (`gongkai import`, the API): read each document
// (read-file.ts), find its organization by the agency it names — or create it — and store it
// (store-one.ts). Reports are stored in the order of the years they cover, so that the cross-year
// rules see the year before; each file is one transaction. A document that passes the reading
// limits fails alone, the batch goes on. The console previews first and lets the user choose the
// organization (confirm.ts); both store through storeImported.
import { basename } from 'node:path';
import type { CommandContext } from '../../orgs/context.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Organization } from '../../orgs/model.ts';
import { findOrgByCode, findOrgById, listOrgs } from '../../orgs/store.ts';
import { reportPolicy } from '../../report/policy.ts';
import { canEnterOrg } from '../../orgs/staff/scope.ts';
import type { IsolateLimits } from '../../core/isolate/limits.ts';
import { matchAgency } from '../../orgs/name-match.ts';
import type { ImportFile } from './files.ts';
import { createImportedOrgIn } from './imported-org.ts';
import type { ImportItem } from './item.ts';
import { inYearOrder, readImportFile, type ReadReport } from './read-file.ts';
import { storeImported, type Target } from './store-one.ts';

export { IMPORT_STATUS_LABELS, type ImportItem, type ImportStatus } from './item.ts';

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
  const reports: { index: number; path: string; parsed: ReadReport }[] = [];
  let done = 0;
  const finish = (index: number, item: ImportItem) => {
    items[index] = item;
    opts.onProgress?.(++done, files.length, item);
  };
  for (const [index, file] of files.entries()) {
    const read = await readImportFile(file, { limits: opts.limits });
    if (read.parsed) reports.push({ index, path: read.path, parsed: read.parsed });
    else finish(index, read.item);
  }
  for (const r of inYearOrder(reports)) {
    const { item, created } = await storeImported(db, ctx, { ...r, name: basename(r.path) }, (tx) => organizationFor(tx, r.parsed.report.agency), { draft: opts.draft });
    if (created) orgs = [...orgs, created]; // only once committed
    finish(r.index, item);
  }
  return items;

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
}
