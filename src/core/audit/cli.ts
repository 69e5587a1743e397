// `gongkai audit verify` and `gongkai audit export`
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readInputFile, runCommand, UnreadableInput, withDatabase } from '../command-line.ts';
import { assertDate } from '../date.ts';
import { checkpointsSince, writeCheckpoint } from './checkpoints.ts';
import { parseExportedCheckpoints, exportLine } from './export.ts';
import { auditLogIntact, verifyAuditLog } from './verify.ts';

/** `gongkai audit …` (the group is made by the program, src/app/cli.ts). */
export function register(audit: Command): void {
  audit
    .command('verify')
    .description('校验审计日志：哈希链、每条记录与链头的签名、检查点；发现篡改时逐条指出并以状态码 1 退出')
    .option('--against <文件>', '同时核对以前用 audit export 导出、异地保存的检查点（JSON Lines）')
    .action((opts: { against?: string }) =>
      runCommand(async () => {
        const exported = opts.against ? parseExportedCheckpoints(readInputFile(opts.against, '检查点文件').toString('utf8'), opts.against) : [];
        await withDatabase(async (db) => {
          const r = await verifyAuditLog(db, { exported });
          if (!auditLogIntact(r)) {
            const lines = [
              ...(r.firstBreak ? [`第 ${r.firstBreak.id} 号记录异常：${r.firstBreak.reason}`] : []),
              ...r.checkpointProblems,
            ];
            process.stdout.write(`审计日志校验失败：\n${lines.map((l) => `  - ${l}`).join('\n')}\n`);
            process.exitCode = 1;
            return;
          }
          const against = exported.length ? `，与导出的 ${exported.length} 个检查点一致` : '';
          process.stdout.write(`审计日志完整：共 ${r.entries} 条记录，${r.chains} 条哈希链，${r.checkpoints} 个检查点${against}，全部校验通过\n`);
        });
      }),
    );

  audit
    .command('export')
    .description('导出已签名的检查点（JSON Lines），供异地保存；导出前先为当前链头写入一个检查点')
    .requiredOption('--since <日期>', '导出该日（含）以来的检查点，格式 YYYY-MM-DD')
    .option('--out <文件>', '写入文件（默认输出到标准输出）')
    .action((opts: { since: string; out?: string }) =>
      runCommand(async () => {
        let since: string;
        try {
          since = assertDate(opts.since);
        } catch {
          throw new UnreadableInput(`--since 须为日期（YYYY-MM-DD），收到“${opts.since}”`);
        }
        await withDatabase(async (db) => {
          await db.transaction((tx) => writeCheckpoint(tx));
          // The day starts at midnight China time, as every date in the system.
          const checkpoints = await checkpointsSince(db, new Date(`${since}T00:00:00+08:00`));
          const text = checkpoints.map(exportLine).join('');
          if (opts.out) {
            writeFileSync(opts.out, text);
            process.stderr.write(`已导出 ${checkpoints.length} 个检查点到 ${opts.out}\n`);
          } else process.stdout.write(text);
        });
      }),
    );
}
