// `gongkai report compute --org <code> --year <yyyy> [--store] [--explain]` (issue 5 §6, widened by issue
// 16 §3; a contract): prints the organization's annual report of that year as canonical JSON, every table
// computed from the records (REPORT_PARTS) and with its `narrative` drafted from them. Hand overrides of
// the stored report's current version are applied (and named by --explain); nothing typed into tables
// earlier is used. The findings go to stderr; with --store the result is saved as a new version (生成).
// Exit 0 with the JSON whatever the findings; 1 with a Chinese message when the organization is unknown
// or the year is not a four-digit year.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { cliContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { assembleReport, type AssembledReport } from '../report/assembly/assemble.ts';
import { generateReport } from '../report/assembly/commands.ts';
import { findingsFor } from '../report/commands.ts';
import { toCanonicalJson } from '../report/model/canonical-json.ts';
import { cellValue } from '../report/model/cells.ts';
import { canonicalNarrative } from '../report/model/report.ts';
import { formatFinding } from '../report/rules/rule.ts';
import { findReportByOrgYear, findVersion } from '../report/store.ts';
import { REPORT_PARTS } from './report-parts.ts';

/** --explain: one line per cell that has a source or an override; an override says so, with its reason. */
function explanation(a: AssembledReport): string[] {
  const overridden = new Map(a.overrides.map((o) => [o.cell, o]));
  const lines = a.cellSources.map((s) => {
    const o = overridden.get(s.cell);
    const mark = o ? `［手工修改为 ${o.value}，原因：${o.reason}（${o.byName}）］` : '';
    return `${s.cell} = ${o ? o.computed : cellValue(a.report, s.cell)}：${s.description}${mark}`;
  });
  const unsourced = a.overrides.filter((o) => !a.cellSources.some((s) => s.cell === o.cell));
  return [...lines, ...unsourced.map((o) => `${o.cell} = ${o.computed}：无记录［手工修改为 ${o.value}，原因：${o.reason}（${o.byName}）］`)];
}

export function register(report: Command): void {
  report
    .command('compute')
    .description('由主动公开目录、第二十条台账、依申请公开案件和复议诉讼台账生成年度报告（表二、表三、表四和正文），输出 canonical JSON')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <yyyy>', '报告年度')
    .option('--store', '保存为该年度报告的新版本（生成）')
    .option('--explain', '在标准错误输出中列出每个单元格的数据来源和手工修改')
    .action((o: { org: string; year: string; store?: boolean; explain?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`报告年度应为四位数字，例如 2024，而不是“${o.year}”`);
          const year = Number(o.year);
          const org = await findOrgByCode(db, o.org);
          if (!org) throw new Error(`未找到代码为 ${o.org} 的机构`);
          if (o.store) await generateReport(db, cliContext(), org.id, year, REPORT_PARTS);
          const stored = await findReportByOrgYear(db, org.id, year);
          const current = stored ? await findVersion(db, stored.id, stored.currentVersion) : undefined;
          const assembled = await assembleReport(db, {
            orgId: org.id, agency: org.fullName, year, parts: REPORT_PARTS, overrides: current?.overrides ?? [], keep: current?.narrative ?? {},
          });
          const findings = await findingsFor(db, org.id, assembled.report, assembled.narrative);
          process.stdout.write(toCanonicalJson(assembled.report, canonicalNarrative(assembled.narrative)));
          const errors = findings.filter((f) => f.severity === 'error').length;
          const where = o.store ? '已保存为报告的新版本' : '未保存';
          const lines = [
            `${org.fullName} ${year} 年度报告：表二、表三、表四和正文由记录生成（${REPORT_PARTS.map((p) => p.name).join('、')}；${where}）。` +
              `${assembled.overrides.length ? `其中 ${assembled.overrides.length} 个单元格为手工修改。` : ''}检查结果：错误 ${errors} 条，警告 ${findings.length - errors} 条。`,
            ...findings.map(formatFinding),
            ...(o.explain ? ['数据来源：', ...explanation(assembled)] : []),
          ];
          process.stderr.write(`${lines.join('\n')}\n`);
        }),
      ),
    );
}
