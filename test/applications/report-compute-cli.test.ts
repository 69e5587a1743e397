// The contract of `gongkai report compute --org <code> --year <yyyy> [--store]`, through the real bin,
// on PGlite (a data folder) or on the PostgreSQL server in DATABASE_URL: table 3 counted from the
// cases (and tables 2 and 4 from their ledgers, test/report/assembly-cli.test.ts), nothing typed into
// a stored report used, nothing stored without --store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../src/core/db/database.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { toCanonicalJson } from '../../src/report/model/canonical-json.ts';
import { parseReportJson, readReport } from '../../src/report/model/parse.ts';
import { validateReport, hasErrors } from '../../src/report/rules/validate.ts';
import { blankReport } from '../../src/report/model/blank-report.ts';
import { importReport } from '../../src/report/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;

// Cases of 青山县水利局 (no stored report) for 2025: [column, received, concluded, outcome].
const CASES: Array<[string, string, string | null, string | null]> = [
  ['natural', '2024-12-20', '2025-01-10', 'granted'], // carried over from 2024, granted in 2025
  ['natural', '2025-03-01', '2025-03-20', 'granted'],
  ['business', '2025-04-02', '2025-04-28', 'partiallyGranted'],
  ['research', '2025-06-10', '2025-07-01', 'withheld.stateSecret'],
  ['natural', '2025-12-24', null, null], // carried forward to 2026
  ['other', '2025-08-01', '2025-08-05', 'other.feeNotPaid'],
  ['natural', '2023-05-01', '2023-05-20', 'granted'], // another year: not counted
];

async function addCases(db: Database): Promise<void> {
  const [org] = await db.query<{ id: number }>(`select id from organizations where code = 'QS-SL'`);
  let n = 0;
  for (const [column, received, concluded, outcome] of CASES) {
    n++;
    await db.query(
      `insert into applications (org_id, receipt_no, state, channel, submitted_on, received_on, concluded_on, outcome, applicant_kind,
         applicant_column, info_title, form_wanted, delivery, fingerprint)
       values ($1, $2, $3, 'in_person', $4, $4, $5, $6, $7, $8, '测试申请', 'electronic', 'online', $9)`,
      [org!.id, `SL-${n}`, concluded ? 'closed' : 'received', received, concluded, outcome, column === 'natural' ? 'natural' : 'organization', column, `fp-${n}`],
    );
  }
}

before(async () => {
  cli = await cliDatabase('gongkai-report-compute-');
  const db = await cli.open();
  await seedDemo(db);
  await addCases(db);
  await db.close();
});
after(() => cli.drop());

const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

test('report compute prints canonical JSON with table 3 counted from the cases, and stores nothing', async () => {
  const r = await gongkai('report', 'compute', '--org', 'QS-SL', '--year', '2025');
  assert.equal(r.code, 0, r.stderr);
  const parsed = parseReportJson(r.stdout);
  assert.ok(parsed.ok);
  const report = parsed.report;
  assert.equal(r.stdout, toCanonicalJson(report, parsed.narrative), 'canonical form, with the drafted narrative');
  assert.match(parsed.narrative!.overview!, /全年共收到政府信息公开申请5件/);
  assert.equal(report.agency, '青山县水利局');
  assert.equal(report.year, 2025);
  assert.equal(report.format, '2021');
  const t3 = report.table3 as unknown as Record<string, unknown>;
  // columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  assert.deepEqual(t3['newReceived'], [2, 1, 1, 0, 0, 1, 5]);
  assert.deepEqual(t3['carriedOver'], [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(t3['granted'], [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(t3['partiallyGranted'], [0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual(t3['withheld.stateSecret'], [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(t3['other.feeNotPaid'], [0, 0, 0, 0, 0, 1, 1]);
  assert.deepEqual(t3['total'], [2, 1, 1, 0, 0, 1, 5]);
  assert.deepEqual(t3['carriedForward'], [1, 0, 0, 0, 0, 0, 1]);
  assert.equal(hasErrors(validateReport(report)), false, '勾稽 holds by construction');
  assert.match(r.stderr, /青山县水利局 2025 年度报告：表二、表三、表四和正文由记录生成（.*依申请公开案件.*；未保存）。检查结果：错误 0 条/);
  const none = await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2025');
  assert.equal(none.code, 1, 'nothing stored without --store');
});

test('report compute does not take the stored report\'s typed tables; --store saves a new version that export gives back', async () => {
  const db = await cli.open();
  const [sl] = await db.query<{ id: number }>(`select id from organizations where code = 'QS-SL'`);
  // a report of 水利局 typed by hand, with numbers no record supports
  const typed = blankReport('2021', 2024, '青山县水利局');
  typed.table4 = { review: [3, 0, 0, 0, 3], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] };
  await importReport(db, cliContext(), { orgId: sl!.id, report: typed });
  await db.close();
  const r = await gongkai('report', 'compute', '--org', 'QS-SL', '--year', '2024');
  assert.equal(r.code, 0, r.stderr);
  const computed = readReport(r.stdout);
  assert.deepEqual((computed.table3 as unknown as Record<string, number[]>)['carriedForward'], [1, 0, 0, 0, 0, 0, 1], 'the case received on 2024-12-20 goes on into 2025');
  assert.deepEqual(computed.table4, { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] }, 'no appeals: zeros, not the typed table');

  const stored = await gongkai('report', 'compute', '--org', 'QS-SL', '--year', '2025', '--store');
  assert.equal(stored.code, 0, stored.stderr);
  assert.match(stored.stderr, /已保存为报告的新版本/);
  // the typed 2024 report carried nothing forward, the cases carry one: the cross-year rule says so
  assert.match(stored.stderr, /错误 cross-year\.carried-over：表三“总计”列：本年度“二、上年结转政府信息公开申请数量”为 1，但 2024 年度报告“四、结转下年度继续办理”为 0/);
  const exported = await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2025');
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(exported.stdout, stored.stdout);
});

test('report compute: exit 1 with a Chinese message for an unknown organization or a bad year', async () => {
  const org = await gongkai('report', 'compute', '--org', 'NOPE', '--year', '2025');
  assert.equal(org.code, 1);
  assert.equal(org.stdout, '');
  assert.match(org.stderr, /未找到代码为 NOPE 的机构/);
  const year = await gongkai('report', 'compute', '--org', 'QS-SL', '--year', '25');
  assert.equal(year.code, 1);
  assert.match(year.stderr, /报告年度应为四位数字/);
});
