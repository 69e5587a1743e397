import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceCell } from '../read/document.ts';
import { resolveNumericTable, type LineInput, type NumericTableSpec } from './numeric-table.ts';

// a small table with the shape of table 3: rows a, b and their total t; every row [x, y, total]
const name = (line: string, pos: number) => `${line}[${pos}]`;
const SPEC: NumericTableSpec = {
  lines: ['a', 'b', 't'].map((key) => ({ key, width: 3 })),
  units: [
    ...['a', 'b', 't'].map((l) => ({ name: `${l} 行合计`, equations: [{ kind: 'row', left: [name(l, 2)], right: [name(l, 0), name(l, 1)] }] })),
    ...[0, 1, 2].map((c) => ({ name: `${c} 列合计`, equations: [{ kind: 'column', left: [name('t', c)], right: [name('a', c), name('b', c)] }] })),
  ],
  cellName: name,
  locator: (l, p) => `${l}行${p}列`,
  lineLocator: (l) => `${l}行`,
  columnLabel: (_l, p) => `第${p}列`,
};

let n = 0;
const cell = (text: string): SourceCell => ({ text, where: { kind: 'line', line: ++n } });
const seq = (...texts: string[]): LineInput => ({ sequence: texts.map(cell) });

test('numeric table: a row that lost its total is placed and derived; the finding says so', () => {
  const r = resolveNumericTable(SPEC, new Map([['a', seq('1', '2')], ['b', seq('3', '4', '7')], ['t', seq('4', '6', '10')]]));
  assert.deepEqual(r.values.get('a'), [1, 2, 3]);
  assert.deepEqual(r.provenance.filter((p) => p.cell.startsWith('a')).map((p) => p.confidence), ['derived', 'derived', 'derived']);
  assert.deepEqual(r.findings.map((f) => f.rule), ['ingest.row-short', 'ingest.cell-derived']);
});

test('numeric table: where the arithmetic does not decide, cells stay null with a finding', () => {
  // b lost a cell and there is no total row: [1, 1] fits under the first or the last two columns
  const r = resolveNumericTable(SPEC, new Map([['a', seq('1', '1', '2')], ['b', seq('1', '1')]]));
  assert.deepEqual(r.values.get('b'), [null, 1, null]);
  assert.equal(r.provenance.find((p) => p.cell === 'b[1]')!.confidence, 'uncertain');
  assert.match(r.findings[0]!.message, /不成立的处数相同/);
  assert.deepEqual(r.values.get('t'), [null, null, null]);
  assert.ok(r.findings.some((f) => f.rule === 'ingest.row-missing'));
});

test('numeric table: the placement that keeps the arithmetic wins, and its cells count as derived', () => {
  const r = resolveNumericTable(SPEC, new Map([['a', seq('0', '0', '0')], ['b', seq('5', '5')], ['t', seq('5', '5', '10')]]));
  assert.deepEqual(r.values.get('b'), [5, 5, 10]);
  assert.match(r.findings[0]!.message, /按前 2 列排列时表内勾稽、合计关系全部成立/);
});

test('numeric table: an unreadable cell is derived when the table holds elsewhere, else null', () => {
  const ok = resolveNumericTable(SPEC, new Map([['a', seq('1', '1O', '11')], ['b', seq('3', '4', '7')], ['t', seq('4', '14', '18')]]));
  assert.deepEqual(ok.values.get('a'), [1, 10, 11]);
  assert.match(ok.provenance.find((p) => p.cell === 'a[1]')!.note ?? '', /原文“1O”无法识别/);
  // the same, but another row breaks the row rule: the row rule is not trusted, the column rule still is
  const broken = resolveNumericTable(SPEC, new Map([['a', seq('1', '1O', '11')], ['b', seq('3', '4', '8')], ['t', seq('4', '14', '19')]]));
  assert.deepEqual(broken.values.get('a'), [1, 10, 11]);
  const nothing = resolveNumericTable(SPEC, new Map([['a', seq('1', '1O', '12')], ['b', seq('3', '4', '8')], ['t', seq('4', '14', '19')]]));
  assert.deepEqual(nothing.values.get('a'), [1, null, 12]);
  assert.ok(nothing.findings.some((f) => f.rule === 'ingest.cell-unreadable'));
});

test('numeric table: positioned holes are lost, or printed blank (PDF)', () => {
  const lost = resolveNumericTable(SPEC, new Map([['a', { positioned: [cell('1'), undefined, cell('3')] }]]));
  assert.deepEqual(lost.values.get('a'), [1, null, 3]);
  const blank = resolveNumericTable(SPEC, new Map([['a', { positioned: [cell('1'), undefined, cell('1')], blankHoles: true }]]));
  assert.deepEqual(blank.values.get('a'), [1, 0, 1]);
  assert.ok(lost.findings.some((f) => f.rule === 'ingest.row-missing' && /b行/.test(f.message)));
});

test('numeric table: trailing empty cells are padding; too many cells are not guessed', () => {
  const r = resolveNumericTable(SPEC, new Map([['a', seq('1', '2', '3', '', '')], ['b', seq('1', '2', '3', '4')]]));
  assert.deepEqual(r.values.get('a'), [1, 2, 3]);
  assert.deepEqual(r.values.get('b'), [null, null, null]);
  assert.ok(r.findings.some((f) => f.rule === 'ingest.row-extra-cells'));
});

const BLANK_SPEC: NumericTableSpec = { ...SPEC, blankIsZero: false };

test('numeric table: a blank cell is 0 unless 0 breaks the arithmetic; then derived, or null with a finding', () => {
  // a[1] blank, a's total 1 = 1 + 0: holds as 0
  const ok = resolveNumericTable(BLANK_SPEC, new Map([['a', seq('1', '', '1')], ['b', seq('2', '2', '4')], ['t', seq('3', '2', '5')]]));
  assert.deepEqual(ok.values.get('a'), [1, 0, 1]);
  assert.deepEqual(ok.findings, []);
  assert.match(ok.provenance.find((p) => p.cell === 'a[1]')!.note ?? '', /印为空白，按 0 计/);
  // zeros left blank throughout a row whose total holds: 0
  assert.deepEqual(resolveNumericTable(BLANK_SPEC, new Map([['a', { positioned: [cell(''), cell(''), cell('')] }]])).values.get('a'), [0, 0, 0]);
  // the total row printed blank (cut off by a page break): 0 breaks the column rule, so not zeros;
  // with no check of the column rule anywhere in this small table, not derived either
  const cut = resolveNumericTable(BLANK_SPEC, new Map([['a', seq('1', '2', '3')], ['b', seq('2', '2', '4')], ['t', { positioned: [undefined, undefined, undefined], blankHoles: true }]]));
  assert.deepEqual(cut.values.get('t'), [null, null, null]);
  assert.ok(cut.findings.some((f) => f.rule === 'ingest.cell-blank' && f.cells.length === 3));
  // the same blank total row where the column rule is checked elsewhere (a second table's shape): derived
  const more: NumericTableSpec = { ...BLANK_SPEC, lines: [...SPEC.lines, { key: 'u', width: 3 }], units: [...SPEC.units, { name: '核对', equations: [{ kind: 'column', left: [name('u', 0)], right: [name('a', 0), name('b', 0)] }] }] };
  const derived = resolveNumericTable(more, new Map([['a', seq('1', '2', '3')], ['b', seq('2', '2', '4')], ['t', { positioned: [undefined, undefined, undefined], blankHoles: true }], ['u', seq('3', '0', '3')]]));
  assert.deepEqual(derived.values.get('t'), [3, 4, 7]);
  assert.ok(derived.findings.some((f) => f.rule === 'ingest.cell-derived'));
  // a row total printed with its parts blank: 0 breaks the row, nothing fixes the parts: null, and the finding names them
  const open = resolveNumericTable(BLANK_SPEC, new Map([['a', { positioned: [cell(''), cell(''), cell('5')] }]]));
  assert.deepEqual(open.values.get('a'), [null, null, 5]);
  const f = open.findings.find((x) => x.rule === 'ingest.cell-blank')!;
  assert.deepEqual(f.cells, ['a[0]', 'a[1]']);
  assert.match(f.message, /a行“第0列”“第1列”等格印为空白，不能确定是 0/);
  // `/` and `-` are printed zeros, not blanks
  assert.deepEqual(resolveNumericTable(BLANK_SPEC, new Map([['a', seq('-', '/', '0')]])).values.get('a'), [0, 0, 0]);
});

test('numeric table: a rejected row is null with the mapper’s own finding only', () => {
  const r = resolveNumericTable(BLANK_SPEC, new Map([['a', { rejected: '无法确定' }], ['b', seq('2', '2', '4')], ['t', seq('3', '2', '5')]]));
  assert.deepEqual(r.values.get('a'), [null, null, null]);
  assert.equal(r.provenance.find((p) => p.cell === 'a[0]')!.note, '无法确定');
  assert.ok(!r.findings.some((f) => f.cells.includes('a[0]')));
});
