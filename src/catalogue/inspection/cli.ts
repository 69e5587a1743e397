// `gongkai catalogue inspect --org CODE [--links] [--json]`: runs an inspection of an agency's catalogue
// as the trusted operator (stored and audited like one started in the console) and prints its findings
// grouped by rule. --links asks the external links over HTTP even when GONGKAI_LINK_CHECK is not on;
// without it (and without the setting) they are 未检查. Exit 0 when done, whatever was found;
// 2 for an unknown organization.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { loadConfig } from '../../core/config.ts';
import { cliContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { runInspection } from './commands.ts';
import { INSPECTION_RULE_LABELS, INSPECTION_RULES } from './store.ts';
import type { UnansweredMessagesCount } from './unanswered.ts';

export interface Output {
  out(s: string): void;
  err(s: string): void;
}

const STD: Output = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/**
 * `gongkai catalogue` (the group is made by the program, src/app/cli.ts, which gives the messages module's
 * §D.4 count as `unansweredMessages`). `io`: for tests.
 */
export function register(catalogue: Command, unansweredMessages: UnansweredMessagesCount, io: Output = STD): void {
  catalogue
    .command('inspect')
    .description('内容检查：已发布和审核中的信息的错链、暗链、严重表述错误（国办秘函〔2019〕19号），保存检查记录并输出结果')
    .requiredOption('--org <code>', '机构代码')
    .option('--links', '逐一访问外部链接（未开启 GONGKAI_LINK_CHECK 时也检查）')
    .option('--json', '以 JSON 输出')
    .action((o: { org: string; links?: boolean; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const org = await findOrgByCode(db, o.org);
          if (!org) {
            io.err(`错误：未找到代码为 ${o.org} 的机构\n`);
            process.exitCode = 2;
            return;
          }
          const config = loadConfig();
          const { run, findings } = await runInspection(db, cliContext(), org.id, { checkLinks: !!o.links || config.linkCheck, internalHosts: config.portalHosts, unansweredMessages });
          if (o.json) {
            io.out(`${JSON.stringify({ org: org.code, run, findings }, null, 2)}\n`);
            return;
          }
          const out: string[] = [
            `${org.fullName} 内容检查（${run.runOn}，第 ${run.id} 号）：信息 ${run.summary.items} 条，链接 ${run.summary.links} 个` +
              (run.linksChecked ? '，外部链接已检查' : `，外部链接 ${run.summary.unchecked} 个未检查（加 --links 或设置 GONGKAI_LINK_CHECK=on）`),
          ];
          for (const rule of INSPECTION_RULES) {
            out.push(`${INSPECTION_RULE_LABELS[rule]}：${run.counts[rule]} 处`);
            for (const f of findings.filter((x) => x.rule === rule)) {
              const where = `  信息 ${f.itemId}${f.versionState === 'in_review' ? '（审核中）' : ''} ${f.place}`;
              const seen = f.firstSeen !== run.runOn ? `，首次发现 ${f.firstSeen}` : '';
              if (rule === 'wording') out.push(`${where}：${f.detail}；原句：${f.sentence}${seen}`);
              else out.push(`${where}：${f.link} ${f.detail}${seen}`);
            }
          }
          io.out(`${out.join('\n')}\n`);
        }),
      ),
    );
}
