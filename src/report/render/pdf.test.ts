// Round trip: render to PDF, read the text back with pdfjs-dist, check the
// labels and every number, that the Chinese fonts are embedded as subsets, and
// that characters the fonts lack are printed as 〓 and reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  SECTION_HEADINGS,
  TABLE3_HEADER,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2Layout,
  table3Rows,
} from '../model/layout.ts';
import type { AnnualReport } from '../model/report.ts';
import { MISSING_TABLE_TEXT, cellText } from './grid.ts';
import { renderPdf } from './pdf.ts';
import { renderReportFile } from './render.ts';
import { fixtureDocument } from './testing/fixtures.ts';
import { readPdf } from './testing/pdf-text.ts';

/** Every value of the report as printed, in table order. */
function printedValues(r: AnnualReport): string[] {
  const out: string[] = [];
  if (r.table2) {
    const t2 = r.table2 as unknown as Record<string, Record<string, number | string | null>>;
    for (const s of table2Layout(r.format)) for (const row of s.rows) for (const c of s.columns) out.push(cellText(t2[row.key]![c.key]));
  }
  if (r.table3) {
    const t3 = r.table3 as unknown as Record<string, (number | null)[]>;
    for (const row of table3Rows(r.format)) out.push(...t3[row.key]!.map(cellText));
  }
  if (r.table4) for (const g of TABLE4_GROUPS) out.push(...r.table4[g.key].map(cellText));
  return out.filter((s) => s !== '');
}

for (const format of ['2021', '2019'] as const) {
  test(`PDF (${format}): labels and every number in the text, fonts embedded`, async () => {
    const doc = fixtureDocument(`distinct-${format}`);
    const { pdf: buffer, missingGlyphs } = await renderPdf(doc);
    assert.deepEqual(missingGlyphs, []);
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    const raw = buffer.toString('latin1');
    assert.match(raw, /\/FontFile[23]? /, 'a font program is embedded');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/, 'subset of Noto Sans Hans Regular (body, tables)');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/, 'subset of Noto Sans Hans Bold (title, headings)');
    // each face is an 8 MB file: only a subset of the glyphs used may be embedded
    assert.ok(buffer.length < 500_000, `${buffer.length} bytes`);
    const text = await readPdf(buffer);
    const items = new Set(text.items);
    const values = printedValues(doc.report);
    assert.equal(values.length, format === '2021' ? 200 : 198);
    for (const v of values) assert.ok(items.has(v), `number ${v} printed in a cell of its own`);
    for (const h of SECTION_HEADINGS) assert.ok(text.joined.includes(h), h);
    assert.ok(text.joined.includes(doc.report.agency + `${doc.report.year}年政府信息公开工作年度报告`));
    for (const label of [TABLE3_HEADER.corner, TABLE3_HEADER.applicants, TABLE3_HEADER.legalPersons, ...TABLE4_COLUMNS]) {
      assert.ok(text.joined.includes(label), label);
    }
    for (const row of table3Rows(format)) assert.ok(text.joined.includes(row.label), row.label);
    for (const s of table2Layout(format)) {
      assert.ok(text.joined.includes(s.caption), s.caption);
      for (const c of s.columns) assert.ok(text.joined.includes(c.label), c.label);
    }
    assert.ok(text.joined.includes('本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。'));
  });
}

test('PDF: null tables print a line instead; a table pushed down by long text moves to the next page whole', async () => {
  const doc = fixtureDocument('null-tables-2021');
  const long = Array.from({ length: 24 }, (_, i) => `第${i + 1}段：本机关依法办理政府信息公开申请，答复期限符合条例规定。`).join('\n');
  const { pdf: buffer } = await renderPdf({ ...doc, narrative: { 三: long } });
  const text = await readPdf(buffer);
  assert.equal(text.joined.split(MISSING_TABLE_TEXT).length - 1, 2);
  assert.ok(text.joined.includes('2023年政府信息公开工作年度报告'));
  // table 3 is never split (pdfmake cannot draw row merges across a page break):
  // its header prints once, and its first and last numbers are on the same page
  assert.equal(text.joined.split(TABLE3_HEADER.corner).length - 1, 1);
  const pageOf = async (s: string) => {
    const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise;
    try {
      for (let p = 1; p <= pdf.numPages; p++) {
        const c = await (await pdf.getPage(p)).getTextContent();
        if (c.items.some((i) => 'str' in i && i.str.trim() === s)) return p;
      }
      return 0;
    } finally {
      await pdf.destroy();
    }
  };
  const first = await pageOf('1001');
  assert.ok(first > 1, 'table 3 moved below the long text');
  assert.equal(await pageOf('1175'), first);
  assert.equal(await pageOf(TABLE3_HEADER.applicants), first);
});

test('PDF: fonts are parsed once and reused; documents stay independent', async () => {
  const doc = fixtureDocument('distinct-2021');
  const { pdf: a } = await renderPdf(doc);
  const t = performance.now();
  const { pdf: b } = await renderPdf(doc);
  const ms = performance.now() - t;
  assert.equal(a.length, b.length);
  assert.ok(ms < 5000, `second render took ${ms.toFixed(0)} ms`);
  const other = await readPdf((await renderPdf(fixtureDocument('distinct-2019'))).pdf);
  assert.ok(other.items.includes('251000元') && other.items.includes('-208'));
});

test('PDF: a character the fonts lack is printed as 〓 and reported; rare ones they have are printed', async () => {
  const doc = fixtureDocument('distinct-2021');
  // U+30000 (Extension G) and U+2A6D6 (Extension B) are not in Noto Sans Hans; 龑 and 𬌗 are.
  const narrative = { ...doc.narrative, 一: '本机关办理了𰀀某某、龑某某和𬌗某某的申请，另有𪛖姓申请人。' };
  const title = '𰀀县测试局2024年政府信息公开工作年度报告';
  const { file, warnings } = await renderReportFile({ ...doc, narrative, title }, 'pdf');
  assert.deepEqual(warnings, ['字体缺少以下字符，PDF 中以“〓”代替：𰀀（U+30000）、𪛖（U+2A6D6）']);
  const text = await readPdf(file);
  assert.ok(text.joined.includes('本机关办理了〓某某、龑某某和𬌗某某的申请，另有〓姓申请人。'), text.joined.slice(0, 300));
  assert.ok(text.joined.includes('〓县测试局2024年政府信息公开工作年度报告'), 'the title (bold face) too');
  assert.ok(!text.joined.includes('𰀀') && !text.joined.includes('𪛖'));
  const { missingGlyphs } = await renderPdf({ ...doc, narrative, title });
  assert.deepEqual(missingGlyphs, [
    { char: '𰀀', codePoint: 0x30000 },
    { char: '𪛖', codePoint: 0x2a6d6 },
  ]);
});
