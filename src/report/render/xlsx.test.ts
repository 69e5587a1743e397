// Round trip: render to .xlsx, read it back with exceljs, check every number
// in its cell as a number and the merged header ranges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { SECTION_HEADINGS, TABLE3_SECTIONS } from '../model/layout.ts';
import { MISSING_TABLE_TEXT } from './grid.ts';
import { checkTable2, checkTable3, checkTable4, type IsLabel, type Matrix, type Same } from './testing/expect-tables.ts';
import { fixtureDocument } from './testing/fixtures.ts';
import { XLSX_TABLE_FIRST_ROW, renderXlsx } from './xlsx.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The table of a sheet as a matrix; a merged position shows its master cell's value. */
function matrix(ws: ExcelJS.Worksheet, columns: number): Matrix {
  const m: Matrix = [];
  for (let r = XLSX_TABLE_FIRST_ROW; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      row.push(cell.isMerged ? cell.master.value : cell.value);
    }
    m.push(row);
  }
  return m;
}

/** Numbers must come back as numbers, text as text, null as an empty cell. */
const sameTyped: Same = (got, v) => (v === null ? got === null || got === undefined : got === v);
const isLabel: IsLabel = (got, label) => got === label;

/** Merged ranges of a sheet, relative to the table's first row: "r0c0:r1c1" (0-based). */
function merges(ws: ExcelJS.Worksheet): Set<string> {
  const out = new Set<string>();
  for (const range of ws.model.merges) {
    const [a, b] = range.split(':').map((ref) => ws.getCell(ref!));
    const [r1, c1, r2, c2] = [a!.row, a!.col, b!.row, b!.col].map(Number) as [number, number, number, number];
    if (r1 < XLSX_TABLE_FIRST_ROW) continue; // title rows
    out.add(`${r1 - XLSX_TABLE_FIRST_ROW},${c1 - 1}:${r2 - XLSX_TABLE_FIRST_ROW},${c2 - 1}`);
  }
  return out;
}

for (const format of ['2021', '2019'] as const) {
  test(`XLSX (${format}): one sheet per table, numbers as numbers in their cells, header merges`, async () => {
    const doc = fixtureDocument(`distinct-${format}`);
    const wb = await load(await renderXlsx(doc));
    assert.deepEqual(wb.worksheets.map((w) => w.name), [SECTION_HEADINGS[1], SECTION_HEADINGS[2], SECTION_HEADINGS[3]]);
    const [s2, s3, s4] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    checkTable2(matrix(s2, 4), doc.report.table2!, sameTyped, isLabel);
    checkTable3(matrix(s3, 10), doc.report.table3!, sameTyped, isLabel);
    checkTable4(matrix(s4, 15), doc.report.table4!, sameTyped, isLabel);
    if (format === '2021') assert.equal(s2.getCell(XLSX_TABLE_FIRST_ROW + 13, 2).value, 12.35, 'fee keeps its decimals');
    else assert.ok(matrix(s2, 4).some((r) => r[2] === -208), 'signed change stored as a negative number');

    const m3 = merges(s3);
    for (const range of ['0,0:2,2', '0,3:0,9', '1,3:2,3', '1,4:1,8', '1,9:2,9', '3,0:3,2', '4,0:4,2']) assert.ok(m3.has(range), `table 3 merge ${range}`);
    const outcomes = format === '2021' ? 22 : 20;
    assert.ok(m3.has(`5,0:${4 + outcomes},0`), `${TABLE3_SECTIONS.outcomes} down ${outcomes} rows`);
    assert.ok(m3.has('7,1:14,1'), '（三）不予公开 down 8 rows');
    const m4 = merges(s4);
    for (const range of ['0,0:0,4', '0,5:0,14', '1,0:2,0', '1,4:2,4', '1,5:1,9', '1,10:1,14']) assert.ok(m4.has(range), `table 4 merge ${range}`);
    assert.ok(merges(s2).has('0,0:0,3'), 'table 2 caption across 4 columns');

    assert.equal(s3.getCell(1, 1).value, '某' + (format === '2021' ? '市' : '县') + `测试局${doc.report.year}年政府信息公开工作年度报告`);
    assert.ok((s3.getColumn(3).width ?? 0) > (s3.getColumn(4).width ?? 0), 'label column wider than data columns');
    assert.equal(s3.pageSetup.printTitlesRow, `${XLSX_TABLE_FIRST_ROW}:${XLSX_TABLE_FIRST_ROW + 2}`);
  });
}

test('XLSX: a null table gets a sheet with a line instead; null cells stay empty', async () => {
  const doc = fixtureDocument('null-tables-2021');
  const wb = await load(await renderXlsx(doc));
  assert.equal(wb.worksheets.length, 3);
  assert.equal(wb.worksheets[0]!.getCell(XLSX_TABLE_FIRST_ROW, 1).value, MISSING_TABLE_TEXT);
  assert.equal(wb.worksheets[2]!.getCell(XLSX_TABLE_FIRST_ROW, 1).value, MISSING_TABLE_TEXT);
  const s3 = wb.worksheets[1]!;
  checkTable3(matrix(s3, 10), doc.report.table3!, sameTyped, isLabel);
});
