// The editor's form and what it sends (issue 21, items 2, 3 and 10) over HTTP: ID numbers with a
// wrong check digit block submission like every finding; the 关联解读 picker offers only the other
// side with nothing chosen; date inputs, the 主题分类 list, the rich-text editor's scripts served
// by this server, and attachments sent with the first save in the create's one transaction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import { cliContext } from '../../src/orgs/context.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createItem, ensureCatalogue, importPublishedItem, setInterpretationLink } from '../../src/catalogue/commands.ts';
import { latestVersion, listAttachments, listColumns, listLinks } from '../../src/catalogue/store.ts';
import { STANDARD_TOPICS } from '../../src/catalogue/rules/standard-topics.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { ctxOf } from './fixtures.ts';

let t: TestApp;
let editor: Client;
let secrecy: Client;
let orgId = 0;
const column: Record<string, number> = {};

before(async () => {
  t = await testApp();
  // A second reviewer and a 保密审查员, so that the default review stages can be staffed.
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'ef.r2', displayName: '复审人', password: 'Test-pass-2026', roles: ['reviewer'] });
  await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username: 'ef.bm', displayName: '保密审查员', password: 'Test-pass-2026', roles: ['confidentiality'] });
  editor = await new Client(t.app).loginReady('zrzy.editor');
  secrecy = await new Client(t.app).loginReady('ef.bm', 'Test-pass-2026');
  orgId = (await findOrgByCode(t.db, 'QS-ZRZY'))!.id;
  await ensureCatalogue(t.db, orgId);
  for (const c of await listColumns(t.db, orgId)) column[c.name] = c.id;
});
after(() => t.close());

const form = (over: Record<string, string> = {}) => ({
  columnId: String(column['通知公告']),
  title: '关于开展耕地保护专项检查的通知',
  summary: '',
  body: '<p>各乡镇：</p><p>现将有关事项通知如下。</p>',
  docNumber: '',
  publisher: '',
  writtenDate: '',
  formedDate: '',
  topic: '',
  docKind: '',
  deadlineBasis: '',
  ...over,
});

/** A multipart form as a browser sends it: text fields, then files (an empty one for an unused input). */
function multipart(fields: Record<string, string>, files: Record<string, { name: string; content: Buffer }>) {
  const boundary = '----gongkaiEditorFormBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function postMultipart(c: Client, url: string, fields: Record<string, string>, files: Record<string, { name: string; content: Buffer }>) {
  const { payload, contentType } = multipart({ _csrf: await c.csrfFrom('/console/catalogue/new'), ...fields }, files);
  const cookies = (c as unknown as { cookies: Map<string, string> }).cookies;
  return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
}

const docx = async (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((p) => new Paragraph(p)) }] }));
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const auditOf = (itemId: number) =>
  t.db.query<{ action: string; summary: Record<string, unknown> }>(`select action, summary from audit_log where target_type = 'catalogue_item' and target_id = $1 order by id`, [String(itemId)]);

// ── item 2 ──────────────────────────────────────────────────────────────────

test('an ID number with a wrong check digit is flagged as 疑似身份证号码（校验位不符）, blocks 提交审核 until a 保密审查员 acknowledges it', async () => {
  const created = await editor.post('/console/catalogue/items', form({ title: '关于公布征地补偿对象的公告', body: '<p>补偿对象：王某，身份证号码110101199003071234；李某，11010119900307123X。</p>' }), '/console/catalogue/new');
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const url = created.headers.location!.split('?')[0]!;
  const page = await editor.get(url);
  assert.equal((page.body.match(/<strong>疑似身份证号码（校验位不符）<\/strong>/g) ?? []).length, 2);
  assert.match(page.body, /<mark>110101199003071234<\/mark>/);
  assert.match(page.body, /<mark>11010119900307123X<\/mark>/);
  assert.match(page.body, /<button type="submit" disabled aria-describedby="findings-note">提交审核<\/button>/);
  assert.match(page.body, /有 2 处保密审查提示未处理/);
  const refused = await editor.post(`${url}/submit`, {}, url);
  assert.equal(refused.statusCode, 409);

  // The API says the same, with the number masked for lists.
  const findings = (await editor.api('GET', `/api/v1${url.replace('/console', '')}/findings`)).json() as { detector: string; masked: string }[];
  assert.deepEqual(findings.map((f) => [f.detector, f.masked]), [['id_card_bad_check', '110***********1234'], ['id_card_bad_check', '110***********123X']]);

  for (const match of ['110101199003071234', '11010119900307123X']) {
    const ack = await secrecy.post(`${url}/acknowledge`, { detector: 'id_card_bad_check', match, reason: '虚构的示例号码，经核对不属于任何个人' }, url);
    assert.equal(ack.statusCode, 303, ack.body.slice(0, 300));
  }
  const submitted = await editor.post(`${url}/submit`, {}, url);
  assert.equal(submitted.statusCode, 303, /class="error"[^>]*>([^<]*)/.exec(submitted.body)?.[1]);
});

// ── item 3 ──────────────────────────────────────────────────────────────────

test('the 关联解读 picker offers only the other side, nothing preselected; a wrong pair is refused', async () => {
  const ops = cliContext();
  const publish = (columnName: string, title: string, extra: Record<string, unknown> = {}) =>
    importPublishedItem(t.db, ops, orgId, { content: { columnId: column[columnName], title, body: '正文', ...extra }, publishedDate: '2025-03-03' });
  const policy = await publish('政策文件', '青山县耕地占补平衡管理办法', { docKind: 'normative', docNumber: '青自然资发〔2025〕2号', writtenDate: '2025-03-01' });
  const otherPolicy = await publish('通知公告', '青山县地名管理规定', { docKind: 'regulation', writtenDate: '2025-03-01' });
  const interp = await publish('政策解读', '《青山县耕地占补平衡管理办法》政策解读');
  const news = await publish('工作动态', '青山县自然资源局召开耕地保护工作推进会');
  const { item: draftPolicy } = await createItem(t.db, await ctxOf(t.db, 'zrzy.editor'), orgId, { columnId: column['政策文件'], title: '青山县不动产登记规范（试行）', docKind: 'normative' });

  const selectOf = (body: string, name: string) => /<select name="(\w+)" required>([\s\S]*?)<\/select>/.exec(body.slice(body.indexOf('id="links"')))?.[name === 'name' ? 1 : 2] ?? '';
  const optionValues = (body: string) => [...selectOf(body, 'options').matchAll(/<option value="(\d*)"/g)].map((m) => m[1]);

  // A policy document (published or draft): only 解读, none chosen.
  for (const p of [policy, draftPolicy]) {
    const page = (await editor.get(`/console/catalogue/items/${p.id}`)).body;
    assert.equal(selectOf(page, 'name'), 'interpretationItemId');
    assert.deepEqual(optionValues(page), ['', String(interp.id)]);
    assert.match(selectOf(page, 'options'), /^\s*<option value="" selected disabled>请选择政策解读<\/option>/);
    assert.doesNotMatch(selectOf(page, 'options'), /<option value="\d+" selected/);
  }
  // A 解读: only policy documents (also one filed under 通知公告 with a 文件类型).
  const interpPage = (await editor.get(`/console/catalogue/items/${interp.id}`)).body;
  assert.equal(selectOf(interpPage, 'name'), 'policyItemId');
  assert.deepEqual(optionValues(interpPage).sort(), ['', String(draftPolicy.id), String(otherPolicy.id), String(policy.id)].sort());
  // News: no picker at all.
  const newsPage = (await editor.get(`/console/catalogue/items/${news.id}`)).body;
  assert.doesNotMatch(newsPage, /id="links"/);

  // The console refuses what the picker does not offer, and an empty choice.
  const url = `/console/catalogue/items/${policy.id}`;
  const wrong = await editor.post(`${url}/links`, { linked: 'true', policyItemId: String(policy.id), interpretationItemId: String(news.id) }, url);
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /关联的解读应为“政策解读”栏目中的信息/);
  const empty = await editor.post(`${url}/links`, { linked: 'true', policyItemId: String(policy.id), interpretationItemId: '' }, url);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请选择要关联的信息/);
  await assert.rejects(setInterpretationLink(t.db, ops, interp.id, policy.id, true), /被解读的信息应为政策文件/, 'sides swapped');

  const linked = await editor.post(`${url}/links`, { linked: 'true', policyItemId: String(policy.id), interpretationItemId: String(interp.id) }, url);
  assert.equal(linked.statusCode, 303);
  assert.deepEqual((await listLinks(t.db, policy.id)).interpretations.map((l) => l.itemId), [interp.id]);
  const after = (await editor.get(url)).body;
  assert.doesNotMatch(after, /<select name="interpretationItemId"/, 'a linked 解读 is not offered again (none left)');
  assert.match(after, /本机构暂无可关联的政策解读/);
});

// ── item 10 ─────────────────────────────────────────────────────────────────

test('the new-item form: date inputs, the 主题分类 list, files with the first save, and the editor scripts served here', async () => {
  const page = (await editor.get('/console/catalogue/new')).body;
  assert.match(page, /<input name="writtenDate" value="" type="date"/);
  assert.match(page, /<input name="formedDate" value="" type="date"/);
  assert.match(page, /<input name="title" value="" required maxlength="200">/);
  const topics = /<select name="topic">([\s\S]*?)<\/select>/.exec(page)![1]!;
  assert.deepEqual([...topics.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]), ['', ...STANDARD_TOPICS]);
  assert.match(page, /<form method="post" action="\/console\/catalogue\/items" class="stack wide" enctype="multipart\/form-data">/);
  assert.deepEqual([...page.matchAll(/<input type="file" name="(file\d)"/g)].map((m) => m[1]), ['file1', 'file2', 'file3']);
  assert.match(page, /<textarea id="item-body" name="body"[^>]*data-rich-text="p br strong em b i u h3 h4 ul ol li table thead tbody tr th td a blockquote"/);

  for (const [src, marker] of [['/console/catalogue/editor/squire.js', 'window.Squire='], ['/console/catalogue/editor/purify.js', 'DOMPurify'], ['/assets/catalogue-editor.js', 'new window.Squire']] as const) {
    assert.match(page, new RegExp(`<script src="${src.replace(/\//g, '\\/')}" defer></script>`));
    const res = await editor.get(src);
    assert.equal(res.statusCode, 200, src);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.ok(res.body.includes(marker), `${src} is the script`);
    assert.doesNotMatch(res.body, /sourceMappingURL/);
  }
  assert.equal((await new Client(t.app).get('/console/catalogue/editor/squire.js')).statusCode, 302, 'behind the login like the console');

  // A saved draft keeps its topic selected; a topic from before the list stays, marked.
  const { item } = await createItem(t.db, await ctxOf(t.db, 'zrzy.editor'), orgId, { columnId: column['通知公告'], title: '旧分类的通知', topic: '国土资源' });
  const old = (await editor.get(`/console/catalogue/items/${item.id}`)).body;
  assert.match(old, /<option value="国土资源" selected>国土资源（原填写，非标准分类）<\/option>/);
});

test('attachments sent with the first save: item, version and files in one transaction and one audit entry', async () => {
  const res = await postMultipart(editor, '/console/catalogue/items', form({ title: '关于公布2025年度护林员名单的通知', topic: '农业、林业、水利', writtenDate: '2025-06-03' }), {
    file1: { name: '护林员名单.docx', content: await docx('护林员名单\n王某 330106199003071236') },
    file2: { name: '', content: Buffer.alloc(0) },
    file3: { name: '示意图.png', content: PNG },
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  assert.match(res.headers.location!, /notice=created-with-files/);
  const itemId = Number(/items\/(\d+)/.exec(res.headers.location!)![1]);
  const version = (await latestVersion(t.db, itemId))!;
  assert.equal(version.topic, '农业、林业、水利');
  assert.equal(version.writtenDate, '2025-06-03');
  assert.deepEqual((await listAttachments(t.db, version.id)).map((a) => a.fileName), ['护林员名单.docx', '示意图.png']);
  const audit = await auditOf(itemId);
  assert.deepEqual(audit.map((a) => a.action), ['catalogue.item.create'], 'one audit entry for the whole create');
  assert.deepEqual((audit[0]!.summary.attachments as { fileName: string }[]).map((a) => a.fileName), ['护林员名单.docx', '示意图.png']);
  // The attachment's text is checked like the body's.
  const page = (await editor.get(res.headers.location!)).body;
  assert.match(page, /疑似身份证号码（校验位相符）<\/strong>（附件“护林员名单\.docx”）/);
  assert.match(page, /已保存为草稿，附件已上传。/);
});

test('a refused file or form saves nothing: the message names the file, the typed values come back', async () => {
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from catalogue_items where org_id = $1', [orgId]))[0]!.n;
  const before = await count();
  const badFile = await postMultipart(editor, '/console/catalogue/items', form({ title: '关于某某事项的通知', summary: '概述保留' }), {
    file1: { name: '正文.docx', content: await docx('正文') },
    file2: { name: '照片.pdf', content: PNG },
  });
  assert.equal(badFile.statusCode, 400);
  assert.match(badFile.body, /附件“照片\.pdf”：文件内容是 PNG/);
  assert.match(badFile.body, /所选附件也需重新选择/);
  assert.match(badFile.body, /value="概述保留"/);
  const badForm = await postMultipart(editor, '/console/catalogue/items', form({ title: '甲' }), { file1: { name: '正文.docx', content: await docx('正文') } });
  assert.equal(badForm.statusCode, 400);
  assert.match(badForm.body, /标题至少 2 个字/);
  assert.equal(await count(), before, 'no item, no attachment');
});

test('dates typed as text are read; an impossible one is refused with its field', async () => {
  const ok = await editor.post('/console/catalogue/items', form({ title: '关于日期写法的通知', writtenDate: '2025年6月3日', formedDate: '2025/6/5' }), '/console/catalogue/new');
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const v = (await latestVersion(t.db, Number(/items\/(\d+)/.exec(ok.headers.location!)![1])))!;
  assert.deepEqual([v.writtenDate, v.formedDate], ['2025-06-03', '2025-06-05']);
  const bad = await editor.post('/console/catalogue/items', form({ title: '关于日期写法的通知', writtenDate: '2025年2月30日' }), '/console/catalogue/new');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /成文日期格式应为 YYYY-MM-DD/);
  const api = await editor.api('POST', '/api/v1/catalogue/items', { columnId: column['通知公告'], title: '接口提交的通知', writtenDate: '2025.06.03' });
  assert.equal(api.statusCode, 201, api.body);
  assert.equal(api.json().latest.writtenDate, '2025-06-03');
});
