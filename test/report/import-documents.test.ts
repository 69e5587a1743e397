// Uploading published reports through the API and the console: the seeds imported with their
// findings (001), recognized as not a report (002) and as already present (the same file again);
// the region of the uploader (matched within it, created under its organization, refused outside
// it), published at once and shown on the portal marked 导入. Documents are read in worker
// processes: one past its time limit fails alone while the server keeps answering, and a full
// queue of documents to read is a 503 系统正忙.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cliContext } from '../../src/orgs/context.ts';
import { randomReport } from '../../src/ingest/testing/random-report.ts';
import { findOrgByCode, findOrgByFullName } from '../../src/orgs/store.ts';
import { renderReport } from '../../src/report/render/render.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { seedPath } from '../fixtures/seeds/index.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { sharedIsolatePool } from '../../src/core/isolate/shared.ts';
import { heavyReportHtml } from '../fixtures/ingest/index.ts';

const seed = (n: string) => ({ name: `${n}.txt`, content: readFileSync(seedPath(readSeedName(n))) });
const readSeedName = (n: string) => ({ '001': '001_43470c8d9389378c.txt', '002': '002_31f3cc8df0bccd75.txt' })[n]!;

let t: TestApp;
const tokens = new Map<Client, string>();
const clients = new Map<string, Client>();
async function ready(username: string, password?: string): Promise<Client> {
  const known = clients.get(username);
  if (known) return known;
  const c = await new Client(t.app).loginReady(username, password);
  tokens.set(c, (await c.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken);
  clients.set(username, c);
  return c;
}

before(async () => {
  t = await testApp();
  // an administrator of 山西省, whose region holds 大同市新荣区自然资源局 (seed 001)
  await createUser(t.db, cliContext(), { orgCode: 'SX', username: 'sx.admin', displayName: '山西省管理员', password: 'Shanxi-admin-2026', roles: ['admin'] });
});
after(() => t.close());

type Part = { field: string; name: string; content: Buffer } | { field: string; value: string };
function multipart(parts: Part[]) {
  const boundary = '----gongkaiReportUpload7f3a';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), p.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const cookieOf = (c: Client) => [...(c as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function upload(c: Client, parts: Part[]) {
  const { payload, contentType } = multipart(parts);
  return t.app.inject({
    method: 'POST', url: '/api/v1/reports/import-documents', payload,
    headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': tokens.get(c)!, cookie: cookieOf(c) },
  });
}

interface Item { file: string; status: string; reason: string; organization: { code: string; name: string; created: boolean } | null; year: number | null; published: boolean; errors: number; findings: { rule: string; message: string }[] }

test('API: seed 001 is imported with its findings and published, seed 002 is not a report', async () => {
  const sx = await ready('sx.admin', 'Shanxi-admin-2026');
  const res = await upload(sx, [{ field: 'file1', ...seed('001') }, { field: 'file2', ...seed('002') }]);
  assert.equal(res.statusCode, 200, res.body);
  const { items, summary } = res.json() as { items: Item[]; summary: Record<string, number> };
  assert.deepEqual(summary, { imported: 1, unchanged: 0, 'not-a-report': 1, failed: 0 });
  const [first, second] = items;
  assert.deepEqual([first!.file, first!.status, first!.organization, first!.year, first!.published], ['001.txt', 'imported', { code: 'XR-ZRZY', name: '大同市新荣区自然资源局', created: false }, 2024, true]);
  const rules = first!.findings.map((f) => f.rule);
  assert.ok(rules.includes('table3.balance'), rules.join());
  assert.ok(rules.includes('narrative.appeals-count'), 'text says 行政诉讼0件, table 4 shows 2');
  assert.ok(first!.errors > 0);
  assert.match(first!.reason, /大同市新荣区自然资源局 2024 年度报告：已导入为第 1 版，已发布/);
  assert.deepEqual([second!.file, second!.status, second!.organization], ['002.txt', 'not-a-report', null]);
  assert.match(second!.reason, /自评报告/);

  const portal = await t.app.inject({ method: 'GET', url: '/orgs/XR-ZRZY/reports/2024', headers: { accept: 'text/html' } });
  assert.equal(portal.statusCode, 200);
  assert.match(portal.body, /<span class="tag">导入<\/span> 本报告由已公布的原文导入/);
  const escaped = (m: string) => m.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  for (const f of first!.findings) assert.ok(portal.body.includes(escaped(f.message)), `portal shows the finding ${f.rule}`);
});

test('API: the same file again is already present and changes nothing', async () => {
  const sx = await ready('sx.admin', 'Shanxi-admin-2026');
  const versions = (await t.db.query('select 1 from report_versions')).length;
  const res = await upload(sx, [{ field: 'file', ...seed('001') }]);
  const [item] = (res.json() as { items: Item[] }).items;
  assert.equal(item!.status, 'unchanged');
  assert.match(item!.reason, /此前已导入同一文件，未作改动/);
  assert.equal((await t.db.query('select 1 from report_versions')).length, versions);
});

test('API: outside the region nothing is imported or created; a supervisor creates under its own organization', async () => {
  const admin = await ready('admin');
  const res = await upload(admin, [{ field: 'file', ...seed('001') }]);
  const [item] = (res.json() as { items: Item[] }).items;
  assert.equal(item!.status, 'failed');
  assert.match(item!.reason, /不在您可管理的机构范围内/);
  assert.equal((await t.db.query(`select 1 from organizations where full_name like '%新荣区自然资源局' `)).length, 1);

  const jiandu = await ready('jiandu');
  const doc = randomReport(5, { year: 2023 });
  doc.report.agency = '青山县统计局';
  const made = await upload(jiandu, [{ field: 'file', name: '统计局2023.html', content: await renderReport(doc, 'html') }]);
  const [stat] = (made.json() as { items: Item[] }).items;
  assert.equal(stat!.status, 'imported', stat!.reason);
  assert.equal(stat!.organization!.created, true);
  const created = (await findOrgByFullName(t.db, '青山县统计局'))!;
  assert.equal(created.parentId, (await findOrgByCode(t.db, '113301000000000001'))!.id, 'under the supervisor’s own 县政府办');
  assert.equal(created.kind, 'department');
  assert.match(stat!.reason, /新建机构“青山县统计局”/);

  const editor = await ready('zrzy.editor');
  assert.equal((await upload(editor, [{ field: 'file', ...seed('001') }])).statusCode, 403);
  const twice = await upload(jiandu, [{ field: 'file', ...seed('001') }, { field: 'file', ...seed('002') }]);
  assert.equal(twice.statusCode, 400);
  assert.match(twice.json().error.message, /同名的字段/);
  const none = await upload(jiandu, [{ field: 'note', value: 'x' }]);
  assert.equal(none.statusCode, 400);
  assert.match(none.json().error.message, /请选择要导入的报告文件/);
});

test('console: the page is linked from the report list, previews the upload, and after confirmation shows the result table with the findings', async () => {
  const sx = await ready('sx.admin', 'Shanxi-admin-2026');
  const list = await sx.get('/console/reports');
  assert.match(list.body, /<a href="\/console\/reports\/import">导入已公布的年度报告<\/a>/);
  const form = await sx.get('/console/reports/import');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const post = (url: string, parts: Part[]) => {
    const { payload, contentType } = multipart([{ field: '_csrf', value: csrf }, ...parts]);
    return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: cookieOf(sx) } });
  };
  const doc = randomReport(8, { year: 2022 });
  doc.report.agency = '大同市新荣区自然资源局';
  const preview = await post('/console/reports/import', [{ field: 'file1', name: '新荣区2022.html', content: await renderReport(doc, 'html') }, { field: 'file2', ...seed('002') }]);
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
  assert.match(preview.body, /<option value="org:XR-ZRZY" selected>/, 'the organization named in the report is preselected');
  assert.match(preview.body, /<li>002\.txt：[^<]*自评报告/);
  const token = /name="token" value="([^"]+)"/.exec(preview.body)![1]!;
  const res = await post('/console/reports/import/confirm', [{ field: 'token', value: token }, { field: 'target-0', value: 'org:XR-ZRZY' }, { field: 'draft', value: '1' }]);
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.match(res.body, /共 2 个文件：已导入 1，已存在 0，不是年度报告 1，失败 0/);
  assert.match(res.body, /<tr data-status="imported"><td>新荣区2022\.html<\/td><td>已导入<\/td>\s*<td>大同市新荣区自然资源局<\/td>\s*<td>2022<\/td>/);
  assert.match(res.body, /保存为草稿（未发布）/);
  assert.match(res.body, /<tr data-status="not-a-report"><td>002\.txt<\/td><td>不是年度报告<\/td>[\s\S]*?自评报告/);
  assert.match(res.body, /<summary>错误 0 条，警告 \d+ 条<\/summary>|未发现问题/);
  const draft = await t.app.inject({ method: 'GET', url: '/orgs/XR-ZRZY/reports/2022', headers: { accept: 'text/html' } });
  assert.equal(draft.statusCode, 404, 'a draft is not on the portal');

  const again = await post('/console/reports/import', [{ field: 'file1', ...seed('001') }]);
  const token2 = /name="token" value="([^"]+)"/.exec(again.body)![1]!;
  const stored = await post('/console/reports/import/confirm', [{ field: 'token', value: token2 }, { field: 'target-0', value: 'org:XR-ZRZY' }]);
  assert.match(stored.body, /<td>已存在（未改动）<\/td>/);
  assert.match(stored.body, /<summary>错误 \d+ 条，警告 \d+ 条<\/summary>[\s\S]*table3\.balance/);

  const editor = await ready('zrzy.editor');
  assert.equal((await editor.get('/console/reports/import')).statusCode, 403);
  assert.doesNotMatch((await editor.get('/console/reports')).body, /导入已公布的年度报告/);
});

test('API: a document past the time limit fails alone, the server answers meanwhile, and a full queue is 503 系统正忙', async () => {
  // an app of its own, whose workers give a document 3 s and let no upload wait for one
  const limits = { timeoutMs: 3000, maxMemoryMb: 4096, concurrency: 1, queueLength: 0 };
  const own = await testApp({ documentLimits: limits });
  try {
    const admin = await new Client(own.app).loginReady('admin');
    const token = (await admin.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken as string;
    const send = (parts: Part[]) => {
      const { payload, contentType } = multipart(parts);
      return own.app.inject({
        method: 'POST', url: '/api/v1/reports/import-documents', payload,
        headers: { 'content-type': contentType, accept: 'application/json', 'x-csrf-token': token, cookie: cookieOf(admin) },
      });
    };
    const finished: string[] = [];
    // 9.6 MB of report tables: some 13 s of reading, far past the limit
    const uploading = send([{ field: 'file1', name: 'heavy.html', content: heavyReportHtml(1200) }, { field: 'file2', ...seed('002') }]).then((r) => {
      finished.push('upload');
      return r;
    });
    const pool = sharedIsolatePool(limits);
    let reading = false;
    while (!reading && !finished.length) {
      await new Promise((r) => setTimeout(r, 10));
      reading = pool.stats().running === 1;
    }
    assert.ok(reading, 'the heavy document is read in a worker');

    const home = await own.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    finished.push('home');
    assert.equal(home.statusCode, 200);
    const refused = await send([{ field: 'file', ...seed('001') }]);
    finished.push('refused');
    assert.equal(refused.statusCode, 503);
    assert.deepEqual(refused.json(), { error: { code: 'BUSY', message: '系统正忙：正在读取其他用户上传的文件，请稍后再试' } });
    assert.equal(refused.headers['retry-after'], '30');

    const res = await uploading;
    assert.deepEqual(finished, ['home', 'refused', 'upload'], 'the portal and the refusal answer while the document is read');
    assert.equal(res.statusCode, 200, res.body);
    const { items, summary } = res.json() as { items: Item[]; summary: Record<string, number> };
    assert.deepEqual(items.map((i) => [i.file, i.status]), [['heavy.html', 'failed'], ['002.txt', 'not-a-report']], 'the rest of the batch goes on');
    assert.equal(items[0]!.reason, '读取超时（超过 3 秒），文件可能已损坏或结构异常');
    assert.deepEqual(summary, { imported: 0, unchanged: 0, 'not-a-report': 1, failed: 1 });
    assert.equal(pool.stats().timeouts, 1);
  } finally {
    await own.close();
  }
});
