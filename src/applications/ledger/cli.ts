// `gongkai applications import-ledger <file.xlsx> --org <code> [--dry-run] [--json]`: imports a
// 依申请公开台账 into an organization as the trusted operator (audited as the CLI user). Exit 0 when
// imported or checked without errors (or the same file was imported before), 1 with the errors per
// row on stderr when nothing was imported, 2 when the file or the organization cannot be found.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { STATE_LABELS, type CaseState } from '../model.ts';
import { importLedger } from './import.ts';
import type { LedgerImportReport } from './model.ts';

function print(r: LedgerImportReport): void {
  const out: string[] = [];
  if (r.duplicateOf) {
    out.push(`该文件（内容完全相同）已于 ${r.duplicateOf.at} 由 ${r.duplicateOf.actorName} 导入（导入记录 ${r.duplicateOf.importId}），本次未作任何更改。`);
  } else if (r.ok) {
    const verb = r.dryRun ? '检查通过（未导入）' : '已导入';
    out.push(`${verb}：${r.fileName}，共 ${r.rowsRead} 行；${r.dryRun ? '将新建' : '新建'} ${r.created} 件，${r.dryRun ? '将续办' : '续办'} ${r.updated} 件，已导入过未变化 ${r.unchanged} 件。`);
    for (const row of r.rows.filter((x) => x.status !== 'unchanged')) {
      out.push(`  ${row.sheet} 第${row.row}行 → ${row.receiptNo ?? '（新建）'} ${row.status === 'created' ? '新建' : '续办'}，状态：${STATE_LABELS[row.state as CaseState] ?? row.state}`);
    }
  }
  for (const w of r.warnings) out.push(`提示：${w}`);
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  if (!r.ok) {
    process.stderr.write(`${r.dryRun ? '检查未通过' : '未导入任何申请'}：${r.fileName} 中有 ${r.errors.length} 处问题\n${r.messages.map((m) => `  ${m}`).join('\n')}\n`);
  }
}

/** `gongkai applications import-ledger` (the group is made by the program, src/app/cli.ts). */
export function register(applications: Command): void {
  applications
    .command('import-ledger <file>')
    .description('导入依申请公开台账（.xlsx）：全部行无误才导入，逐行报告错误；同一文件或已导入的行不重复建案')
    .requiredOption('--org <code>', '导入到的机构代码')
    .option('--dry-run', '只检查，不导入')
    .option('--json', '以 JSON 输出导入报告')
    .action((file: string, o: { org: string; dryRun?: boolean; json?: boolean }) =>
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
          const report = await importLedger(db, cliContext(), org.id, { fileName: basename(file), content }, { dryRun: o.dryRun === true });
          if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else print(report);
          if (!report.ok) process.exitCode = 1;
        });
      }),
    );
}
