// `gongkai report rollup --org <code> --year <yyyy> [--store]` — the region roll-up of a government
// office: the sum of the published reports of the agencies directly under it (rollup/). Prints the
// summed report as canonical JSON on stdout, and on stderr the agencies (included, excluded, missing,
// with their key numbers and findings) and the cells left empty. With --store, also stores the sum
// as the office's report draft of the year (a new version, sources 系统生成). Contract: exit 0 with
// the JSON; exit 1 with a Chinese message on stderr (unknown organization, not a government office).
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../../core/command-line.ts';
import { cliContext } from '../../orgs/context.ts';
import { findOrgByCode } from '../../orgs/store.ts';
import { toCanonicalJson } from '../model/canonical-json.ts';
import { formatFinding } from '../rules/rule.ts';
import { storeRollupAsDraft } from '../rollup/commands.ts';
import { describeRollup, loadRollup } from '../rollup/rollup.ts';

export function register(report: Command): void {
  report
    .command('rollup')
    .description('地区汇总：人民政府办公室所属各机关已发布年度报告之和（canonical JSON 输出到标准输出，各机关情况输出到标准错误）')
    .requiredOption('--org <code>', '人民政府办公室的机构代码')
    .requiredOption('--year <yyyy>', '报告年度')
    .option('--store', '同时存为本机关该年度报告的草稿（新版本）')
    .action((o: { org: string; year: string; store?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`报告年度应为四位数字，例如 2024，而不是“${o.year}”`);
          const office = await findOrgByCode(db, o.org);
          if (!office) throw new Error(`未找到代码为 ${o.org} 的机构`);
          const rollup = await loadRollup(db, office, Number(o.year));
          process.stdout.write(toCanonicalJson(rollup.sum.report));
          const lines = describeRollup(rollup, formatFinding);
          if (o.store) {
            const saved = await storeRollupAsDraft(db, cliContext(), { officeId: office.id, year: Number(o.year) });
            lines.push(`已存为${office.fullName} ${o.year} 年度报告草稿第 ${saved.version} 版。`);
          }
          process.stderr.write(`${lines.join('\n')}\n`);
        }),
      ),
    );
}
