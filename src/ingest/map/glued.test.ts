import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitCuts, rowAcceptor, solveGlued, type GluedLimits } from './glued.ts';
import { lineCells } from './glued-lines.ts';

// a row of table 3: six applicant columns and their total (c6 = c0 + … + c5)
const rowTotal = [{ left: ['c6'], right: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] }];
const position = (v: string) => (/^c\d+$/.test(v) ? Number(v.slice(1)) : -1);

test('a run is cut only where the row total holds: 801000081 is 80|1|0|0|0|0|81', () => {
  assert.deepEqual(digitCuts('801000081', 7, rowAcceptor(rowTotal, position)), [[80, 1, 0, 0, 0, 0, 81]]);
});

test('no number of a cut starts with 0, and every digit is used', () => {
  // 1|0|01 and 1|00|1 have a leading 0
  assert.deepEqual(digitCuts('1001', 3, () => true), [[10, 0, 1]]);
  assert.deepEqual(digitCuts('12', 3, () => true), []);
});

test('a run that no cut can explain gives no candidate; past the limits, null', () => {
  assert.deepEqual(digitCuts('1234567', 7, rowAcceptor(rowTotal, position)), []);
  assert.equal(digitCuts('1'.repeat(40), 15, () => true, { cuts: 10, nodes: 1000 }), null);
});

test('table 4: each group total is checked as soon as it is placed', () => {
  const groups = [0, 1, 2].map((g) => ({ left: [`c${g * 5 + 4}`], right: [0, 1, 2, 3].map((j) => `c${g * 5 + j}`) }));
  assert.deepEqual(digitCuts('001570157001051912407007', 15, rowAcceptor(groups, position)), [[0, 0, 157, 0, 157, 0, 0, 105, 19, 124, 0, 7, 0, 0, 7]]);
});

// two rows whose column sums are printed as a third row: a.x + b.x = t.x
const columnSums = [0, 1].map((j) => ({ left: [`t[${j}]`], right: [`a[${j}]`, `b[${j}]`] }));
const name = (key: string, pos: number) => `${key}[${pos}]`;

test('the table arithmetic keeps only the readings that fit the other rows; agreed cells are given', () => {
  const rows = [
    { key: 'a', candidates: [[1, 23], [12, 3]] },
    { key: 'b', candidates: [[4, 5], [45, 0]] },
  ];
  const known = new Map([
    ['t[0]', 5],
    ['t[1]', 28],
  ]);
  const s = solveGlued(rows, columnSums, known, name);
  assert.equal(s.readings, 1);
  assert.deepEqual(s.agreed.get('a'), [1, 23]);
  assert.deepEqual(s.agreed.get('b'), [4, 5]);
});

test('where the readings that survive differ, the cell is null; where they agree, it is given', () => {
  const rows = [
    { key: 'a', candidates: [[1, 2], [2, 1]] },
    { key: 'b', candidates: [[2, 1], [1, 2]] },
  ];
  const known = new Map<string, number | null>([
    ['t[0]', 3],
    ['t[1]', 3],
  ]);
  const s = solveGlued(rows, columnSums, known, name);
  assert.equal(s.readings, 2);
  assert.deepEqual(s.agreed.get('a'), [null, null]);
});

test('no reading at all (the printed arithmetic is broken) gives nothing', () => {
  const rows = [{ key: 'a', candidates: [[1, 2]] }, { key: 'b', candidates: [[1, 1]] }];
  const s = solveGlued(rows, columnSums, new Map([['t[0]', 9], ['t[1]', 9]]), name);
  assert.equal(s.readings, 0);
  assert.equal(s.agreed.size, 0);
});

test('past the search limit only what every candidate of a row agrees on is given', () => {
  const limits: GluedLimits = { cuts: 100, nodes: 3, readings: 100, ms: 1000 };
  const rows = [
    { key: 'a', candidates: [[1, 2], [1, 3]] },
    { key: 'b', candidates: [[2, 2], [2, 1]] },
  ];
  const s = solveGlued(rows, columnSums, new Map(), name, limits);
  assert.equal(s.capped, true);
  assert.deepEqual(s.agreed.get('a'), [1, null]);
  assert.deepEqual(s.agreed.get('b'), [2, null]);
});

test('a row no equation touches (table 2) keeps the cells all its cuts agree on', () => {
  const s = solveGlued([{ key: 'r', candidates: [[0, 17, 9], [0, 1, 79]] }], [], new Map(), name);
  assert.deepEqual(s.agreed.get('r'), [0, null, null]);
});

test('a flattened line is cut into labels and digit runs', () => {
  assert.deepEqual(lineCells('（一）予以公开47510015279'), ['（一）予以公开', '47510015279']);
  // a sub-item number glued to the run before it
  assert.deepEqual(lineCells('8.属于行政查询事项70000071.本机关不掌握相关政府信息8000008'), ['8.属于行政查询事项', '7000007', '1.本机关不掌握相关政府信息', '8000008']);
  // labels of the form printed without a gap; 第（一）项 is no numbering
  assert.deepEqual(lineCells('第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章00146'), ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '00146']);
  assert.deepEqual(lineCells('其他一、本年新收政府信息公开申请数量9520175238168'), ['其他', '一、本年新收政府信息公开申请数量', '9520175238168']);
  // a fee keeps its decimals; a signed change glued on stays one (unreadable) run
  assert.deepEqual(lineCells('行政事业性收费 10.66'), ['行政事业性收费', '10.66']);
  assert.deepEqual(lineCells('行政许可 5-312'), ['行政许可', '5-312']);
});
