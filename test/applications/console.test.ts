// The console: register a paper application, the queue with due dates and overdue / due-soon flags
// computed from the clock, the case page with the actions of its state, forms that keep the
// clerk's input on error, letters, and who sees what.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let now = '2025-11-03';

before(async () => {
  setTodayForTests(() => now);
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

const PAPER = {
  channel: 'in_person', submittedOn: '2025-11-03', applicantKind: 'organization', orgName: '青山律师事务所', orgColumn: 'legal_service',
  creditCode: '31330000MD0000000X', legalRepresentative: '李律师', contactPerson: '赵助理', phone: '0571-88886666', email: '',
  address: '青山县文化路 3 号', postalCode: '', infoTitle: '2025年度行政处罚决定书目录', infoDocNumber: '', infoDescription: '', formWanted: 'paper', delivery: 'post',
};

let caseUrl = '';

test('registering a paper application: Chinese messages per field, input kept, then registered and received that day', async () => {
  const form = await handler.get('/console/applications/new');
  assert.equal(form.statusCode, 200);
  const bad = await handler.post('/console/applications', { ...PAPER, creditCode: '123' }, '/console/applications/new');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /统一社会信用代码不正确/);
  assert.match(bad.body, /value="青山律师事务所"/, 'the input is kept');
  // A real, valid code (GB 32100 check character)
  const ok = await handler.post('/console/applications', { ...PAPER, creditCode: '91350100M000100Y43' }, '/console/applications/new');
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
  caseUrl = ok.headers.location!.split('?')[0]!;
  const page = await handler.get(caseUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /已受理/);
  // 当面提交 on Monday 11-03: 20 working days → 12-01
  assert.match(page.body, /id="due-date">2025-12-01</);
  assert.match(page.body, /青山律师事务所/, 'the handler sees the applicant');
  assert.match(page.body, /政府信息公开申请接收回执/);
  for (const action of ['告知补正', '征求意见', '发出收费通知', '申请延期答复', '拟定答复（报负责人签发）', '登记撤回']) assert.ok(page.body.includes(`<summary>${action}</summary>`), action);
  assert.doesNotMatch(page.body, /<summary>确认收到申请<\/summary>/);
  assert.doesNotMatch(page.body, /作出答复并签发/, 'a handler does not sign');
  assert.match(page.body, /已留存原件（2025-11-03 出具）/, 'the 接收回执 is kept from registration');
});

test('an action with a mistake re-renders the case page with the message and the clerk’s input', async () => {
  const res = await handler.post(`${caseUrl}/correction-request`, { on: '2025-11-03', items: '', dueOn: '2025-11-20' }, caseUrl);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /请写明需要补正的事项/);
  assert.match(res.body, /<details id="action-correction-request" open class="failed">\s*<summary>告知补正<\/summary>/);
  assert.match(res.body, /value="2025-11-20"/);
  // Said where the eye lands after the reload — the top, focused — and linked to the form kept open below.
  const summary = /<div class="error error-summary" role="alert" id="action-error" tabindex="-1" autofocus>([\s\S]*?)<\/div>/.exec(res.body);
  assert.ok(summary, 'a summary at the top');
  assert.match(summary[1]!, /未能完成“告知补正”：请写明需要补正的事项/);
  assert.match(summary[1]!, /<a href="#action-correction-request">转到“告知补正”表单修改<\/a>/);
  assert.ok(res.body.indexOf('id="action-error"') < res.body.indexOf('<section class="card">'), 'before the case facts');
  const assign = await handler.post(`${caseUrl}/assign`, { handlerUserId: '999999' }, caseUrl);
  assert.equal(assign.statusCode, 400);
  assert.match(assign.body, /未能完成“分配办理人”：只能分配给本机关的依申请办理人或负责人[\s\S]*<a href="#action-assign">/);
  assert.match(assign.body, /<form method="post" action="[^"]+\/assign" class="inline" id="action-assign">/);
  const late = await handler.post(`${caseUrl}/reply-draft`, { on: '2025-11-04', outcome: 'granted', reasons: '', deliveredBy: '邮寄' }, caseUrl);
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /不能晚于今天（2025-11-03）/);
});

test('the queue: due dates, due-soon and overdue flags from the clock, filters', async () => {
  // a second case, received 10-09: due 11-05 → due soon on 11-03, overdue on 11-06
  const second = await handler.post('/console/applications', { ...PAPER, submittedOn: '2025-10-09', infoTitle: '采矿权出让收益征收文件', creditCode: '91350100M000100Y43' }, '/console/applications/new');
  assert.equal(second.statusCode, 303);
  let list = await handler.get('/console/applications');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /QS-ZRZY-2025-00001/);
  assert.match(list.body, /2025-11-05 <span class="flag due_soon">即将到期（剩 2 个工作日）<\/span>/);
  // Most urgent first, the same cases by number on request: a third case, registered last, due 12-01.
  const third = await handler.post('/console/applications', { ...PAPER, infoTitle: '2025年耕地保护目标责任制考核结果', creditCode: '91350100M000100Y43' }, '/console/applications/new');
  assert.equal(third.statusCode, 303);
  const rows = (body: string) => [...body.matchAll(/<tr><td><a href="\/console\/applications\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]!);
  list = await handler.get('/console/applications');
  assert.deepEqual(rows(list.body), ['QS-ZRZY-2025-00002', 'QS-ZRZY-2025-00001', 'QS-ZRZY-2025-00003'], 'due 11-05, then due 12-01 in receipt order');
  assert.match(list.body, /<option value="urgency" selected>按紧急程度（逾期在前）<\/option>/);
  const byNumber = await handler.get('/console/applications?order=number');
  assert.deepEqual(rows(byNumber.body), ['QS-ZRZY-2025-00003', 'QS-ZRZY-2025-00002', 'QS-ZRZY-2025-00001'], 'newest first');
  assert.match(byNumber.body, /<th scope="col" aria-sort="descending"><a href="\/console\/applications\?order=number">申请编号<\/a><\/th>/);
  assert.match(byNumber.body, /<a href="\/console\/applications">改为按紧急程度排列<\/a>/);
  assert.match((await handler.get('/console/applications?state=open&order=number')).body, /<a href="\/console\/applications\?state=open">改为按紧急程度排列<\/a>/, 'the filters are kept');
  const soon = await handler.get('/console/applications?due=soon');
  assert.match(soon.body, /采矿权出让收益征收文件/);
  assert.doesNotMatch(soon.body, /行政处罚决定书目录/);
  now = '2025-11-06';
  list = await handler.get('/console/applications?due=overdue');
  assert.match(list.body, /<span class="flag overdue">已逾期（逾期 1 天）<\/span>/);
  assert.equal(rows((await handler.get('/console/applications')).body)[0], 'QS-ZRZY-2025-00002', 'the overdue case heads the list');
  assert.doesNotMatch(list.body, /行政处罚决定书目录/);
  const replied = await handler.get('/console/applications?state=replied');
  assert.match(replied.body, /没有符合条件的申请/);
});

test('reply from the console: the handler drafts, the head sends it back, the handler drafts again, the head signs; the letter names the signer', async () => {
  now = '2025-11-10';
  let res = await handler.post(`${caseUrl}/assign`, { handlerUserId: '' }, caseUrl);
  assert.equal(res.statusCode, 303);
  res = await handler.post(`${caseUrl}/notes`, { note: '已电话联系申请人核实' }, caseUrl);
  assert.equal(res.statusCode, 303);
  // the handler's own letter text must keep the remedy clause
  const noRemedy = await handler.post(`${caseUrl}/reply-draft`, { on: '2025-11-10', outcome: 'unavailable.notHeld', reasons: '经检索，本机关未制作该目录', deliveredBy: '邮寄', template: '经检索，无此信息。理由：{理由}' }, caseUrl);
  assert.equal(noRemedy.statusCode, 400);
  assert.match(noRemedy.body, /缺少必需的占位符 \{救济途径\}/);
  assert.match(noRemedy.body, /经检索，无此信息。理由：\{理由\}/, 'the text typed is kept');
  res = await handler.post(`${caseUrl}/reply-draft`, { on: '2025-11-10', outcome: 'unavailable.notHeld', reasons: '未制作', deliveredBy: '邮寄' }, caseUrl);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  let page = await handler.get(caseUrl);
  assert.match(page.body, /答复待签发/);
  assert.match(page.body, /答复须经机关负责人审核签发后方可发出/);
  assert.doesNotMatch(page.body, /<summary>审核签发答复/);
  assert.equal((await handler.post(`${caseUrl}/reply-signature`, { on: '2025-11-10' }, caseUrl)).statusCode, 403);

  const head = await new Client(t.app).loginReady('zrzy.head');
  const queue = await head.get('/console/applications');
  assert.match(queue.body, /1 件答复待机关负责人审核签发/);
  const waiting = await head.get('/console/applications?state=reply_drafted');
  assert.match(waiting.body, /2025年度行政处罚决定书目录/);
  page = await head.get(caseUrl);
  assert.match(page.body, /<summary>审核签发答复（负责人）<\/summary>/);
  assert.match(page.body, /<summary>退回答复草稿（负责人）<\/summary>/);
  const noReason = await head.post(`${caseUrl}/reply-return`, { on: '2025-11-10', reason: '' }, caseUrl);
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /请填写退回修改的理由/);
  res = await head.post(`${caseUrl}/reply-return`, { on: '2025-11-10', reason: '理由写得过简，请写明检索的范围' }, caseUrl);
  assert.equal(res.statusCode, 303);
  page = await handler.get(caseUrl);
  assert.match(page.body, /已受理/);
  assert.match(page.body, /退回理由：理由写得过简，请写明检索的范围/);

  res = await handler.post(`${caseUrl}/reply-draft`, { on: '2025-11-10', outcome: 'unavailable.notHeld', reasons: '经检索，本机关未制作该目录', deliveredBy: '邮寄' }, caseUrl);
  assert.equal(res.statusCode, 303);
  const draft = await handler.get(`${caseUrl}/letter?kind=reply`);
  assert.match((await mammoth.extractRawText({ buffer: draft.rawPayload })).value, /草稿/);
  // The head reads the whole letter on the case page before signing: the decision in one wording, no template alternatives.
  const beforeSigning = (await head.get(caseUrl)).body;
  const shown = beforeSigning.match(/<div class="letter-text" id="reply-draft-text">([\s\S]*?)<\/div>/)?.[1] ?? '';
  assert.match(shown, /<p>经检索，本机关不掌握您申请公开的政府信息。<\/p>/);
  assert.match(shown, /<p>理由：经检索，本机关未制作该目录<\/p>/);
  assert.match(shown, /六个月内依法向人民法院提起行政诉讼/);
  assert.doesNotMatch(shown, /（或/);
  now = '2025-11-11';
  res = await head.post(`${caseUrl}/reply-signature`, { on: '2025-11-11' }, caseUrl);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  page = await handler.get(caseUrl);
  assert.match(page.body, /已答复/);
  assert.match(page.body, /已电话联系申请人核实/);
  assert.match(page.body, /（四）无法提供 1\.本机关不掌握相关政府信息（2025-11-11）/, 'replied on the signing date');
  assert.match(page.body, /签发人：自然资源局负责人/);
  const letter = await handler.get(`${caseUrl}/letter?kind=reply`);
  assert.equal(letter.statusCode, 200);
  const text = (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
  assert.match(text, /青山律师事务所：/);
  assert.match(text, /理由：经检索，本机关未制作该目录/);
  assert.match(text, /自收到本答复之日起六十日内向青山县人民政府申请行政复议/);
  assert.match(text, /六个月内依法向人民法院提起行政诉讼/);
  assert.doesNotMatch(text, /应当先向/, 'not a refusal: no 复议前置');
  assert.match(text, /签发人：自然资源局负责人\s+青山县自然资源局\s+2025年11月11日/);
  assert.doesNotMatch(text, /草稿/);
});

test('who sees what: supervisors read without personal data, editors and other organizations do not read', async () => {
  await createUser(t.db, cliContext(), { orgCode: '113301000000000001', username: 'county.supervisor', displayName: '县监督员', password: 'Supervise-2026', roles: ['supervisor'] });
  const supervisor = await new Client(t.app).loginReady('county.supervisor', 'Supervise-2026');
  const zrzy = (await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`))[0]!;
  await supervisor.post('/console/switch-org', { orgId: String(zrzy.id) });
  const page = await supervisor.get(caseUrl);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /李律师|0571-88886666|91350100M000100Y43/);
  assert.doesNotMatch(page.body, /<summary>/, 'supervisors do not act');
  assert.equal((await supervisor.get(`${caseUrl}/letter?kind=reply`)).statusCode, 403);

  const editor = await new Client(t.app).loginReady('zrzy.editor');
  assert.equal((await editor.get('/console/applications')).statusCode, 403);
  assert.equal((await editor.get(caseUrl)).statusCode, 403);
  const table3 = await editor.get('/console/applications/table3?year=2025');
  assert.equal(table3.statusCode, 200, 'report editors see the counts');
  assert.match(table3.body, /写入 2025 年度报告草稿/);

  await createUser(t.db, cliContext(), { orgCode: 'QS-LY', username: 'ly.handler', displayName: '林业局办理人', password: 'Forest-handler-26', roles: ['handler', 'head'] });
  const other = await new Client(t.app).loginReady('ly.handler', 'Forest-handler-26');
  assert.equal((await other.get(caseUrl)).statusCode, 404, "another organization's case does not exist for its staff");
  assert.equal((await other.post(`${caseUrl}/close`, { on: '2025-11-10' })).statusCode, 404);
});

test('第三十五条: the case page tells the handler when an applicant sent more than 10 applications in the month; the decision stays with the handler', async () => {
  now = '2025-11-20';
  const person = { channel: 'in_person', submittedOn: '2025-11-20', applicantKind: 'natural', name: '钱七', idType: '护照', idNumber: 'E12345678', phone: '13600007777', formWanted: 'electronic', delivery: 'online' };
  const ids: number[] = [];
  const register = async (i: number) => {
    const res = await handler.api('POST', '/api/v1/applications', { ...person, infoTitle: `第 ${i} 份会议纪要` });
    assert.equal(res.statusCode, 201, res.body);
    ids.push(res.json().id);
  };
  const HINT = /该申请人本自然月内向本机关提交了 (\d+) 件申请，本件为第 (\d+) 件。数量、频次明显超过合理范围的，可以要求说明理由（条例第三十五条）/;
  for (let i = 1; i <= 10; i++) await register(i);
  assert.doesNotMatch((await handler.get(`/console/applications/${ids[9]}`)).body, HINT, 'ten in a month: no hint');
  await register(11);
  const eleventh = HINT.exec((await handler.get(`/console/applications/${ids[10]}`)).body);
  assert.deepEqual(eleventh?.slice(1), ['11', '11']);
  assert.deepEqual(HINT.exec((await handler.get(`/console/applications/${ids[0]}`)).body)?.slice(1), ['11', '1']);
  assert.doesNotMatch((await handler.get(caseUrl)).body, HINT, "another applicant's case");
  // Only a hint: every action of a received case is still offered, none is taken.
  const page = (await handler.get(`/console/applications/${ids[10]}`)).body;
  assert.ok(page.includes('<summary>拟定答复（报负责人签发）</summary>'));
  const [row] = await t.db.query<{ state: string }>('select state from applications where id = $1', [ids[10]]);
  assert.equal(row!.state, 'received');

  // The handler decides to ask for reasons: the form keeps the input on a mistake, then the letter is issued.
  const url = `/console/applications/${ids[10]}`;
  assert.ok(page.includes('<summary>要求说明理由（条例第三十五条）</summary>'));
  assert.ok(!page.includes('确定延迟答复期限'), 'a later date only after the reasons, and only for the head');
  const grounds = '您于2025年11月向本机关提出申请11件';
  const bad = await handler.post(`${url}/reasons-request`, { on: '2025-11-20', grounds, dueOn: '2025-12-31' }, url);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /说明理由的期限应早于答复期限 2025-12-18/);
  assert.match(bad.body, /<details id="action-reasons-request" open class="failed">\s*<summary>要求说明理由（条例第三十五条）<\/summary>/);
  assert.ok(bad.body.includes(grounds), 'the grounds typed are kept');
  assert.equal((await handler.post(`${url}/reasons-request`, { on: '2025-11-20', grounds, dueOn: '2025-11-27' }, url)).statusCode, 303);
  const asked = (await handler.get(url)).body;
  assert.match(asked, /要求申请人说明理由（条例第三十五条）[\s\S]*您于2025年11月向本机关提出申请11件；说明期限：2025-11-27/);
  assert.match(asked, /政府信息公开申请说明理由告知书：<a href="[^"]*kind=reasons">DOCX/);
  assert.ok(asked.includes('<summary>登记申请人说明的理由</summary>'));
  assert.ok(!asked.includes('<summary>要求说明理由（条例第三十五条）</summary>'), 'once');
  now = '2025-11-24';
  assert.equal((await handler.post(`${url}/reasons`, { on: '2025-11-24', reasons: '书面说明：研究本县会议制度' }, url)).statusCode, 303);
  assert.match((await handler.get(url)).body, /收到申请人说明的理由[\s\S]*工作人员登记：书面说明：研究本县会议制度/);
});

test('a deadline in a year without calendar names whom to ask and links the 工作日历 page, never a command', async () => {
  now = '2026-12-14';
  const res = await handler.post('/console/applications', { ...PAPER, submittedOn: '2026-12-14', infoTitle: '2026年度土地卫片执法检查报告', creditCode: '91350100M000100Y43' }, '/console/applications/new');
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const page = await handler.get(res.headers.location!.split('?')[0]!);
  // 20 working days from 12-14 run into January 2027, whose holidays are not entered yet.
  assert.match(page.body, /<span class="error" id="calendar-missing">工作日历尚未录入 2027 年的节假日安排，答复期限暂无法计算（不作估算）。\s*请联系系统管理员（最上级机构的管理员）录入：<a href="\/console\/calendar\/years\/new\?year=2027">工作日历 · 录入 2027 年节假日安排<\/a>/);
  assert.doesNotMatch(page.body, /gongkai calendar/);
  const queue = await handler.get('/console/applications?state=open');
  assert.match(queue.body, /<span class="flag overdue" title="工作日历未包含 2027 年的节假日安排，请联系系统管理员[^"]*">无法计算（2027 年日历未录入）<\/span>/);
  assert.doesNotMatch(queue.body, /gongkai calendar/);
});
