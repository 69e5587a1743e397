// The catalogue console over HTTP: forms keep what was typed, findings block submission, each
// stage signs in turn, pages answer for every role.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const clients: Record<string, Client> = {};
let policyColumn = '';

before(async () => {
  t = await testApp();
  for (const [username, roles] of [['zr.r2', ['reviewer']], ['zr.bm', ['confidentiality']]] as const) {
    await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username, displayName: username, password: 'Test-pass-2026', roles: [...roles] });
  }
  for (const u of ['zrzy.editor', 'zrzy.reviewer', 'zrzy.head']) clients[u] = await new Client(t.app).loginReady(u);
  for (const u of ['zr.r2', 'zr.bm']) clients[u] = await new Client(t.app).loginReady(u, 'Test-pass-2026');
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  await ensureCatalogue(t.db, org.id);
  policyColumn = String((await listColumns(t.db, org.id)).find((c) => c.name === '政策文件')!.id);
});
after(() => t.close());

const form = (over: Record<string, string> = {}) => ({
  columnId: policyColumn,
  title: '青山县自然资源局关于加强耕地保护的通知',
  summary: '耕地保护措施',
  body: '各乡镇：\n\n联系人王某，身份证号码330106199003071236。\n\n特此通知。',
  docNumber: '青自然资发〔2025〕8号',
  publisher: '',
  writtenDate: '2025-05-06',
  formedDate: '',
  topic: '国土资源',
  docKind: 'normative',
  deadlineBasis: '',
  ...over,
});

test('every catalogue page answers for an editor, a reviewer and the head', async () => {
  for (const c of Object.values(clients)) {
    for (const url of ['/console/catalogue', '/console/catalogue/review', '/console/catalogue/columns', '/console/catalogue/settings', '/console/catalogue/health', '/console/catalogue/table2']) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    }
  }
  assert.equal((await clients['zrzy.editor']!.get('/console/catalogue/new')).statusCode, 200);
  assert.equal((await clients['zrzy.reviewer']!.get('/console/catalogue/new')).statusCode, 403);
  assert.match((await clients['zrzy.editor']!.get('/console')).body, /主动公开/);
});

test('a bad form comes back with the typed values and a Chinese message', async () => {
  const ed = clients['zrzy.editor']!;
  const res = await ed.post('/console/catalogue/items', form({ title: '甲', writtenDate: '2025-13-01' }), '/console/catalogue/new');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /标题：标题至少 2 个字/);
  assert.match(res.body, /成文日期格式应为 YYYY-MM-DD/);
  assert.match(res.body, /耕地保护措施/, 'the typed summary is kept');
});

test('editor → ID number blocks submission → fixed → 初审, 复审, 终审, 保密审查 → published with its 索引号', async () => {
  const ed = clients['zrzy.editor']!;
  const created = await ed.post('/console/catalogue/items', form(), '/console/catalogue/new');
  assert.equal(created.statusCode, 303, created.body.slice(0, 500));
  const url = created.headers.location!.split('?')[0]!;
  let page = await ed.get(url);
  assert.match(page.body, /疑似身份证号码（校验位相符）/);
  assert.match(page.body, /<mark>330106199003071236<\/mark>/);
  assert.match(page.body, /有 1 处保密审查提示未处理/);
  const blocked = await ed.post(`${url}/submit`, {}, url);
  assert.equal(blocked.statusCode, 409);
  assert.match(blocked.body, /保密审查发现 1 处/);

  const saved = await ed.post(url, form({ body: '各乡镇：\n\n联系人王某，电话0571-80000101。\n\n特此通知。' }), url);
  assert.equal(saved.statusCode, 303);
  page = await ed.get(url);
  assert.match(page.body, /未发现疑似涉密标志/);
  assert.equal((await ed.post(`${url}/submit`, {}, url)).statusCode, 303);

  const sign = async (who: string) => {
    const c = clients[who]!;
    const p = await c.get(url);
    const round = /name="round" value="(\d+)"/.exec(p.body)?.[1];
    const stageIndex = /name="stageIndex" value="(\d+)"/.exec(p.body)?.[1];
    assert.ok(round && stageIndex, `${who} sees the sign form`);
    const res = await c.post(`${url}/approve`, { round, stageIndex }, url);
    assert.equal(res.statusCode, 303, `${who}: ${res.body.slice(0, 300)}`);
    return res.headers.location!;
  };
  const headView = (await clients['zrzy.head']!.get(url)).body;
  assert.doesNotMatch(headView, /\/approve"/, 'the head waits for 终审');
  assert.match(headView, /\/return"/, 'but may return it without signing');
  await sign('zrzy.reviewer');
  assert.match((await clients['zrzy.reviewer']!.get(url)).body, /同一人不能签署两个审核环节/);
  await sign('zr.r2');
  await sign('zrzy.head');
  const last = await sign('zr.bm');
  assert.match(last, /notice=published/);
  page = await ed.get(url);
  assert.match(page.body, /QS-ZRZY\/\d{4}-00001/);
  assert.match(page.body, /在门户查看/);
  const queue = await clients['zrzy.reviewer']!.get('/console/catalogue/review');
  assert.match(queue.body, /没有待审核的信息/);
});

test('reject with a reason shows the reason to the author', async () => {
  const ed = clients['zrzy.editor']!;
  const created = await ed.post('/console/catalogue/items', form({ title: '关于退回演示的通知', body: '正文' }), '/console/catalogue/new');
  const url = created.headers.location!.split('?')[0]!;
  await ed.post(`${url}/submit`, {}, url);
  const empty = await clients['zrzy.reviewer']!.post(`${url}/reject`, { reason: '' }, url);
  assert.equal(empty.statusCode, 400);
  const res = await clients['zrzy.reviewer']!.post(`${url}/reject`, { reason: '请补充文号' }, url);
  assert.equal(res.statusCode, 303);
  assert.match((await ed.get(url)).body, /初审退回：请补充文号/);
});

test('columns and settings are managed by the head; the editor is refused', async () => {
  const head = clients['zrzy.head']!;
  const ed = clients['zrzy.editor']!;
  assert.equal((await ed.post('/console/catalogue/columns', { name: '专项工作' }, '/console/catalogue/columns')).statusCode, 403);
  const created = await head.post('/console/catalogue/columns', { name: '专项工作', kind: 'general', updateDays: '30', parentId: '', description: '' }, '/console/catalogue/columns');
  assert.equal(created.statusCode, 303);
  const dup = await head.post('/console/catalogue/columns', { name: '专项工作', kind: 'general', updateDays: 'x', parentId: '', description: '' }, '/console/catalogue/columns');
  assert.equal(dup.statusCode, 400);
  const bad = await head.post('/console/catalogue/settings', { stageName0: '审核', stageRole0: 'reviewer', sensitiveWords: '' }, '/console/catalogue/settings');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /保密审查环节/);
  const ok = await head.post('/console/catalogue/settings', { stageName0: '初审', stageRole0: 'reviewer', stageName1: '保密审查', stageRole1: 'confidentiality', distinctSigners: 'on', sensitiveWords: '青山一号工程\n' }, '/console/catalogue/settings');
  assert.equal(ok.statusCode, 303);
  assert.match((await head.get('/console/catalogue/settings')).body, /青山一号工程/);
});
