// bench/supervision: the region dashboard (issue 17 §1) for a region of many agencies. Builds a county
// office with --agencies departments (1,000), --years years of published reports each (5, with findings),
// --cases applications spread over them and over the years in time order (1,000,000; 2 % still open,
// received in the last weeks, some extended, in 补正 or in consultation), a catalogue of 12 columns and
// --items items (30) per agency, and an inspection run for every other agency, by set-based SQL, with the
// shipped working-day calendar. Then
// times what the dashboard runs: the report table of a year (with last year's), the trend over the years,
// each module's section (依申请公开, 主动公开栏目检查, 内容检查) and the whole page (loadDashboard +
// dashboardBody, what the route sends inside the console shell). Baselines in the same run: one agency's
// report list (listReportsOfOrg), the query of the plain 年度报告 page, and the former ways of two sections —
// loadQueue and healthOf agency by agency — whose results must equal the bulk ones (checked here).
// PGlite in memory, or a fresh database on the PostgreSQL server in DATABASE_URL (dropped afterwards).
// Aim: the whole page under 300 ms on PostgreSQL.
//
//   DATABASE_URL=postgres://… node --import tsx bench/supervision.ts [--agencies 1000] [--years 5] [--cases 1000000] [--items 30] [--runs 20]
import { performance } from 'node:perf_hooks';
import { migrate } from '../src/core/db/migrate.ts';
import { openBenchDatabase } from './database.ts';
import { blankReport } from '../src/report/model/blank-report.ts';
import { listReportsOfOrg } from '../src/report/store.ts';
import { regionReportRows } from '../src/supervision/region-reports.ts';
import { regionTrendRecords } from '../src/supervision/store.ts';
import { dashboardBody, loadDashboard, TREND_YEARS } from '../src/supervision/console.ts';
import { applicationsRegionSection } from '../src/applications/region-section.ts';
import { dueCountsOf, loadOpenCaseClocks } from '../src/applications/region-clock.ts';
import { loadQueue } from '../src/applications/queue.ts';
import { catalogueRegionSection } from '../src/catalogue/region-section.ts';
import { healthOf, healthOfOrgs } from '../src/catalogue/health-of.ts';
import { listColumns } from '../src/catalogue/store.ts';
import { inspectionRegionSection } from '../src/catalogue/inspection/region-section.ts';
import { seedCalendar } from '../src/calendar/seed.ts';
import { setTodayForTests } from '../src/core/today.ts';
import { listOrgs } from '../src/orgs/store.ts';
import type { AppDeps } from '../src/core/http/deps.ts';

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const AGENCIES = arg('agencies', 1000);
const YEARS = arg('years', 5);
const CASES = arg('cases', 1_000_000);
const ITEMS = arg('items', 30);
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
  await seedCalendar(db);
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

  // Cases: received day by day over the last YEARS years up to today, in that order (a real table grows
  // in time order, so a year's cases lie together), spread over the agencies; those of the last 40 days
  // are still open but one in ten (2 % of all), the others concluded within 20 days. Of the open ones, a
  // tenth each extended, in 补正 (asked; asked and corrected) and in consultation, so that the clock
  // gives every status.
  const today = new Date().toISOString().slice(0, 10);
  setTodayForTests(() => today); // loadQueue's "today" is the one the sections get
  const BATCH = 100_000;
  // the departments were numbered in one statement: their ids run from `low` upwards
  const [{ low }] = (await db.query<{ low: number }>('select min(id)::int as low from organizations where parent_id = $1', [office!.id])) as [{ low: number }];
  for (let from = 0; from < CASES; from += BATCH) {
    await db.query(
      `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind, applicant_column,
         info_title, form_wanted, delivery, fingerprint)
       select $3::bigint + n % $4::int, 'B' || n, case when open then 'received' else 'closed' end, 'online', d, d,
         case when open then null else least(d + (n % 20)::int, $5::date) end,
         case when open then null else (array['granted','partiallyGranted','withheld.stateSecret','unavailable.notHeld','notProcessed.repeated'])[1 + n % 5] end,
         'natural', 'natural', '基准申请', 'electronic', 'online', 'fp' || n
       from generate_series($1::int + 1, $1::int + $2::int) n
       cross join lateral (select $5::date - ($6::int * 365 - 1) + floor((n - 1)::float8 * $6::int * 365 / $7::int)::int as d) dd
       cross join lateral (select d > $5::date - 40 and n % 10 <> 0 as open) oo`,
      [from, Math.min(BATCH, CASES - from), low, AGENCIES, today, YEARS, CASES],
    );
  }
  await db.query(
    `update applications set state = case id % 10 when 1 then 'extended' when 2 then 'correction_requested' when 3 then 'corrected' when 4 then 'consulting' else state end
     where state = 'received'`,
  );
  await db.query(
    `insert into application_events (org_id, case_id, kind, on_date, actor_name, data)
     select org_id, id, 'extended', received_on + 5,  '基准', jsonb_build_object('workingDays', 10, 'approvedOn', received_on + 5, 'notifiedOn', received_on + 5, 'reason', '基准') from applications where state = 'extended'
     union all
     select org_id, id, 'correction_requested', received_on + 1, '基准', jsonb_build_object('items', '基准', 'dueOn', received_on + 16) from applications where state in ('correction_requested', 'corrected')
     union all
     select org_id, id, 'corrected', received_on + 3, '基准', jsonb_build_object('by', 'applicant', 'description', '基准') from applications where state = 'corrected'
     union all
     select org_id, id, 'consultation_sent', received_on + 2, '基准', jsonb_build_object('party', 'third_party', 'partyName', '基准') from applications where state = 'consulting'`,
  );

  // The catalogue: 12 columns per agency (one a column of two columns), ITEMS published items over
  // the last two years, spread over the columns; every other agency inspected once.
  await db.query(
    `insert into catalogue_columns (org_id, name, position, kind, update_days)
     select o.id, c.name, c.pos, c.kind, c.days from organizations o
     cross join (values ('机构职能', 1, 'general', null::int), ('工作动态', 2, 'general', 14), ('通知公告', 3, 'general', 180), ('政策文件', 4, 'policy', 180),
       ('政策解读', 5, 'interpretation', 180), ('规划计划', 6, 'general', 365), ('人事信息', 7, 'general', 365), ('财政信息', 8, 'general', 365),
       ('政府信息公开年报', 9, 'report', 365), ('政府信息公开指南', 10, 'guide', null)) as c(name, pos, kind, days)
     where o.parent_id = $1`,
    [office!.id],
  );
  await db.query(
    `insert into catalogue_columns (org_id, parent_id, name, position, update_days)
     select c.org_id, c.id, x.name, x.pos, 365 from catalogue_columns c cross join (values ('领导信息', 1), ('内设机构', 2)) as x(name, pos) where c.name = '机构职能'`,
  );
  await db.query(
    `insert into catalogue_items (org_id, index_number, first_published_at)
     select o.id, 'B-' || o.id || '-' || n, now() from organizations o cross join generate_series(1, $2::int) n where o.parent_id = $1`,
    [office!.id, ITEMS],
  );
  await db.query(
    `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, publisher, formed_date, published_date, author_name, published_at)
     select i.org_id, i.id, 1, 'published', c.id, '基准信息' || i.id, '基准', d - (i.id % 40)::int, case when i.id % 97 = 0 then null else d end, '基准', now()
     from catalogue_items i
     cross join lateral (select id from catalogue_columns c where c.org_id = i.org_id and c.kind not in ('guide') and c.name <> '机构职能'
                         order by c.id offset (i.id % 8) limit 1) c
     cross join lateral (select $1::date - ((i.id * 37) % 800)::int as d) dd`,
    [today],
  );
  await db.query(`update catalogue_items i set published_version_id = v.id from catalogue_versions v where v.item_id = i.id`);
  await db.query(
    `insert into catalogue_inspection_runs (org_id, run_on, counts, created_by_name)
     select id, $2::date - (id % 30)::int, jsonb_build_object('dead_link', id % 3, 'hidden_link', id % 7 / 6, 'wording', id % 5 / 4), '基准'
     from organizations where parent_id = $1 and id % 2 = 0`,
    [office!.id, today],
  );
  await db.query('analyze');
  process.stdout.write(
    `${where}：${AGENCIES} 个机关，${YEARS} 年报告（${AGENCIES * YEARS} 份），${CASES} 件申请，${AGENCIES * ITEMS} 条主动公开信息；准备数据 ${((performance.now() - started) / 1000).toFixed(1)} 秒\n`,
  );

  const [first] = await db.query<{ id: number }>('select id from organizations where parent_id = $1 order by id limit 1', [office!.id]);
  const [officeOrg] = await listOrgs(db, `/${county!.id}/${office!.id}/`);
  const agencies = (await listOrgs(db, officeOrg!.path)).filter((o) => o.kind !== 'county');
  const deps = { db } as unknown as AppDeps;
  const context = { region: officeOrg!, agencies, year: LAST_YEAR, today };
  const [{ open }] = (await db.query<{ open: number }>(`select count(*)::int as open from applications where state not in ('replied', 'abandoned', 'unpaid', 'withdrawn', 'closed')`)) as [{ open: number }];

  // The bulk clock against the former way (loadQueue agency by agency, every open case): the same counts.
  const bulk = dueCountsOf(await loadOpenCaseClocks(db, agencies.map((a) => a.id), today));
  let overdue = 0;
  let soon = 0;
  const perAgencyStarted = performance.now();
  for (const a of agencies) {
    const queue = await loadQueue(db, a.id, { state: 'open', order: 'urgency' });
    const o = queue.filter((i) => i.clock.status?.status === 'overdue').length;
    const s = queue.filter((i) => i.clock.status?.status === 'due_soon').length;
    const b = bulk.get(a.id) ?? { overdue: 0, soon: 0 };
    if (b.overdue !== o || b.soon !== s) throw new Error(`${a.code}：逐机关 ${o}/${s}，批量 ${b.overdue}/${b.soon}`);
    overdue += o;
    soon += s;
  }
  const perAgency = performance.now() - perAgencyStarted;
  process.stdout.write(`办理中 ${open} 件：逾期 ${overdue} 件，即将到期 ${soon} 件（批量计算与逐机关 loadQueue 一致）\n`);
  process.stdout.write(`对照（旧做法）：逐机关 loadQueue（${agencies.length} 个机关）：1 次，${perAgency.toFixed(1)} ms\n`);
  // The column health in bulk against the former way (listColumns and healthOf agency by agency): the same reports.
  const health = await healthOfOrgs(db, agencies.map((a) => a.id), today);
  const healthStarted = performance.now();
  let vetoed = 0;
  for (const a of agencies) {
    const own = (await listColumns(db, a.id)).length > 0 ? await healthOf(db, a.id, today) : null;
    if (JSON.stringify(own) !== JSON.stringify(health.get(a.id) ?? null)) throw new Error(`${a.code}：逐机关与批量的栏目检查结果不同`);
    if (own?.rules.some((r) => r.veto)) vetoed++;
  }
  const perAgencyHealth = performance.now() - healthStarted;
  process.stdout.write(`栏目检查：${vetoed} 个机关达到单项否决标准（批量计算与逐机关 healthOf 一致）\n`);
  process.stdout.write(`对照（旧做法）：逐机关 listColumns + healthOf（${agencies.length} 个机关）：1 次，${perAgencyHealth.toFixed(1)} ms\n`);

  const baseline = await time('基线：一个机关的年度报告列表（listReportsOfOrg）', RUNS, () => listReportsOfOrg(db, first!.id));
  const figures: [string, number][] = [];
  const measure = async (label: string, fn: () => Promise<unknown>) => figures.push([label, await time(label, RUNS, fn)]);
  await measure(`本地区年度报告表（${AGENCIES} 个机关，含上一年对比）`, () => regionReportRows(db, officeOrg!.path, LAST_YEAR, today));
  await measure(`历年趋势（${TREND_YEARS} 年，一条语句）`, () => regionTrendRecords(db, officeOrg!.path, LAST_YEAR - TREND_YEARS + 1, LAST_YEAR));
  await measure(`依申请公开一节（${agencies.length} 个机关，${open} 件办理中批量计时）`, () => applicationsRegionSection.render(deps, context));
  await measure(`主动公开栏目检查一节（${agencies.length} 个机关）`, () => catalogueRegionSection.render(deps, context));
  await measure(`内容检查一节（${agencies.length} 个机关）`, () => inspectionRegionSection.render(deps, context));
  const sections = [applicationsRegionSection, catalogueRegionSection, inspectionRegionSection];
  let size = 0;
  await measure('整页（各查询并行，含生成 HTML）', async () => {
    size = dashboardBody(await loadDashboard(deps, officeOrg!, LAST_YEAR, today, sections), 'errors', 'desc').value.length;
  });
  process.stdout.write(`整页正文 ${(size / 1024).toFixed(0)} KB。与基线相比：${figures.map(([label, ms]) => `${label.replace(/（.*$/, '')} ${(ms / baseline).toFixed(1)} 倍`).join('，')}。\n`);
  process.stdout.write(`旧做法：逐机关 loadQueue 为基线的 ${(perAgency / baseline).toFixed(0)} 倍，逐机关 healthOf 为基线的 ${(perAgencyHealth / baseline).toFixed(0)} 倍。\n`);
} finally {
  setTodayForTests(null);
  await drop();
}
