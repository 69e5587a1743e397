// Stored annual reports on a real database: versions kept and readable, audit entries, findings
// with the stored previous year, publication and what the portal may see.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext, type CommandContext } from '../../src/orgs/context.ts';
import { DomainError } from '../../src/core/errors.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import type { Role, Staff } from '../../src/orgs/staff/model.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { createReport, importReport, publishReport, saveReportVersion } from '../../src/report/commands.ts';
import { toCanonicalObject } from '../../src/report/model/canonical-json.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';
import { findVersion, listPublications, listPublishedReports, listReportsOfOrg, listVersions } from '../../src/report/store.ts';
import { fixtureReport } from '../fixtures/reports/index.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let sl: Organization;
let jy: Organization;
const staff: Record<string, CommandContext> = {};

async function staffOf(username: string, org: Organization, roles: Role[]): Promise<CommandContext> {
  const userId = await createUser(t.db, cliContext(), { orgCode: org.code, username, displayName: username, password: 'Report-test-2026', roles });
  const s: Staff = { userId, username, displayName: username, roles, homeOrgId: org.id, homePath: org.path, orgId: org.id, mustChangePassword: false };
  return { actor: { userId, name: username }, staff: s };
}

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  sl = (await findOrgByCode(t.db, 'QS-SL'))!;
  jy = (await findOrgByCode(t.db, 'QS-JY'))!;
  staff.editor = await staffOf('sl.editor', sl, ['editor']);
  staff.head = await staffOf('sl.head', sl, ['head']);
  staff.reviewer = await staffOf('sl.reviewer', sl, ['reviewer']);
  staff.otherEditor = await staffOf('jy.editor', jy, ['editor']);
});
after(() => t.close());

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const auditOf = (reportId: number) =>
  t.db.query<{ action: string; actor_name: string; org_id: number; summary: Record<string, unknown> }>(
    `select action, actor_name, org_id, summary from audit_log where target_type = 'report' and target_id = $1 order by id`,
    [String(reportId)],
  );

test('a report is created blank in the format of its year, and only once', async () => {
  const { report, version } = await createReport(t.db, staff.editor!, { orgId: sl.id, year: 2020 });
  assert.equal(report.format, '2019');
  assert.equal(report.status, 'draft');
  assert.equal(version.version, 1);
  assert.equal(version.report.agency, '青山县水利局');
  assert.deepEqual(version.sources, { table2: 'entered', table3: 'entered', table4: 'entered' });
  assert.deepEqual(version.findings, []);
  const r2024 = await createReport(t.db, staff.editor!, { orgId: sl.id, year: 2024 });
  assert.equal(r2024.report.format, '2021');
  await assert.rejects(createReport(t.db, staff.editor!, { orgId: sl.id, year: 2024 }), (e: DomainError) => e.code === 'CONFLICT' && /已存在/.test(e.message));
  await assert.rejects(createReport(t.db, staff.editor!, { orgId: sl.id, year: 1999 }), /不能早于 2008 年/);
  assert.deepEqual((await auditOf(report.id)).map((a) => a.action), ['report.create']);
});

test('every edit is a new version; earlier versions stay readable; the audit log names the changed cells', async () => {
  const { report, version: v1 } = await createReport(t.db, staff.editor!, { orgId: sl.id, year: 2023 });
  const edited = copy(v1.report) as AnnualReport2021;
  edited.table3!.newReceived = [3, 0, 0, 0, 0, 0, 3];
  const { version: v2 } = await saveReportVersion(t.db, staff.editor!, report.id, { report: edited, narrative: { 一: '本年度收到申请3件。' }, note: '填报表三', baseVersion: 1 });
  assert.equal(v2.version, 2);
  assert.deepEqual(v2.sources, { table2: 'entered', table3: 'entered', table4: 'entered' });
  assert.ok(v2.findings.some((f) => f.rule === 'table3.balance'), 'the unbalanced column is found');
  assert.ok(v2.errorCount > 0);
  // Version 1 is untouched.
  assert.deepEqual((await findVersion(t.db, report.id, 1))!.report.table3!.newReceived, [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual((await listVersions(t.db, report.id)).map((v) => [v.version, v.origin, v.createdByName]), [
    [2, 'edit', 'sl.editor'],
    [1, 'new', 'sl.editor'],
  ]);
  const audit = await auditOf(report.id);
  assert.deepEqual(audit.map((a) => a.action), ['report.create', 'report.edit']);
  const summary = audit[1]!.summary as { cells: Record<string, unknown>; narrative: string[]; changedCells: number; note: string };
  assert.deepEqual(summary.cells['table3.newReceived[0]'], { before: 0, after: 3 });
  assert.equal(summary.changedCells, 2);
  assert.deepEqual(summary.narrative, ['一']);
  assert.equal(summary.note, '填报表三');
  assert.equal(audit[1]!.org_id, sl.id);

  // A stale base version is a conflict and writes nothing.
  await assert.rejects(saveReportVersion(t.db, staff.editor!, report.id, { report: edited, baseVersion: 1 }), (e: DomainError) => e.code === 'CONFLICT');
  // The year inside the data must be the report's.
  await assert.rejects(saveReportVersion(t.db, staff.editor!, report.id, { report: { ...edited, year: 2022 } }), /年度为 2022/);
  // Malformed data names the key.
  await assert.rejects(saveReportVersion(t.db, staff.editor!, report.id, { report: { ...edited, table4: { review: [1] } } }), /table4/);
  assert.equal((await listVersions(t.db, report.id)).length, 2);
});

test('cross-year: stored previous year drives cross-year.carried-over, another organization’s does not', async () => {
  const previous = { ...fixtureReport('valid-2021-previous'), agency: '青山县教育局' };
  const current = { ...fixtureReport('valid-2021'), agency: '青山县教育局' };
  await importReport(t.db, staff.otherEditor!, { orgId: jy.id, report: previous });
  const ok = await importReport(t.db, staff.otherEditor!, { orgId: jy.id, report: current });
  assert.deepEqual(ok.version.findings.filter((f) => f.rule.startsWith('cross-year')), [], 'a consistent pair');

  const broken = copy(current);
  broken.table3!.carriedOver = [5, 1, 0, 0, 0, 0, 6];
  broken.table3!.newReceived = [27, 5, 1, 0, 2, 1, 36];
  const saved = await saveReportVersion(t.db, staff.otherEditor!, ok.report.id, { report: broken });
  const cross = saved.version.findings.filter((f) => f.rule === 'cross-year.carried-over');
  assert.equal(cross.length, 2, JSON.stringify(saved.version.findings));
  assert.match(cross[0]!.message, /2023 年度报告“四、结转下年度继续办理”为 2/);

  // The same data for another organization, which has no 2023 report: no cross-year finding.
  const wj = (await findOrgByCode(t.db, 'QS-WJ'))!;
  const other = await importReport(t.db, cliContext(), { orgId: wj.id, report: { ...broken, agency: wj.fullName } });
  assert.deepEqual(other.version.findings.filter((f) => f.rule.startsWith('cross-year')), []);
});

test('publish: the portal shows the published version until the report is published again', async () => {
  const { report } = await createReport(t.db, staff.editor!, { orgId: sl.id, year: 2022 });
  assert.deepEqual((await listPublishedReports(t.db, sl.id)).map((r) => r.year), [], 'drafts are not public');
  await assert.rejects(publishReport(t.db, staff.editor!, report.id), (e: DomainError) => e.code === 'FORBIDDEN');
  const published = await publishReport(t.db, staff.head!, report.id);
  assert.equal(published.status, 'published');
  assert.equal(published.publishedVersion, 1);
  await assert.rejects(publishReport(t.db, staff.head!, report.id), /已经发布/);

  const v1 = (await findVersion(t.db, report.id, 1))!;
  const edited = copy(v1.report) as AnnualReport2021;
  edited.table2!.licensing.decisions = 12;
  const after = await saveReportVersion(t.db, staff.editor!, report.id, { report: edited });
  assert.equal(after.report.currentVersion, 2);
  assert.equal(after.report.publishedVersion, 1, 'the edit is a draft');
  let listed = (await listPublishedReports(t.db, sl.id)).find((r) => r.year === 2022)!;
  assert.equal(listed.publishedVersion, 1);
  await assert.rejects(publishReport(t.db, staff.head!, report.id, { expectedVersion: 1 }), (e: DomainError) => e.code === 'CONFLICT');
  // Publishing again replaces what the public reads: a revision, with its 修订说明.
  await assert.rejects(publishReport(t.db, staff.head!, report.id, { expectedVersion: 2, confirmed: true }), /请填写修订说明/);
  await publishReport(t.db, staff.head!, report.id, { expectedVersion: 2, revisionNote: '更正行政许可决定数', confirmed: true });
  listed = (await listPublishedReports(t.db, sl.id)).find((r) => r.year === 2022)!;
  assert.equal(listed.publishedVersion, 2);
  assert.equal(listed.revisions, 1);
  assert.deepEqual((await listPublications(t.db, report.id)).map((p) => [p.version, p.revisionNote]), [[1, null], [2, '更正行政许可决定数']]);
  assert.deepEqual((await auditOf(report.id)).map((a) => [a.action, a.actor_name]), [
    ['report.create', 'sl.editor'],
    ['report.publish', 'sl.head'],
    ['report.edit', 'sl.editor'],
    ['report.publish', 'sl.head'],
  ]);
  const console = (await listReportsOfOrg(t.db, sl.id)).find((r) => r.year === 2022)!;
  assert.equal(console.currentVersion, 2);
});

test('import stores the report as printed with its findings; the same file again changes nothing', async () => {
  const seed = fixtureReport('seed-001');
  const printed = toCanonicalObject(seed);
  const bdc = (await findOrgByCode(t.db, 'QS-ZRZY-BDC'))!;
  const first = await importReport(t.db, cliContext(), { orgId: bdc.id, report: seed, sourceName: 'seed-001.txt', contentHash: 'abc123' });
  assert.equal(first.created, true);
  assert.equal(first.version.origin, 'import');
  assert.deepEqual(first.version.sources, { table2: 'imported', table3: 'imported', table4: 'imported' });
  assert.deepEqual(toCanonicalObject(first.version.report), printed, 'nothing corrected');
  assert.ok(first.version.errorCount >= 5);
  assert.deepEqual([...new Set(first.version.findings.map((f) => f.rule))].sort(), ['cells.unreadable', 'table3.balance', 'table3.outcome-sum', 'table3.row-total']);

  const parserFinding = { rule: 'ingest.cell-lost', severity: 'warning' as const, cells: ['table3.granted[5]'], message: '单元格缺失，记为 null' };
  const withParser = await importReport(t.db, cliContext(), { orgId: bdc.id, report: { ...seed, year: 2023 }, parserFindings: [parserFinding] });
  assert.deepEqual(withParser.version.findings[0], parserFinding, 'the parser’s findings come first, kept as given');
  assert.equal(withParser.version.warningCount, 2);

  const again = await importReport(t.db, cliContext(), { orgId: bdc.id, report: seed, contentHash: 'abc123' });
  assert.equal(again.unchanged, true);
  assert.equal(again.report.currentVersion, 1);
  const next = await importReport(t.db, cliContext(), { orgId: bdc.id, report: seed, contentHash: 'def456', note: '重新导入' });
  assert.equal(next.created, false);
  assert.equal(next.version.version, 2);
  assert.equal(next.version.note, '重新导入');
  const audit = await auditOf(first.report.id);
  assert.deepEqual(audit.map((a) => [a.action, a.actor_name.startsWith('命令行'), a.summary.version]), [
    ['report.import', true, 1],
    ['report.import', true, 2],
  ]);
});

test('policies: other organizations get 404, roles without the right get 403', async () => {
  await assert.rejects(createReport(t.db, staff.otherEditor!, { orgId: sl.id, year: 2021 }), (e: DomainError) => e.code === 'NOT_FOUND');
  await assert.rejects(createReport(t.db, staff.reviewer!, { orgId: sl.id, year: 2021 }), (e: DomainError) => e.code === 'FORBIDDEN');
  await assert.rejects(createReport(t.db, staff.head!, { orgId: sl.id, year: 2021 }), (e: DomainError) => e.code === 'FORBIDDEN');
  await assert.rejects(importReport(t.db, staff.otherEditor!, { orgId: sl.id, report: fixtureReport('valid-2019') }), (e: DomainError) => e.code === 'NOT_FOUND');
});
