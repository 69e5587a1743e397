// `gongkai org add|list|show`
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { cliContext } from './context.ts';
import { createOrg } from './commands.ts';
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from './model.ts';
import { annualReportDeadline, DEFAULT_INDEX_TEMPLATE } from './rules.ts';
import { findOrgByCode, listOrgs } from './store.ts';
import { currentYear } from '../core/today.ts';

/** `gongkai org …` (the group is made by the program, src/app/cli.ts). */
export function register(org: Command): void {

  org
    .command('add')
    .description('新增机构')
    .requiredOption('--kind <kind>', `机构类型：${ORG_KINDS.join(' | ')}`)
    .requiredOption('--name <fullName>', '机构全称')
    .requiredOption('--code <code>', '机构代码（用于索引号）')
    .option('--short <shortName>', '机构简称（默认同全称）')
    .option('--parent <code>', '上级机构代码')
    .option('--address <address>', '办公地址')
    .option('--phone <phone>', '联系电话')
    .option('--fax <fax>', '传真')
    .option('--email <email>', '电子邮箱')
    .option('--hours <officeHours>', '办公时间')
    .option('--website <url>', '网站')
    .option('--index-template <template>', `索引号模板（默认 ${DEFAULT_INDEX_TEMPLATE}）`)
    .option('--report-deadline <MM-DD>', '年报公布截止日（默认部门 01-31、政府 03-31）')
    .action((o) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const created = await createOrg(db, cliContext(), {
            kind: o.kind as OrgKind,
            fullName: o.name,
            shortName: o.short ?? o.name,
            code: o.code,
            parentCode: o.parent ?? null,
            address: o.address,
            phone: o.phone,
            fax: o.fax,
            email: o.email,
            officeHours: o.hours,
            website: o.website,
            indexTemplate: o.indexTemplate ?? null,
            reportDeadline: o.reportDeadline ?? null,
          });
          process.stdout.write(`已新增机构：${created.fullName}（代码 ${created.code}，编号 ${created.id}）\n`);
        }),
      ),
    );

  org
    .command('list')
    .description('列出机构（树形）')
    .option('--json', '以 JSON 输出')
    .action((o: { json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const orgs = await listOrgs(db);
          if (o.json) return void process.stdout.write(`${JSON.stringify(orgs, null, 2)}\n`);
          for (const x of orgs) {
            const depth = x.path.split('/').length - 3;
            process.stdout.write(`${'  '.repeat(depth)}${x.fullName}  [${x.code}] ${ORG_KIND_LABELS[x.kind]}\n`);
          }
          process.stdout.write(`共 ${orgs.length} 个机构\n`);
        }),
      ),
    );

  org
    .command('show <code>')
    .description('显示机构详情')
    .option('--json', '以 JSON 输出')
    .action((code: string, o: { json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          const x = await findOrgByCode(db, code);
          if (!x) throw new Error(`未找到代码为 ${code} 的机构`);
          if (o.json) return void process.stdout.write(`${JSON.stringify(x, null, 2)}\n`);
          const year = currentYear() - 1;
          const lines = [
            ['机构全称', x.fullName], ['机构简称', x.shortName], ['机构类型', ORG_KIND_LABELS[x.kind]], ['机构代码', x.code],
            ['索引号模板', x.indexTemplate ?? DEFAULT_INDEX_TEMPLATE], ['办公地址', x.address], ['办公时间', x.officeHours],
            ['联系电话', x.phone], ['传真', x.fax], ['电子邮箱', x.email], ['网站', x.website],
            [`${year} 年度报告公布截止日`, annualReportDeadline(x, year)],
          ];
          for (const [k, v] of lines) process.stdout.write(`${k}：${v || '—'}\n`);
        }),
      ),
    );
}
