// `gongkai supervision reports --region <code> --year <yyyy> [--json]` (issue 17 §4, a contract): one row
// per agency below the region (the region itself when it is an agency): {code, name, status, publishedOn,
// onTime, errors, warnings, imported}; --json prints them as a JSON array. Exit 0; 1 with a Chinese
// message when the region is unknown or the year is not a four-digit year.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { today } from '../core/today.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { STANDING_LABELS } from './model.ts';
import { regionReportRows } from './region-reports.ts';

export function register(supervision: Command): void {
  supervision
    .command('reports')
    .description('本地区各机关某年度政府信息公开工作年度报告的状态：是否发布、是否按时、检查出的错误和警告')
    .requiredOption('--region <code>', '地区或机关代码（列出其下各机关）')
    .requiredOption('--year <yyyy>', '报告年度')
    .option('--json', '以 JSON 数组输出')
    .action((o: { region: string; year: string; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`报告年度应为四位数字，例如 2024，而不是“${o.year}”`);
          const region = await findOrgByCode(db, o.region);
          if (!region) throw new Error(`未找到代码为 ${o.region} 的地区或机关`);
          const rows = await regionReportRows(db, region.path, Number(o.year), today());
          if (o.json) {
            const out = rows.map((r) => ({ code: r.code, name: r.name, status: r.status, publishedOn: r.publishedOn, onTime: r.onTime, errors: r.errors, warnings: r.warnings, imported: r.imported }));
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
            return;
          }
          const yes = (b: boolean | null) => (b === null ? '—' : b ? '按时' : '逾期');
          const lines = rows.map((r) => [r.code, r.name, STANDING_LABELS[r.status], r.publishedOn ?? '—', yes(r.onTime), `错误 ${r.errors}`, `警告 ${r.warnings}`].join('\t'));
          process.stdout.write(`${[`${region.fullName} ${o.year} 年度报告（${rows.length} 个机关）`, ...lines].join('\n')}\n`);
        }),
      ),
    );
}
