// `gongkai report render <file.json> --to html|docx|xlsx|pdf -o <out>` — renders
// a report in canonical JSON in the national layout. Contract: exit 0 when the
// file was written (a PDF with characters its fonts lack is still written, with
// 〓 in their place and a 警告 naming each on stderr); 1 when the file cannot be
// made on this machine (the PDF fonts are missing: 错误 on stderr); 2 when the
// input is unreadable or not a valid report, or the invocation is wrong (reason
// in Chinese on stderr).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UnreadableInput } from '../../core/command-line.ts';
import type { ReportDocument } from '../render/document.ts';
import { PdfFontsMissing } from '../render/pdf-fonts.ts';
import { RENDER_TARGETS, isRenderTarget, renderReportFile } from '../render/render.ts';
import { readNarrativeFile, readReportFile } from './input.ts';

export const EXIT_OK = 0;
export const EXIT_CANNOT_RENDER = 1;
export const EXIT_UNREADABLE = 2;

export interface RenderOptions {
  to: string;
  output: string;
  /** A JSON object of the report's text by section: { "一": "…", "六": "…" }. */
  narrative?: string;
  title?: string;
}

export interface RenderOutcome {
  exitCode: number;
  stderr: string;
}

/** Everything the command does except exiting (tested directly and through the binary). */
export async function runRender(path: string, options: RenderOptions): Promise<RenderOutcome> {
  try {
    if (!isRenderTarget(options.to)) {
      throw new UnreadableInput(`不支持的输出格式“${options.to}”，可选：${RENDER_TARGETS.join('、')}`);
    }
    const doc: ReportDocument = { report: readReportFile(path).report };
    if (options.narrative) doc.narrative = readNarrativeFile(options.narrative);
    if (options.title) doc.title = options.title;
    const { file, warnings } = await renderReportFile(doc, options.to);
    try {
      writeFileSync(options.output, file);
    } catch (e) {
      throw new UnreadableInput(`无法写入 ${options.output}：${(e as Error).message}`);
    }
    return { exitCode: EXIT_OK, stderr: warnings.map((w) => `警告：${w}\n`).join('') };
  } catch (e) {
    if (e instanceof PdfFontsMissing) return { exitCode: EXIT_CANNOT_RENDER, stderr: `错误：${e.message}\n` };
    if (!(e instanceof UnreadableInput)) throw e;
    return { exitCode: EXIT_UNREADABLE, stderr: `${e.message}\n` };
  }
}

export function register(report: Command): void {
  report
    .command('render')
    .description('按国家规定格式输出年度报告：HTML、Word（docx）、Excel（xlsx）或 PDF')
    .argument('<file.json>', '年度报告文件（gongkai.annual-report/1）')
    .requiredOption('--to <format>', `输出格式：${RENDER_TARGETS.join(' | ')}`)
    .requiredOption('-o, --output <file>', '输出文件')
    .option('--narrative <file.json>', '报告正文，JSON 对象：{"一": "…", "六": "…"}')
    .option('--title <title>', '报告标题（默认：机关名称 + 年度 + 政府信息公开工作年度报告）')
    .exitOverride((err) => {
      // usage errors are "not a valid invocation": exit 2, like an unreadable file
      if (err.exitCode !== 0) process.stderr.write('命令参数不正确，用法见上。\n');
      process.exit(err.exitCode === 0 ? 0 : EXIT_UNREADABLE);
    })
    .action(async (file: string, options: RenderOptions) => {
      const outcome = await runRender(file, options);
      if (outcome.stderr) process.stderr.write(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}
