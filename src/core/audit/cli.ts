// `gongkai audit verify`
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../command-line.ts';
import { verifyAuditLog } from './log.ts';

/** `gongkai audit …` (the group is made by the program, src/app/cli.ts). */
export function register(audit: Command): void {
  audit
    .command('verify')
    .description('校验审计日志哈希链；发现篡改时指出第一条异常记录并以状态码 1 退出')
    .action(() =>
      runCommand(() =>
        withDatabase(async (db) => {
          const r = await verifyAuditLog(db);
          if (r.firstBreak) {
            process.stdout.write(`审计日志校验失败：第 ${r.firstBreak.id} 号记录异常：${r.firstBreak.reason}\n`);
            process.exitCode = 1;
            return;
          }
          process.stdout.write(`审计日志完整：共 ${r.entries} 条记录，${r.chains} 条哈希链，全部校验通过\n`);
        }),
      ),
    );
}
