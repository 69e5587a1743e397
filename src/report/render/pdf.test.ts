// Round trip: render to PDF, read the text back with pdfjs-dist, check the
// labels and every number, and that the Chinese font is embedded.
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
import { fixtureDocument } from './testing/fixtures.ts';

interface PdfText {
  pages: number;
  /** Every text item, trimmed. */
  items: string[];
  /** All text in content order, without white space. */
  joined: string;
}

async function readPdf(buffer: Buffer): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const items: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) items.push(item.str.trim());
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, items, joined: items.join('').replace(/\s+/g, '') };
}

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
    const buffer = await renderPdf(doc);
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    const raw = buffer.toString('latin1');
    assert.match(raw, /\/FontFile[23]? /, 'a font program is embedded');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/, 'subset of Noto Serif CJK SC');
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
  const buffer = await renderPdf({ ...doc, narrative: { 三: long } });
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
  const a = await renderPdf(doc);
  const t = performance.now();
  const b = await renderPdf(doc);
  const ms = performance.now() - t;
  assert.equal(a.length, b.length);
  assert.ok(ms < 5000, `second render took ${ms.toFixed(0)} ms`);
  const other = await readPdf(await renderPdf(fixtureDocument('distinct-2019')));
  assert.ok(other.items.includes('251000元') && other.items.includes('-208'));
});
