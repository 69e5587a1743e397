// `gongkai report …`: the command group of the annual report. Each sub-command
// lives in its own file under cli/ and exports register(report: Command).
// cli/render.ts (the renderers) is picked up when present.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import * as check from './cli/check.ts';
import * as parse from './cli/parse.ts';
import * as exportCommand from './cli/export.ts';
import * as importCommand from './cli/import.ts';

interface SubCommandModule {
  register(report: Command): void;
}

const OPTIONAL = ['./cli/render.ts'];
const optional: SubCommandModule[] = [];
for (const path of OPTIONAL) {
  const url = new URL(path, import.meta.url);
  if (existsSync(fileURLToPath(url))) optional.push((await import(url.href)) as SubCommandModule);
}

const SUBCOMMANDS: readonly SubCommandModule[] = [check, parse, exportCommand, importCommand, ...optional];

/** The `report` command group of the program, created on first use. */
export function reportCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'report') ??
    program
      .command('report')
      .description('政府信息公开工作年度报告：check 检查、parse 解析已公布的原文（HTML、TXT、PDF、DOCX）、import 导入 canonical JSON、export 导出、render 生成 HTML/DOCX/XLSX/PDF；批量导入原文用 gongkai import')
  );
}

export function register(program: Command): void {
  const report = reportCommand(program);
  for (const m of SUBCOMMANDS) m.register(report);
}
