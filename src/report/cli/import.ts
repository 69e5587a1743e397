// `gongkai report import <file.json> --org <code> [--note <text>]` — stores a report in
// canonical JSON for an organization: a new report for its year, or a new version of the
// existing one. Stored as printed, findings recorded. Contract: prints what it did and the
// error/warning counts (then one line per finding), exit 0; the same file imported before
// (same content) changes nothing, exit 0; exit 2 when the file is unreadable or not a valid
// report (the messages of `report check`); exit 1 for anything else (unknown organization).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { runCommand, UnreadableInput, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../../orgs/context.ts';
import { agencyDiffers } from '../../orgs/name-match.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { importReport } from '../commands.ts';
import { formatFinding } from '../rules/rule.ts';
import { EXIT_UNREADABLE } from './check.ts';
import { readReportFile } from './input.ts';
import { narrativeBySection } from '../model/report.ts';

export function register(report: Command): void {
  report
    .command('import')
    .description('导入年度报告（canonical JSON）并保存：新建该年度的报告，或保存为已有报告的新版本')
    .argument('<file.json>', '年度报告文件（gongkai.annual-report/1）')
    .requiredOption('--org <code>', '报告所属机构的代码')
    .option('--note <text>', '版本说明')
    .action((file: string, o: { org: string; note?: string }) => {
      let read: ReturnType<typeof readReportFile>;
      try {
        read = readReportFile(file);
      } catch (e) {
        if (!(e instanceof UnreadableInput)) throw e;
        process.stderr.write(`${e.message}\n`);
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      return runCommand(() =>
        withDatabase(async (db) => {
          const org = await findOrgByCode(db, o.org);
          if (!org) throw new Error(`未找到代码为 ${o.org} 的机构`);
          if (agencyDiffers(read.report.agency, org)) {
            process.stderr.write(`注意：报告中的机关名称“${read.report.agency}”与机构“${org.fullName}”（${org.code}）不一致，请确认 --org 是否正确\n`);
          }
          const result = await importReport(db, cliContext(), {
            orgId: org.id,
            report: read.report,
            ...(read.narrative ? { narrative: narrativeBySection(read.narrative) } : {}),
            note: o.note ?? '',
            sourceName: basename(file),
            contentHash: createHash('sha256').update(read.bytes).digest('hex'),
          });
          const r = read.report;
          const what = `${org.fullName} ${r.year} 年度报告（${r.format} 格式）`;
          const v = result.version;
          const lines = [
            result.unchanged
              ? `${what}：该文件已导入过（第 ${v.version} 版），未作更改。`
              : `已导入 ${what}：${result.created ? '新建报告，' : '保存为'}第 ${v.version} 版。`,
            `检查结果：错误 ${v.errorCount} 条，警告 ${v.warningCount} 条。`,
            ...v.findings.map(formatFinding),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }),
      );
    });
}
