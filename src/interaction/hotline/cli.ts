// `gongkai interaction import-12345 --org CODE FILE.xlsx` and `gongkai interaction export-12345 --org CODE
// --out FILE.xlsx [--layout original|standard] [--all]`: a 12345 platform's work-order export read as the
// console reads it (in the worker pool) and imported into the agency's messages, as the trusted operator
// (audited as the CLI user); and the orders answered in gongkai written back in the platform's layout.
// Exit 0 done (rows without 工单编号 are listed on stderr and not imported), 1 when the file cannot be
// read as an export, 2 when the file or the organization cannot be found.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { exportHotlineOrders } from './export.ts';
import { importHotlineOrders, reportLine } from './import.ts';

const fail = (message: string, code = 2) => {
  process.stderr.write(`错误：${message}\n`);
  process.exitCode = code;
};

/** Adds the 12345 commands to `gongkai interaction` (the group is made by the program, src/app/cli.ts). */
export function register(interaction: Command): void {
  interaction
    .command('import-12345 <file>')
    .description('导入 12345 热线平台导出的工单（.xlsx，每行一个工单）：按工单编号识别已导入的工单，不重复导入；平台已办结或已回访的更新答复和满意度')
    .requiredOption('--org <code>', '机构代码')
    .action((file: string, o: { org: string }) =>
      runCommand(async () => {
        let content: Buffer;
        try {
          content = await readFile(file);
        } catch {
          return fail(`无法读取文件 ${file}`);
        }
        await withDatabase(async (db) => {
          const org = await findOrgByCode(db, o.org);
          if (!org) return fail(`未找到代码为 ${o.org} 的机构`);
          const r = await importHotlineOrders(db, cliContext(), org.id, { fileName: basename(file), content });
          const lines = [reportLine(r), ...r.orders.filter((x) => x.status === 'updated').map((x) => `  更新：工单 ${x.orderNo}（${x.changes.join('、')}）`)];
          process.stdout.write(`${lines.join('\n')}\n`);
          if (r.problems.length) process.stderr.write(`未导入的行：\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
          if (r.warnings.length) process.stderr.write(`提示：\n${r.warnings.map((w) => `  ${w}`).join('\n')}\n`);
        });
      }),
    );
  interaction
    .command('export-12345')
    .description('导出在本平台答复的 12345 工单（.xlsx，按导入时的列或标准列），含答复内容、办结时间和状态，供上传回 12345 平台')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--out <file>', '输出文件（.xlsx）')
    .option('--layout <layout>', 'original 按导入文件的列（默认）；standard 按标准列', 'original')
    .option('--all', '导出全部已导入的工单（默认只导出在本平台答复、平台尚无答复的工单）')
    .action((o: { org: string; out: string; layout: string; all?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (o.layout !== 'original' && o.layout !== 'standard') return fail(`--layout 只能是 original 或 standard，收到：${o.layout}`);
          const org = await findOrgByCode(db, o.org);
          if (!org) return fail(`未找到代码为 ${o.org} 的机构`);
          const x = await exportHotlineOrders(db, cliContext(), org.id, { layout: o.layout, all: o.all === true });
          await writeFile(o.out, x.content);
          process.stdout.write(`已导出 ${x.count} 个工单到 ${o.out}\n`);
        }),
      ),
    );
}
