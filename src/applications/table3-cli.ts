// `gongkai report compute --org <code> --year <yyyy> [--store]` (issue 5 §6, a contract): prints the
// organization's annual report of that year as canonical JSON with table 3 computed from the cases.
// The base is the stored report's current version (its other tables and narrative kept as they are)
// or, when there is none, a blank report in the layout of that year. The findings of the result go to
// stderr; with --store the computed table 3 is also saved into the report draft as a new version.
// Exit 0 with the JSON (whatever the findings: 勾稽 holds by construction); 1 with a Chinese message
// when the organization is unknown or the year is not a four-digit year.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { cliContext } from '../orgs/context.ts';
import type { Queryable } from '../core/db/database.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { formatFinding } from '../report/rules/rule.ts';
import { findingsFor } from '../report/commands.ts';
import { blankReport } from '../report/model/blank-report.ts';
import { toCanonicalJson } from '../report/model/canonical-json.ts';
import { formatForYear } from '../report/model/layout.ts';
import type { AnnualReport } from '../report/model/report.ts';
import { findReportByOrgYear, findVersion, type ReportNarrative } from '../report/store.ts';
import { storeTable3InDraft, table3ForYear } from './table3-report.ts';

/** The stored report of the year (current version) or a blank one, with its narrative. */
async function baseReport(db: Queryable, orgId: number, year: number, agency: string): Promise<{ report: AnnualReport; narrative: ReportNarrative; stored: boolean }> {
  const stored = await findReportByOrgYear(db, orgId, year);
  const version = stored ? await findVersion(db, stored.id, stored.currentVersion) : null;
  if (version) return { report: version.report, narrative: version.narrative, stored: true };
  const format = formatForYear(year);
  const report = format === '2021' ? blankReport('2021', year, agency) : blankReport('2019', year, agency);
  return { report, narrative: {}, stored: false };
}

/** `gongkai report compute` (the group is made by the program, src/app/cli.ts). */
export function register(report: Command): void {
  report
    .command('compute')
    .description('由依申请公开案件计算年度报告表三，输出 canonical JSON（--store 同时存入报告草稿）')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <yyyy>', '报告年度')
    .option('--store', '把计算出的表三保存为该年度报告的新版本')
    .action((o: { org: string; year: string; store?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`报告年度应为四位数字，例如 2024，而不是“${o.year}”`);
          const year = Number(o.year);
          const org = await findOrgByCode(db, o.org);
          if (!org) throw new Error(`未找到代码为 ${o.org} 的机构`);
          if (o.store) await storeTable3InDraft(db, cliContext(), org.id, year);
          const base = await baseReport(db, org.id, year, org.fullName);
          const { table3 } = await table3ForYear(db, org.id, year, base.report.format);
          const report = { ...base.report, table3 } as AnnualReport;
          const findings = await findingsFor(db, org.id, report, base.narrative);
          process.stdout.write(toCanonicalJson(report));
          const errors = findings.filter((f) => f.severity === 'error').length;
          const where = o.store ? '已保存为报告草稿的新版本' : base.stored ? '以已保存的报告为底稿，未保存' : '该年度尚无报告，以空白报告为底稿，未保存';
          const lines = [
            `${org.fullName} ${year} 年度报告：表三由依申请公开案件计算（${where}）。检查结果：错误 ${errors} 条，警告 ${findings.length - errors} 条。`,
            ...findings.map(formatFinding),
          ];
          process.stderr.write(`${lines.join('\n')}\n`);
        }),
      ),
    );
}
