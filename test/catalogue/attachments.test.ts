// Attachments: real type by magic bytes, text extracted (PDF, Word, Excel) for search and the
// confidentiality check, uploaded through the console's form, downloaded from the portal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadConfig } from '../../src/core/config.ts';
import { sharedIsolatePool } from '../../src/core/isolate/shared.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { extractAttachmentText } from '../../src/catalogue/attachment-text.ts';
import { approveStage, createItem, ensureCatalogue } from '../../src/catalogue/commands.ts';
import { checkAttachment, cleanFileName, sniffFileKind } from '../../src/catalogue/rules/file-type.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { cjkPdfWith, ctxOf, minimalPdf, scannedPdf } from './fixtures.ts';
import { versionFindings } from '../../src/catalogue/checks.ts';
import { readPdfBlocks } from '../../src/ingest/read/pdf.ts';
import { addAttachment, acknowledgeFinding, openFindingsOf, submitForReview } from '../../src/catalogue/commands.ts';
import { latestVersion } from '../../src/catalogue/store.ts';

async function docxWith(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((t) => new Paragraph(t)) }] }));
}

async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal one-page PDF with ASCII text in Helvetica, offsets computed. */
function pdfWith(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return minimalPdf(objects);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

test('real type by magic bytes; the extension must agree; other files are refused', async () => {
  const docx = await docxWith('正文');
  const xlsx = await xlsxWith([['a']]);
  assert.equal(sniffFileKind(docx), 'docx');
  assert.equal(sniffFileKind(xlsx), 'xlsx');
  assert.equal(sniffFileKind(pdfWith('x')), 'pdf');
  assert.equal(sniffFileKind(PNG), 'png');
  assert.equal(sniffFileKind(Buffer.from('ffd8ffe000104a464946', 'hex')), 'jpeg');
  assert.equal(sniffFileKind(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'gif');
  assert.deepEqual(checkAttachment('通知.DOCX', docx), { kind: 'docx' });
  assert.match((checkAttachment('通知.pdf', docx) as { problem: string }).problem, /扩展名/);
  assert.match((checkAttachment('page.pdf', Buffer.from('<html><script>alert(1)</script></html>')) as { problem: string }).problem, /只能上传/);
  assert.match((checkAttachment('a.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')) as { problem: string }).problem, /只能上传/);
  assert.match((checkAttachment('a.docx', Buffer.from('504b0304140000000800', 'hex')) as { problem: string }).problem, /只能上传/, 'a zip that is not Word');
  assert.match((checkAttachment('a.pdf', Buffer.alloc(0)) as { problem: string }).problem, /空/);
  assert.equal(cleanFileName('C:\\fakepath\\..\\名单"<1>".xlsx'), '名单1.xlsx');
});

test('text extraction: Word, Excel and PDF; images have none', async () => {
  assert.match(await extractAttachmentText('docx', await docxWith('关于耕地保护的通知\n第二段')), /关于耕地保护的通知[\s\S]*第二段/);
  assert.match(await extractAttachmentText('xlsx', await xlsxWith([['姓名', '身份证号'], ['王某', '330106199003071236']])), /王某 \| 330106199003071236/);
  assert.match(await extractAttachmentText('pdf', pdfWith('Contact 13812345678')), /Contact 13812345678/);
  assert.equal(await extractAttachmentText('png', PNG), '');
  assert.equal(await extractAttachmentText('pdf', Buffer.from('%PDF-1.4 broken')), '', 'unreadable: no text, no error');
});

test('text extraction runs in a worker: a Word zip bomb and a file past its time limit give no text, never an error', async () => {
  const zip = await JSZip.loadAsync(await docxWith('关于耕地保护的通知'));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace('</w:body>', `${' '.repeat(8 * 1024 * 1024)}</w:body>`)); // packs 1000:1
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.equal(await extractAttachmentText('docx', bomb), '', 'not unpacked (mammoth would read the notice)');
  // no PDF is read within a millisecond (pdfjs itself is loaded before the limit starts)
  const instant = { ...loadConfig({}).documentLimits, timeoutMs: 1 };
  assert.equal(await extractAttachmentText('pdf', pdfWith('Contact 13812345678'), instant), '');
  assert.equal(sharedIsolatePool(instant).stats().timeouts, 1);
});

test('PDF with a non-embedded CJK font (STSong-Light, UniGB-UCS2-H): the text is read and an ID number in it is found', async () => {
  const pdf = cjkPdfWith('护林员名单：王某，身份证号330106199003071236，青山镇。');
  const text = await extractAttachmentText('pdf', pdf);
  assert.match(text, /护林员名单：王某，身份证号330106199003071236/);
  const findings = versionFindings({ title: '名单', summary: '', body: '' }, [{ fileName: '名单.pdf', mediaType: 'application/pdf', text }], []);
  assert.deepEqual(findings.map((f) => [f.detector, f.match, f.field]), [['id_card', '330106199003071236', '附件“名单.pdf”']]);
  // The published-report reader (ingest) uses the same character maps.
  const reading = await readPdfBlocks(cjkPdfWith('青山县自然资源局二〇二四年度政府信息公开工作年度报告'));
  assert.match(JSON.stringify(reading.blocks), /青山县自然资源局二〇二四年度政府信息公开工作年度报告/);
});

test('a PDF without a text layer (a scan) is a finding for a person to check, never silently clean', async () => {
  assert.equal(await extractAttachmentText('pdf', scannedPdf()), '');
  const findings = versionFindings({ title: '名单', summary: '', body: '见附件' }, [
    { fileName: '扫描件.pdf', mediaType: 'application/pdf', text: '' },
    { fileName: '照片.png', mediaType: 'image/png', text: '' },
  ], []);
  assert.deepEqual(findings.map((f) => [f.detector, f.match]), [['no_text', '扫描件.pdf']], 'images are not expected to have text');
});

let t: TestApp;
before(async () => {
  t = await testApp();
  for (const [username, roles] of [['zr.r2', ['reviewer']], ['zr.bm', ['confidentiality']]] as const) {
    await createUser(t.db, cliContext(), { orgCode: 'QS-ZRZY', username, displayName: username, password: 'Test-pass-2026', roles: [...roles] });
  }
});
after(() => t?.close());

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----gongkaiTestBoundary7MA4YWxk';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('upload through the console form: finding in the attachment text, delete, publish, download and search on the portal', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  await ensureCatalogue(t.db, org.id);
  const column = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!.id;
  const editorCtx = await ctxOf(t.db, 'zrzy.editor');
  const { item } = await createItem(t.db, editorCtx, org.id, { columnId: column, title: '关于公布2025年度护林员名单的通知', body: '名单见附件。' });
  const ed = await new Client(t.app).loginReady('zrzy.editor');
  const url = `/console/catalogue/items/${item.id}`;
  const upload = async (name: string, content: Buffer) => {
    const csrf = await ed.csrfFrom(url);
    const { payload, contentType } = multipart({ _csrf: csrf }, { name, content });
    const cookie = (ed as unknown as { cookies: Map<string, string> }).cookies;
    return t.app.inject({ method: 'POST', url: `${url}/attachments`, payload, headers: { 'content-type': contentType, accept: 'text/html', cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') } });
  };

  const refused = await upload('名单.pdf', await xlsxWith([['x']]));
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /扩展名/);

  const withId = await upload('护林员名单.xlsx', await xlsxWith([['姓名', '身份证号'], ['王某', '330106199003071236']]));
  assert.equal(withId.statusCode, 303, withId.body.slice(0, 300));
  let page = await ed.get(url);
  assert.match(page.body, /护林员名单\.xlsx/);
  assert.match(page.body, /疑似身份证号码（校验位相符）<\/strong>（附件“护林员名单\.xlsx”）/);
  const attachmentId = /\/console\/catalogue\/attachments\/(\d+)"/.exec(page.body)![1]!;
  const download = await ed.get(`/console/catalogue/attachments/${attachmentId}`);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''%E6%8A%A4/);
  assert.equal((await ed.post(`/console/catalogue/attachments/${attachmentId}/delete`, {}, url)).statusCode, 303);
  page = await ed.get(url);
  assert.doesNotMatch(page.body, /疑似身份证号码/);

  assert.equal((await upload('护林员名单.docx', await docxWith('护林员名单\n青山镇：张某、李某（生态护林员）'))).statusCode, 303);
  assert.equal((await ed.post(`${url}/submit`, {}, url)).statusCode, 303);
  await approveStage(t.db, await ctxOf(t.db, 'zrzy.reviewer'), item.id);
  await approveStage(t.db, await ctxOf(t.db, 'zr.r2'), item.id);
  await approveStage(t.db, await ctxOf(t.db, 'zrzy.head'), item.id);
  await approveStage(t.db, await ctxOf(t.db, 'zr.bm'), item.id);

  const anon = new Client(t.app);
  const portal = await anon.get(`/items/${item.id}`);
  const link = /href="(\/attachments\/\d+)" download>护林员名单\.docx/.exec(portal.body);
  assert.ok(link, 'the item page links its attachment');
  const file = await anon.get(link[1]!);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.equal(sniffFileKind(file.rawPayload), 'docx');
  const found = await anon.get(`/search?q=${encodeURIComponent('生态护林员')}`);
  assert.match(found.body, /找到 1 条结果/, 'attachment text is searched');
  assert.equal((await anon.get(`/attachments/${attachmentId}`)).statusCode, 404, 'a deleted draft attachment is not on the portal');
});

test('a scanned attachment blocks submission until a 保密审查员 acknowledges it with a reason', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  await ensureCatalogue(t.db, org.id);
  const column = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!.id;
  const editorCtx = await ctxOf(t.db, 'zrzy.editor');
  const { item } = await createItem(t.db, editorCtx, org.id, { columnId: column, title: '关于公布征地补偿安置方案的公告', body: '方案见附件扫描件。' });
  await addAttachment(t.db, editorCtx, item.id, { fileName: '补偿安置方案.pdf', content: scannedPdf() });
  await assert.rejects(submitForReview(t.db, editorCtx, item.id), /提示|确认|保密/);
  const page = await (await new Client(t.app).loginReady('zrzy.editor', 'Changed-pass-2026')).get(`/console/catalogue/items/${item.id}`);
  assert.match(page.body, /附件未能读取文字<\/strong>（附件“补偿安置方案\.pdf”）：未能提取文字（可能是扫描件或图片）/);
  await acknowledgeFinding(t.db, await ctxOf(t.db, 'zr.bm'), item.id, { detector: 'no_text', match: '补偿安置方案.pdf', reason: '已人工核对扫描件，无涉密内容和个人信息' });
  const latest = (await latestVersion(t.db, item.id))!;
  assert.equal((await openFindingsOf(t.db, latest)).open.length, 0);
  await submitForReview(t.db, editorCtx, item.id);
});
