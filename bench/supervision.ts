// bench/supervision: the region dashboard (issue 17 §1) for a region of many agencies. Builds a county
// office with --agencies departments (1,000), --years years of published reports each (5, with findings)
// and --cases applications spread over them (1,000,000; 2 % still open), by set-based SQL, then times
// what the dashboard runs: the report table of a year (with last year's, one statement each), and the
// 依申请公开 section's aggregate over the region. Baseline in the same run: one agency's report list
// (listReportsOfOrg), the query of the plain 年度报告 page. PGlite in memory, or a fresh database on the
// PostgreSQL server in DATABASE_URL (dropped afterwards). Aim: the report table under 300 ms on PostgreSQL.
//
//   DATABASE_URL=postgres://… node --import tsx bench/supervision.ts [--agencies 1000] [--years 5] [--cases 1000000] [--runs 20]
import { performance } from 'node:perf_hooks';
import { migrate } from '../src/core/db/migrate.ts';
import { openBenchDatabase } from './database.ts';
import { blankReport } from '../src/report/model/blank-report.ts';
import { listReportsOfOrg } from '../src/report/store.ts';
import { regionReportRows } from '../src/supervision/region-reports.ts';
import { applicationsRegionSection } from '../src/applications/region-section.ts';
import { listOrgs } from '../src/orgs/store.ts';
import type { AppDeps } from '../src/core/http/deps.ts';

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const AGENCIES = arg('agencies', 1000);
const YEARS = arg('years', 5);
const CASES = arg('cases', 1_000_000);
const RUNS = arg('runs', 20);
const LAST_YEAR = new Date().getFullYear() - 1;


async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  const sorted = times.sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  process.stdout.write(`${label}：${runs} 次，中位数 ${median.toFixed(1)} ms，p95 ${p95.toFixed(1)} ms\n`);
  return median;
}

const { db, where, drop } = await openBenchDatabase('supervision');
try {
  await migrate(db);
  const started = performance.now();
  // The region: a county, its office, the departments below the office.
  const [county] = await db.query<{ id: number }>(`insert into organizations (kind, full_name, short_name, code) values ('county', '基准县', '基准县', 'B-X') returning id`);
  await db.query(`update organizations set path = '/' || id || '/' where id = $1`, [county!.id]);
  const [office] = await db.query<{ id: number }>(`insert into organizations (kind, full_name, short_name, code, parent_id) values ('government', '基准县人民政府办公室', '县政府办', 'B-X-GOV', $1) returning id`, [county!.id]);
  await db.query(`update organizations set path = '/' || $2::bigint || '/' || id || '/' where id = $1`, [office!.id, county!.id]);
  await db.query(
    `insert into organizations (kind, full_name, short_name, code, parent_id, path)
     select 'department', '基准县第' || n || '局', '第' || n || '局', 'B-X-' || n, $1, '' from generate_series(1, $2::int) n`,
    [office!.id, AGENCIES],
  );
  await db.query(`update organizations set path = '/' || $2::bigint || '/' || $1::bigint || '/' || id || '/' where parent_id = $1`, [office!.id, county!.id]);

  // Reports: each agency, each year, published, with one finding in a tenth of them.
  const content = (year: number) => blankReport('2021', year, null); // a jsonb parameter is passed as the object itself
  for (let y = LAST_YEAR - YEARS + 1; y <= LAST_YEAR; y++) {
    await db.query(
      `insert into reports (org_id, year, format, status, current_version, published_version, published_at, published_by_name)
       select id, $1, '2021', 'published', 1, 1, make_date($1 + 1, 1, 1) + (id % 60)::int, '基准' from organizations where parent_id = $2`,
      [y, office!.id],
    );
    await db.query(
      `insert into report_versions (report_id, org_id, version, content, narrative, sources, findings, error_count, warning_count, origin, created_by_name)
       select r.id, r.org_id, 1,
         jsonb_set(jsonb_set($3::jsonb, '{table3,newReceived,6}', to_jsonb(r.org_id % 50)), '{table4,review}', jsonb_build_array(1, r.org_id % 2, 0, 0, 1 + r.org_id % 2)),
         '{}', '{"table2":"entered","table3":"entered","table4":"entered"}',
         case when r.org_id % 10 = 0 then '[{"rule":"table3.balance","severity":"error","cells":[],"message":"基准"}]'::jsonb else '[]'::jsonb end,
         case when r.org_id % 10 = 0 then 1 else 0 end, 0, 'new', '基准'
       from reports r where r.year = $1 and r.org_id in (select id from organizations where parent_id = $2)`,
      [y, office!.id, content(y)],
    );
    await db.query(`insert into report_publications (report_id, org_id, version, published_at, published_by_name) select id, org_id, 1, published_at, '基准' from reports where year = $1`, [y]);
  }

  // Cases: spread over the agencies and the years; 2 % still open.
  const BATCH = 100_000;
  // the departments were numbered in one statement: their ids run from `low` upwards
  const [{ low }] = (await db.query<{ low: number }>('select min(id)::int as low from organizations where parent_id = $1', [office!.id])) as [{ low: number }];
  for (let from = 0; from < CASES; from += BATCH) {
    await db.query(
      `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind, applicant_column,
         info_title, form_wanted, delivery, fingerprint)
       select $3::bigint + n % $4::int, 'B' || n, case when n % 50 = 0 then 'received' else 'closed' end, 'online', d, d,
         case when n % 50 = 0 then null else d + (n % 20)::int end,
         case when n % 50 = 0 then null else (array['granted','partiallyGranted','withheld.stateSecret','unavailable.notHeld','notProcessed.repeated'])[1 + n % 5] end,
         'natural', 'natural', '基准申请', 'electronic', 'online', 'fp' || n
       from generate_series($1::int + 1, $1::int + $2::int) n
       cross join lateral (select make_date($5::int - (n % $6::int), 1 + n % 12, 1 + n % 28) as d) dd`,
      [from, Math.min(BATCH, CASES - from), low, AGENCIES, LAST_YEAR, YEARS],
    );
  }
  await db.query('analyze');
  process.stdout.write(`${where}：${AGENCIES} 个机关，${YEARS} 年报告（${AGENCIES * YEARS} 份），${CASES} 件申请；准备数据 ${((performance.now() - started) / 1000).toFixed(1)} 秒\n`);

  const [first] = await db.query<{ id: number }>('select id from organizations where parent_id = $1 order by id limit 1', [office!.id]);
  const [officeOrg] = await listOrgs(db, `/${county!.id}/${office!.id}/`);
  const today = new Date().toISOString().slice(0, 10);
  const baseline = await time('基线：一个机关的年度报告列表（listReportsOfOrg）', RUNS, () => listReportsOfOrg(db, first!.id));
  const table = await time(`本地区年度报告表（${AGENCIES} 个机关，含上一年对比）`, RUNS, () => regionReportRows(db, officeOrg!.path, LAST_YEAR, today));
  const agencies = (await listOrgs(db, officeOrg!.path)).filter((o) => o.kind !== 'county');
  const deps = { db } as unknown as AppDeps;
  // The section computes the clock of every open case (2 % of all): timed fewer times.
  const section = await time(`依申请公开一节（${agencies.length} 个机关，${Math.round(CASES / 50)} 件办理中逐件计时）`, Math.max(1, Math.round(RUNS / 10)), () =>
    applicationsRegionSection.render(deps, { region: officeOrg!, agencies, year: LAST_YEAR, today }),
  );
  process.stdout.write(`报告表为基线的 ${(table / baseline).toFixed(1)} 倍；依申请公开一节为基线的 ${(section / baseline).toFixed(0)} 倍。\n`);
} finally {
  await drop();
}
