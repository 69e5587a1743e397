// The generated corpus of bench/import-accuracy (issue 18), checked as a
// generator, not the parser: its reports obey every rule of the validator, the
// same seed gives the same documents, and each artefact transform damages the
// text the way its class says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatForYear, table3Rows } from '../../src/report/model/layout.ts';
import { table3Shape } from '../../src/report/model/report.ts';
import { validateReport } from '../../src/report/rules/validate.ts';
import { CLASSES, classDocument, corpusDocument, other2019Table3 } from '../../bench/corpus/corpus.ts';
import { dice, generateReport, rng } from '../../bench/corpus/generate.ts';
import { dataCells, scraperText, textBlocks, type TextTable } from '../../bench/corpus/text.ts';
import {
  TABLE4_SUBTABLE_HEADINGS,
  converterText,
  gluedCells,
  gluedLines,
  gluedTableLine,
  pdfText,
  splitTable4Blocks,
} from '../../bench/corpus/transforms.ts';

const text = async (cls: (typeof CLASSES)[number], seed: number) => (await classDocument(cls, seed, 0).bytes()).toString('utf8');

test('generated reports pass the validator without errors, in both layouts and every magnitude', () => {
  const seen = new Set<string>();
  for (let seed = 1; seed <= 300; seed++) {
    const { doc, magnitude } = generateReport(seed, seed % 7 === 0 ? { otherZero: seed % 2 === 0 } : {});
    const r = doc.report;
    assert.equal(r.format, formatForYear(r.year));
    assert.ok(r.year >= 2019 && r.year <= 2025);
    const findings = validateReport(r, { narrative: doc.narrative ?? null });
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, [], `seed ${seed}: ${errors.map((f) => f.message).join('；')}`);
    seen.add(`${r.format}/${magnitude}`);
  }
  for (const key of ['2019/zero', '2019/small', '2019/large', '2021/zero', '2021/small', '2021/large']) assert.ok(seen.has(key), key);
});

test('large reports reach the thousands and fees keep their decimals', () => {
  let big = 0;
  let decimals = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const r = generateReport(seed, { magnitude: 'large', year: 2022 }).doc.report;
    if ((r.table3!.total[6] ?? 0) >= 1000) big++;
    const fee = (r.table2 as { fees: { amountWanYuan: number } }).fees.amountWanYuan;
    if (!Number.isInteger(fee)) decimals++;
  }
  assert.ok(big > 50, `${big} large totals`);
  assert.ok(decimals > 20, `${decimals} decimal fees`);
});

test('the (六) sub-rows are zero or not as asked, and the report still passes', () => {
  for (let seed = 1; seed <= 40; seed++) {
    for (const otherZero of [true, false]) {
      const r = generateReport(seed, { year: 2023, otherZero }).doc.report;
      const t = r.table3 as unknown as Record<string, number[]>;
      const sum = ['other.noCorrection', 'other.feeNotPaid', 'other.other'].reduce((s, k) => s + t[k]![6]!, 0);
      assert.equal(sum === 0, otherZero, `seed ${seed}`);
      assert.deepEqual(validateReport(r).filter((f) => f.severity === 'error'), []);
    }
  }
});

test('the corpus is deterministic for a seed and differs between seeds', async () => {
  for (let i = 0; i < CLASSES.length * 2; i++) {
    const a = corpusDocument(7, i);
    const b = corpusDocument(7, i);
    assert.equal(a.variant, b.variant);
    assert.equal((await a.bytes()).toString('base64'), (await b.bytes()).toString('base64'));
    assert.deepEqual(a.truth, b.truth);
  }
  assert.notEqual((await corpusDocument(7, 0).bytes()).toString(), (await corpusDocument(8, 0).bytes()).toString());
  assert.deepEqual(
    CLASSES.map((_, i) => corpusDocument(1, i).cls),
    [...CLASSES],
  );
});

function table3(seed: number): { blocks: ReturnType<typeof textBlocks>; t3: TextTable } {
  const blocks = textBlocks(generateReport(seed, { magnitude: 'large' }).doc);
  const t3 = blocks.find((b) => b.kind === 'table' && b.table.id === 'table3');
  return { blocks, t3: (t3 as { table: TextTable }).table };
}

test('(1) glued: each data row prints its values as one digit run, with no separator between them', () => {
  const { blocks, t3 } = table3(11);
  const row = t3.rows.find((r) => r.key === 'newReceived')!;
  const run = dataCells(row).join('');
  const d = () => dice(rng(3));
  const cells = gluedCells(blocks, d());
  assert.ok(cells.includes(`\n${run} |\n`), 'the row is one cell line');
  for (const v of dataCells(row)) assert.ok(!cells.includes(`一、本年新收政府信息公开申请数量 |\n${v} |\n`));
  const lines = gluedLines(blocks, d()).split('\n');
  const line = lines.find((l) => l.startsWith('一、本年新收政府信息公开申请数量'))!;
  assert.match(line, new RegExp(`^一、本年新收政府信息公开申请数量 ?${run}$`));
  assert.doesNotMatch(line.replace(/^\D+/, ''), /[\s|\t]/);
  const one = gluedTableLine(blocks, d()).split('\n');
  const t3line = one.find((l) => l.includes('一、本年新收政府信息公开申请数量'))!;
  assert.ok(t3line.includes('（七）总计') && t3line.includes('四、结转下年度继续办理'), 'the whole table is one line');
  assert.ok(t3line.includes(run));
});

test('(2) converter: header words split over rows, merged labels on their own row, long labels wrapped', () => {
  const { blocks } = table3(12);
  const md = converterText(blocks, dice(rng(5)), { splitHeaders: true, mergedOwnRow: true, dropCovered: false, wrapLabels: true });
  const lines = md.split('\n');
  assert.ok(!lines.some((l) => l.includes('| 商业企业 |')), '商业企业 is split');
  const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const i = lines.findIndex((l) => cells(l).some((c) => c.startsWith('商业')));
  const at = cells(lines[i]!).findIndex((c) => c.startsWith('商业'));
  assert.equal(cells(lines[i]!)[at]! + cells(lines[i + 1]!)[at]!, '商业企业', 'the rest of the word on the next row');
  assert.ok(lines.some((l) => /^\| 三、本年度办理结果 \|( +\|)+$/.test(l)), '三、本年度办理结果 on a row of its own');
  assert.ok(lines.some((l) => /^\| +\| （三）不予公开 \|( +\|)+$/.test(l)), '（三）不予公开 on a row of its own');
  assert.ok(!lines.some((l) => l.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')), 'the long label is wrapped');
  const dropped = converterText(blocks, dice(rng(5)), { splitHeaders: false, mergedOwnRow: false, dropCovered: true, wrapLabels: false }).split('\n');
  const cellsOf = (l: string) => l.split('|').length - 2;
  const first = dropped.find((l) => l.startsWith('| 三、本年度办理结果 |'))!;
  const next = dropped.find((l) => l.startsWith('| 2.其他法律行政法规禁止公开 |'))!;
  assert.equal(cellsOf(first), 9);
  assert.equal(cellsOf(next), 8, 'a row under merged labels has no placeholders: its values shift left');
});

test('(3) table 4 is printed as three sub-tables of five columns under their headings', async () => {
  const { doc } = generateReport(13);
  const txt = scraperText(splitTable4Blocks(textBlocks(doc), doc.report.table4!));
  let at = 0;
  for (const h of TABLE4_SUBTABLE_HEADINGS) {
    const i = txt.indexOf(`\n${h}\n结果维持 |`, at);
    assert.ok(i > at, h);
    at = i;
  }
  assert.ok(!txt.includes('未经复议直接起诉 |'));
  let seed = 1;
  while (classDocument('table4-split', seed, 0).variant !== 'html') seed++;
  const html = await text('table4-split', seed);
  assert.ok(!html.includes('<table class="gk-table gk-table4"'));
  assert.equal(html.split('<td>结果维持</td>').length - 1, 3);
  for (const h of TABLE4_SUBTABLE_HEADINGS) assert.ok(html.includes(`<p>${h}</p>`), h);
});

test('(4) PDF artefacts: page number inside table 3, vertical label, 1、 numbering, misprints, split label', () => {
  const { blocks } = table3(14);
  const o = { ideographicNumbering: true, misprints: true, verticalLabel: true, pageNumber: true, splitLabel: true };
  const out = pdfText(blocks, dice(rng(9)), o, new Set(['2.其他法律行政法规禁止公开']));
  const t3 = out.slice(out.indexOf('三、收到'), out.indexOf('四、政府信息公开行政复议'));
  assert.ok(t3.includes('\n三 |\n、 |\n本 |\n年 |\n度 |\n办 |\n理 |\n结 |\n果 |\n'), 'one character per line');
  assert.ok(t3.includes('2、其他法律行政止公开 |'));
  assert.ok(!/\n\d\.\S/.test(t3), 'no 1. numbering left');
  assert.match(t3, /\n(— \d —|- \d -|\d|第\d页)( \|)?\n/);
  // one label of table 3 is not printed whole but over two lines (a page number may sit between the parts)
  const lines = t3.split('\n').map((l) => l.replace(/ \|$/, ''));
  const printed = table3Rows('2021').flatMap((r) => [r.label, r.group?.label ?? ''].filter((l) => l.length >= 6));
  const expected = [...new Set(printed)].map((l) => (l === '2.其他法律行政法规禁止公开' ? '2.其他法律行政止公开' : l).replace(/^(\d)\./, '$1、'));
  const split = expected.filter((l) => !lines.includes(l));
  assert.equal(split.length, 1, `split: ${split.join('、')}`);
  const k = lines.findIndex((l, j) => l.length > 0 && split[0]!.startsWith(l) && (l + lines[j + 1] === split[0] || l + lines[j + 2] === split[0]));
  assert.ok(k >= 0, 'the two parts of the split label');
});

test('(5) a 2021 report printed with the single （六）其他处理 row', async () => {
  const { doc } = generateReport(15, { year: 2022, otherZero: false });
  const t = other2019Table3(doc.report.table3!);
  assert.equal(table3Shape(t), '2019');
  const full = doc.report.table3 as unknown as Record<string, number[]>;
  const other = (t as unknown as Record<string, number[]>)['other']!;
  assert.deepEqual(other, full['other.noCorrection']!.map((v, c) => v + full['other.feeNotPaid']![c]! + full['other.other']![c]!));
  for (let seed = 1; seed <= 12; seed++) {
    const d = classDocument('other-row', seed, 0);
    const body = (await d.bytes()).toString('utf8');
    assert.equal(d.truth.format, '2021');
    assert.ok(d.truth.year >= 2021);
    assert.ok(body.includes('（六）其他处理') && !body.includes('1.申请人无正当理由逾期不补正'));
    const sub = (d.truth.table3 as unknown as Record<string, (number | null)[]>)['other.other']!;
    if (d.variant.endsWith('non-zero')) assert.ok(sub.every((v) => v === null), 'unknowable sub-rows are null in the truth');
    else assert.ok(sub.every((v) => v === 0));
  }
});
