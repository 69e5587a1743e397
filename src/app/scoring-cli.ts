// `gongkai supervision scores --office <code> --year <yyyy> [--compute] [--json]`: the office's 考核
// result table of a year (issue 17 §3), computed first from the platform's records with --compute
// (the sources every module contributes, which only `app` knows). Exit 1 with a Chinese message for
// an unknown office or a year that is not four digits.
import type { Command } from 'commander';
import { runCommand, withDatabase } from '../core/command-line.ts';
import { cliContext } from '../orgs/context.ts';
import { findOrgByCode } from '../orgs/store.ts';
import { GRADE_LABELS } from '../supervision/assessment/rules/scoring.ts';
import { computeScores } from '../supervision/assessment/scoring/commands.ts';
import { presentResults } from '../supervision/assessment/scoring/present.ts';
import { scoringResults } from '../supervision/assessment/scoring/results.ts';
import { ASSESSMENT_FACT_SOURCES } from './assessment-sources.ts';

export function register(supervision: Command): void {
  supervision
    .command('scores')
    .description('政府办公室某年度的考核结果：各机关各项指标得分、总分、结果和排名')
    .requiredOption('--office <code>', '政府办公室的机构代码')
    .requiredOption('--year <yyyy>', '考核年度')
    .option('--compute', '先按平台数据计算自动计算的指标')
    .option('--json', '以 JSON 输出')
    .action((o: { office: string; year: string; compute?: boolean; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async (db) => {
          if (!/^\d{4}$/.test(o.year)) throw new Error(`考核年度应为四位数字，例如 2026，而不是“${o.year}”`);
          const office = await findOrgByCode(db, o.office);
          if (!office) throw new Error(`未找到代码为 ${o.office} 的机构`);
          const year = Number(o.year);
          if (o.compute) await computeScores(db, cliContext(), office.id, year, ASSESSMENT_FACT_SOURCES);
          const results = await scoringResults(db, office, year);
          if (o.json) {
            process.stdout.write(`${JSON.stringify(presentResults(year, results), null, 2)}\n`);
            return;
          }
          const head = ['代码', '机关', ...results.indicators.map((i) => `${i.title}(${i.points})`), '总分', '结果', '排名'].join('\t');
          const lines = results.rows.map((r) =>
            [r.agency.code, r.agency.fullName, ...r.scores.map((s) => (s ? `${s.score ?? '—'}${s.veto ? '否决' : ''}` : '未评分')), r.result.total ?? '—', GRADE_LABELS[r.result.grade], r.rank ?? '—'].join('\t'),
          );
          const title = results.indicators.length ? `${office.fullName} ${year} 年考核结果（${results.rows.length} 个机关）` : `${office.fullName} ${year} 年尚未制定考核指标`;
          process.stdout.write(`${[title, ...(results.indicators.length ? [head, ...lines] : [])].join('\n')}\n`);
        }),
      ),
    );
}
