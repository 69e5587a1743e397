// The second half of an import: one report read from a file stored in the organization its
// caller resolves, in one transaction (an organization created for it is rolled back with it),
// as printed with its findings and published (the document is public already; `draft` keeps it
// for review). The same file imported again changes nothing (content hash). Shared by
// `gongkai import` and the API (organization by the printed name, run.ts) and the console's
// confirmation of a preview (organization chosen by the user, confirm.ts).
import type { CommandContext } from '../../orgs/context.ts';
import type { Database, Queryable } from '../../core/db/database.ts';
import type { Organization } from '../../orgs/model.ts';
import { agencyDiffers } from '../../orgs/name-match.ts';
import { importPublishedReportIn, type PublishedImportResult } from '../../report/commands.ts';
import type { ImportItem } from './item.ts';
import type { ReadReport } from './read-file.ts';

/** Where a report goes: an organization (created for it or not), or why it cannot be stored. */
export type Target = { org: Organization; created: boolean } | { problem: string };

export interface StoredOne {
  item: ImportItem;
  /** The organization created for this report, once committed. */
  created: Organization | null;
}

export async function storeImported(
  db: Database,
  ctx: CommandContext,
  file: { path: string; name: string; parsed: ReadReport },
  targetIn: (tx: Queryable) => Promise<Target>,
  opts: { draft?: boolean } = {},
): Promise<StoredOne> {
  const { path, parsed } = file;
  let stored: { org: Organization; created: boolean; result: PublishedImportResult } | { problem: string };
  try {
    stored = await db.transaction(async (tx) => {
      const target = await targetIn(tx);
      if ('problem' in target) return target;
      const result = await importPublishedReportIn(
        tx,
        ctx,
        {
          orgId: target.org.id,
          report: parsed.report,
          narrative: parsed.narrative.sections,
          parserFindings: parsed.findings.filter((f) => f.rule.startsWith('ingest.')),
          sourceName: file.name,
          contentHash: parsed.contentHash,
        },
        { draft: opts.draft ?? false },
      );
      return { ...target, result };
    });
  } catch (e) {
    return { item: { path, status: 'failed', message: (e as Error).message, year: parsed.report.year }, created: null };
  }
  if ('problem' in stored) return { item: { path, status: 'failed', message: stored.problem, year: parsed.report.year }, created: null };
  const { org, created, result } = stored;
  const findings = result.version.findings;
  const where = `${org.fullName} ${parsed.report.year} 年度报告`;
  const notes = [
    created ? `新建机构“${org.fullName}”（代码 ${org.code}）` : null,
    // a chosen organization (--org, orgCode, the console's choice) whose name is not the printed one
    agencyDiffers(parsed.report.agency, org) ? `注意：文中机关为“${parsed.report.agency}”，与机构“${org.fullName}”不一致` : null,
  ].filter((n): n is string => n !== null);
  const what = result.unchanged
    ? `${where}：此前已导入同一文件，未作改动`
    : `${where}：已导入为第 ${result.version.version} 版，${result.published ? '已发布' : (result.keptDraft ?? '保存为草稿（未发布）')}`;
  return {
    created: created ? org : null,
    item: {
      path,
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
    },
  };
}
