// The region roll-up of 青山县人民政府办公室 on the demo database: the sum equals the sum of its
// agencies' published tables (computed here independently, from whatever the demo publishes),
// inclusion and exclusion with their audit entries, storing the sum as the office's draft, and the
// console page through HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import type { AnnualReport } from '../../src/report/model/report.ts';
import { setRollupInclusion, storeRollupAsDraft } from '../../src/report/rollup/commands.ts';
import { loadRollup } from '../../src/report/rollup/rollup.ts';
import { findReportByOrgYear, findVersion, type TableSources } from '../../src/report/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let office: Organization;
/** The last year for which an agency under the office has a published report. */
let year = 0;

interface Published {
  code: string;
  name: string;
  report: AnnualReport;
  sources: TableSources;
  errorCount: number;
}
let published: Published[] = [];

before(async () => {
  t = await testApp();
  office = (await findOrgByCode(t.db, '113301000000000001'))!;
  const rows = await t.db.query<{ code: string; full_name: string; year: number; content: AnnualReport; sources: TableSources; error_count: number }>(
    `select o.code, o.full_name, r.year, v.content, v.sources, v.error_count
       from reports r join organizations o on o.id = r.org_id
       join report_versions v on v.report_id = r.id and v.version = r.published_version
      where o.parent_id = $1 and r.published_version is not null order by o.path`,
    [office.id],
  );
  assert.ok(rows.length > 0, 'the demo publishes reports of the office’s agencies');
  year = Math.max(...rows.map((r) => r.year));
  published = rows
    .filter((r) => r.year === year)
    .map((r) => ({ code: r.code, name: r.full_name, report: r.content, sources: r.sources, errorCount: r.error_count }));
});
after(() => t.close());

/** Every numeric cell of a table by machine name, walking the JSON (not the layout the code under test uses). */
function cells(table: unknown, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(table)) table.forEach((v, i) => cells(v, `${prefix}[${i}]`, out));
  else if (table !== null && typeof table === 'object') for (const [k, v] of Object.entries(table)) cells(v, `${prefix}.${k}`, out);
  else out.set(prefix, table);
  return out;
}

/** The expected sum of one table: numbers added (to 6 decimals), null when any report has null there. */
function expectedSum(reports: AnnualReport[], table: 'table2' | 'table3' | 'table4'): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of reports) {
    for (const [name, v] of cells(r[table], table)) {
      if (typeof v === 'string') continue; // 2019 采购总金额: tested in sum.test.ts
      const before = out.has(name) ? out.get(name)! : 0;
      out.set(name, before === null || v === null || v === undefined ? null : Math.round((before + (v as number)) * 1e6) / 1e6);
    }
  }
  return out;
}

test('the office’s roll-up of the last published year is the sum of its agencies’ published tables', async () => {
  const r = await loadRollup(t.db, office, year);
  const agencies = await t.db.query<{ code: string }>('select code from organizations where parent_id = $1', [office.id]);
  assert.equal(r.agencies.length, agencies.length, 'every agency directly under the office is listed');
  const included = r.agencies.filter((a) => a.status === 'included');
  assert.deepEqual(included.map((a) => a.org.code).sort(), published.map((p) => p.code).sort(), 'included: those with a published report');
  assert.deepEqual(
    r.agencies.filter((a) => a.status === 'missing').map((a) => a.org.code).sort(),
    agencies.map((a) => a.code).filter((c) => !published.some((p) => p.code === c)).sort(),
    'missing: the others (缺报告)',
  );
  for (const p of published) {
    const a = r.agencies.find((x) => x.org.code === p.code)!;
    assert.equal(a.report!.imported, Object.values(p.sources).includes('imported'), `${p.name}: 导入 as stored`);
    assert.equal(a.report!.errorCount, p.errorCount, `${p.name}: its findings as stored`);
    assert.equal(a.newReceivedTotal, p.report.table3?.newReceived[6] ?? null);
  }
  assert.equal(r.sum.report.agency, office.fullName);
  assert.equal(r.sum.report.year, year);
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const expected = expectedSum(published.map((p) => p.report), table);
    const actual = cells(r.sum.report[table], table);
    for (const [name, v] of expected) assert.equal(actual.get(name), v, name);
  }
  // a table-3 total that some report has, so the test is not vacuous
  const newReceived = published.reduce((s, p) => s + (p.report.table3?.newReceived[6] ?? 0), 0);
  assert.equal(r.sum.report.table3!.newReceived[6], newReceived);
});

test('an administrator excludes an agency with a reason (audited) and includes it again; the sum follows', async () => {
  const agency = (await findOrgByCode(t.db, published[0]!.code))!;
  await assert.rejects(
    setRollupInclusion(t.db, cliContext(), { officeId: office.id, orgId: agency.id, year, included: false, reason: ' ' }),
    /请填写不计入汇总的理由/,
  );
  const other = (await findOrgByCode(t.db, 'QS-ZRZY-BDC'))!;
  await assert.rejects(
    setRollupInclusion(t.db, cliContext(), { officeId: office.id, orgId: other.id, year, included: false, reason: '下属单位' }),
    /不在青山县人民政府办公室之下/,
  );
  const done = await setRollupInclusion(t.db, cliContext(), { officeId: office.id, orgId: agency.id, year, included: false, reason: '已并入他局报告' });
  assert.equal(done.changed, true);
  const r = await loadRollup(t.db, office, year);
  const a = r.agencies.find((x) => x.org.id === agency.id)!;
  assert.equal(a.status, 'excluded');
  assert.equal(a.reason, '已并入他局报告');
  assert.ok(!r.sum.summed.includes(agency.code));
  const rest = published.filter((p) => p.code !== agency.code).map((p) => p.report);
  assert.equal(r.sum.report.table3!.newReceived[6], rest.reduce((s, x) => s + (x.table3?.newReceived[6] ?? 0), 0));
  const [audit] = await t.db.query<{ summary: { after: { included: boolean; reason: string } } }>(
    `select summary from audit_log where action = 'report.rollup-inclusion' and target_id = $1 order by id desc limit 1`,
    [String(agency.id)],
  );
  assert.deepEqual(audit!.summary.after, { included: false, reason: '已并入他局报告' });

  assert.equal((await setRollupInclusion(t.db, cliContext(), { officeId: office.id, orgId: agency.id, year, included: true })).changed, true);
  assert.equal((await setRollupInclusion(t.db, cliContext(), { officeId: office.id, orgId: agency.id, year, included: true })).changed, false);
  assert.equal((await loadRollup(t.db, office, year)).agencies.find((x) => x.org.id === agency.id)!.status, 'included');
});

test('the sum stored as the office’s draft: one new version, every table 系统生成, the note names the agencies', async () => {
  const r = await loadRollup(t.db, office, year);
  const saved = await storeRollupAsDraft(t.db, cliContext(), { officeId: office.id, year });
  const stored = (await findReportByOrgYear(t.db, office.id, year))!;
  assert.equal(stored.currentVersion, saved.version);
  const v = (await findVersion(t.db, stored.id, saved.version))!;
  assert.deepEqual(v.sources, { table2: 'computed', table3: 'computed', table4: 'computed' });
  assert.deepEqual(v.report.table3, r.sum.report.table3);
  assert.deepEqual(v.report.table4, r.sum.report.table4);
  for (const a of r.agencies.filter((x) => x.status === 'included')) assert.ok(v.note.includes(a.org.shortName), v.note);
  assert.match(v.note, /^地区汇总：/);
  const again = await storeRollupAsDraft(t.db, cliContext(), { officeId: office.id, year });
  assert.equal(again.version, saved.version + 1, 'a second time: one more version');
  await assert.rejects(storeRollupAsDraft(t.db, cliContext(), { officeId: (await findOrgByCode(t.db, 'QS-ZRZY'))!.id, year }), /不是人民政府（办公室）/);
});

test('console: the office’s roll-up page, the toggles and storing the draft; a supervisor only reads', async () => {
  const admin = await new Client(t.app).loginReady('admin');
  const notOffice = await admin.get(`/console/reports/rollup?year=${year}`);
  assert.equal(notOffice.statusCode, 200);
  assert.match(notOffice.body, /不是人民政府（办公室）[\s\S]*青山县人民政府办公室/);
  await admin.post('/console/switch-org', { orgId: String(office.id) });

  const page = await admin.get(`/console/reports/rollup?year=${year}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<h1>${year} 年度地区汇总</h1>`));
  assert.match(page.body, /青山县人民政府办公室\d{4}年政府信息公开工作年度报告（地区汇总）/);
  assert.match(page.body, /存为本机关年度报告草稿/);
  for (const p of published) {
    const row = new RegExp(`<tr data-org="${p.code}" data-status="included">[\\s\\S]*?</tr>`).exec(page.body)?.[0];
    assert.ok(row, `${p.name} is listed as included`);
    if (Object.values(p.sources).includes('imported')) assert.match(row, /<span class="tag">导入<\/span>/);
    assert.match(row, /不计入<\/button>/);
  }
  const children = await t.db.query<{ n: number }>('select count(*)::int as n from organizations where parent_id = $1', [office.id]);
  if (children[0]!.n > published.length) assert.match(page.body, /data-status="missing">[\s\S]*?缺报告/);
  if (published.some((p) => p.errorCount > 0)) assert.match(page.body, /各机关报告的检查结果[\s\S]*class="finding-error"/);

  const code = published[0]!.code;
  const noReason = await admin.post('/console/reports/rollup/inclusion', { year: String(year), org: code, included: '0', reason: '' }, '/console/reports/rollup');
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /未更改：请填写不计入汇总的理由/);
  const excluded = await admin.post('/console/reports/rollup/inclusion', { year: String(year), org: code, included: '0', reason: '测试' }, '/console/reports/rollup');
  assert.equal(excluded.statusCode, 303);
  const after = await admin.get(excluded.headers.location!);
  assert.match(after.body, /已设为不计入汇总/);
  assert.match(after.body, new RegExp(`<tr data-org="${code}" data-status="excluded">[\\s\\S]*?测试[\\s\\S]*?恢复计入`));
  const back = await admin.post('/console/reports/rollup/inclusion', { year: String(year), org: code, included: '1' }, '/console/reports/rollup');
  assert.equal(back.statusCode, 303);

  const stored = await admin.post('/console/reports/rollup/draft', { year: String(year) }, '/console/reports/rollup');
  assert.equal(stored.statusCode, 303);
  assert.match(stored.headers.location!, /^\/console\/reports\/\d+\?notice=saved$/);
  const editor = await admin.get(stored.headers.location!);
  assert.equal(editor.statusCode, 200);
  assert.match(editor.body, /地区汇总：/);

  const jiandu = await new Client(t.app).loginReady('jiandu');
  const read = await jiandu.get(`/console/reports/rollup?year=${year}`);
  assert.equal(read.statusCode, 200);
  assert.doesNotMatch(read.body, /存为本机关年度报告草稿/);
  assert.doesNotMatch(read.body, /不计入<\/button>/);
  const refused = await jiandu.post('/console/reports/rollup/draft', { year: String(year) }, '/console/reports/rollup');
  assert.equal(refused.statusCode, 403);
  const refusedToggle = await jiandu.post('/console/reports/rollup/inclusion', { year: String(year), org: code, included: '0', reason: 'x' }, '/console/reports/rollup');
  assert.equal(refusedToggle.statusCode, 403);
});
