// `gongkai appeals …`: the appeals register (复议诉讼台账) from the command line, as the trusted operator.
//   gongkai appeals list --org CODE [--year YYYY]          the records (of a year's table 4), a table in Chinese
//   gongkai appeals table4 --org CODE --year YYYY          table 4 counted from the register, as JSON
//   gongkai appeals import --org CODE <file.xlsx> [--confirm]   a register workbook: preview, or import
// Exit 0 when done (an import preview without errors too), 1 when the workbook has errors (listed per
// row on stderr; nothing imported), 2 for an unknown organization, a bad year or an unreadable file.
// The parties (personal data) are never printed.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { readInputFile, runCommand, UnreadableInput, withDatabase } from '../core/command-line.ts';
import type { Database } from '../core/db/database.ts';
import { cliContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { importAppealLedger, previewAppealLedger } from './ledger/import.ts';
import type { LedgerImportReport } from './ledger/model.ts';
import { KIND_LABELS, OUTCOME_LABELS, PENDING_LABEL } from './model.ts';
import { table4Standing } from './rules/table4.ts';
import { listAppeals } from './store.ts';
import { table4ForYear } from './table4-report.ts';

const EXIT_INPUT = 2;

class InputError extends Error {}

/** Display width: CJK and full-width characters take two columns. */
const widthOf = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - widthOf(s)));

/** A plain-text table: a header line, a rule, the rows. */
export function textTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function yearOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2008 || Number(raw) > 2100) throw new InputError(`年度应为四位数字（2008—2100），例如 2025，而不是“${raw}”`);
  return Number(raw);
}

async function orgOf(db: Database, code: string): Promise<Organization> {
  const org = await findOrgByCode(db, code);
  if (!org) throw new InputError(`未找到代码为 ${code} 的机构`);
  return org;
}

/** Runs an action: input problems → Chinese message, exit 2; anything else → runCommand's exit 1. */
const action = (fn: () => Promise<void>) =>
  runCommand(async () => {
    try {
      await fn();
    } catch (err) {
      if (!(err instanceof InputError || err instanceof UnreadableInput)) throw err;
      process.stderr.write(`错误：${err.message}\n`);
      process.exitCode = EXIT_INPUT;
    }
  });

function printImport(r: LedgerImportReport): void {
  const out: string[] = [];
  if (r.ok) {
    out.push(r.confirmed
      ? `已导入：${r.fileName}，共 ${r.rowsRead} 行；导入 ${r.added} 件，已登记未重复导入 ${r.duplicates} 件。`
      : `预览（未导入）：${r.fileName}，共 ${r.rowsRead} 行；将导入 ${r.added} 件，已登记不重复导入 ${r.duplicates} 件。确认无误后加 --confirm 导入。`);
    for (const x of r.rows) {
      const what = x.status === 'duplicate' ? '已登记，不重复导入' : r.confirmed ? `已导入（记录 ${x.appealId}）` : '将导入';
      out.push(`  ${x.sheet} 第${x.row}行 ${KIND_LABELS[x.kind]} ${x.caseNumber || '（无案号）'} ${x.outcome ? OUTCOME_LABELS[x.outcome] : PENDING_LABEL} → ${what}`);
    }
  }
  for (const w of r.warnings) out.push(`提示：${w}`);
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  if (!r.ok) process.stderr.write(`${r.confirmed ? '未导入' : '检查未通过，未导入'}：${r.fileName} 中有 ${r.errors.length} 处问题\n${r.messages.map((m) => `  ${m}`).join('\n')}\n`);
}

/** `gongkai appeals` (the group is made by the program, src/app/cli.ts). */
export function register(appeals: Command): void {
  appeals
    .command('list')
    .description('列出复议诉讼台账（指定年度时为计入该年度表四的记录及其所在栏目）')
    .requiredOption('--org <code>', '机构代码')
    .option('--year <yyyy>', '年度')
    .action((o: { org: string; year?: string }) =>
      action(() =>
        withDatabase(async (db) => {
          const year = yearOf(o.year);
          const org = await orgOf(db, o.org);
          const list = await listAppeals(db, org.id, year);
          if (!list.length) {
            process.stdout.write(`${org.fullName}${year ? ` ${year} 年` : ''}没有复议诉讼记录。\n`);
            return;
          }
          const header = ['编号', '类别', '案号', '复议机关或法院', '涉及的申请', '收到日期', '审结日期', '结果', ...(year ? [`${year}年表四`] : [])];
          const rows = list.map((a) => {
            const standing = year ? table4Standing(a, year) : null;
            return [
              String(a.id), KIND_LABELS[a.kind], a.caseNumber || '—', a.body, a.receiptNo || '—', a.receivedOn, a.decidedOn ?? '—',
              `${a.outcome ? OUTCOME_LABELS[a.outcome] : PENDING_LABEL}${a.newReply ? '（责令重新答复）' : ''}`,
              ...(year ? [standing === null ? '—' : standing === 'pending' ? PENDING_LABEL : OUTCOME_LABELS[standing]] : []),
            ];
          });
          process.stdout.write(`${org.fullName}${year ? ` ${year} 年计入表四的` : ''}复议诉讼：${list.length} 件\n${textTable(header, rows)}\n`);
        }),
      ),
    );

  appeals
    .command('table4')
    .description('由复议诉讼台账计算年度报告表四，输出 JSON（规则见 docs/appeals-table4.md）')
    .requiredOption('--org <code>', '机构代码')
    .requiredOption('--year <yyyy>', '报告年度')
    .action((o: { org: string; year: string }) =>
      action(() =>
        withDatabase(async (db) => {
          const year = yearOf(o.year)!;
          const org = await orgOf(db, o.org);
          const { table4 } = await table4ForYear(db, org.id, year);
          process.stdout.write(`${JSON.stringify({ org: org.code, year, table4 }, null, 2)}\n`);
        }),
      ),
    );

  appeals
    .command('import <file>')
    .description('导入复议诉讼台账（.xlsx）：不加 --confirm 只预览；有任何错误则不导入，逐行报告；案号已登记的不重复导入')
    .requiredOption('--org <code>', '导入到的机构代码')
    .option('--confirm', '确认导入（不加时只预览）')
    .option('--json', '以 JSON 输出导入报告')
    .action((file: string, o: { org: string; confirm?: boolean; json?: boolean }) =>
      action(async () => {
        const content = readInputFile(file, '台账文件');
        await withDatabase(async (db) => {
          const org = await orgOf(db, o.org);
          const input = { fileName: basename(file), content };
          const report = o.confirm ? await importAppealLedger(db, cliContext(), org.id, input) : await previewAppealLedger(db, cliContext(), org.id, input);
          if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else printImport(report);
          if (!report.ok) process.exitCode = 1;
        });
      }),
    );
}
