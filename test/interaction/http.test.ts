// The mailbox over HTTP (app.inject): the portal form (CSRF, errors kept, attachments checked), the query
// code shown once, the lookup and the rating; the console's list with due dates and overdue marks, the
// reply drafted by the handler and signed by the head (not by the handler), the 待办, the published
// reply without contact details, the deadline settings and the JSON API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;
let head: Client;

before(async () => {
  setTodayForTests(() => '2025-11-03');
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
  head = await new Client(t.app).loginReady('zrzy.head');
});
after(async () => {
  await t.close();
  setTodayForTests(null);
});

function multipart(fields: Record<string, string>, files: { name: string; fileName: string; content: Buffer }[]) {
  const boundary = '----gongkai-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\ncontent-type: application/octet-stream\r\n\r\n`), f.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A browser-like session for multipart posts: the form page's cookies and CSRF token. */
async function formSession(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const cookie = (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(res.body)![1]! };
}

const codeOf = (body: string) => /id="query-code"[^>]*>([^<]+)</.exec(body)?.[1] ?? null;

test('the mailbox page: the form and the published replies, never the writers’ contact details', async () => {
  const res = await new Client(t.app).get('/orgs/QS-ZRZY/letters');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>青山县自然资源局信箱<\/h1>/);
  assert.match(res.body, /<form method="post" action="\/orgs\/QS-ZRZY\/letters"/);
  assert.match(res.body, /咨询（2 个工作日内答复）/);
  assert.match(res.body, /建议公开耕地占补平衡项目清单/);
  assert.match(res.body, /网友/);
  for (const secret of ['钱晓梅', '13905710002', 'qxm@example.com', '周建华', '13905710001']) assert.ok(!res.body.includes(secret), `the mailbox shows ${secret}`);
  assert.equal((await new Client(t.app).get('/orgs/SF-YL-QS/letters')).statusCode, 404, 'a region has no mailbox');
  const stats = await new Client(t.app).get('/letters/stats?year=2025');
  assert.equal(stats.statusCode, 200);
  assert.match(stats.body, /青山县自然资源局/);
});

test('writing: CSRF required, errors kept with the input, a bad attachment refused, then a query code', async () => {
  const citizen = new Client(t.app);
  const noToken = await citizen.request('POST', '/orgs/QS-ZRZY/letters', { form: { category: 'consult', subject: '测试', content: '测试内容测试', name: '张三', phone: '13600001111' } });
  assert.equal(noToken.statusCode, 403);
  const csrf = await citizen.csrfFrom('/orgs/QS-ZRZY/letters');
  const bad = await citizen.request('POST', '/orgs/QS-ZRZY/letters', { form: { _csrf: csrf, category: 'consult', subject: '宅基地', content: '短', name: '张三' } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /留言内容至少 5 个字/);
  assert.match(bad.body, /请填写联系电话或电子邮箱/);
  assert.match(bad.body, /value="宅基地"/, 'the input is kept');
  const session = await formSession('/orgs/QS-ZRZY/letters');
  const fields = { _csrf: session.csrf, category: 'help', subject: '不动产证补办', content: '不动产权证书遗失，如何补办？', name: '张三', phone: '13600001111', consentPublish: 'yes' };
  const exe = multipart(fields, [{ name: 'attachment1', fileName: '证明.pdf', content: Buffer.from('MZ not a pdf') }]);
  const refused = await t.app.inject({ method: 'POST', url: '/orgs/QS-ZRZY/letters', payload: exe.payload, headers: { 'content-type': exe.contentType, cookie: session.cookie } });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /附件“证明.pdf”的内容与文件类型不符/);
  const good = multipart(fields, [{ name: 'attachment1', fileName: '证明.pdf', content: Buffer.from('%PDF-1.4 test') }]);
  const ok = await t.app.inject({ method: 'POST', url: '/orgs/QS-ZRZY/letters', payload: good.payload, headers: { 'content-type': good.contentType, cookie: session.cookie } });
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
  const code = codeOf(ok.body);
  assert.ok(code, 'the result page shows the query code');
  const [m] = await t.db.query<{ id: number; n: number }>(`select m.id, (select count(*)::int from interaction_attachments a where a.message_id = m.id) as n from interaction_messages m where subject = '不动产证补办'`);
  assert.equal(m!.n, 1);

  const lookup = new Client(t.app);
  const wrong = await lookup.request('POST', '/letters/lookup', { form: { _csrf: await lookup.csrfFrom('/letters/lookup'), code: 'AAAA-BBBB-CCCC' } });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /查询码不正确/);
  const found = await lookup.request('POST', '/letters/lookup', { form: { _csrf: await lookup.csrfFrom('/letters/lookup'), code: code!.toLowerCase() } });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /id="letter-state">办理中</);
  assert.ok(!found.body.includes('13600001111'), 'the lookup page shows no contact details');
  assert.ok(!/id="rate-form"/.test(found.body), 'nothing to rate yet');

  // the handler drafts, the handler may not sign, the head signs
  const page = await handler.get(`/console/letters/${m!.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /张三 · 13600001111/);
  const drafted = await handler.post(`/console/letters/${m!.id}/draft`, { reply: '您好，请持身份证明到县不动产登记中心申请补发。' });
  assert.equal(drafted.statusCode, 303);
  const signByHandler = await handler.post(`/console/letters/${m!.id}/sign`, { publish: 'yes' });
  assert.equal(signByHandler.statusCode, 403);
  assert.match(signByHandler.body, /须经机关负责人审核签发/);
  const home = await head.get('/console');
  assert.match(home.body, /留言答复待您审核签发 <strong>2<\/strong> 件/);
  assert.equal((await head.post(`/console/letters/${m!.id}/sign`, { publish: 'yes' })).statusCode, 303);

  const answered = await lookup.request('POST', '/letters/lookup', { form: { _csrf: await lookup.csrfFrom('/letters/lookup'), code: code! } });
  assert.match(answered.body, /id="letter-state">已答复</);
  assert.match(answered.body, /请持身份证明到县不动产登记中心申请补发/);
  const rated = await lookup.request('POST', '/letters/rate', { form: { _csrf: await lookup.csrfFrom('/letters/lookup'), code: code!, rating: 'satisfied' } });
  assert.equal(rated.statusCode, 200);
  assert.match(rated.body, /感谢您的评价/);
  assert.match(rated.body, /您的评价：满意/);
  const mailbox = await new Client(t.app).get('/orgs/QS-ZRZY/letters');
  assert.match(mailbox.body, /不动产证补办/);
  assert.ok(!mailbox.body.includes('张三') && !mailbox.body.includes('13600001111'));
});

test('the console: due dates and overdue marks, transfer, settings, the 待办 and the API', async () => {
  const list = await handler.get('/console/letters');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /反映某建筑工地违法占地/);
  assert.match(list.body, /已逾期/);
  const home = await handler.get('/console');
  assert.match(home.body, /留言已超过答复期限 <strong>1<\/strong> 件/);
  const [open] = await t.db.query<{ id: number }>(`select id from interaction_messages where subject = '地质灾害隐患点如何上报'`);
  const [sl] = await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-SL'`);
  const page = await handler.get(`/console/letters/${open!.id}`);
  assert.match(page.body, /青山县水利局/, 'the transfer form offers the other agencies');
  const self = await handler.post(`/console/letters/${open!.id}/transfer`, { toOrgId: String((await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`))[0]!.id), reason: '测试' });
  assert.equal(self.statusCode, 400);
  assert.match(self.body, /不能转办给本机关/);
  assert.equal((await handler.post(`/console/letters/${open!.id}/transfer`, { toOrgId: String(sl!.id), reason: '地质灾害监测交由水利局' })).statusCode, 303);
  assert.equal((await handler.get(`/console/letters/${open!.id}`)).statusCode, 404, 'transferred: another agency’s now');

  const settings = await handler.get('/console/letters/settings');
  assert.equal(settings.statusCode, 200);
  assert.match(settings.body, /答复期限由本机关负责人或系统管理员设置/);
  const saved = await head.post('/console/letters/settings', { consult: '3', suggest: '10', help: '10', complain: '15' });
  assert.equal(saved.statusCode, 303);
  assert.match((await head.get('/console/letters/settings')).body, /id="d-consult" name="consult" type="number" min="1" max="60" value="3"/);

  const api = await handler.api('GET', '/api/v1/letters?state=all');
  assert.equal(api.statusCode, 200);
  const letters = api.json().letters as { id: number; subject: string; contact: unknown; state: string }[];
  assert.ok(letters.some((l) => l.subject === '反映某建筑工地违法占地' && l.contact !== null));
  const target = letters.find((l) => l.subject === '反映某建筑工地违法占地')!;
  const drafted = await handler.api('POST', `/api/v1/letters/${target.id}/reply`, { reply: '经核查，该工地已办理临时用地手续。' });
  assert.equal(drafted.statusCode, 200);
  assert.equal(drafted.json().state, 'reply_drafted');
  assert.equal((await handler.api('POST', `/api/v1/letters/${target.id}/sign`, {})).statusCode, 403);
  const signed = await head.api('POST', `/api/v1/letters/${target.id}/sign`, {});
  assert.equal(signed.json().state, 'answered');
  assert.equal(signed.json().published, false, 'no consent');
  const stats = await head.api('GET', '/api/v1/letters/stats?year=2025');
  assert.equal(stats.statusCode, 200);
  assert.ok(stats.json().received >= 5);
});
