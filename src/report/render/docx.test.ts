// Round trip: render to .docx, read it back with mammoth (to HTML) and check
// every number in its cell and the merged header cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { SECTION_HEADINGS, TABLE3_HEADER, TABLE3_SECTIONS } from '../model/layout.ts';
import { renderDocx } from './docx.ts';
import { MISSING_TABLE_TEXT } from './grid.ts';
import { checkTable2, checkTable3, checkTable4 } from './testing/expect-tables.ts';
import { fixtureDocument, NARRATIVE } from './testing/fixtures.ts';
import { readHtmlTables, type ReadTable } from './testing/html-tables.ts';

async function readBack(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return value;
}

function cell(t: ReadTable, text: string) {
  const found = t.rows.flat().filter((c) => c.text === text);
  assert.equal(found.length, 1, `“${text}” once`);
  return found[0]!;
}

for (const format of ['2021', '2019'] as const) {
  test(`DOCX (${format}): numbers in their cells, merged headers, headings and narrative`, async () => {
    const doc = fixtureDocument(`distinct-${format}`);
    const buffer = await renderDocx(doc);
    assert.ok(Buffer.isBuffer(buffer));
    const html = await readBack(buffer);
    const tables = readHtmlTables(html);
    assert.equal(tables.length, 3);
    const [t2, t3, t4] = tables as [ReadTable, ReadTable, ReadTable];
    checkTable2(t2.matrix, doc.report.table2!);
    checkTable3(t3.matrix, doc.report.table3!);
    checkTable4(t4.matrix, doc.report.table4!);
    assert.deepEqual([cell(t3, TABLE3_HEADER.corner).colSpan, cell(t3, TABLE3_HEADER.corner).rowSpan], [3, 3]);
    assert.equal(cell(t3, TABLE3_HEADER.applicants).colSpan, 7);
    assert.equal(cell(t3, TABLE3_HEADER.legalPersons).colSpan, 5);
    assert.equal(cell(t3, TABLE3_SECTIONS.outcomes).rowSpan, format === '2021' ? 22 : 20);
    assert.equal(cell(t3, '（五）不予处理').rowSpan, 5);
    assert.equal(cell(t4, '行政复议').colSpan, 5);
    assert.deepEqual(t4.rows[1]!.slice(0, 5).map((c) => c.rowSpan), [2, 2, 2, 2, 2], '行政复议 columns span two header rows');
    assert.deepEqual(t4.rows[1]!.slice(5).map((c) => c.colSpan), [5, 5]);
    // header rows repeat on each page: mammoth reads them as <thead>
    assert.equal((html.match(/<thead>/g) ?? []).length, 2, 'tables 3 and 4 have header rows, table 2 none');
    for (const h of SECTION_HEADINGS) assert.ok(html.includes(`<h1>${h}</h1>`), h);
    assert.ok(html.includes('<p>本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。</p>'));
    assert.ok(html.includes('<p>二是解读形式较为单一。</p>'), NARRATIVE!.五);
  });
}

test('DOCX: A4 page, 仿宋 body, 黑体 headings, merged cells as gridSpan/vMerge', async () => {
  const buffer = await renderDocx(fixtureDocument('distinct-2021'));
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  assert.equal(/<w:pgSz [^>]*>/.exec(xml)?.[0], '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  assert.ok(styles.includes('w:eastAsia="仿宋"'), 'body font 仿宋');
  assert.ok(styles.includes('w:eastAsia="黑体"'), 'heading font 黑体');
  assert.ok((xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length >= 10);
  assert.ok(xml.includes('<w:gridSpan w:val="7"/>'));
});

test('DOCX: null tables print a line instead of a table', async () => {
  const doc = fixtureDocument('null-tables-2021');
  const html = await readBack(await renderDocx(doc));
  assert.equal(html.split(MISSING_TABLE_TEXT).length - 1, 2);
  const tables = readHtmlTables(html);
  assert.equal(tables.length, 1);
  checkTable3(tables[0]!.matrix, doc.report.table3!);
  assert.ok(html.includes('2023年政府信息公开工作年度报告'));
});
