// The console's second step: the reports of a staged upload (staging.ts) stored into the
// organizations the user chose in the preview (targets.ts). Every choice is checked before
// anything is stored, so a choice outside the user's region refuses the whole confirmation
// (403) and the preview stays to be corrected; then the staged upload is taken, once, and each
// report stored as `gongkai import` stores it (store-one.ts).
import type { Database, Queryable } from '../../core/db/database.ts';
import { conflict, DomainError, forbidden, invalid } from '../../core/errors.ts';
import type { CommandContext } from '../../orgs/context.ts';
import type { Organization } from '../../orgs/model.ts';
import type { Staff } from '../../orgs/staff/model.ts';
import { canEnterOrg, inSubtree } from '../../orgs/staff/scope.ts';
import { findOrgByCode, findOrgByFullName, findOrgById } from '../../orgs/store.ts';
import { reportPolicy } from '../../report/policy.ts';
import { createImportedOrgIn } from './imported-org.ts';
import type { ImportItem } from './item.ts';
import { inYearOrder, type ReadFile, type ReadReport } from './read-file.ts';
import { STAGING_HOURS, takeStagedImport } from './staging.ts';
import { storeImported, type Target } from './store-one.ts';
import { readChoice } from './targets.ts';

/** A preview that expired, was confirmed already, or is another user's (they are not told apart). */
export const stalePreview = () =>
  new DomainError('NOT_FOUND', `导入预览已失效：预览只保留 ${STAGING_HOURS} 小时、只能确认一次，且只能由上传文件的用户确认。请重新上传文件。`);

type Resolved = { kind: 'org'; org: Organization } | { kind: 'new'; name: string; parent: Organization };

/** The target of every report of the upload, checked against the user's region; throws the first problem. */
export async function resolveChoices(db: Queryable, staff: Staff, files: readonly ReadFile[], form: Readonly<Record<string, unknown>>): Promise<Map<number, Resolved>> {
  const home = (await findOrgById(db, staff.homeOrgId))!;
  const out = new Map<number, Resolved>();
  for (const [index, file] of files.entries()) {
    if (!file.parsed) continue;
    const choice = readChoice(form, index, file.path);
    if ('problem' in choice) throw invalid(choice.problem);
    if (choice.kind === 'org') {
      const org = await findOrgByCode(db, choice.code);
      // an organization outside the region is not named back: its code is what the user sent
      if (!org || !canEnterOrg(staff, org) || !reportPolicy.importPublished(staff, org)) {
        throw forbidden(`代码为 ${choice.code} 的机构不在您可管理的机构范围内，未导入任何文件`);
      }
      out.set(index, { kind: 'org', org });
      continue;
    }
    if (!reportPolicy.importPublished(staff, home)) throw forbidden('只有系统管理员和监督员可以导入已公布的年度报告');
    const same = await findOrgByFullName(db, choice.name);
    if (same && inSubtree(staff, same)) throw invalid(`机构“${choice.name}”已存在：请为文件“${file.path}”选择“导入到本区域的机构”中的它`);
    if (same) throw conflict(`已有名为“${choice.name}”的机构，不在您可管理的范围内：请为文件“${file.path}”另取新机构的名称，或导入到本区域的机构`);
    out.set(index, { kind: 'new', name: choice.name, parent: home });
  }
  return out;
}

/** Stores the staged upload `token` (`staged` is what the route read of it) as the form chooses. */
export async function confirmStagedImport(
  db: Database,
  ctx: CommandContext & { staff: Staff },
  token: string,
  staged: readonly ReadFile[],
  form: Readonly<Record<string, unknown>>,
  opts: { draft: boolean },
): Promise<ImportItem[]> {
  const targets = await resolveChoices(db, ctx.staff, staged, form);
  const files = await takeStagedImport(db, token, ctx.staff.userId);
  if (!files) throw stalePreview();
  const items: ImportItem[] = new Array(files.length);
  const reports: { index: number; path: string; parsed: ReadReport }[] = [];
  for (const [index, f] of files.entries()) {
    if (f.parsed) reports.push({ index, path: f.path, parsed: f.parsed });
    else items[index] = f.item;
  }
  for (const r of inYearOrder(reports)) {
    const target = targets.get(r.index)!;
    const { item } = await storeImported(db, ctx, { ...r, name: r.path }, (tx) => targetIn(tx, ctx, target), opts);
    items[r.index] = item;
  }
  return items;
}

async function targetIn(tx: Queryable, ctx: CommandContext, target: Resolved): Promise<Target> {
  if (target.kind === 'org') return { org: target.org, created: false };
  // two files of one upload may name the same new organization: the second finds the first's
  const made = await findOrgByFullName(tx, target.name);
  if (made && made.path.startsWith(target.parent.path)) return { org: made, created: false };
  return { org: await createImportedOrgIn(tx, ctx, target.name, target.parent), created: true };
}
