import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SECTION_HEADINGS, TABLE3_HEADER, TABLE3_SECTIONS } from '../model/layout.ts';
import { MISSING_TABLE_TEXT } from './grid.ts';
import { renderHtmlFragment, renderHtmlPage } from './html.ts';
import { checkTable2, checkTable3, checkTable4 } from './testing/expect-tables.ts';
import { fixtureDocument } from './testing/fixtures.ts';
import { readHtmlTables, type ReadTable } from './testing/html-tables.ts';

function cell(t: ReadTable, text: string) {
  const found = t.rows.flat().filter((c) => c.text === text);
  assert.equal(found.length, 1, `“${text}” once`);
  return found[0]!;
}

for (const format of ['2021', '2019'] as const) {
  test(`HTML (${format}): every number in its cell, merged headers with colspan/rowspan and scope`, () => {
    const doc = fixtureDocument(`distinct-${format}`);
    const html = renderHtmlFragment(doc);
    const tables = readHtmlTables(html);
    assert.equal(tables.length, 3);
    const [t2, t3, t4] = tables as [ReadTable, ReadTable, ReadTable];
    const n = checkTable2(t2.matrix, doc.report.table2!) + checkTable3(t3.matrix, doc.report.table3!) + checkTable4(t4.matrix, doc.report.table4!);
    assert.equal(n, (format === '2021' ? 10 : 22) + (format === '2021' ? 175 : 161) + 15);

    const corner = cell(t3, TABLE3_HEADER.corner);
    assert.deepEqual([corner.tag, corner.colSpan, corner.rowSpan], ['th', 3, 3]);
    assert.deepEqual([cell(t3, TABLE3_HEADER.applicants).colSpan, cell(t3, TABLE3_HEADER.applicants).scope], [7, 'colgroup']);
    assert.equal(cell(t3, TABLE3_HEADER.legalPersons).colSpan, 5);
    assert.equal(cell(t3, TABLE3_HEADER.total).rowSpan, 2);
    const outcomes = cell(t3, TABLE3_SECTIONS.outcomes);
    assert.deepEqual([outcomes.rowSpan, outcomes.scope], [format === '2021' ? 22 : 20, 'rowgroup']);
    assert.equal(cell(t3, '（三）不予公开').rowSpan, 8);
    assert.equal(cell(t3, '1.属于国家秘密').scope, 'row');
    assert.equal(cell(t4, '行政诉讼').colSpan, 10);
    assert.equal(cell(t4, '复议后起诉').colSpan, 5);
    // data cells are <td>, labels <th>
    assert.ok(t3.rows.slice(3).every((r) => r.filter((c) => c.tag === 'td').length === 7));
    assert.ok(!html.includes(MISSING_TABLE_TEXT));
  });
}

test('HTML: data cells name their headers (merged ones included)', () => {
  const html = renderHtmlFragment(fixtureDocument('distinct-2021'));
  const m = /<td headers="([^"]+)"[^>]*>1029<\/td>/.exec(html);
  assert.ok(m, '1029 = （三）1.属于国家秘密 · 自然人');
  const ids = m[1]!.split(' ');
  const textOf = (id: string) => new RegExp(`<th id="${id}"[^>]*>([^<]*)</th>`).exec(html)?.[1];
  assert.deepEqual(new Set(ids.map(textOf)), new Set(['自然人', '申请人情况', TABLE3_SECTIONS.outcomes, '（三）不予公开', '1.属于国家秘密']));
  const fee = /<td headers="([^"]+)"[^>]*>12.35<\/td>/.exec(html)!;
  assert.deepEqual(new Set(fee[1]!.split(' ').map(textOf)), new Set(['本年收费金额（单位：万元）', '第二十条第（八）项', '行政事业性收费']));
});

test('HTML: null tables print a line instead; null cells print empty', () => {
  const doc = fixtureDocument('null-tables-2021');
  const html = renderHtmlFragment(doc);
  assert.equal(html.split(MISSING_TABLE_TEXT).length - 1, 2);
  const [t3] = readHtmlTables(html);
  assert.equal(readHtmlTables(html).length, 1);
  checkTable3(t3!.matrix, doc.report.table3!);
  assert.ok(html.includes('<td headers="'), 'still a real table');
  const granted = t3!.rows.find((r) => r.some((c) => c.text === '（一）予以公开'))!;
  assert.equal(granted.filter((c) => c.tag === 'td')[2]!.text, '');
});

test('HTML page: standalone, print CSS inline, no external assets, text escaped', () => {
  const doc = fixtureDocument('distinct-2019');
  const page = renderHtmlPage({ ...doc, title: '<标题> & “测试”', narrative: { 一: 'a < b & c' } });
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<html lang="zh-CN">/);
  assert.match(page, /@page \{ size: A4/);
  assert.doesNotMatch(page, /<link|<script|src=|url\(|https?:/);
  assert.ok(page.includes('<title>&#60;标题&#62; &#38; “测试”</title>'));
  assert.ok(page.includes('<p>a &#60; b &#38; c</p>'));
  for (const h of SECTION_HEADINGS) assert.ok(page.includes(`>${h}</h2>`));
  assert.equal((page.match(/<section /g) ?? []).length, 6);
});

test('HTML: id prefix keeps several reports on one page apart', () => {
  const a = renderHtmlFragment(fixtureDocument('distinct-2021'), { idPrefix: 'r1' });
  assert.ok(a.includes('id="r1-s3"') && a.includes('id="r1-table3-h0"') && !a.includes('id="gk-'));
});
