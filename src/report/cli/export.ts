// `gongkai report export --org <code> --year <yyyy> [--published]` — prints a stored report as
// canonical JSON (spec/annual-report-json.md) on stdout: its current version, or with
// --published the version the portal shows. Contract: exit 0 with the JSON; exit 1 with a
// Chinese message on stderr when the organization or the report (version) does not exist.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { toCanonicalJson } from '../model/canonical-json.ts';
import { canonicalNarrative } from '../model/report.ts';
import { findReportByOrgYear, findVersion } from '../store.ts';

export function register(report: Command): void {
  report
    .command('export')
    .description('导出已保存的年度报告（canonical JSON，输出到标准输出）')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <yyyy>', '报告年度')
    .option('--published', '导出已发布的版本（默认为当前版本）')
    .action((o: { org: string; year: string; published?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`报告年度应为四位数字，例如 2024，而不是“${o.year}”`);
          const org = await findOrgByCode(db, o.org);
          if (!org) throw new Error(`未找到代码为 ${o.org} 的机构`);
          const stored = await findReportByOrgYear(db, org.id, Number(o.year));
          if (!stored) throw new Error(`${org.fullName}没有 ${o.year} 年度报告`);
          const number = o.published ? stored.publishedVersion : stored.currentVersion;
          if (number === null) throw new Error(`${org.fullName} ${o.year} 年度报告尚未发布`);
          const version = (await findVersion(db, stored.id, number))!;
          process.stdout.write(toCanonicalJson(version.report, canonicalNarrative(version.narrative)));
        }),
      ),
    );
}
