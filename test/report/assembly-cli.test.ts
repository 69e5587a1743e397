// Issue 16 acceptance, through the real bin on a fresh demo database (PGlite folder, or the PostgreSQL
// server in DATABASE_URL): `report compute` for this year — a year with no stored report, so nothing can
// come from typed tables — gives every table from the records and a narrative, and `report check` finds
// nothing, across years too, against last year's published (generated) report. Changing one appeal's
// outcome changes table 4 and the sentence about appeals together.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { refreshDemoReports } from '../../src/app/demo/reports.ts';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { seedCatalogueDemo } from '../../src/catalogue/demo.ts';
import { recordOutcome } from '../../src/appeals/commands.ts';
import { currentYear, today } from '../../src/core/today.ts';
import { parseReportJson } from '../../src/report/model/parse.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
const year = currentYear();
const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

before(async () => {
  cli = await cliDatabase('gongkai-assembly-');
  const db = await cli.open();
  await seedDemo(db);
  await seedApplicationsDemo(db);
  await seedCatalogueDemo(db);
  await refreshDemoReports(db);
  await db.close();
});
after(() => cli.drop());

async function compute(): Promise<{ report: AnnualReport2021; overview: string; stdout: string; stderr: string }> {
  const r = await gongkai('report', 'compute', '--org', 'QS-ZRZY', '--year', String(year), '--explain');
  assert.equal(r.code, 0, r.stderr);
  const parsed = parseReportJson(r.stdout);
  assert.ok(parsed.ok, r.stdout);
  return { report: parsed.report as AnnualReport2021, overview: parsed.narrative?.overview ?? '', stdout: r.stdout, stderr: r.stderr };
}

test('report compute: this year from the records alone, and report check finds nothing, across years too', async () => {
  const none = await gongkai('report', 'export', '--org', 'QS-ZRZY', '--year', String(year));
  assert.equal(none.code, 1, 'no stored report of this year: nothing can come from typed tables');

  const { report, overview, stdout, stderr } = await compute();
  const t2 = report.table2!;
  for (const [row, cells] of Object.entries(t2)) for (const [column, v] of Object.entries(cells)) assert.equal(typeof v, 'number', `table2.${row}.${column}`);
  for (const [group, line] of Object.entries(report.table4!)) for (const v of line) assert.equal(typeof v, 'number', `table4.${group}`);
  assert.ok(t2.licensing.decisions! > 0, '行政许可 decisions from the ledger');
  assert.ok(report.table4!.review[4]! >= 1, 'at least one 复议');
  assert.ok(report.table4!.litigationDirect[4]! + report.table4!.litigationAfterReview[4]! >= 1, 'at least one 诉讼');
  assert.match(overview, new RegExp(`全年共收到政府信息公开申请${report.table3!.newReceived[6]}件`));
  assert.match(stderr, /table2\.licensing\.decisions = \d+：行政许可/, '--explain names the records of a cell');

  const file = join(cli.dir, 'this-year.json');
  const previous = join(cli.dir, 'last-year.json');
  writeFileSync(file, stdout);
  const last = await gongkai('report', 'export', '--org', 'QS-ZRZY', '--year', String(year - 1), '--published');
  assert.equal(last.code, 0, last.stderr);
  writeFileSync(previous, last.stdout);
  const check = await gongkai('report', 'check', file, '--previous', previous, '--json');
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.deepEqual(JSON.parse(check.stdout), [], 'the validator finds nothing');
  const lastCheck = await gongkai('report', 'check', previous, '--json');
  assert.deepEqual(JSON.parse(lastCheck.stdout), [], 'last year\'s published report: nothing either');
});

test('changing one appeal\'s outcome changes table 4 and the sentence about appeals together', async () => {
  const before = await compute();
  const db = await cli.open();
  const [pending] = await db.query<{ id: number }>(
    `select a.id from appeals a join organizations o on o.id = a.org_id
     where o.code = 'QS-ZRZY' and a.outcome is null and a.kind = 'litigation_after_review' and a.received_on >= $1::date`,
    [`${year}-01-01`],
  );
  assert.ok(pending, 'the demo has a lawsuit of this year still open');
  await recordOutcome(db, { actor: { userId: null, name: '测试' }, staff: null }, pending!.id, { outcome: 'corrected', decidedOn: today() });
  await db.close();
  const after = await compute();
  const [b, a] = [before.report.table4!.litigationAfterReview, after.report.table4!.litigationAfterReview];
  assert.deepEqual([a[1]! - b[1]!, a[3]! - b[3]!, a[4]! - b[4]!], [1, -1, 0], 'one 尚未审结 became 结果纠正');
  const sentence = (text: string) => /行政诉讼\d+件[^；。]*/.exec(text)?.[0];
  assert.notEqual(sentence(after.overview), sentence(before.overview));
  assert.match(sentence(after.overview)!, new RegExp(`结果纠正${a[1]! + after.report.table4!.litigationDirect[1]!}件`));
});
