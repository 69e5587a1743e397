// `gongkai import <files or folders>`: stores published annual reports per agency and year.
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../../orgs/context.ts';
import { collectImportFiles } from './files.ts';
import { IMPORT_STATUS_LABELS, importDocuments, type ImportItem, type ImportStatus } from './run.ts';

export function summarizeImport(items: ImportItem[]): string {
  const count = (s: ImportStatus) => items.filter((i) => i.status === s).length;
  const lines = [
    `导入完成：共 ${items.length} 个文件；已导入 ${count('imported')}，已存在 ${count('unchanged')}，不是年度报告 ${count('not-a-report')}，失败 ${count('failed')}`,
  ];
  for (const i of items) {
    const file = relative(process.cwd(), i.path) || i.path;
    const checks = i.errors !== undefined ? `（错误 ${i.errors} 项，警告 ${i.warnings} 项）` : '';
    lines.push(`  [${IMPORT_STATUS_LABELS[i.status]}] ${file}：${i.message}${checks}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `gongkai import <paths...>` (the command is made by the program, src/app/cli.ts). */
export function register(command: Command): void {
  command
    .argument('<paths...>', '文件或文件夹')
    .option('--org <code>', '全部导入到该机构（不按文中机关名称匹配）')
    .option('--no-create-orgs', '文中机关与现有机构都不相符时不新建机构，记为失败')
    .option('--draft', '只保存为草稿，不发布（核对后在管理后台发布）')
    .option('--json', '以 JSON 输出每个文件的结果')
    .action((paths: string[], o: { org?: string; createOrgs: boolean; draft?: boolean; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const files = collectImportFiles(paths);
          const bar = process.stderr.isTTY && !o.json ? new cliProgress.SingleBar({ format: '导入中 [{bar}] {value}/{total} {file}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
          bar?.start(files.length, 0, { file: '' });
          const items = await importDocuments(db, cliContext(), files, {
            orgCode: o.org,
            createOrgs: o.createOrgs,
            draft: o.draft ?? false,
            onProgress: (done, _total, item) => bar?.update(done, { file: relative(process.cwd(), item.path) }),
          });
          bar?.stop();
          process.stdout.write(o.json ? `${JSON.stringify(items, null, 2)}\n` : summarizeImport(items));
          if (items.some((i) => i.status === 'failed')) process.exitCode = 1;
        }),
      ),
    );
}
