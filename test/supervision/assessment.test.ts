// Issue 17 §3 (task breakdown and 整改) through HTTP on the demo database: the county office's supervisor
// (jiandu) writes and publishes a task, the agency's editor reports it with a link to its own published
// item, the office returns and accepts; rectification items sent, closed, reopened and confirmed; policy
// refusals; overdue tasks and items on the agency's 工作台; the XLSX of the year; one audit entry each.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { addDays } from '../../src/core/date.ts';
import { currentYear, today } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { seedAssessmentDemo } from '../../src/supervision/assessment/demo.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let jiandu: Client;
let editor: Client;
const ids: Record<string, number> = {};
let ownItem = 0;
let otherItem = 0;
const year = currentYear();

async function publishedItem(code: string, title: string): Promise<number> {
  const org = (await findOrgByCode(t.db, code))!;
  const column = (await listColumns(t.db, (await ensureCatalogue(t.db, org.id)).orgId)).find((c) => c.kind === 'general')!;
  return (await importPublishedItem(t.db, cliContext(), org.id, { content: { columnId: column.id, title, body: '正文' }, publishedDate: addDays(today(), -3) })).id;
}

before(async () => {
  t = await testApp();
  for (const code of ['113301000000000001', 'QS-ZRZY', 'QS-STHJ', 'QS-SL', 'XB-ZRZY']) ids[code] = (await findOrgByCode(t.db, code))!.id;
  ownItem = await publishedItem('QS-ZRZY', '自然资源领域规划信息');
  otherItem = await publishedItem('QS-STHJ', '生态环境局的信息');
  jiandu = await new Client(t.app).loginReady('jiandu');
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(() => t.close());

const audits = async (action: string) => Number((await t.db.query<{ n: number }>('select count(*) as n from audit_log where action = $1', [action]))[0]!.n);
const idFrom = (location: unknown) => Number(/\/(\d+)(?:\?|$)/.exec(String(location))![1]);

test('a task: written and published by the office, reported by the agency with its own item, returned, reported again and accepted', async () => {
  const form = { year: String(year), title: '集中公开自然资源领域规划信息', leadOrgId: String(ids['QS-ZRZY']), otherOrgIds: [String(ids['QS-STHJ'])], deadline: addDays(today(), 20), evidenceExpected: '已发布信息的链接' };
  const bad = await jiandu.post('/console/assessment/tasks', { ...form, leadOrgId: String(ids['XB-ZRZY']) });
  assert.equal(bad.statusCode, 400, 'an agency outside the office');
  assert.match(bad.body, /任务只能分解给青山县人民政府办公室所属的部门/);
  assert.match(bad.body, /集中公开自然资源领域规划信息/, 'the form keeps what was typed');
  assert.equal((await editor.post('/console/assessment/tasks', form)).statusCode, 403, 'an agency does not write tasks');

  const created = await jiandu.post('/console/assessment/tasks', form);
  assert.equal(created.statusCode, 303);
  const taskId = idFrom(created.headers.location);
  assert.equal((await editor.get(`/console/assessment/tasks/${taskId}`)).statusCode, 404, 'a draft is the office\'s working');
  assert.doesNotMatch((await editor.get(`/console/assessment?year=${year}`)).body, /集中公开自然资源领域规划信息/);

  assert.equal((await jiandu.post(`/console/assessment/tasks/${taskId}/publish`, {})).statusCode, 303);
  assert.equal((await jiandu.post(`/console/assessment/tasks/${taskId}/publish`, {})).statusCode, 409, 'published once');
  const page = await editor.get(`/console/assessment?year=${year}`);
  assert.match(page.body, /集中公开自然资源领域规划信息/);
  const progressId = Number(/data-progress="(\d+)"/.exec(page.body)![1]);

  // a link to another agency's item, or to nothing, is refused with the clerk's input kept
  const wrong = await editor.post(`/console/assessment/progress/${progressId}`, { note: '已完成', links: `/items/${otherItem}`, action: 'submit' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, new RegExp(`本部门没有已发布的条目 ${otherItem}`));
  assert.match(wrong.body, /已完成/);
  assert.equal((await editor.post(`/console/assessment/progress/${progressId}`, { note: '', links: 'javascript:alert(1)', action: 'save' })).statusCode, 400);

  const submitted = await editor.post(`/console/assessment/progress/${progressId}`, { note: '已在专栏集中公开', links: `/items/${ownItem}`, action: 'submit' });
  assert.equal(submitted.statusCode, 303);
  assert.equal((await jiandu.post(`/console/assessment/progress/${progressId}/accept`, {})).statusCode, 303);
  const api = (await jiandu.api('GET', `/api/v1/assessment/tasks/${taskId}`)).json();
  assert.equal(api.agencies[0].state, 'accepted');
  assert.deepEqual(api.agencies[0].evidenceLinks, [`/items/${ownItem}`]);
  const sthj = api.agencies.find((a: { orgId: number }) => a.orgId === ids['QS-STHJ']);
  assert.equal(sthj.state, 'open');
  assert.equal((await editor.post(`/console/assessment/progress/${sthj.id}`, { note: 'x', action: 'submit' })).statusCode, 404, 'another agency\'s part is out of reach');
  assert.equal((await jiandu.post(`/console/assessment/progress/${progressId}/return`, { reason: '再看' })).statusCode, 409, 'accepted stays accepted');

  const office = await jiandu.get(`/console/assessment?year=${year}`);
  assert.match(office.body, /id="office-tasks"/);
  assert.match(office.body, /已验收/);
  for (const a of ['assessment.task.create', 'assessment.task.publish', 'assessment.progress.submit', 'assessment.progress.accept']) assert.equal(await audits(a), 1, a);
});

test('return with a reason, report again, accept; the agency may not accept itself', async () => {
  const task = (await jiandu.api('POST', '/api/v1/assessment/tasks', { year, title: '更新政策解读', leadOrgId: ids['QS-ZRZY'], deadline: addDays(today(), 10) })).json();
  assert.equal(task.state, 'draft');
  assert.equal((await jiandu.api('POST', `/api/v1/assessment/tasks/${task.id}/publish`)).statusCode, 200);
  const progressId = task.agencies[0].id;
  assert.equal((await editor.api('POST', `/api/v1/assessment/progress/${progressId}`, { note: '已更新', links: [`/items/${ownItem}`], submit: true })).json().state, 'submitted');
  assert.equal((await editor.api('POST', `/api/v1/assessment/progress/${progressId}/accept`)).statusCode, 403);
  const noReason = await jiandu.post(`/console/assessment/progress/${progressId}/return`, { reason: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /请填写理由/);
  const returned = (await jiandu.api('POST', `/api/v1/assessment/progress/${progressId}/return`, { reason: '缺少解读材料链接' })).json();
  assert.equal(returned.state, 'returned');
  assert.match((await editor.get(`/console/assessment/progress/${progressId}`)).body, /缺少解读材料链接/);
  const again = (await editor.api('POST', `/api/v1/assessment/progress/${progressId}`, { note: '已补充', links: [`/items/${ownItem}`, 'https://www.qingshan.example.gov.cn/jd/1.html'], submit: true })).json();
  assert.equal(again.state, 'submitted');
  assert.equal((await jiandu.api('POST', `/api/v1/assessment/progress/${progressId}/accept`)).json().state, 'accepted');
  assert.equal(await audits('assessment.progress.return'), 1);
});

test('整改: the office sends a finding, the agency closes it with evidence, the office reopens then confirms', async () => {
  const sent = await jiandu.post('/console/assessment/rectifications', { orgId: String(ids['QS-ZRZY']), sourceKind: 'inspection', sourceRef: '第三季度网站检查', finding: '“规划信息”栏目超过 6 个月未更新', deadline: addDays(today(), 15) });
  assert.equal(sent.statusCode, 303);
  const id = idFrom(sent.headers.location);
  assert.equal((await editor.post('/console/assessment/rectifications', { orgId: String(ids['QS-SL']), sourceKind: 'manual', finding: 'x', deadline: today() })).statusCode, 403);
  const list = await editor.get('/console/assessment/rectifications');
  assert.match(list.body, /id="my-rectifications"[\s\S]*栏目超过 6 个月未更新/);
  assert.equal((await jiandu.post(`/console/assessment/rectifications/${id}/confirm`, {})).statusCode, 409, 'not closed yet');
  const empty = await editor.post(`/console/assessment/rectifications/${id}/close`, { note: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请说明整改情况/);
  assert.equal((await editor.post(`/console/assessment/rectifications/${id}/close`, { note: '已补充发布规划信息', links: `/items/${ownItem}` })).statusCode, 303);
  assert.equal((await jiandu.api('POST', `/api/v1/assessment/rectifications/${id}/reopen`, { reason: '仍有两个子栏目未更新' })).json().state, 'open');
  assert.equal((await editor.api('POST', `/api/v1/assessment/rectifications/${id}/close`, { note: '子栏目已更新', links: [`/items/${ownItem}`] })).json().state, 'closed');
  const confirmed = await jiandu.post(`/console/assessment/rectifications/${id}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.match((await jiandu.get(`/console/assessment/rectifications/${id}`)).body, /已确认整改完成/);
  assert.equal(await audits('assessment.rectification.close'), 2);
  assert.equal(await audits('assessment.rectification.confirm'), 1);
  // the audit log page names the actions in Chinese
  assert.match((await jiandu.get('/console/audit')).body, /确认整改完成|下发整改事项/);
});

test('overdue tasks and items are 待办 for the agency; the office sees what waits for it; XLSX of the year', async () => {
  const task = (await jiandu.api('POST', '/api/v1/assessment/tasks', { year, title: '逾期的任务', leadOrgId: ids['QS-ZRZY'], otherOrgIds: [ids['QS-SL']], deadline: addDays(today(), -5) })).json();
  await jiandu.api('POST', `/api/v1/assessment/tasks/${task.id}/publish`);
  await jiandu.api('POST', '/api/v1/assessment/rectifications', { orgId: ids['QS-ZRZY'], sourceKind: 'score', sourceRef: '考核扣分', finding: '逾期的整改', deadline: addDays(today(), -1) });
  const home = await editor.get('/console');
  assert.match(home.body, /class="urgent"><a href="\/console\/assessment">政务公开任务待报送完成情况 <strong>1<\/strong> 件<\/a> <span class="muted">其中 1 项已逾期/);
  assert.match(home.body, /整改事项待完成 <strong>1<\/strong> 件[\s\S]*其中 1 项已逾期/);
  const mine = (await editor.api('GET', `/api/v1/assessment/tasks?year=${year}`)).json();
  assert.equal(mine.office.length, 0);
  assert.equal(mine.mine.find((x: { id: number }) => x.id === task.id).agencies[0].overdue, true);

  const xlsx = await jiandu.get(`/console/assessment/results.xlsx?year=${year}`);
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  assert.deepEqual(header.slice(0, 3), ['序号', '任务', '完成时限']);
  const col = header.indexOf('青山县自然资源局') + 1;
  assert.ok(col > 3);
  const rows: Record<string, string> = {};
  ws.eachRow((row, n) => { if (n > 1) rows[String(row.getCell(2).value)] = String(row.getCell(col).value); });
  assert.equal(rows['集中公开自然资源领域规划信息'], '（牵头）已验收');
  assert.equal(rows['逾期的任务'], '（牵头）未完成·逾期');
  assert.equal((await editor.get(`/console/assessment/results.xlsx?year=${year}`)).statusCode, 403);
});

test('the demo: three tasks of this year, one accepted for 自然资源局, one overdue, one open 整改 item', async () => {
  const before = (await jiandu.api('GET', `/api/v1/assessment/tasks?year=${year}`)).json().office.length;
  await seedAssessmentDemo(t.db);
  // the office already had tasks of this year: nothing is added twice
  assert.equal((await jiandu.api('GET', `/api/v1/assessment/tasks?year=${year}`)).json().office.length, before);
  await t.db.exec('delete from assessment_tasks');
  await seedAssessmentDemo(t.db);
  const office = (await jiandu.api('GET', `/api/v1/assessment/tasks?year=${year}`)).json().office as { state: string; agencies: { orgId: number; state: string; overdue: boolean }[] }[];
  assert.equal(office.length, 3);
  assert.ok(office.every((x) => x.state === 'published'));
  assert.ok(office.some((x) => x.agencies.some((a) => a.orgId === ids['QS-ZRZY'] && a.state === 'accepted')));
  assert.ok(office.some((x) => x.agencies.every((a) => a.overdue)));
  const rect = (await editor.api('GET', '/api/v1/assessment/rectifications')).json();
  assert.ok(rect.received.some((r: { state: string; sourceKind: string }) => r.state === 'open' && r.sourceKind === 'inspection'));
});
