// `gongkai report check <file.json> [--json]` — validates a report in canonical
// JSON. Contract: findings in Chinese, one per line, then a summary; with --json
// an array of { rule, severity, cells, message }. Exit code 0 without errors,
// 1 with at least one error-level finding, 2 when the file is unreadable or not
// a valid report (reason on stderr).
import type { Command } from 'commander';
import { UnreadableInput } from '../../core/command-line.ts';
import { narrativeBySection, type AnnualReport } from '../model/report.ts';
import { hasErrors, validateReport } from '../rules/validate.ts';
import { formatFinding, type Finding } from '../rules/rule.ts';
import { readNarrativeFile, readReportFile } from './input.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

export interface CheckOptions {
  json?: boolean;
  /** The same agency's report for the year before (cross-year rules). */
  previous?: string;
  /** A JSON object of the report's text by section: { "一": "…", "六": "…" }. */
  narrative?: string;
}

export interface CheckOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function formatSummary(report: AnnualReport, path: string, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const who = `${report.agency ?? '（未注明机关）'} ${report.year} 年度报告（${report.format} 格式）`;
  return findings.length === 0
    ? `${path}：${who}，未发现问题。`
    : `${path}：${who}，共 ${findings.length} 条：错误 ${errors} 条，警告 ${warnings} 条。`;
}

/** Everything the command does except printing and exiting (tested directly). */
export function runCheck(path: string, options: CheckOptions = {}): CheckOutcome {
  let findings: Finding[];
  let report: AnnualReport;
  try {
    const read = readReportFile(path);
    report = read.report;
    const previous = options.previous ? readReportFile(options.previous, '上一年度报告').report : null;
    // the text to check: the --narrative file, else the report's own "narrative"
    const narrative = options.narrative ? readNarrativeFile(options.narrative) : read.narrative && narrativeBySection(read.narrative);
    findings = validateReport(report, { previous, narrative });
  } catch (e) {
    if (!(e instanceof UnreadableInput)) throw e;
    return { exitCode: EXIT_UNREADABLE, stdout: '', stderr: `${e.message}\n` };
  }
  const stdout = options.json
    ? `${JSON.stringify(
        findings.map(({ rule, severity, cells, message }) => ({ rule, severity, cells, message })),
        null,
        2,
      )}\n`
    : [...findings.map(formatFinding), formatSummary(report, path, findings)].join('\n') + '\n';
  return { exitCode: hasErrors(findings) ? EXIT_FINDINGS : EXIT_OK, stdout, stderr: '' };
}

export function register(report: Command): void {
  report
    .command('check')
    .description('检查年度报告（canonical JSON）是否符合国家格式和各项勾稽、合计规则')
    .argument('<file.json>', '年度报告文件（gongkai.annual-report/1）')
    .option('--json', '以 JSON 数组输出检查结果')
    .option('--previous <file.json>', '同一机关上一年度的报告，用于跨年度检查')
    .option('--narrative <file.json>', '报告正文，JSON 对象：{"一": "…", "六": "…"}，用于正文与表格一致性检查')
    .exitOverride((err) => {
      // usage errors are "not a valid invocation": exit 2, like an unreadable file
      process.exit(err.exitCode === 0 ? 0 : EXIT_UNREADABLE);
    })
    .action((file: string, options: CheckOptions) => {
      const outcome = runCheck(file, options);
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}
