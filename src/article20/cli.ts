// `gongkai article20 import <file.xlsx> --org <code> [--category licensing|penalty|coercion] [--dry-run]` and
// `gongkai article20 confirm --org <code> --year <yyyy>`: the 双公示 export read as the console reads it
// (in the worker pool), every row's fate printed; nothing added when a row has an error. As the trusted
// operator (audited as the CLI user). Exit 0 done or checked without errors, 1 with the problems on
// stderr, 2 when the file or the organization cannot be found.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { cliContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { confirmEntries, confirmImport, previewImport } from './commands.ts';
import { CATEGORY_LABELS } from './model.ts';

export function register(article20: Command): void {
  article20
    .command('import <file>')
    .description('导入双公示系统导出的决定（.xlsx，每行一件：决定文书号、决定日期、类别）：先检查，全部无误才导入；文书号重复的不重复计入')
    .requiredOption('--org <code>', '机构代码')
    .option('--category <kind>', '文件没有“类别”列时，这些决定的类别：licensing 行政许可、penalty 行政处罚、coercion 行政强制')
    .option('--dry-run', '只检查，不导入')
    .action((file: string, o: { org: string; category?: string; dryRun?: boolean }) =>
      runCommand(async () => {
        let content: Buffer;
        try {
          content = await readFile(file);
        } catch {
          process.stderr.write(`错误：无法读取文件 ${file}\n`);
          process.exitCode = 2;
          return;
        }
        await withDatabase(async (db) => {
          const org = await findOrgByCode(db, o.org);
          if (!org) {
            process.stderr.write(`错误：未找到代码为 ${o.org} 的机构\n`);
            process.exitCode = 2;
            return;
          }
          const ctx = cliContext();
          const preview = await previewImport(db, ctx, org.id, { fileName: basename(file), content }, { category: o.category });
          const { add, duplicates, errors } = preview.plan;
          const lines = [
            `${preview.fileName}：可新增 ${add.length} 件${add.length ? `（${Object.entries(CATEGORY_LABELS).map(([k, label]) => [label, add.filter((d) => d.category === k).length] as const).filter(([, n]) => n).map(([label, n]) => `${label} ${n} 件`).join('，')}）` : ''}，重复 ${duplicates.length} 件，有误 ${errors.length} 行。`,
            ...duplicates.map((d) => `  重复：${d.sheet} 第${d.row}行 ${d.docNumber}（${d.reason === 'stored' ? '已导入过' : `与${d.firstRow ? `第${d.firstRow.row}行` : '本文件前文'}重复`}）`),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
          if (errors.length) {
            process.stderr.write(`未导入：${errors.length} 行有误，请改正后重新导入\n${errors.map((e) => `  ${e.sheet} 第${e.row}行：${e.message}`).join('\n')}\n`);
            process.exitCode = 1;
            return;
          }
          if (o.dryRun || add.length === 0) return;
          const done = await confirmImport(db, ctx, org.id, preview.previewId);
          process.stdout.write(`已导入 ${done.added} 件（录入，待负责人确认后计入年度报告）。\n`);
        });
      }),
    );
  article20
    .command('confirm')
    .description('确认一年中全部待确认的第二十条事项记录（负责人确认后计入年度报告）')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <yyyy>', '年度')
    .action((o: { org: string; year: string }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const org = await findOrgByCode(db, o.org);
          if (!org) throw new Error(`未找到代码为 ${o.org} 的机构`);
          const n = await confirmEntries(db, cliContext(), org.id, { year: o.year });
          process.stdout.write(`已确认 ${org.fullName} ${o.year} 年：决定 ${n.decisions} 件，手工统计 ${n.counts} 条，收费 ${n.fees} 笔，项目数量 ${n.items} 条，政府集中采购 ${n.procurement} 条。\n`);
        }),
      ),
    );
}
