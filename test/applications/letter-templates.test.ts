// Editable letter templates: list, preview, save and reset through the API and the console, by the
// head or the administrator of the organization only, each change audited; Chinese errors for an
// unknown or a missing required placeholder; a letter issued afterwards uses the organization's wording.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { verifyAuditLog } from '../../src/core/audit/verify.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
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
  setTodayForTests(null);
  await t.close();
});

const api = (c: Client, method: string, url: string, json?: unknown) => c.api(method, url, json);

const CORRECTION = '关于编号{申请编号}的申请（{信息名称}），请补充：\n{补正事项}\n补正期限：{补正期限}。\n{机关名称}';

test('the API lists every letter and reply outcome, with the built-in wording until the organization saves its own', async () => {
  const res = await api(handler, 'GET', '/api/v1/applications/letter-templates');
  assert.equal(res.statusCode, 200, res.body);
  const list = res.json() as { kind: string; variant: string; customized: boolean; text: string; required: string[]; placeholders: string[] }[];
  assert.equal(list.filter((x) => x.kind === 'reply').length, 19, 'one per reply outcome of table 3');
  assert.deepEqual(list.filter((x) => x.kind === 'consultation').map((x) => x.variant), ['third_party', 'agency']);
  const granted = list.find((x) => x.kind === 'reply' && x.variant === 'granted')!;
  assert.equal(granted.customized, false);
  assert.match(granted.text, /\{救济途径\}/);
  assert.deepEqual(granted.required, ['救济途径']);
  assert.deepEqual(list.find((x) => x.kind === 'reply' && x.variant === 'withheld.stateSecret')!.required, ['救济途径', '理由']);
  assert.ok(!list.find((x) => x.kind === 'consultation')!.placeholders.includes('申请人'));
});

test('only the head or the administrator of the organization changes templates; wrong placeholders get a Chinese message', async () => {
  const byHandler = await api(handler, 'PUT', '/api/v1/applications/letter-templates', { kind: 'correction', text: CORRECTION });
  assert.equal(byHandler.statusCode, 403);
  assert.match(byHandler.json().error.message, /机关负责人或系统管理员/);
  const unknown = await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'correction', text: `${CORRECTION}\n{联系人}` });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json().error.message, /无法识别的占位符：\{联系人\}/);
  const missing = await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'reply', variant: 'granted', text: '予以公开。' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().error.message, /缺少必需的占位符 \{救济途径\}/);
  const preview = await api(head, 'POST', '/api/v1/applications/letter-templates/preview', { kind: 'reply', variant: 'granted', text: '予以公开。\n说明：{理由}\n{救济途径}' });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.deepEqual(preview.json().paragraphs.length, 2, 'the empty 说明 line of the sample is left out');
  assert.match(preview.json().paragraphs[1], /六十日内向青山县人民政府申请行政复议/);
  assert.equal((await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'nonsense', text: 'x' })).statusCode, 400);
  assert.equal((await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'reply', variant: 'nonsense', text: '{救济途径}' })).statusCode, 404);

  const saved = await api(head, 'PUT', '/api/v1/applications/letter-templates', { kind: 'correction', text: CORRECTION });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().customized, true);
  assert.equal(saved.json().updatedByName, '自然资源局负责人');

  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'zrzy.admin', displayName: '自然资源局管理员', password: 'Admin-zrzy-2026', roles: ['admin'] });
  const admin = await new Client(t.app).loginReady('zrzy.admin', 'Admin-zrzy-2026');
  const byAdmin = await admin.api('PUT', '/api/v1/applications/letter-templates', { kind: 'fee', text: '应缴{金额}元，请于{缴费期限}前缴纳。' });
  assert.equal(byAdmin.statusCode, 200, byAdmin.body);
  const reset = await admin.api('POST', '/api/v1/applications/letter-templates/reset', { kind: 'fee' });
  assert.equal(reset.json().customized, false);

  const audit = await t.db.query<{ action: string; target_id: string; actor_name: string; summary: { before: string | null; after: string | null } }>(
    `select action, target_id, actor_name, summary from audit_log where target_type = 'letter_template' order by id`,
  );
  assert.deepEqual(audit.map((a) => [a.action, a.target_id, a.actor_name]), [
    ['letter_template.save', 'correction:', '自然资源局负责人'],
    ['letter_template.save', 'fee:', '自然资源局管理员'],
    ['letter_template.reset', 'fee:', '自然资源局管理员'],
  ]);
  assert.equal(audit[0]!.summary.before, null);
  assert.equal(audit[0]!.summary.after, CORRECTION);
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null);
});

test("a letter issued afterwards uses the organization's template", async () => {
  const paper = {
    channel: 'in_person', submittedOn: '2025-11-03', applicantKind: 'natural', name: '李四', idType: '护照', idNumber: 'E99887766', phone: '13900001111',
    infoTitle: '某某文件', formWanted: 'electronic', delivery: 'online',
  };
  const c = (await api(handler, 'POST', '/api/v1/applications', paper)).json();
  const r = await api(handler, 'POST', `/api/v1/applications/${c.id}/correction-request`, { items: '请写明文件的制作机关\n请写明大致的制作时间', dueOn: '2025-11-20' });
  assert.equal(r.statusCode, 200, r.body);
  const letter = await api(handler, 'GET', `/api/v1/applications/${c.id}/letter?kind=correction`);
  assert.equal(letter.headers['x-letter-status'], 'issued');
  const text = (await mammoth.extractRawText({ buffer: letter.rawPayload })).value;
  assert.match(text, /关于编号QS-ZRZY-2025-00001的申请（“某某文件”），请补充：\s+请写明文件的制作机关\s+请写明大致的制作时间\s+补正期限：2025年11月20日。/);
  assert.doesNotMatch(text, /经审查，您的申请内容不明确/, 'not the built-in wording');
  assert.match(text, /李四：/);
});

test('the console: list, edit with preview, a wrong placeholder re-renders with the message and the text typed, save, reset', async () => {
  const list = await head.get('/console/applications/letter-templates');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /政府信息公开申请补正告知书<\/td><td>本机关模板/);
  assert.match(list.body, /政府信息公开申请答复书：（一）予以公开<\/td><td><span class="muted">默认/);
  const url = '/console/applications/letter-templates/edit?kind=reply&variant=granted';
  const edit = await head.get(url);
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /id="template-preview"/);
  assert.match(edit.body, /\{救济途径\} <strong>（必需）<\/strong>/);

  const typed = '予以公开，请查收。\n{申请日期}\n{救济途径}';
  const bad = await head.post('/console/applications/letter-templates', { kind: 'reply', variant: 'granted', text: typed, intent: 'save' }, url);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /无法识别的占位符：\{申请日期\}/);
  assert.ok(bad.body.includes('予以公开，请查收。\n{申请日期}'), 'the text typed is kept');
  const noRemedy = await head.post('/console/applications/letter-templates', { kind: 'reply', variant: 'granted', text: '予以公开。', intent: 'preview' }, url);
  assert.equal(noRemedy.statusCode, 400);
  assert.match(noRemedy.body, /缺少必需的占位符 \{救济途径\}/);

  const preview = await head.post('/console/applications/letter-templates', { kind: 'reply', variant: 'granted', text: '予以公开，请查收。\n{救济途径}', intent: 'preview' }, url);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /　　予以公开，请查收。/);
  const saved = await head.post('/console/applications/letter-templates', { kind: 'reply', variant: 'granted', text: '予以公开，请查收。\n{救济途径}', intent: 'save' }, url);
  assert.equal(saved.statusCode, 303);
  assert.match((await head.get(saved.headers.location!)).body, /模板已保存/);
  assert.match((await head.get(url)).body, /恢复默认文字/);
  const reset = await head.post('/console/applications/letter-templates/reset', { kind: 'reply', variant: 'granted' }, url);
  assert.equal(reset.statusCode, 303);
  assert.match((await head.get(url)).body, /当前使用系统默认文字/);

  // a handler reads, without the form; an editor does not read at all
  const asHandler = await handler.get(url);
  assert.equal(asHandler.statusCode, 200);
  assert.doesNotMatch(asHandler.body, /id="template-form"/);
  assert.equal((await handler.post('/console/applications/letter-templates', { kind: 'reply', variant: 'granted', text: '{救济途径}', intent: 'save' }, url)).statusCode, 403);
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  assert.equal((await editor.get('/console/applications/letter-templates')).statusCode, 403);
});

test('a step recorded before letters were kept (or imported from a ledger) is rebuilt from the records and marked as such', async () => {
  const [c] = await t.db.query<{ id: number }>(`select id from applications where receipt_no = 'QS-ZRZY-2025-00001'`);
  await t.db.query('delete from application_letter_files where case_id = $1', [c!.id]);
  await t.db.query('delete from application_letters where case_id = $1', [c!.id]);
  const res = await api(handler, 'GET', `/api/v1/applications/${c!.id}/letter?kind=receipt`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['x-letter-status'], 'rebuilt');
  assert.match((await mammoth.extractRawText({ buffer: res.rawPayload })).value, /据办理记录重新生成的副本（未留存发出原件）/);
  const page = await handler.get(`/console/applications/${c!.id}`);
  assert.match(page.body, /未留存原件，按办理记录重新生成/);
});
