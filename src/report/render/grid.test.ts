import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SECTION_HEADINGS, TABLE3_HEADER, TABLE3_SECTIONS, TABLE4_GROUPS } from '../model/layout.ts';
import { layoutDocument, paragraphs } from './document.ts';
import { MISSING_TABLE_TEXT, cellText, placeCells, table2Grid, table3Grid, table4Grid, type GridCell, type TableGrid } from './grid.ts';
import { loadFixture } from './testing/fixtures.ts';

function find(grid: TableGrid, text: string): GridCell {
  const cells = grid.rows.flat().filter((c) => c.text === text);
  assert.equal(cells.length, 1, `“${text}” should occur once`);
  return cells[0]!;
}

for (const format of ['2021', '2019'] as const) {
  const report = loadFixture(`distinct-${format}`);

  test(`table 3 (${format}): 3-row header and the merged row labels of §B.4`, () => {
    const grid = table3Grid(report.table3!);
    assert.equal(grid.columns, 10);
    assert.equal(grid.headerRows, 3);
    assert.equal(grid.rows.length, 3 + (format === '2021' ? 25 : 23));
    assert.deepEqual(
      [find(grid, TABLE3_HEADER.corner)].map((c) => [c.colSpan, c.rowSpan, c.header]),
      [[3, 3, true]],
    );
    assert.equal(find(grid, TABLE3_HEADER.applicants).colSpan, 7);
    assert.equal(find(grid, TABLE3_HEADER.legalPersons).colSpan, 5);
    assert.equal(find(grid, TABLE3_HEADER.naturalPerson).rowSpan, 2);
    // 三、本年度办理结果 spans 22 result rows (2021) or 20 (2019)
    assert.equal(find(grid, TABLE3_SECTIONS.outcomes).rowSpan, format === '2021' ? 22 : 20);
    assert.equal(find(grid, '（三）不予公开').rowSpan, 8);
    assert.equal(find(grid, '（四）无法提供').rowSpan, 3);
    assert.equal(find(grid, '（五）不予处理').rowSpan, 5);
    const other = find(grid, '（六）其他处理');
    if (format === '2021') assert.deepEqual([other.rowSpan, other.colSpan], [3, 1]);
    else assert.deepEqual([other.rowSpan, other.colSpan, other.scope], [1, 2, 'row']);
    assert.equal(find(grid, TABLE3_SECTIONS.newReceived).colSpan, 3);
    assert.equal(find(grid, TABLE3_SECTIONS.total).colSpan, 2);
    const values = grid.rows.flat().filter((c) => !c.header);
    assert.equal(values.length, (format === '2021' ? 25 : 23) * 7);
    assert.equal(new Set(values.map((c) => c.value)).size, values.length, 'all fixture numbers are distinct and present');
  });

  test(`table 2 (${format}): caption rows across 4 columns, the last value cell spans the rest`, () => {
    const grid = table2Grid(report.table2!);
    assert.equal(grid.columns, 4);
    const captions = grid.rows.filter((r) => r.length === 1);
    assert.equal(captions.length, format === '2021' ? 4 : 5);
    for (const [cap] of captions) assert.deepEqual([cap!.colSpan, cap!.header], [4, true]);
    for (const row of grid.rows) assert.equal(row.reduce((n, c) => n + c.colSpan, 0), 4);
    if (format === '2021') {
      const fee = grid.rows.flat().find((c) => c.ref?.row === 'fees')!;
      assert.deepEqual([fee.value, fee.text, fee.colSpan], [12.35, '12.35', 3]);
    } else {
      const amount = grid.rows.flat().find((c) => c.ref?.column === 'amount')!;
      assert.deepEqual([amount.value, amount.colSpan], ['251000元', 2]);
      const change = grid.rows.flat().find((c) => c.ref?.row === 'fees' && c.ref.column === 'change')!;
      assert.deepEqual([change.text, change.colSpan], ['-220', 2]);
    }
  });
}

test('table 4: 行政复议 over 5, 行政诉讼 over 10, 3 header rows, 15 values', () => {
  const grid = table4Grid(loadFixture('distinct-2021').table4!);
  assert.equal(grid.columns, 15);
  assert.deepEqual(grid.rows[0]!.map((c) => [c.text, c.colSpan]), [['行政复议', 5], ['行政诉讼', 10]]);
  assert.deepEqual(grid.rows[1]!.map((c) => c.rowSpan), [2, 2, 2, 2, 2, 1, 1]);
  assert.deepEqual(grid.rows[1]!.slice(5).map((c) => [c.text, c.colSpan]), TABLE4_GROUPS.slice(1).map((g) => [g.label, 5]));
  assert.equal(grid.rows[2]!.length, 10);
  assert.deepEqual(grid.rows[3]!.map((c) => c.value), Array.from({ length: 15 }, (_, i) => 5001 + i));
});

test('placeCells: every position covered once; continuation slots below row merges', () => {
  const grid = table3Grid(loadFixture('distinct-2021').table3!);
  const slots = placeCells(grid);
  for (const row of slots) assert.equal(row.reduce((n, s) => n + s.cell.colSpan, 0), grid.columns);
  // row 6 (（二）部分公开) has the continuation of 三、本年度办理结果 in column 0
  assert.deepEqual([slots[6]![0]!.col, slots[6]![0]!.origin, slots[6]![0]!.cell.text], [0, false, TABLE3_SECTIONS.outcomes]);
  assert.throws(() => placeCells({ ...grid, rows: grid.rows.slice(0, 10) }), /does not fit/);
});

test('cell text: null empty, numbers as numbers, decimals kept', () => {
  assert.equal(cellText(null), '');
  assert.equal(cellText(0), '0');
  assert.equal(cellText(0.35), '0.35');
  assert.equal(cellText(-3), '-3');
  assert.equal(cellText('251000元'), '251000元');
});

test('document: six headings, narrative paragraphs, tables under 二 三 四, a line for a missing table', () => {
  const doc = layoutDocument({ report: loadFixture('null-tables-2021'), narrative: { 一: '甲。\n\n乙。\r\n丙。', 三: '说明。' } });
  assert.equal(doc.title, '2023年政府信息公开工作年度报告', 'agency null: title without agency');
  assert.deepEqual(
    doc.blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'table' ? b.grid.id : b.kind === 'missing' ? b.text : `p:${b.text}`)),
    [
      SECTION_HEADINGS[0], 'p:甲。', 'p:乙。', 'p:丙。',
      SECTION_HEADINGS[1], MISSING_TABLE_TEXT,
      SECTION_HEADINGS[2], 'p:说明。', 'table3',
      SECTION_HEADINGS[3], MISSING_TABLE_TEXT,
      SECTION_HEADINGS[4], SECTION_HEADINGS[5],
    ],
  );
  assert.equal(layoutDocument({ report: loadFixture('distinct-2021') }).title, '某市测试局2024年政府信息公开工作年度报告');
  assert.equal(layoutDocument({ report: loadFixture('distinct-2021'), title: '自定标题' }).title, '自定标题');
  assert.deepEqual(paragraphs(undefined), []);
});
