// Tables 3 and 4 from small hand-made grids: readings chosen by the arithmetic,
// wrapped labels, blank cells, table 4 printed as three sub-tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IngestDocument, SourceCell } from '../read/document.ts';
import { findTableRows } from './find-table.ts';
import { mapTable3 } from './table3.ts';
import { mapTable4, subTableGroup } from './table4.ts';

let tableNo = 0;
/** A markdown-like grid: each row its own cells, columns counted from the left. */
function grid(rows: string[][]): IngestDocument['blocks'][number] {
  const t = ++tableNo;
  return {
    kind: 'table',
    table: {
      mode: 'grid',
      rows: rows.map((cells, r) => cells.map((text, c): SourceCell => ({ text, column: c, where: { kind: 'cell', file: 'html', table: t, row: r + 1, column: c + 1 } }))),
    },
  };
}
const text = (t: string): IngestDocument['blocks'][number] => ({ kind: 'text', text: t, where: { kind: 'line', line: 1 } });
const doc = (...blocks: IngestDocument['blocks']): IngestDocument => ({ fileType: 'markdown' as IngestDocument['fileType'], encoding: 'UTF-8', blocks });

const HEAD = ['自然人', '法人或其他组织', '总计'];
const NEW = '一、本年新收政府信息公开申请数量';
const OLD = '二、上年结转政府信息公开申请数量';

test('table 3: a row shifted by a converter is read straight after its label when only that keeps its total', () => {
  const t = mapTable3(
    findTableRows(doc(grid([HEAD, [NEW, '1', '2', '3', '0', '0', '4', '10'], ['三、本年度办理结果', '（一）予以公开', '1', '2', '0', '0', '0', '0', '3'], [OLD, '5', '0', '0', '0', '0', '0', '5']])), 3),
    '2021',
  );
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows.newReceived, [1, 2, 3, 0, 0, 4, 10]);
  assert.deepEqual(rows.carriedOver, [5, 0, 0, 0, 0, 0, 5]);
  assert.deepEqual(rows.granted, [1, 2, 0, 0, 0, 0, 3]);
});

test('table 3: when neither reading keeps the row total, the row is null with a finding', () => {
  const t = mapTable3(findTableRows(doc(grid([HEAD, [NEW, '1', '2', '3', '0', '0', '4', '99'], ['三、本年度办理结果', '（一）予以公开', '1', '2', '0', '0', '0', '0', '3']])), 3), '2021');
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows.newReceived, [null, null, null, null, null, null, null]);
  const f = t.findings.find((x) => x.rule === 'ingest.columns-ambiguous')!;
  assert.match(f.message, /表三第1行“一、本年新收政府信息公开申请数量”.*两种读法的本行合计.*都不成立/);
  assert.ok(f.cells.includes('table3.newReceived[6]'));
});

test('table 3: the blank second line of a wrapped label never overwrites or zeroes a row', () => {
  const t = mapTable3(
    findTableRows(doc(grid([HEAD, [NEW, '1', '2', '3', '0', '0', '4', '10'], ['请数量', '', '', '', '', '', '', ''], [OLD, '5', '0', '0', '0', '0', '0', '5'], ['信息公开申请数量', '', '', '', '', '', '', '']])), 3),
    '2021',
  );
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows.newReceived, [1, 2, 3, 0, 0, 4, 10]);
  assert.deepEqual(rows.carriedOver, [5, 0, 0, 0, 0, 0, 5]);
  assert.ok(!t.findings.some((f) => f.rule === 'ingest.row-duplicate'));
});

test('table 3: numbers on the first line of a wrapped label whose second line is the one recognised', () => {
  const found = findTableRows(
    doc(grid([HEAD, [NEW, '1', '0', '0', '0', '0', '0', '1'], ['（二）部分公开（区分处理的，只', '4', '0', '0', '0', '0', '1', '5'], ['计这一情形，不计其他情形）', '', '', '', '', '', '', '']])),
    3,
  );
  const rows = mapTable3(found, '2021').table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows.partiallyGranted, [4, 0, 0, 0, 0, 1, 5]);
});

test('table 3: a label printed above its numbers takes them only when their total holds', () => {
  const good = mapTable3(findTableRows(doc(grid([HEAD, [NEW, '', '', '', '', '', '', ''], ['', '1', '2', '0', '0', '0', '0', '3'], [OLD, '0', '0', '0', '0', '0', '0', '0']])), 3), '2021');
  assert.deepEqual((good.table as unknown as Record<string, (number | null)[]>).newReceived, [1, 2, 0, 0, 0, 0, 3]);
  const bad = mapTable3(findTableRows(doc(grid([HEAD, [NEW, '', '', '', '', '', '', ''], ['', '1', '2', '0', '0', '0', '0', '4'], [OLD, '0', '0', '0', '0', '0', '0', '0']])), 3), '2021');
  const rows = bad.table as unknown as Record<string, (number | null)[]>;
  assert.ok(rows.newReceived!.every((v) => v === null), 'blank cells are not zeros, and numbers whose total breaks are not taken');
  assert.ok(bad.findings.some((f) => f.rule === 'ingest.cell-blank' && f.cells.includes('table3.newReceived[0]')));
});

const T4HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

test('table 4: three sub-tables under their headings fill their own groups', () => {
  const t = mapTable4(
    findTableRows(
      doc(
        text('四、政府信息公开行政复议、行政诉讼情况'),
        text('行政复议'),
        grid([T4HEAD, ['2', '6', '0', '0', '8']]),
        text('行政诉讼（未经复议直接起诉）'),
        grid([T4HEAD, ['1', '0', '0', '3', '4']]),
        text('行政诉讼（复议后起诉）'),
        grid([T4HEAD, ['3', '1', '0', '0', '4']]),
      ),
      4,
    ),
  );
  assert.deepEqual(t.table, { review: [2, 6, 0, 0, 8], litigationDirect: [1, 0, 0, 3, 4], litigationAfterReview: [3, 1, 0, 0, 4] });
  assert.deepEqual(t.findings, []);
});

test('table 4: a sub-table whose heading names no group is not guessed', () => {
  const t = mapTable4(
    findTableRows(doc(text('行政复议'), grid([T4HEAD, ['2', '6', '0', '0', '8']]), text('表 4-2'), grid([T4HEAD, ['1', '0', '0', '3', '4']])), 4),
  );
  assert.deepEqual(t.table!.review, [2, 6, 0, 0, 8]);
  assert.deepEqual(t.table!.litigationDirect, [null, null, null, null, null]);
  assert.deepEqual(t.table!.litigationAfterReview, [null, null, null, null, null]);
  assert.ok(t.findings.some((f) => f.rule === 'ingest.columns-ambiguous' && /表 4-2/.test(f.message)));
});

test('table 4: the group a sub-table heading names', () => {
  assert.equal(subTableGroup('行政复议'), 'review');
  assert.equal(subTableGroup('行政诉讼（未经复议直接起诉）'), 'litigationDirect');
  assert.equal(subTableGroup('行政诉讼(复议后起诉)'), 'litigationAfterReview');
  assert.equal(subTableGroup('行政诉讼'), null);
  assert.equal(subTableGroup('四、政府信息公开行政复议、行政诉讼情况'), null);
  assert.equal(subTableGroup(null), null);
});

test('table 3: a label wrapped over two grid rows, neither half a label, is read together', () => {
  const rows = (second: string[]) =>
    mapTable3(findTableRows(doc(grid([HEAD, ['一、本年新收政府', '1', '2', '0', '0', '0', '0', '3'], second, [OLD, '0', '0', '0', '0', '0', '0', '0'], ['（一）予以公开', '1', '0', '0', '0', '0', '0', '1']])), 3), '2021')
      .table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows(['信息公开申请数量', '', '', '', '', '', '', '']).newReceived, [1, 2, 0, 0, 0, 0, 3]);
  // the next row has numbers of its own: not the rest of a label
  assert.deepEqual(rows(['信息公开申请数量', '1', '0', '0', '0', '0', '0', '1']).newReceived, [null, null, null, null, null, null, null]);
});

test('table 3: a table a reader cut in two around a one-cell row is read on, but not across a heading', () => {
  const pieces = (between: IngestDocument['blocks']) =>
    mapTable3(
      findTableRows(
        doc(
          grid([HEAD, [NEW, '1', '0', '0', '0', '0', '0', '1'], [OLD, '0', '0', '0', '0', '0', '0', '0']]),
          ...between,
          { kind: 'table', table: { mode: 'stream', rows: [[{ text: '三、本年度办理结果', where: { kind: 'line', line: 9 } }]] } },
          grid([['（一）予以公开', '1', '0', '0', '0', '0', '0', '1'], ['（二）部分公开', '0', '0', '0', '0', '0', '0', '0']]),
        ),
        3,
      ),
      '2021',
    ).table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(pieces([]).granted, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(pieces([text('注：以下为其他内容')]).granted, [null, null, null, null, null, null, null]);
});

const cells = (...t: string[]): SourceCell[] => t.map((text, i) => ({ text, where: { kind: 'line', line: i + 1 } }));

test('table 3: a bare page number after a stream row is dropped only when the row total settles it', async () => {
  const { pageNumberAfter } = await import('./table3.ts');
  assert.equal(pageNumberAfter(cells('1', '2', '0', '0', '0', '0', '3', '', '4')), true);
  assert.equal(pageNumberAfter(cells('1', '2', '0', '0', '0', '0', '3', '4')), true);
  assert.equal(pageNumberAfter(cells('1', '2', '0', '0', '0', '0', '4', '', '4')), false, 'the row total breaks');
  assert.equal(pageNumberAfter(cells('0', '2', '0', '0', '0', '0', '2', '2')), false, 'the total again: a 小计 column');
  assert.equal(pageNumberAfter(cells('1', '2', '0', '0', '0', '0', '3', '4', '5')), false, 'two numbers');
  assert.equal(pageNumberAfter(cells('1', '2', '0', '0', '0', '0', '3', '1234')), false);
});

/** A grid as the PDF layout gives it: row labels in column 0, header words over the value columns. */
function pdfGrid(rows: string[][]): IngestDocument['blocks'][number] {
  return {
    kind: 'table',
    table: {
      mode: 'grid',
      rows: rows.map((r, k) => r.map((text, c): SourceCell => ({ text, column: text ? c : 0, where: { kind: 'pdf', page: 3, x: 100 + 30 * c, y: 700 - 15 * k } })).filter((c) => c.text)),
    },
  };
}

test('table 3: a PDF header repeated on a continued page is no row (其他, 总计 over value columns)', () => {
  const head = ['', '自然人', '', '', '法人或其他组织', '', '', '总计'];
  const head2 = ['', '', '', '', '', '', '其他', ''];
  const found = findTableRows(
    doc(
      pdfGrid([head, head2, ['（一）予以公开', '1', '0', '0', '0', '0', '0', '1'], ['（二）部分公开', '0', '0', '0', '0', '0', '0', '0'], ['（六）其他处理', '2', '0', '0', '0', '0', '0', '2']]),
      text('— 2 —'),
      pdfGrid([head, head2, ['（七）总计', '3', '0', '0', '0', '0', '0', '3'], ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'], [OLD, '0', '0', '0', '0', '0', '0', '0']]),
    ),
    3,
  );
  const t = mapTable3(found, '2019');
  assert.equal(t.shape, '2019', '其他 over a value column is not the 2021 row 3.其他');
  const rows = t.table as unknown as Record<string, (number | null)[]>;
  assert.deepEqual(rows.total, [3, 0, 0, 0, 0, 0, 3]);
  assert.ok(!t.findings.some((f) => f.rule === 'ingest.row-duplicate'));
});
