// Issue 17 §3, the scoring scheme (考核评分) on the demo database: each computed indicator counts from
// the agency's own records — the annual report, the cases' clock, the columns, the latest inspection,
// 解读 published with its policy document — true and false positives, no data said as such; then the
// county office (jiandu) writes a scheme over HTTP, computes it, scores by hand with a reason, reads the
// result table and its XLSX, and sends a lost point to the agency as a 整改 item. One audit entry each.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { loadQueue } from '../../src/applications/queue.ts';
import { overdueRepliesFacts } from '../../src/applications/assessment-facts.ts';
import { columnHealthFacts, interpretationFacts } from '../../src/catalogue/assessment-facts.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { healthOf } from '../../src/catalogue/health-of.ts';
import { deadLinkFacts, wordingFacts } from '../../src/catalogue/inspection/assessment-facts.ts';
import { runInspection } from '../../src/catalogue/inspection/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { regionReportRows } from '../../src/supervision/region-reports.ts';
import { reportFacts } from '../../src/supervision/assessment/scoring/report-facts.ts';
import { generateReport } from '../../src/report/assembly/commands.ts';
import { REPORT_PARTS } from '../../src/app/report-parts.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';

const TODAY = '2026-11-20';
const YEAR = 2026;
let t: TestApp;
let office: Organization;
let zrzy: Organization;
let sthj: Organization;
let sl: Organization;
let jiandu: Client;
let editor: Client;

/** A published item of 自然资源局, written straight into the tables (the catalogue's commands are tested elsewhere). */
async function item(column: string, title: string, body: string, publishedDate: string, docKind: string | null = null): Promise<number> {
  const columnId = (await listColumns(t.db, zrzy.id)).find((c) => c.name === column)!.id;
  const [i] = await t.db.query<{ id: number }>('insert into catalogue_items (org_id) values ($1) returning id', [zrzy.id]);
  const [v] = await t.db.query<{ id: number }>(
    `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, body, publisher, author_name, published_date, doc_kind)
     values ($1, $2, 1, 'published', $3, $4, $5, '青山县自然资源局', '测试', $6, $7) returning id`,
    [zrzy.id, i!.id, columnId, title, body, publishedDate, docKind],
  );
  await t.db.query(`update catalogue_items set published_version_id = $2, index_number = $3, first_published_at = now() where id = $1`, [i!.id, v!.id, `T/${i!.id}`]);
  return Number(i!.id);
}
const interprets = (policy: number, interpretation: number) =>
  t.db.query(`insert into catalogue_interpretations (org_id, policy_item_id, interpretation_item_id, created_by_name) values ($1, $2, $3, '测试')`, [zrzy.id, policy, interpretation]);

before(async () => {
  setTodayForTests(() => TODAY);
  t = await testApp();
  [office, zrzy, sthj, sl] = (await Promise.all(['113301000000000001', 'QS-ZRZY', 'QS-STHJ', 'QS-SL'].map((c) => findOrgByCode(t.db, c)))) as [Organization, Organization, Organization, Organization];
  await seedApplicationsDemo(t.db);
  await ensureCatalogue(t.db, zrzy.id);
  // 三同步: one document with its 解读 the same day, one whose 解读 came a week later, one without; a
  // 其他政策文件 without 解读 is not counted, nor a 行政规范性文件 of last year.
  const inStep = await item('政策文件', '青山县耕地保护办法', '<p>正文</p>', '2026-03-02', 'normative');
  await interprets(inStep, await item('政策解读', '《青山县耕地保护办法》解读', '<p>解读</p>', '2026-03-02'));
  const late = await item('政策文件', '青山县矿产资源管理规定', '<p>正文</p>', '2026-04-01', 'normative');
  await interprets(late, await item('政策解读', '《青山县矿产资源管理规定》解读', '<p>解读</p>', '2026-04-08'));
  await item('政策文件', '青山县地质灾害防治规定', '<p>正文</p>', '2026-05-06', 'regulation');
  await item('政策文件', '关于做好春耕的通知', '<p>正文</p>', '2026-05-07', 'other_policy');
  await item('政策文件', '青山县测绘管理办法', '<p>正文</p>', '2025-06-01', 'normative');
  // one dead internal link and one 严重表述错误 for the inspection
  await item('工作动态', '自然资源局召开会议', '<p>根据国务院办工厅要求召开会议，详见<a href="/items/999999">通知</a>。</p>', '2026-11-10');
  await runInspection(t.db, cliContext(), zrzy.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
  // 自然资源局 published its report on last year on 20 January (the demo publishes it today)
  await t.db.query(
    `update report_publications set published_at = '${YEAR}-01-20 10:00+08' where report_id in (select id from reports where org_id = $1 and year = $2)`,
    [zrzy.id, YEAR - 1],
  );
  jiandu = await new Client(t.app).loginReady('jiandu');
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const context = () => ({ region: office, agencies: [zrzy, sthj, sl], year: YEAR, today: TODAY });
const audits = async (action: string) => Number((await t.db.query<{ n: number }>('select count(*) as n from audit_log where action = $1', [action]))[0]!.n);

test('年度报告: on time and without errors is no fault; late, missing and each error are', async () => {
  const facts = await reportFacts.factsOf(t.db, context());
  const rows = new Map((await regionReportRows(t.db, office.path, YEAR - 1, TODAY)).map((r) => [r.orgId, r]));
  assert.equal(rows.get(zrzy.id)!.onTime, true);
  assert.equal(facts.get(zrzy.id)!.faults, rows.get(zrzy.id)!.errors);
  assert.match(facts.get(zrzy.id)!.detail, new RegExp(`${YEAR - 1} 年度报告：${YEAR}-01-20 按时发布`));
  // the demo's imported report of 生态环境局 breaks a 勾稽 rule and was published after 31 January
  const imported = rows.get(sthj.id)!;
  assert.ok(imported.errors >= 1);
  assert.equal(facts.get(sthj.id)!.faults, imported.errors + 1);
  assert.match(facts.get(sthj.id)!.detail, /已逾期（截止日 2026-01-31）/);
  assert.equal(facts.get(sl.id)!.faults, 1, 'no report after the deadline');
  assert.match(facts.get(sl.id)!.detail, /截止日 2026-01-31 已过，尚未发布/);
});

test('按期答复: the cases answered late or overdue unanswered by the statutory clock', async () => {
  const facts = await overdueRepliesFacts.factsOf(t.db, context());
  const queue = await loadQueue(t.db, zrzy.id, { order: 'number' });
  const late = queue.filter((i) => ['overdue', 'replied_late'].includes(i.clock.status?.status ?? '')).map((i) => i.case.receiptNo);
  assert.ok(late.length >= 1, 'the demo has an overdue case');
  assert.equal(facts.get(zrzy.id)!.faults, late.length);
  for (const no of late) assert.ok(facts.get(zrzy.id)!.detail.includes(no), no);
  assert.deepEqual([facts.get(sthj.id)!.faults, facts.get(sthj.id)!.detail], [0, '2026 年收到的申请和尚未办结的申请共 0 件，其中逾期未答复 0 件、逾期答复 0 件']);
});

test('栏目更新: the flagged columns, the [W19] threshold from the health rules; a catalogue not opened has no data', async () => {
  const facts = await columnHealthFacts.factsOf(t.db, context());
  const health = await healthOf(t.db, zrzy.id, TODAY);
  const flagged = health.columns.filter((c) => c.empty || c.notUpdated || c.longUnupdated).length;
  assert.ok(flagged > 0);
  assert.equal(facts.get(zrzy.id)!.faults, flagged);
  assert.equal(facts.get(zrzy.id)!.threshold, health.rules.some((r) => r.veto && r.rule === 'empty'), 'most standard columns are empty');
  assert.equal(facts.get(zrzy.id)!.threshold, true);
  assert.deepEqual([facts.get(sl.id)!.faults, facts.get(sl.id)!.detail], [null, '尚未开通主动公开目录，无法计算']);
});

test('错链 and 严重表述错误 from the latest inspection of the year; never inspected is no data, not full marks', async () => {
  const links = await deadLinkFacts.factsOf(t.db, context());
  assert.equal(links.get(zrzy.id)!.faults, 1);
  assert.match(links.get(zrzy.id)!.detail, /^2026-11-20 内容检查：错链（链接无法访问） 1 处（共检查链接 1 个；外部链接未联网检查，只计站内链接）$/);
  assert.equal(links.get(sthj.id)!.faults, null);
  const wording = await wordingFacts.factsOf(t.db, context());
  assert.equal(wording.get(zrzy.id)!.faults, 1);
  assert.equal(wording.get(sthj.id)!.faults, null);
  // an inspection of next year is not this year's
  const lastYear = await deadLinkFacts.factsOf(t.db, { ...context(), year: YEAR - 1 });
  assert.equal(lastYear.get(zrzy.id)!.faults, null);
});

test('解读: a 规章 or 行政规范性文件 of the year without its 解读, or with a later one, is a fault', async () => {
  const facts = await interpretationFacts.factsOf(t.db, context());
  assert.equal(facts.get(zrzy.id)!.faults, 2);
  assert.match(facts.get(zrzy.id)!.detail, /发布规章、行政规范性文件 3 件，未关联解读 1 件、解读晚于文件发布 1 件（《青山县矿产资源管理规定》、《青山县地质灾害防治规定》|《青山县地质灾害防治规定》、《青山县矿产资源管理规定》）/);
  assert.equal(facts.get(sthj.id)!.faults, 0);
});

const INDICATORS: Record<string, string>[] = [
  { title: '年度报告按时发布且无错误', points: '10', deduction: '5', source: 'report.onTimeWithoutErrors' },
  { title: '依申请公开按期答复', points: '15', deduction: '3', source: 'applications.overdueReplies' },
  { title: '栏目更新', points: '15', deduction: '1', source: 'catalogue.columns', veto: 'on' },
  { title: '链接可用性', points: '10', deduction: '0.5', source: 'inspection.deadLinks' },
  { title: '政策解读同步', points: '10', deduction: '2', source: 'catalogue.interpretation' },
  { title: '严重表述错误', points: '0', deduction: '', source: 'inspection.wording', veto: 'on' },
  { title: '组织领导和制度保障', points: '40', deduction: '', source: '' },
];

test('the office writes the scheme, computes it, scores by hand with a reason; the result table, the agency page, the XLSX, a 整改 item', async () => {
  const add = (form: Record<string, string>) => jiandu.post('/console/assessment/scoring/indicators', { year: String(YEAR), ...form });
  assert.equal((await editor.post('/console/assessment/scoring/indicators', { year: String(YEAR), title: 'x', points: '1' })).statusCode, 403);
  const negative = await add({ title: '负分', points: '-1' });
  assert.equal(negative.statusCode, 400);
  assert.match(negative.body, /分值不能为负数/);
  assert.match((await add({ title: '未知', points: '5', source: 'nothing' })).body, /没有这种计算方法/);
  for (const form of INDICATORS) assert.equal((await add(form)).statusCode, 303, form.title);
  assert.equal(await audits('assessment.indicator.create'), INDICATORS.length);

  assert.equal((await editor.post('/console/assessment/scoring/compute', { year: String(YEAR) })).statusCode, 403);
  assert.equal((await jiandu.post('/console/assessment/scoring/compute', { year: String(YEAR) })).statusCode, 303);
  assert.equal(await audits('assessment.scores.compute'), 1);

  const cells = async (code: string) => {
    const page = (await jiandu.get(`/console/assessment/scoring?year=${YEAR}`)).body;
    const row = new RegExp(`<tr data-code="${code}">([\\s\\S]*?)</tr>`).exec(page)![1]!;
    return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
  };
  // 自然资源局: 9.5 for one dead link, 6 for two 解读 faults, and a 严重表述错误: 单项否决
  const z = await cells('QS-ZRZY');
  assert.equal(z[3], '9.5');
  assert.equal(z[4], '6');
  assert.equal(z[5], '0 否决');
  assert.equal(z[6], '未评分', 'the manual indicator waits');
  assert.deepEqual(z.slice(7), ['—', '不合格（单项否决）', '—']);
  // 水利局: no catalogue, never inspected: those indicators have no score, so 未评完
  const s = await cells('QS-SL');
  assert.deepEqual([s[0], s[1], s[2], s[3]], ['5', '15', '—', '—']);
  assert.equal(s[8], '未评完');

  const ids = Object.fromEntries((await t.db.query<{ id: number; title: string }>('select id, title from assessment_indicators where year = $1', [YEAR])).map((r) => [r.title, r.id]));
  const score = (title: string, org: Organization, form: Record<string, string>) => jiandu.post(`/console/assessment/scoring/indicators/${ids[title]}/agencies/${org.id}`, form);
  const over = await score('组织领导和制度保障', zrzy, { score: '41', reason: '制度健全' });
  assert.equal(over.statusCode, 400);
  assert.match(over.body, /得分不能超过该指标的分值 40 分/);
  assert.match((await score('组织领导和制度保障', zrzy, { score: '35' })).body, /请填写评分理由/);
  assert.equal((await score('组织领导和制度保障', zrzy, { score: '35', reason: '领导小组调整及时，保密审查制度未修订' })).statusCode, 303);
  assert.equal((await score('链接可用性', zrzy, { score: '10', reason: '人工' })).statusCode, 409, 'computed from records, not by hand');
  // 水利局's site is not on the platform: the office scores what the records cannot say, with a reason
  assert.equal((await score('栏目更新', sl, { score: '12', reason: '县水利局网站人工检查：空白栏目 3 个' })).statusCode, 303);
  assert.equal((await editor.post(`/console/assessment/scoring/indicators/${ids['组织领导和制度保障']}/agencies/${zrzy.id}`, { score: '40', reason: '自评' })).statusCode, 404, 'the office\'s indicator is out of the agency\'s reach');
  assert.equal(await audits('assessment.score.manual'), 2);
  // computing again keeps the hand score where the records still say nothing
  assert.equal((await jiandu.post('/console/assessment/scoring/compute', { year: String(YEAR) })).statusCode, 303);
  assert.equal((await cells('QS-SL'))[2], '12');

  // the agency reads its own scores with the data behind each
  const mine = await editor.get(`/console/assessment/scoring?year=${YEAR}`);
  assert.equal(mine.statusCode, 200);
  const page = mine.body;
  assert.match(page, /错链（链接无法访问） 1 处/);
  assert.match(page, /领导小组调整及时，保密审查制度未修订/);
  assert.match(page, /不合格（单项否决）/);
  assert.doesNotMatch(page, /下发整改/, 'the agency does not send items to itself');
  assert.equal((await editor.get(`/console/assessment/scoring/agencies/${sthj.id}?year=${YEAR}`)).statusCode, 404, 'another agency\'s scores');

  // the XLSX, read back
  const xlsx = await jiandu.get(`/console/assessment/scoring.xlsx?year=${YEAR}`);
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 3), ['机关代码', '机关', '年度报告按时发布且无错误（10分）']);
  const zrow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'QS-ZRZY')!;
  assert.deepEqual([zrow.getCell(6).value, zrow.getCell(8).value, zrow.getCell(9).value, zrow.getCell(11).value], [9.5, '单项否决', 35, '不合格（单项否决）']);
  const basis = wb.worksheets[1]!;
  const reason = basis.getRows(2, basis.rowCount - 1)!.find((r) => r.getCell(1).value === sl.fullName && r.getCell(2).value === '栏目更新')!;
  assert.deepEqual([reason.getCell(4).value, reason.getCell(6).value, reason.getCell(7).value], [12, '自动计算：空白栏目和未按期更新的栏目', '县水利局网站人工检查：空白栏目 3 个']);

  // a lost point becomes a 整改 item for the agency
  const agencyPage = (await jiandu.get(`/console/assessment/scoring/agencies/${zrzy.id}?year=${YEAR}`)).body;
  assert.match(agencyPage, /下发整改/);
  const sent = await jiandu.post('/console/assessment/rectifications', {
    orgId: String(zrzy.id), sourceKind: 'score', sourceRef: `${YEAR} 年考核指标：链接可用性`, finding: '链接可用性：2026-11-20 内容检查：错链 1 处', deadline: '2026-12-20',
  });
  assert.equal(sent.statusCode, 303);
  const [r] = await t.db.query<{ source_kind: string; source_ref: string }>(`select source_kind, source_ref from assessment_rectifications where org_id = $1 and source_kind = 'score'`, [zrzy.id]);
  assert.deepEqual(r, { source_kind: 'score', source_ref: '2026 年考核指标：链接可用性' });

  // deleting an indicator deletes its scores, audited
  assert.equal((await jiandu.post(`/console/assessment/scoring/indicators/${ids['严重表述错误']}/delete`, {})).statusCode, 303);
  assert.equal(await audits('assessment.indicator.delete'), 1);
  assert.equal((await cells('QS-ZRZY'))[7], '不合格（单项否决）', 'one column fewer; 栏目更新 still vetoes: most standard columns are empty');
});

test('条例第五十条第四项: the county office\'s generated report states the results of its 考核 and its 整改 items', async () => {
  const { version } = await generateReport(t.db, cliContext(), office.id, YEAR, REPORT_PARTS);
  const grades = await t.db.query<{ n: number }>(`select count(*)::int as n from organizations where path like $1 and id <> $2 and kind in ('government', 'department', 'subunit')`, [`${office.path}%`, office.id]);
  const [rect] = await t.db.query<{ sent: number; confirmed: number }>(
    `select count(*)::int as sent, count(*) filter (where state = 'confirmed')::int as confirmed from assessment_rectifications where office_org_id = $1`, [office.id]);
  const text = version.narrative.一!;
  assert.match(text, new RegExp(`（四）监督保障。本年度对所属${grades[0]!.n}个部门开展政府信息公开工作考核，合格0个、不合格\\d+个（其中单项否决1个）、尚未完成评分\\d+个；下发整改事项${rect!.sent}项，已确认整改完成${rect!.confirmed}项。`));
  // an agency's report says nothing of it
  const agency = await generateReport(t.db, cliContext(), zrzy.id, YEAR, REPORT_PARTS);
  assert.doesNotMatch(agency.version.narrative.一!, /监督保障/);
});

test('转为整改事项 beside an inspection finding is the office\'s; the agency neither sees it nor may send one in the office\'s name', async () => {
  const own = (await editor.get('/console/catalogue/inspection')).body;
  assert.match(own, /国务院办工厅/);
  assert.doesNotMatch(own, /转为整改事项/);
  const forged = await editor.post('/console/assessment/rectifications', { officeId: String(office.id), orgId: String(zrzy.id), sourceKind: 'inspection', finding: '自己下发', deadline: '2026-12-30' });
  assert.equal(forged.statusCode, 403);
  assert.equal((await t.db.query(`select 1 from assessment_rectifications where finding = '自己下发'`)).length, 0);
});

test('the API: the office reads and computes the result table; an agency may not; a hand score with its reason', async () => {
  const res = await jiandu.api('GET', `/api/v1/assessment/scoring?year=${YEAR}`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { indicators: { id: number; title: string }[]; agencies: { code: string; scores: { score: number | null }[]; grade: string }[] };
  const z = body.agencies.find((a) => a.code === 'QS-ZRZY')!;
  assert.equal(z.grade, 'veto');
  assert.equal(z.scores[body.indicators.findIndex((i) => i.title === '链接可用性')]!.score, 9.5);
  assert.equal((await editor.api('GET', `/api/v1/assessment/scoring?year=${YEAR}`)).statusCode, 403);
  assert.equal((await jiandu.api('POST', '/api/v1/assessment/scoring/compute', { year: YEAR })).statusCode, 200);
  const manual = body.indicators.find((i) => i.title === '组织领导和制度保障')!;
  const put = await jiandu.api('PUT', `/api/v1/assessment/scoring/indicators/${manual.id}/agencies/${sthj.id}`, { score: 30, reason: '制度齐全' });
  assert.equal(put.statusCode, 204, put.body);
  const bad = await jiandu.api('PUT', `/api/v1/assessment/scoring/indicators/${manual.id}/agencies/${sthj.id}`, { score: 30, reason: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请填写评分理由/);
});
