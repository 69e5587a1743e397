// Issue 17 §3 自评报告 through HTTP on the demo database: 青山县自然资源局's editor drafts its
// self-assessment of the year from its facts (a task of the county office, a 整改 item, last year's
// report), edits and submits it; the office (jiandu) sees it in its list, returns it with a reason, the
// agency redrafts and submits again, the office accepts. Refusals by the wrong role and state; another
// agency's self-assessment out of reach; 待办 on both sides; one audit entry per action on the right
// chain; the demo's submitted self-assessment of 自然资源局.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../src/core/date.ts';
import { currentYear, today } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createRectification, createTask, decideProgress, publishTask, saveProgress } from '../../src/supervision/assessment/commands.ts';
import { seedAssessmentDemo } from '../../src/supervision/assessment/demo.ts';
import { createSelfAssessment } from '../../src/supervision/assessment/self-assessment/commands.ts';
import { findTask } from '../../src/supervision/assessment/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let jiandu: Client;
let editor: Client;
const ids: Record<string, number> = {};
const year = currentYear();

before(async () => {
  t = await testApp();
  for (const code of ['113301000000000001', 'QS-ZRZY', 'QS-LY']) ids[code] = (await findOrgByCode(t.db, code))!.id;
  const office = ids['113301000000000001']!;
  // the facts: one task accepted with a link, one past its deadline, one open 整改 item
  const done = await createTask(t.db, cliContext(), office, { year, title: '集中公开自然资源领域规划信息', leadOrgId: ids['QS-ZRZY'], deadline: addDays(today(), 30) });
  const late = await createTask(t.db, cliContext(), office, { year, title: '更新政策文件解读', leadOrgId: ids['QS-LY'], otherOrgIds: [ids['QS-ZRZY']], deadline: addDays(today(), -3) });
  for (const id of [done, late]) await publishTask(t.db, cliContext(), id);
  const progress = (await findTask(t.db, done))!.agencies[0]!.id;
  await saveProgress(t.db, cliContext(), progress, { note: '已集中公开', links: ['https://www.qingshan.example.gov.cn/gh/1.html', 'https://www.qingshan.example.gov.cn/gh/2.html'] }, true);
  await decideProgress(t.db, cliContext(), progress, 'accept');
  await createRectification(t.db, cliContext(), office, { orgId: ids['QS-ZRZY'], sourceKind: 'inspection', finding: '“规划信息”栏目超过 6 个月未更新', deadline: addDays(today(), 15) });
  jiandu = await new Client(t.app).loginReady('jiandu');
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(() => t.close());

const audits = async (action: string) =>
  t.db.query<{ org_id: number }>('select org_id from audit_log where action = $1 order by id', [action]).then((rows) => rows.map((r) => Number(r.org_id)));

test('the whole cycle: drafted from facts, edited, submitted, returned with a reason, redrafted, submitted again, accepted', async () => {
  const empty = await editor.get(`/console/assessment/self-assessment?year=${year}`);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /本机构尚未起草 \d+ 年度自评报告/);
  assert.match((await editor.get(`/console/assessment?year=${year}`)).body, /href="\/console\/assessment\/self-assessment\?year=\d+"/, 'a link from the assessment page');

  const created = await editor.post('/console/assessment/self-assessment', { year: String(year) });
  assert.equal(created.statusCode, 303);
  assert.equal((await editor.post('/console/assessment/self-assessment', { year: String(year) })).statusCode, 409, 'one per agency and year');
  const mine = (await editor.api('GET', `/api/v1/assessment/self-assessment?year=${year}`)).json().selfAssessment;
  assert.equal(mine.state, 'draft');
  assert.equal(mine.officeName, '青山县人民政府办公室');
  const text: string = mine.text;
  assert.match(text, /^县政府办：\n/);
  assert.match(text, /本单位承担任务 2 项（牵头 1 项，配合 1 项），其中已验收 1 项，未完成 1 项；已超过完成时限尚未验收的 1 项。/);
  assert.match(text, /集中公开自然资源领域规划信息（牵头，完成时限[^）]+）：已完成并通过验收，提供佐证链接 2 个。/);
  assert.match(text, /整改事项 1 项，其中正在整改 1 项。/);
  assert.match(text, new RegExp(`《青山县自然资源局${year - 1}年度政府信息公开工作年度报告》，于\\d+年\\d+月\\d+日公布`), 'the demo publishes last year\'s report');
  assert.match(text, /年度报告显示：/);
  assert.match(text, /二、存在的问题\n1\.任务“更新政策文件解读”已超过完成时限/);
  assert.match(text, /三、下一步工作计划\n/);

  // the office sees nothing of a draft
  const list = await jiandu.get(`/console/assessment/self-assessments?year=${year}`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<tr data-org="QS-ZRZY"><th scope="row">青山县自然资源局<\/th><td>未报送<\/td>/);
  assert.equal((await jiandu.get(`/console/assessment/self-assessments/${mine.id}`)).statusCode, 404);
  assert.equal((await jiandu.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/accept`)).statusCode, 404);

  // edit and submit in one go
  const edited = `${text.replace('三、下一步工作计划', '三、下一步工作计划\n加强培训，提升全员政务公开意识。')}`;
  assert.equal((await editor.post(`/console/assessment/self-assessments/${mine.id}`, { text: edited, action: 'save' })).statusCode, 303);
  assert.equal((await editor.post(`/console/assessment/self-assessments/${mine.id}`, { text: edited, action: 'submit' })).statusCode, 303);
  const submitted = (await editor.api('GET', `/api/v1/assessment/self-assessments/${mine.id}`)).json();
  assert.equal(submitted.state, 'submitted');
  assert.equal(submitted.editable, false);
  assert.match(submitted.text, /加强培训，提升全员政务公开意识。/);
  const locked = await editor.post(`/console/assessment/self-assessments/${mine.id}`, { text: 'x', action: 'save' });
  assert.equal(locked.statusCode, 409);
  assert.match(locked.body, /等待政府办公室审核/);

  // the office: its list and 待办; the agency may not judge itself, the office may not edit
  assert.match((await jiandu.get('/console')).body, /部门提交的自评报告待审核 <strong>1<\/strong> 件/);
  const office = (await jiandu.api('GET', `/api/v1/assessment/self-assessments?year=${year}`)).json();
  assert.equal(office.agencies.find((a: { orgCode: string }) => a.orgCode === 'QS-ZRZY').selfAssessment.state, 'submitted');
  assert.equal((await editor.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/accept`)).statusCode, 403);
  assert.equal((await editor.post(`/console/assessment/self-assessments/${mine.id}/return`, { reason: '自己退回' })).statusCode, 403);
  assert.equal((await jiandu.api('PUT', `/api/v1/assessment/self-assessments/${mine.id}`, { text: '政府办改写' })).statusCode, 403);
  assert.equal((await editor.api('GET', `/api/v1/assessment/self-assessments?year=${year}`)).statusCode, 403);

  const page = await jiandu.get(`/console/assessment/self-assessments/${mine.id}`);
  assert.match(page.body, /id="return-form"/);
  assert.match(page.body, /加强培训，提升全员政务公开意识。/);
  const noReason = await jiandu.post(`/console/assessment/self-assessments/${mine.id}/return`, { reason: ' ' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /请填写退回理由/);
  assert.equal((await jiandu.post(`/console/assessment/self-assessments/${mine.id}/return`, { reason: '请补充政策解读工作的具体情况' })).statusCode, 303);

  // returned: a 待办 for the agency, the reason shown, editable again
  assert.match((await editor.get('/console')).body, /class="urgent"><a href="\/console\/assessment\/self-assessment\?year=\d+">自评报告被退回，待修改后重新提交 <strong>1<\/strong> 件/);
  const returned = await editor.get(`/console/assessment/self-assessment?year=${year}`);
  assert.match(returned.body, /<td id="return-reason">请补充政策解读工作的具体情况<\/td>/);
  assert.match(returned.body, /<textarea id="self-assessment-text" name="text"/);
  assert.equal((await editor.post(`/console/assessment/self-assessments/${mine.id}/redraft`, {})).statusCode, 303);
  const redrafted = (await editor.api('GET', `/api/v1/assessment/self-assessments/${mine.id}`)).json();
  assert.equal(redrafted.state, 'returned');
  assert.doesNotMatch(redrafted.text, /加强培训/, 'the fresh draft replaces the edit');
  const again = (await editor.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/submit`, { text: `${redrafted.text}\n（补充）政策解读工作已部署。` })).json();
  assert.equal(again.state, 'submitted');
  const accepted = (await jiandu.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/accept`)).json();
  assert.equal(accepted.state, 'accepted');
  assert.match(accepted.decidedBy, /\S/);
  assert.equal((await jiandu.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/return`, { reason: '再看' })).statusCode, 409, 'accepted stays accepted');
  assert.equal((await editor.api('POST', `/api/v1/assessment/self-assessments/${mine.id}/redraft`)).statusCode, 409);
  assert.doesNotMatch((await editor.get('/console')).body, /自评报告被退回/);
  assert.match((await jiandu.get(`/console/assessment/self-assessments?year=${year}`)).body, /<a href="\/console\/assessment\/self-assessments\/\d+">青山县自然资源局<\/a><\/th><td>已通过<\/td>/);

  // one audit entry each: the agency's actions on its chain, the office's on the office's
  const zrzy = ids['QS-ZRZY']!;
  const officeId = ids['113301000000000001']!;
  assert.deepEqual(await audits('assessment.self_assessment.create'), [zrzy]);
  assert.deepEqual(await audits('assessment.self_assessment.save'), [zrzy]);
  assert.deepEqual(await audits('assessment.self_assessment.submit'), [zrzy, zrzy]);
  assert.deepEqual(await audits('assessment.self_assessment.redraft'), [zrzy]);
  assert.deepEqual(await audits('assessment.self_assessment.return'), [officeId]);
  assert.deepEqual(await audits('assessment.self_assessment.accept'), [officeId]);
  assert.match((await jiandu.get('/console/audit')).body, /通过自评报告|退回自评报告/);
});

test('another agency\'s self-assessment is out of reach; an agency without an office above has nowhere to submit', async () => {
  const other = await createSelfAssessment(t.db, cliContext(), ids['QS-LY']!, { year });
  for (const url of [`/console/assessment/self-assessments/${other}`, `/api/v1/assessment/self-assessments/${other}`]) {
    const res = await editor.get(url, { accept: url.startsWith('/api') ? 'application/json' : 'text/html' });
    assert.equal(res.statusCode, 404, url);
    assert.doesNotMatch(res.body, /青山县林业局/);
  }
  assert.equal((await editor.api('POST', `/api/v1/assessment/self-assessments/${other}/submit`)).statusCode, 404);
  assert.equal((await editor.post(`/console/assessment/self-assessments/${other}`, { text: 'x', action: 'save' })).statusCode, 404);
  assert.equal((await editor.get('/console/assessment/self-assessments')).statusCode, 403, 'the office\'s list is the office\'s');
  // the county office itself has no 人民政府办公室 above it in the demo tree
  await assert.rejects(createSelfAssessment(t.db, cliContext(), ids['113301000000000001']!, { year }), /上级没有政府办公室，自评报告无处报送/);
});

test('the demo: 自然资源局 has a submitted self-assessment of this year, drafted from its facts', async () => {
  await t.db.exec('delete from assessment_self_assessments; delete from assessment_tasks; delete from assessment_rectifications');
  await seedAssessmentDemo(t.db);
  const list = (await jiandu.api('GET', `/api/v1/assessment/self-assessments?year=${year}`)).json();
  const zrzy = list.agencies.find((a: { orgCode: string }) => a.orgCode === 'QS-ZRZY').selfAssessment;
  assert.equal(zrzy.state, 'submitted');
  assert.match(zrzy.text, /本单位承担任务 3 项（牵头 1 项，配合 2 项）/);
  assert.match(zrzy.text, /梳理本部门主动公开基本目录[^\n]*已完成并通过验收，提供佐证链接 1 个/);
  assert.match(zrzy.text, /“规划信息”栏目超过 6 个月未更新/);
  assert.match(zrzy.text, /二、存在的问题\n1\.任务“更新生态环境领域政策文件解读/);
  assert.match(zrzy.submittedBy, /演示数据/);
  // seeding again adds nothing
  await seedAssessmentDemo(t.db);
  assert.equal(Number((await t.db.query<{ n: number }>('select count(*) as n from assessment_self_assessments'))[0]!.n), 1);
});
