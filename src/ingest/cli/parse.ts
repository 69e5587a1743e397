// `gongkai report parse <file>...` — imports published annual reports (HTML,
// text, PDF, Word) into canonical JSON. Contract:
// - one file: its canonical JSON (spec/annual-report-json.md) on stdout;
//   several files: JSON Lines, one compact canonical JSON per parsed file, in
//   input order (files that fail have no line);
// - --explain: instead of JSON, for every cell where it came from and how sure
//   the parser is (Chinese text);
// - stderr: findings of the parser and the validator, one Chinese line each,
//   prefixed with the file; with --findings-json one JSON object per file;
//   a file that fails gets one line with the reason;
// - exit code: 0 parsed, 2 unreadable, 3 not an annual report; with several
//   files the largest of these (3 > 2 > 0). Usage errors exit 2.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toCanonicalJson, toCanonicalObject } from '../../report/model/canonical-json.ts';
import type { ParseOutcome } from '../parse-document.ts';
import { formatFinding } from '../../report/rules/rule.ts';
import { readFailureReason } from '../../core/command-line.ts';

export const EXIT_PARSED = 0;
export const EXIT_UNREADABLE = 2;
export const EXIT_NOT_A_REPORT = 3;

export interface ParseOptions {
  explain?: boolean;
  findingsJson?: boolean;
}

export interface ParseRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Each file is read in a worker process under the limits of the environment (GONGKAI_PARSE_*). */
async function parseFile(path: string): Promise<ParseOutcome> {
  const { parseDocumentIsolated } = await import('../isolated-parse.ts');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { kind: 'unreadable', reason: readFailureReason(e), contentHash: '' };
  }
  return parseDocumentIsolated(bytes, path);
}

const exitCodeOf = (o: ParseOutcome) => (o.kind === 'report' ? EXIT_PARSED : o.kind === 'unreadable' ? EXIT_UNREADABLE : EXIT_NOT_A_REPORT);

/** Everything the command does except writing and exiting (tested directly and through the bin). */
export async function runParse(files: readonly string[], options: ParseOptions = {}): Promise<ParseRun> {
  const { explainOutcome } = await import('../explain.ts');
  let stdout = '';
  let stderr = '';
  let exitCode = EXIT_PARSED;
  for (const file of files) {
    const outcome = await parseFile(file);
    exitCode = Math.max(exitCode, exitCodeOf(outcome));
    if (options.explain) stdout += (stdout ? '\n' : '') + explainOutcome(outcome, file);
    else if (outcome.kind === 'report') {
      stdout += files.length === 1 ? toCanonicalJson(outcome.report) : `${JSON.stringify(toCanonicalObject(outcome.report))}\n`;
    }
    if (options.findingsJson) {
      const findings = outcome.kind === 'report' ? outcome.findings.map(({ rule, severity, cells, message }) => ({ rule, severity, cells, message })) : [];
      const status = outcome.kind;
      stderr += `${JSON.stringify({ file, status, ...(outcome.kind !== 'report' ? { reason: outcome.reason } : {}), findings })}\n`;
    } else if (outcome.kind === 'report') {
      for (const f of outcome.findings) stderr += `${file}：${formatFinding(f)}\n`;
    } else {
      stderr += `${file}：${outcome.kind === 'unreadable' ? '无法读取' : '不是政府信息公开工作年度报告'}：${outcome.reason}\n`;
    }
  }
  return { exitCode, stdout, stderr };
}

export function register(report: Command): void {
  report
    .command('parse')
    .description('读取已发布的年度报告（HTML、文本、PDF、Word），输出 canonical JSON（表二、表三、表四）')
    .argument('<file...>', '报告文件：.html/.htm、.txt、.pdf（文字版）、.docx')
    .option('--explain', '不输出 JSON，改为逐格说明来源（行号、表格行列、PDF 页和位置）和可信程度（确定、推算、不确定）')
    .option('--findings-json', '检查结果以 JSON 写到标准错误输出：每个文件一行 {file, status, reason?, findings}')
    .addHelpText(
      'after',
      `
输出：一个文件时，标准输出为该报告的 canonical JSON（gongkai.annual-report/1）；
多个文件时为 JSON Lines，每个读取成功的文件一行（按输入顺序，失败的文件没有行）。
--explain 时标准输出改为逐格说明，不输出 JSON。
解析器和校验器的检查结果写到标准错误输出，每条一行，前缀为文件名。
退出码：0 读取成功；2 无法读取（文件不存在、格式不支持、文件损坏、加密或扫描版 PDF）；
3 不是政府信息公开工作年度报告。多个文件时取其中最大的退出码（3 > 2 > 0）。
每个文件在独立的进程中读取：超过 GONGKAI_PARSE_TIMEOUT_SECONDS（默认 10 秒）或
GONGKAI_PARSE_MEMORY_MB（默认 512 MB 内存）的文件记为无法读取（退出码 2）。`,
    )
    .exitOverride((err) => {
      // usage errors are "not a valid invocation": exit 2, like an unreadable file
      process.exit(err.exitCode === 0 ? 0 : EXIT_UNREADABLE);
    })
    .action(async (files: string[], options: ParseOptions) => {
      const run = await runParse(files, options);
      if (run.stdout) process.stdout.write(run.stdout);
      if (run.stderr) process.stderr.write(run.stderr);
      process.exitCode = run.exitCode;
    });
}
