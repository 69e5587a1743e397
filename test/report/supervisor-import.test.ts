// A supervisor (监督员) reads the agencies below it and may import their published reports, but
// what it imports stays a draft until the agency's head or an administrator publishes it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomReport } from '../../src/ingest/testing/random-report.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { renderReport } from '../../src/report/render/render.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function importAs(c: Client, agency: string, year: number) {
  const doc = randomReport(year, { year });
  doc.report.agency = agency;
  const boundary = '----gongkaiSupervisorUpload';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${year}.html"\r\nContent-Type: text/html\r\n\r\n`),
    await renderReport(doc, 'html'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const token = (await c.request('GET', '/api/v1/me', { headers: { accept: 'application/json' } })).json().csrfToken as string;
  const cookie = [...(c as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/reports/import-documents', payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json', 'x-csrf-token': token, cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: { status: string; reason: string; reportId: number | null; published: boolean }[] }).items[0]!;
}

test('what a supervisor imports is a draft; an administrator’s import is published at once', async () => {
  const forestry = (await findOrgByCode(t.db, 'QS-LY'))!;
  const supervisor = await new Client(t.app).loginReady('jiandu');
  const drafted = await importAs(supervisor, forestry.fullName, 2022);
  assert.equal(drafted.status, 'imported', drafted.reason);
  assert.equal(drafted.published, false);
  assert.match(drafted.reason, /监督员导入的报告保存为草稿（第 1 版），由该机关负责人或系统管理员核对后发布/);
  const [stored] = await t.db.query<{ published_version: number | null }>('select published_version from reports where id = $1', [drafted.reportId]);
  assert.equal(stored!.published_version, null, 'nothing on the portal yet');

  const admin = await new Client(t.app).loginReady('admin');
  const published = await importAs(admin, forestry.fullName, 2021);
  assert.equal(published.published, true, published.reason);
});
