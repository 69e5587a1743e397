// Public consultation over HTTP: the portal's list and pages (approved comments only, never who wrote
// them), the comment form (CSRF, refused outside the period, kept on error, the shared rate limit), the
// console (new, publish by the head, moderation queue, feedback) and the JSON API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let day = '2025-11-03';
let openId = 0;
let closedId = 0;

before(async () => {
  setTodayForTests(() => day);
  t = await testApp({ applyRatePerHour: 5 });
  const rows = await t.db.query<{ id: number; status: string }>(`select c.id, c.status from consultations c join organizations o on o.id = c.org_id where o.code = 'QS-ZRZY' order by c.id`);
  closedId = rows.find((r) => r.status === 'concluded')!.id;
  openId = rows.find((r) => r.status === 'published')!.id;
});
after(async () => {
  await t.close();
  setTodayForTests(null);
});

/** The CSRF token of a portal page's form. */
async function token(client: Client, url: string): Promise<string> {
  const res = await client.get(url);
  return /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
}

test('the portal lists open and closed consultations, each linking to its page', async () => {
  const res = await new Client(t.app).get('/consultations');
  assert.equal(res.statusCode, 200);
  const open = res.body.slice(res.body.indexOf('正在征求意见'), res.body.indexOf('已结束的征求意见'));
  const ended = res.body.slice(res.body.indexOf('已结束的征求意见'));
  assert.match(open, new RegExp(`<a href="/consultations/${openId}">关于征求《青山县耕地保护实施方案（征求意见稿）》意见的公告</a>`));
  assert.match(ended, new RegExp(`<a href="/consultations/${closedId}">关于征求《青山县城区控制性详细规划（修编）（草案）》意见的公告</a>`));
  const org = await new Client(t.app).get('/orgs/QS-ZRZY/consultations');
  assert.match(org.body, new RegExp(`/consultations/${openId}`));
  assert.ok(!(await new Client(t.app).get('/orgs/QS-LY/consultations')).body.includes(`/consultations/${openId}"`));
  // a county's page lists its agencies' consultations, naming the agency
  const [county] = await t.db.query<{ code: string }>(`select p.code from organizations o join organizations p on p.id = o.parent_id where o.code = 'QS-ZRZY'`);
  assert.match((await new Client(t.app).get(`/orgs/${county!.code}/consultations`)).body, new RegExp(`<a href="/consultations/${openId}">[^<]+</a> <span class="muted">青山县自然资源局 · `));
  assert.match((await new Client(t.app).get('/orgs/QS-ZRZY')).body, /<a href="\/orgs\/QS-ZRZY\/consultations">意见征集<\/a>/);
  assert.match((await new Client(t.app).get('/')).body, /<a href="\/consultations">意见征集<\/a>/);
});

test('a closed consultation shows its feedback, counted from the records, and approved comments without names', async () => {
  const res = await new Client(t.app).get(`/consultations/${closedId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h2 id="feedback-title">结果反馈<\/h2>/);
  assert.match(res.body, /共收到意见 <strong id="comment-total">4<\/strong> 条/);
  assert.match(res.body, /<td>部分采纳<\/td><td>路口拓宽已纳入规划/);
  assert.match(res.body, /建议在城北片区增加一处社区公园/);
  for (const hidden of ['王建国', '13900001234', '李秀英', '专业代办各类证照']) assert.ok(!res.body.includes(hidden), `shows ${hidden}`);
  assert.ok(!res.body.includes('name="body"'), 'no comment form once closed');
  assert.match(res.body, /征求意见稿[\s\S]*起草说明/);
});

test('a comment: CSRF, kept on error, pending until approved, refused once closed', async () => {
  const citizen = new Client(t.app);
  const url = `/consultations/${openId}`;
  const page = await citizen.get(url);
  assert.match(page.body, /<h2 id="comment-title">发表意见<\/h2>/);
  // the demo's second comment is pending: not shown
  assert.ok(!page.body.includes('向社会公开补充耕地的位置'), 'a pending comment is shown');
  assert.match(page.body, /建议明确补充耕地的质量验收标准/);
  assert.ok(!page.body.includes('张明'));

  const noCsrf = await citizen.request('POST', `${url}/comments`, { form: { body: '没有令牌的意见提交' } });
  assert.equal(noCsrf.statusCode, 403);

  const short = await citizen.request('POST', `${url}/comments`, { form: { _csrf: await token(citizen, url), body: '太短', name: '钱七' } });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /意见至少 5 个字/);
  assert.match(short.body, /value="钱七"/);

  const ok = await citizen.request('POST', `${url}/comments`, { form: { _csrf: await token(citizen, url), body: '建议在各乡镇设立耕地保护宣传栏。', name: '钱七', contact: 'qian@example.com' } });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `${url}?notice=submitted`);
  const after = await citizen.get(ok.headers.location as string);
  assert.match(after.body, /您的意见已提交/);
  assert.ok(!after.body.includes('耕地保护宣传栏'), 'shown before moderation');

  const closed = await citizen.request('POST', `/consultations/${closedId}/comments`, { form: { _csrf: await token(citizen, url), body: '截止之后提交的意见。' } });
  assert.equal(closed.statusCode, 409);
  assert.match(closed.body, /已于 \d{4}-\d\d-\d\d 截止，不再接收意见/);
  // a draft or unknown consultation is not found
  assert.equal((await citizen.get('/consultations/999999')).statusCode, 404);
});

test('the comment form shares the public forms’ rate limit', async () => {
  const client = new Client(t.app, '203.0.113.9');
  const url = `/consultations/${openId}`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await client.request('POST', `${url}/comments`, { form: { _csrf: await token(client, url), body: `第 ${i + 1} 条测试意见，内容足够长。` } });
    statuses.push(res.statusCode);
  }
  assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
  const count = await t.db.query<{ n: number }>('select count(*)::int as n from consultation_comments where consultation_id = $1', [openId]);
  assert.ok(count[0]!.n >= 8);
});

test('the console: the editor drafts, the head publishes, the moderation queue, the 待办, and the API', async () => {
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  const list = await editor.get('/console/consultations');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /关于征求《青山县耕地保护实施方案/);
  assert.match(list.body, /<a href="\/console\/consultations">意见征集<\/a>|aria-current="page">意见征集/);
  const form = { kind: 'normative', title: '关于征求《青山县临时用地管理办法（征求意见稿）》意见的公告', draft: '第一条 为规范临时用地管理，制定本办法。', explanation: '一、起草背景', startsOn: '2025-11-04', endsOn: '2025-11-10', contact: '', shortPeriodReason: '' };
  const refused = await editor.post('/console/consultations', form, '/console/consultations/new');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /一般不少于7个工作日（自开始日期次日起算，截止日期不早于 2025-11-13）/);
  assert.match(refused.body, /青山县临时用地管理办法/); // the input is kept
  const created = await editor.post('/console/consultations', { ...form, endsOn: '2025-11-13' }, '/console/consultations/new');
  assert.equal(created.statusCode, 303);
  const id = Number(/\/console\/consultations\/(\d+)/.exec(created.headers.location as string)![1]);
  const draftPage = await editor.get(`/console/consultations/${id}`);
  assert.match(draftPage.body, /草稿须由机关负责人发布/);
  assert.equal((await editor.post(`/console/consultations/${id}/publish`, {}, `/console/consultations/${id}`)).statusCode, 403);
  assert.equal((await new Client(t.app).get(`/consultations/${id}`)).statusCode, 404, 'a draft is not on the portal');

  // the draft as a file: checked by its content, then downloadable on the portal once the consultation starts
  const upload = async (name: string, content: Buffer) => {
    const boundary = '----gongkaiConsultationBoundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${await editor.csrfFrom(`/console/consultations/${id}`)}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const cookies = (editor as unknown as { cookies: Map<string, string> }).cookies;
    return t.app.inject({ method: 'POST', url: `/console/consultations/${id}/attachment`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  };
  const wrong = await upload('draft.pdf', Buffer.from('not a pdf'));
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /应为 PDF、OFD 或 Word/);
  assert.equal((await upload('draft.pdf', Buffer.from('%PDF-1.4 征求意见稿'))).statusCode, 303);

  const head = await new Client(t.app).loginReady('zrzy.head');
  assert.equal((await head.post(`/console/consultations/${id}/publish`, {}, `/console/consultations/${id}`)).statusCode, 303);
  assert.match((await head.get(`/console/consultations/${id}`)).body, /<span id="phase">即将开始<\/span>/);
  assert.equal((await new Client(t.app).get(`/consultations/${id}/draft-file`)).statusCode, 404, 'not before the start');
  day = '2025-11-04';
  const portalPage = await new Client(t.app).get(`/consultations/${id}`);
  assert.match(portalPage.body, new RegExp(`<a href="/consultations/${id}/draft-file" download>draft.pdf</a>`));
  const file = await new Client(t.app).get(`/consultations/${id}/draft-file`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  day = '2025-11-03';

  // the queue: the demo's pending comment and those of the tests above, with the writer's name for the moderators
  const queue = await editor.get('/console/consultations/moderation');
  assert.match(queue.body, /耕地保护宣传栏/);
  assert.match(queue.body, /钱七/);
  const home = await editor.get('/console');
  assert.match(home.body, /公众意见待审核 <strong>\d+<\/strong> 件/);
  const commentId = (await t.db.query<{ id: number }>(`select id from consultation_comments where body like '%宣传栏%'`))[0]!.id;
  const approved = await editor.post(`/console/consultations/${openId}/moderate`, { commentId: String(commentId), decision: 'approve', back: 'moderation' }, '/console/consultations/moderation');
  assert.equal(approved.statusCode, 303);
  const portal = await new Client(t.app).get(`/consultations/${openId}`);
  assert.match(portal.body, /耕地保护宣传栏/);
  assert.ok(!portal.body.includes('钱七') && !portal.body.includes('qian@example.com'));

  // the API: the list, and a consultation with its comments (names only for those who moderate)
  const api = await editor.api('GET', '/api/v1/consultations');
  assert.equal(api.statusCode, 200);
  assert.ok(api.json().consultations.some((c: { id: number; phase: string }) => c.id === openId && c.phase === 'open'));
  const detail = (await editor.api('GET', `/api/v1/consultations/${openId}`)).json();
  assert.ok(detail.commentList.some((m: { name: string | null }) => m.name === '钱七'));
  const handler = await new Client(t.app).loginReady('zrzy.handler');
  const seen = (await handler.api('GET', `/api/v1/consultations/${openId}`)).json();
  assert.ok(seen.commentList.every((m: { name: string | null; contact: string | null }) => m.name === null && m.contact === null));
  const bad = await editor.api('POST', '/api/v1/consultations', { ...form, kind: 'major_decision' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /一般不少于30日/);
});

test('after the end: the feedback form, its publication by the head, the final document checked against the catalogue', async () => {
  day = '2025-11-29'; // the demo's open consultation ended on 2025-11-28
  const editor = await new Client(t.app).loginReady('zrzy.editor', 'Changed-pass-2026');
  const head = await new Client(t.app).loginReady('zrzy.head', 'Changed-pass-2026');
  const url = `/console/consultations/${openId}`;
  const page = await editor.get(url);
  assert.match(page.body, /<span id="phase">已截止<\/span>/);
  assert.match(page.body, /id="feedback-form"/);
  const missing = await editor.post(`${url}/feedback`, { summary: '', point_1: '质量验收标准', result_1: 'not_adopted', reason_1: '' }, url);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /请填写反馈说明/);
  assert.match(missing.body, /第 1 条：未采纳或部分采纳的，请说明理由/);
  assert.match(missing.body, /质量验收标准/);
  assert.equal((await editor.post(`${url}/feedback`, { summary: '共收到意见若干条，逐条研究如下。', point_1: '明确补充耕地质量验收标准', result_1: 'adopted', reason_1: '' }, url)).statusCode, 303);
  // pending comments first
  const early = await head.post(`${url}/feedback/publish`, {}, url);
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /条意见待审核/);
  const pending = await t.db.query<{ id: number }>(`select id from consultation_comments where consultation_id = $1 and status = 'pending'`, [openId]);
  for (const m of pending) await head.post(`${url}/moderate`, { commentId: String(m.id), decision: 'reject', reason: '内容重复' }, url);
  assert.equal((await head.post(`${url}/feedback/publish`, {}, url)).statusCode, 303);
  const total = (await t.db.query<{ n: number }>('select count(*)::int as n from consultation_comments where consultation_id = $1', [openId]))[0]!.n;
  const portal = await new Client(t.app).get(`/consultations/${openId}`);
  assert.match(portal.body, new RegExp(`共收到意见 <strong id="comment-total">${total}</strong> 条`));
  assert.match(portal.body, /明确补充耕地质量验收标准/);

  // the final document: an item of another organization or none is refused
  const link = await editor.post(`${url}/final-document`, { finalDocument: '/items/999999' }, url);
  assert.equal(link.statusCode, 400);
  assert.match(link.body, /本机关主动公开目录中没有已发布的第 999999 号信息/);
  // another organization's item is refused; the agency's own published item is linked and shown
  const own = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  const other = (await findOrgByCode(t.db, 'QS-LY'))!;
  const itemOf = async (orgId: number, title: string) => {
    const column = (await listColumns(t.db, (await ensureCatalogue(t.db, orgId)).orgId)).find((c) => c.kind === 'general')!;
    return (await importPublishedItem(t.db, cliContext(), orgId, { content: { columnId: column.id, title, body: '正文' }, publishedDate: '2025-11-20' })).id;
  };
  const foreign = await itemOf(other.id, '林业局的文件');
  assert.equal((await editor.post(`${url}/final-document`, { finalDocument: String(foreign) }, url)).statusCode, 400);
  const item = await itemOf(own.id, '青山县耕地保护实施方案');
  assert.equal((await editor.post(`${url}/final-document`, { finalDocument: `http://localhost/items/${item}` }, url)).statusCode, 303);
  const withDoc = await new Client(t.app).get(`/consultations/${openId}`);
  assert.match(withDoc.body, new RegExp(`正式文件：<a href="/items/${item}">青山县耕地保护实施方案</a>`));
});
