// A letter as PDF, read back: its text in the shared fonts, and a character the fonts lack
// (a rare character in a name) printed as 〓 and named in a warning to the caller's log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from '../../report/render/testing/pdf-text.ts';
import { renderLetterPdf, type LetterLog } from './pdf.ts';
import type { Letter } from './compose.ts';

const letter = (addressee: string): Letter => ({
  kind: 'receipt',
  title: '政府信息公开申请接收回执',
  number: 'QS-ZRZY-2025-00001',
  addressee,
  paragraphs: ['本机关于2025年9月26日收到您提交的政府信息公开申请，将于2025年10月30日前作出答复。'],
  contact: ['联系电话：0571-80000101'],
  signOrg: '青山县自然资源局',
  signDate: '2025年9月26日',
  signer: null,
  mark: null,
  fileName: '接收回执.docx',
});

function recorder() {
  const warnings: { details: object; message: string }[] = [];
  const log: LetterLog = { warn: (details, message) => void warnings.push({ details, message }) };
  return { log, warnings };
}

test('a letter in the shared fonts: every line read back, nothing logged', async () => {
  const { log, warnings } = recorder();
  const pdf = await renderLetterPdf(letter('龑小明：'), log);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/, 'the title in bold');
  assert.ok(pdf.length < 200_000, `${pdf.length} bytes`);
  const text = await readPdf(pdf);
  for (const part of ['政府信息公开申请接收回执', 'QS-ZRZY-2025-00001', '龑小明：', '将于2025年10月30日前作出答复', '联系电话：0571-80000101', '青山县自然资源局', '2025年9月26日']) {
    assert.ok(text.joined.includes(part), `PDF lacks ${part}`);
  }
  assert.deepEqual(warnings, []);
});

test('paragraphs and contact lines start two characters (2 × 16 pt) in from the addressee', async () => {
  const pdf = await getDocument({ data: new Uint8Array(await renderLetterPdf(letter('王小明：'))), isEvalSupported: false }).promise;
  const items = (await (await pdf.getPage(1)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [{ str: i.str, x: i.transform[4] as number }] : []));
  await pdf.destroy();
  const x = (start: string) => items.find((i) => i.str.startsWith(start))!.x;
  assert.ok(Math.abs(x('本机关于') - x('王小明') - 32) < 0.5, `${x('本机关于')} vs ${x('王小明')}`);
  assert.ok(Math.abs(x('联系电话') - x('王小明') - 32) < 0.5);
});

test('a character the fonts lack: 〓 in the PDF, a warning naming it to the log', async () => {
  const { log, warnings } = recorder();
  const text = await readPdf(await renderLetterPdf(letter('𰀀小明：'), log));
  assert.ok(text.joined.includes('〓小明：'), text.joined);
  assert.ok(!text.joined.includes('𰀀'));
  assert.deepEqual(warnings, [
    {
      details: { letter: 'receipt', number: 'QS-ZRZY-2025-00001', codePoints: [0x30000] },
      message: '政府信息公开申请接收回执（QS-ZRZY-2025-00001）：字体缺少以下字符，PDF 中以“〓”代替：𰀀（U+30000）',
    },
  ]);
});
