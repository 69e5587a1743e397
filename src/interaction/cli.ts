// `gongkai interaction stats --org CODE --year YEAR [--json]`: an agency's figures for the messages it
// handles that were received in the year (rules/statistics.ts). With --json exactly one object
// {received, answered, answeredOnTime, medianWorkdays, published, satisfaction}; without, a short
// Chinese summary. Exit 2 for an unknown organization or a bad year.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { statsOf } from './reads.ts';

export interface Output {
  out(s: string): void;
  err(s: string): void;
}
const STD: Output = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** `gongkai interaction` (the group is made by the program, src/app/cli.ts). */
export function register(interaction: Command, io: Output = STD): void {
  interaction
    .command('stats')
    .description('某机关某年度收到的留言的办理情况：收到、答复、按期答复、用时中位数（工作日）、公开、满意率')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <year>', '年度')
    .option('--json', '以 JSON 输出')
    .action((o: { org: string; year: string; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const year = Number(o.year);
          if (!Number.isInteger(year) || year < 2008 || year > 2100) {
            io.err(`错误：年度应为 2008 至 2100 之间的整数，收到：${o.year}\n`);
            process.exitCode = 2;
            return;
          }
          const org = await findOrgByCode(db, o.org);
          if (!org) {
            io.err(`错误：未找到代码为 ${o.org} 的机构\n`);
            process.exitCode = 2;
            return;
          }
          const s = await statsOf(db, org.id, year);
          if (o.json) {
            io.out(`${JSON.stringify({ received: s.received, answered: s.answered, answeredOnTime: s.answeredOnTime, medianWorkdays: s.medianWorkdays, published: s.published, satisfaction: s.satisfaction })}\n`);
            return;
          }
          const pct = s.satisfaction === null ? '无评价' : `${Math.round(s.satisfaction * 1000) / 10}%（${s.rated} 人评价）`;
          io.out(
            `${org.fullName} ${year} 年留言办理情况：收到 ${s.received} 件，已答复 ${s.answered} 件，其中按期答复 ${s.answeredOnTime} 件；` +
              `用时中位数 ${s.medianWorkdays ?? '—'} 个工作日；公开答复 ${s.published} 件；满意率 ${pct}。\n`,
          );
        }),
      ),
    );
}
