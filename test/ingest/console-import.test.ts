// Issue 21 item 9: the county administrator imports seed 001 (大同市新荣区自然资源局, outside
// the county) at /console/reports/import. The upload is previewed first — agency, year, file,
// tables, text, findings and a target per file — and nothing is stored until it is confirmed:
// into an organization of the region, or a new one under the administrator's own. A target outside
// the region refuses the whole confirmation; a preview that expired, was confirmed already or
// belongs to another user is refused with a Chinese message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomReport } from '../../src/ingest/testing/random-report.ts';
import { findOrgByCode, findOrgByFullName } from '../../src/orgs/store.ts';
import { renderReport } from '../../src/report/render/render.ts';
import { seedPath } from '../fixtures/seeds/index.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

const SEED_001 = { name: '001.txt', content: readFileSync(seedPath('001_43470c8d9389378c.txt')) };
const PAGE = '/console/reports/import';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await testApp();
  admin = await new Client(t.app).loginReady('admin'); // 演示管理员 of 云岭市青山县
});
after(() => t.close());

const cookieOf = (c: Client) => [...(c as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** Uploads documents as the console's form does (multipart), returning the preview page. */
async function upload(c: Client, files: { name: string; content: Buffer }[]) {
  const boundary = '----gongkaiPreview9';
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const payload = Buffer.concat([
    field('_csrf', await c.csrfFrom(PAGE)),
    ...files.flatMap((f, i) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file${i + 1}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      f.content,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: PAGE, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html', cookie: cookieOf(c) } });
}

const tokenOf = (body: string) => /name="token" value="([^"]+)"/.exec(body)![1]!;
const confirm = (c: Client, form: Record<string, string>) => c.post(`${PAGE}/confirm`, form, PAGE);
const count = async (sql: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]!.n;

test('seed 001 as the county administrator: previewed with what was read, nothing stored until confirmed into an organization of the county', async () => {
  const versions = await count('report_versions');
  const preview = await upload(admin, [SEED_001]);
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
  const body = preview.body;
  assert.doesNotMatch(body, /不在您可管理的机构范围内，未导入/, 'no longer refused outright');
  assert.match(body, /<dd data-field="agency">大同市新荣区自然资源局<span class="small">（取自落款（第299行））<\/span><\/dd>/);
  assert.match(body, /<dd data-field="year">2024<span/);
  assert.match(body, /<dd data-field="format">文本文件（UTF-8）；2021 年版格式（国办公开办函〔2021〕30号）<\/dd>/);
  for (const table of ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 政府信息公开行政复议、行政诉讼情况']) {
    assert.ok(body.includes(`<li>${table}：已读取</li>`), table);
  }
  assert.match(body, /<dd data-field="narrative">找到 一、总体情况；五、存在的主要问题及改进情况<br><span class="small">未找到：六、其他需要报告的事项<\/span><\/dd>/);
  assert.match(body, /<dd data-field="findings"><details><summary>错误 [1-9]\d* 条，警告 \d+ 条<\/summary>[\s\S]*table3\.balance[\s\S]*narrative\.appeals-count/, 'the validator’s findings before storing');
  // the agency is outside the county: said, nothing preselected, and its taken name not proposed
  assert.match(body, /文中机关“大同市新荣区自然资源局”是您可管理范围以外的机构，不能导入到该机构。请选择本区域的机构，或在“云岭市青山县”下新建机构（名称“大同市新荣区自然资源局”已被使用，新建时须另取名称）。/);
  assert.match(body, /<option value="" selected>请选择<\/option>/);
  assert.match(body, /<option value="new">新建机构“大同市新荣区自然资源局”（在 云岭市青山县 下）<\/option>/);
  assert.match(body, /<option value="org:QS-SL">　　青山县水利局<\/option>/, 'every organization of the region can be chosen');
  assert.doesNotMatch(body, /value="org:XR-ZRZY"/, 'not the one outside');
  assert.match(body, /<input type="text" id="name-0" name="name-0" value=""/);
  assert.equal(await count('report_versions'), versions, 'nothing stored by the preview');

  // confirming without a choice keeps the preview, with the message
  const token = tokenOf(body);
  const unchosen = await confirm(admin, { token, 'target-0': '' });
  assert.equal(unchosen.statusCode, 400);
  assert.match(unchosen.body, /<p class="error" role="alert">请为文件“001\.txt”选择导入到哪个机构：本区域的机构，或新建机构<\/p>/);
  assert.equal(tokenOf(unchosen.body), token);

  const res = await confirm(admin, { token, 'target-0': 'org:QS-SL' });
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.match(res.body, /共 1 个文件：已导入 1，已存在 0，不是年度报告 0，失败 0/);
  assert.match(res.body, /<tr data-status="imported"><td>001\.txt<\/td><td>已导入<\/td>\s*<td>青山县水利局<\/td>\s*<td>2024<\/td>/);
  assert.match(res.body, /青山县水利局 2024 年度报告：已导入为第 1 版，已发布；注意：文中机关为“大同市新荣区自然资源局”，与机构“青山县水利局”不一致/);
  const sl = (await findOrgByCode(t.db, 'QS-SL'))!;
  const [stored] = await t.db.query<{ origin: string; source_name: string }>(
    'select v.origin, v.source_name from report_versions v join reports r on r.id = v.report_id where r.org_id = $1 and r.year = 2024',
    [sl.id],
  );
  assert.deepEqual(stored, { origin: 'import', source_name: '001.txt' });
  const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where org_id = $1 and action in ('report.import', 'report.publish')`, [sl.id]);
  assert.ok(audit!.n >= 2, 'stored and published with their audit entries');

  // the preview was taken by its confirmation: a second one is refused
  const twice = await confirm(admin, { token, 'target-0': 'org:QS-SL' });
  assert.equal(twice.statusCode, 404);
  assert.match(twice.body, /导入预览已失效：预览只保留 1 小时、只能确认一次，且只能由上传文件的用户确认。请重新上传文件。/);
  assert.equal(await count('report_versions'), versions + 1);
});

test('新建: an agency nobody has is proposed as a new organization under the administrator’s own; a taken name is refused', async () => {
  const doc = randomReport(21, { year: 2023 });
  doc.report.agency = '青山县统计局';
  const preview = await upload(admin, [{ name: '统计局2023.html', content: await renderReport(doc, 'html') }]);
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
  assert.match(preview.body, /没有名为“青山县统计局”的机构，将在“云岭市青山县”下新建；也可以改为导入到本区域的机构。/);
  assert.match(preview.body, /<option value="new" selected>新建机构“青山县统计局”（在 云岭市青山县 下）<\/option>/);
  assert.match(preview.body, /name="name-0" value="青山县统计局"/);
  const token = tokenOf(preview.body);

  const taken = await confirm(admin, { token, 'target-0': 'new', 'name-0': '大同市新荣区自然资源局' });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /已有名为“大同市新荣区自然资源局”的机构，不在您可管理的范围内：请为文件“统计局2023\.html”另取新机构的名称，或导入到本区域的机构/);
  assert.match(taken.body, /name="name-0" value="大同市新荣区自然资源局"/, 'what was typed is kept');
  assert.equal(await findOrgByFullName(t.db, '青山县统计局'), undefined);

  const res = await confirm(admin, { token, 'target-0': 'new', 'name-0': '青山县统计局' });
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.match(res.body, /<td>青山县统计局 <span class="tag">新建<\/span><\/td>/);
  assert.match(res.body, /新建机构“青山县统计局”（代码 IMP-[0-9A-F]{10}）/);
  const created = (await findOrgByFullName(t.db, '青山县统计局'))!;
  assert.equal(created.parentId, (await findOrgByCode(t.db, 'SF-YL-QS'))!.id, 'under the administrator’s own organization');
  const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'org.create' and target_id = $1`, [created.id]);
  assert.equal(audit!.n, 1, 'the creation audited by the organizations command');
});

test('a target outside the region refuses the whole confirmation: nothing stored, the preview stays', async () => {
  const versions = await count('report_versions');
  const orgs = await count('organizations');
  const doc = randomReport(22, { year: 2022 });
  doc.report.agency = '青山县林业局';
  const preview = await upload(admin, [{ name: '林业局2022.html', content: await renderReport(doc, 'html') }, SEED_001]);
  assert.match(preview.body, /<option value="org:QS-LY" selected>/, 'the match in the region is preselected');
  const token = tokenOf(preview.body);
  const refusals: [string, Record<string, string>][] = [
    ['XR-ZRZY', { 'target-0': 'org:QS-LY', 'target-1': 'org:XR-ZRZY' }], // the agency's own organization, in another province
    ['SF', { 'target-0': 'org:SF', 'target-1': 'new', 'name-1': '青山县新荣资料室' }], // above the administrator's county
    ['NO-SUCH-ORG', { 'target-0': 'org:QS-LY', 'target-1': 'org:NO-SUCH-ORG' }],
  ];
  for (const [code, choices] of refusals) {
    const res = await confirm(admin, { token, ...choices });
    assert.equal(res.statusCode, 403, `${code}: ${res.body.slice(0, 300)}`);
    assert.ok(res.body.includes(`代码为 ${code} 的机构不在您可管理的机构范围内，未导入任何文件`), code);
    assert.equal(tokenOf(res.body), token, 'the preview is shown again to be corrected');
  }
  assert.equal(await count('report_versions'), versions, 'nothing stored');
  assert.equal(await count('organizations'), orgs, 'nothing created');

  const res = await confirm(admin, { token, 'target-0': 'org:QS-LY', 'target-1': 'org:QS-WJ', draft: '1' });
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.match(res.body, /共 2 个文件：已导入 2/);
  assert.match(res.body, /青山县卫生健康局 2024 年度报告：已导入为第 1 版，保存为草稿（未发布）/);
});

test('a preview that expired or belongs to another user is refused with a Chinese message; expired ones are cleaned up', async () => {
  const preview = await upload(admin, [SEED_001]);
  const token = tokenOf(preview.body);
  const stale = /导入预览已失效：预览只保留 1 小时、只能确认一次，且只能由上传文件的用户确认。请重新上传文件。/;

  const jiandu = await new Client(t.app).loginReady('jiandu'); // 监督员 of 青山县人民政府办公室, in the same county
  const foreign = await confirm(jiandu, { token, 'target-0': 'org:QS-WJ' });
  assert.equal(foreign.statusCode, 404);
  assert.match(foreign.body, stale);
  const made = await confirm(jiandu, { token: 'not-a-token', 'target-0': 'org:QS-WJ' });
  assert.equal(made.statusCode, 404);
  assert.match(made.body, stale);

  await t.db.query(`update report_import_staging set expires_at = now() - interval '1 minute'`);
  const expired = await confirm(admin, { token, 'target-0': 'org:QS-WJ' });
  assert.equal(expired.statusCode, 404);
  assert.match(expired.body, stale);
  assert.match(expired.body, /id="import-form"/, 'the upload form, to start again');

  assert.ok((await count(`report_import_staging where expires_at < now()`)) > 0);
  await upload(admin, [SEED_001]);
  assert.equal(await count(`report_import_staging where expires_at < now()`), 0, 'a new preview removes the expired ones');
});
