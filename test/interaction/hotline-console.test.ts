// The console page of the 12345 orders (src/interaction/hotline/hotline-console.ts): upload an export,
// the result per order, the rows not imported, the import list, the download in the platform's layout;
// who may see and use it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHotlineFile } from '../../src/interaction/hotline/parse.ts';
import { HEADER_A, workbookA } from '../fixtures/hotline/workbooks.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let handler: Client;

before(async () => {
  t = await testApp();
  handler = await new Client(t.app).loginReady('zrzy.handler');
});
after(() => t.close());

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiHotlineBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, name: string, content: Buffer) {
  const csrf = await client.csrfFrom('/console/hotline');
  const { payload, contentType } = multipart({ _csrf: csrf }, { name, content });
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: '/console/hotline', payload, headers: { 'content-type': contentType, accept: 'text/html', cookie } });
}

test('upload page: one H1, the form, the download links', async () => {
  const res = await handler.get('/console/hotline', { accept: 'text/html' });
  assert.equal(res.statusCode, 200);
  assert.equal([...res.body.matchAll(/<h1/g)].length, 1);
  assert.match(res.body, /id="hotline-form"/);
  assert.match(res.body, /href="\/console\/hotline\/export" id="hotline-export"/);
  assert.match(res.body, /尚未导入 12345 工单/);
});

test('upload: new orders listed, the row without 工单编号 named; the same file again changes nothing', async () => {
  const res = await upload(handler, '工单明细.xlsx', await workbookA());
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.body, /导入完成<\/strong>：工单明细\.xlsx：读取 5 行，新增 4 件，已导入过 0 件，更新 0 件，未导入 1 行。/);
  assert.match(res.body, /第6行：没有工单编号，未导入/);
  assert.match(res.body, /<a href="\/console\/letters\/\d+">QS2025110300001<\/a>/);
  assert.match(res.body, /id="hotline-imports"[\s\S]*工单明细\.xlsx/);
  const again = await upload(handler, '工单明细.xlsx', await workbookA());
  assert.match(again.body, /未作改动<\/strong>/);
  assert.match(again.body, /没有需要导入或更新的工单，未作任何改动/);
});

test('a file that is not a workbook: the reason, in Chinese, on the page', async () => {
  const res = await upload(handler, 'a.txt', Buffer.from('工单编号,受理时间'));
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /只能导入 Excel 工作簿（\.xlsx）/);
});

test('download: the orders in the layout they came in', async () => {
  const res = await handler.get('/console/hotline/export?all=1');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const back = await parseHotlineFile(res.rawPayload);
  assert.deepEqual(back.headers, HEADER_A);
  assert.equal(back.rows.length, 4);
});

test('an information publisher may not see the page', async () => {
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  const res = await editor.get('/console/hotline', { accept: 'text/html' });
  assert.equal(res.statusCode, 403);
});
