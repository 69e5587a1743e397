// Acceptance of the importer: the seeds and the made documents parse to the JSON
// written for them; bad input of every kind is unreadable with a reason, without a
// crash; mutated seeds never crash (a bounded fuzz test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toCanonicalJson } from '../report/model/canonical-json.ts';
import { TABLE3_COLUMNS, table3RowFullLabel, table3Rows } from '../report/model/layout.ts';
import { renderReport } from '../report/render/render.ts';
import { MADE_FIXTURES, REAL_FIXTURES, SEED_FIXTURES, fixtureFile, type IngestFixture } from '../../test/fixtures/ingest/index.ts';
import { contentHash, parseDocument } from './parse-document.ts';
import { randomReport, randomSource } from './testing/random-report.ts';
import { flattenedText } from './testing/flattened-text.ts';

async function checkFixture(f: IngestFixture): Promise<void> {
  const outcome = await parseDocument(readFileSync(f.path), f.path);
  assert.equal(outcome.kind, f.expect.kind, outcome.kind === 'report' ? '' : outcome.reason);
  if (outcome.kind !== 'report' || f.expect.kind !== 'report') return;
  assert.equal(toCanonicalJson(outcome.report), readFileSync(f.expect.json, 'utf8'));
  if (f.expect.findings) assert.deepEqual(outcome.findings.map((x) => x.rule), f.expect.findings);
}

for (const f of SEED_FIXTURES) test(`parse: ${f.name} gives the JSON written for it`, () => checkFixture(f));
for (const f of MADE_FIXTURES) test(`parse: ${f.name} gives the JSON written for it`, () => checkFixture(f));
for (const f of REAL_FIXTURES) test(`parse: real report ${f.name} gives the JSON read from it by hand`, () => checkFixture(f));

test('parse: seed 001 — lost cells are null and marked, text versus table is a finding', async () => {
  const outcome = await parseDocument(readFileSync(SEED_FIXTURES[1]!.path), 'seed-001.txt');
  assert.equal(outcome.kind, 'report');
  if (outcome.kind !== 'report') return;
  const granted = outcome.provenance.filter((p) => p.cell.startsWith('table3.granted['));
  assert.deepEqual(granted.map((p) => [p.value, p.confidence]), [
    [null, 'uncertain'], [null, 'uncertain'], [0, 'uncertain'], [0, 'uncertain'], [0, 'uncertain'], [4, 'uncertain'], [4, 'uncertain'],
  ]);
  assert.deepEqual(granted[5]!.where, { kind: 'line', line: 92 });
  const rowOne = outcome.provenance.find((p) => p.cell === 'table3.newReceived[6]')!;
  assert.deepEqual([rowOne.value, rowOne.confidence, rowOne.raw, rowOne.where], [4, 'exact', '4', { kind: 'line', line: 78 }]);
  const text = outcome.findings.find((x) => x.rule === 'narrative.appeals-count')!;
  assert.match(text.message, /行政诉讼0件.*之和为 2/);
  assert.deepEqual(outcome.detected, {
    format: 'text', encoding: 'UTF-8', title: '新榮區(qū)自然資源局2024年政府信息公開工作年度報告',
    year: 2024, agency: '大同市新荣区自然资源局', layout: '2021', yearSource: '标题（第1行）', agencySource: '落款（第299行）',
  });
  assert.deepEqual(outcome.narrative.facts.map((f) => [f.fact, f.value]), [['applicationsReceived', 4], ['reviews', 0], ['lawsuits', 0]]);
});

test('parse: seed 002 is a self-evaluation, not an annual report, and says why', async () => {
  const outcome = await parseDocument(readFileSync(SEED_FIXTURES[2]!.path), 'seed-002.txt');
  assert.equal(outcome.kind, 'not-a-report');
  if (outcome.kind === 'not-a-report') assert.match(outcome.reason, /县政府办.*自评报告.*没有表二、表三、表四/);
});

test('parse: the derived cell says so', async () => {
  const outcome = await parseDocument(readFileSync(fixtureFile('lost-cell-derived.txt')), 'x.txt');
  assert.equal(outcome.kind, 'report');
  if (outcome.kind !== 'report') return;
  const total = outcome.provenance.find((p) => p.cell === 'table3.granted[6]')!;
  assert.equal(total.confidence, 'derived');
  assert.equal(total.raw, null);
  assert.match(total.note ?? '', /原文缺失，由.*推出为/);
});

test('parse: a GBK page and its UTF-8 twin give the same report, with the encoding detected', async () => {
  const utf8 = await parseDocument(readFileSync(fixtureFile('merged-cells.html')), 'a.html');
  const gbk = await parseDocument(readFileSync(fixtureFile('merged-cells.gbk.html')), 'a.html');
  assert.ok(utf8.kind === 'report' && gbk.kind === 'report');
  assert.equal(utf8.detected.encoding, 'UTF-8');
  assert.equal(gbk.detected.encoding, 'GBK');
  assert.equal(toCanonicalJson(gbk.report), toCanonicalJson(utf8.report));
});

test('parse: a 2019-shaped table in a 2022 report keeps its shape and is reported', async () => {
  const doc = randomReport(9, { year: 2022, format: '2019' });
  const outcome = await parseDocument(await renderReport(doc, 'html'), 'r.html');
  assert.equal(outcome.kind, 'report');
  if (outcome.kind !== 'report') return;
  assert.equal(outcome.report.format, '2019');
  assert.equal(toCanonicalJson(outcome.report), toCanonicalJson(doc.report));
  assert.ok(outcome.findings.some((f) => f.rule === 'layout.format-mismatch' && /2022/.test(f.message)));
});

test('parse: a 2021 report printing （六）其他处理 as one row is a 2021 report; the sub-rows are 0 only when that row is', async () => {
  const sub = ['other.noCorrection', 'other.feeNotPaid', 'other.other'];
  for (const zero of [true, false]) {
    const doc = randomReport(13, { year: 2022 });
    const full = doc.report.table3 as unknown as Record<string, number[]>;
    if (zero) {
      // no case ended that way: carried forward instead (一 + 二 = 总计 + 四 still holds)
      TABLE3_COLUMNS.forEach((_, c) => {
        const d = sub.reduce((a, k) => a + full[k]![c]!, 0);
        full.total![c]! -= d;
        full.carriedForward![c]! += d;
        for (const k of sub) full[k]![c] = 0;
      });
    }
    // the 2019 shape: the three sub-rows summed into one row
    const printed = Object.fromEntries(
      table3Rows('2019').map((r) => [r.key, r.key === 'other' ? TABLE3_COLUMNS.map((_, c) => sub.reduce((a, k) => a + full[k]![c]!, 0)) : full[r.key]!]),
    );
    const outcome = await parseDocument(await renderReport({ ...doc, report: { ...doc.report, table3: printed as never } }, 'html'), 'r.html');
    assert.equal(outcome.kind, 'report');
    if (outcome.kind !== 'report') continue;
    assert.equal(outcome.report.format, '2021');
    const t3 = outcome.report.table3 as unknown as Record<string, (number | null)[]>;
    for (const k of sub) assert.deepEqual(t3[k], zero ? [0, 0, 0, 0, 0, 0, 0] : [null, null, null, null, null, null, null]);
    assert.deepEqual(t3.granted, full.granted);
    assert.ok(outcome.findings.some((f) => f.rule === 'ingest.other-single-row'));
    assert.ok(!outcome.findings.some((f) => f.rule === 'layout.format-mismatch'));
  }
});

test('parse: random valid reports through HTML, Word and scraper text come back exactly', async () => {
  for (let seed = 1; seed <= 6; seed++) {
    const doc = randomReport(seed);
    for (const [name, bytes] of [
      ['r.html', await renderReport(doc, 'html')],
      ['r.docx', await renderReport(doc, 'docx')],
      ['r.txt', Buffer.from(flattenedText(doc))],
    ] as const) {
      const outcome = await parseDocument(bytes, name);
      assert.equal(outcome.kind, 'report', `${seed} ${name}`);
      if (outcome.kind === 'report') assert.equal(toCanonicalJson(outcome.report), toCanonicalJson(doc.report), `${seed} ${name}`);
    }
  }
});

test('parse: a 小计 column some tools add to table 3 is recognised and left out', async () => {
  const doc = randomReport(31, { year: 2023 });
  const t3 = doc.report.table3 as unknown as Record<string, number[]>;
  const rows = table3Rows('2021').map((r) => {
    const v = t3[r.key]!;
    const subtotal = v.slice(1, 6).reduce((a, b) => a + b, 0);
    return [table3RowFullLabel(r), ...v.slice(0, 6), subtotal, v[6]].join('\t');
  });
  const text = [
    `${doc.report.agency}2023年政府信息公开工作年度报告`,
    '三、收到和处理政府信息公开申请情况',
    ['申请人情况', ...TABLE3_COLUMNS.slice(0, 6), '法人或其他组织小计', '总计'].join('\t'),
    ...rows,
  ].join('\n');
  const outcome = await parseDocument(Buffer.from(text), 'tabs.txt');
  assert.equal(outcome.kind, 'report');
  if (outcome.kind === 'report') assert.deepEqual(outcome.report.table3, doc.report.table3);
});

test('parse: the content hash is the SHA-256 of the bytes', async () => {
  const bytes = readFileSync(SEED_FIXTURES[0]!.path);
  const outcome = await parseDocument(bytes, 'a.txt');
  assert.equal(outcome.contentHash, contentHash(bytes));
  assert.match(outcome.contentHash, /^[0-9a-f]{64}$/);
});

async function unreadable(bytes: Uint8Array, name: string, reason: RegExp): Promise<void> {
  const outcome = await parseDocument(bytes, name);
  assert.equal(outcome.kind, 'unreadable', `${name}: ${outcome.kind}`);
  if (outcome.kind === 'unreadable') assert.match(outcome.reason, reason, name);
}

test('parse: bad input is unreadable with a reason', async () => {
  const noise = Buffer.alloc(50 * 1024 * 1024);
  const random = randomSource(1);
  for (let i = 0; i < 4096; i++) noise[i] = Math.floor(random() * 256);
  await unreadable(Buffer.alloc(0), 'empty.txt', /空/);
  await unreadable(noise.subarray(0, 4096), 'noise.bin', /不是文本文件/);
  await unreadable(noise, 'noise.txt', /过大|不是文本文件/);
  await unreadable(noise.subarray(0, 1024 * 1024), 'noise.pdf', /PDF/);
  await unreadable(Buffer.from('PK\u0003\u0004 not really a zip'), 'report.docx', /Word/);
  await unreadable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'report.doc', /\.doc/);
  const pdf = readFileSync(fixtureFile('rendered-2021.pdf'));
  await unreadable(pdf.subarray(0, Math.floor(pdf.length / 2)), 'truncated.pdf', /不完整/);
  const docx = readFileSync(fixtureFile('rendered-2021.docx'));
  await unreadable(docx.subarray(0, Math.floor(docx.length / 2)), 'truncated.docx', /Word/);
});

test('parse: an encrypted PDF and a PDF without text are unreadable', async () => {
  // pdfkit (what pdfmake builds on) writes encrypted PDFs; it has no type declarations here
  interface PdfKitDocument {
    on(event: string, listener: (chunk: Buffer) => void): void;
    text(s: string): PdfKitDocument;
    rect(x: number, y: number, w: number, h: number): PdfKitDocument;
    fill(color: string): PdfKitDocument;
    end(): void;
  }
  const specifier = 'pdfkit';
  const { default: PDFDocument } = (await import(specifier)) as { default: new (options: object) => PdfKitDocument };
  const pdf = (options: object, draw: (d: PdfKitDocument) => void) =>
    new Promise<Buffer>((resolve) => {
      const d = new PDFDocument(options);
      const parts: Buffer[] = [];
      d.on('data', (b: Buffer) => parts.push(b));
      d.on('end', () => resolve(Buffer.concat(parts)));
      draw(d);
      d.end();
    });
  await unreadable(await pdf({ userPassword: 'secret' }, (d) => d.text('2023 report')), 'locked.pdf', /加密/);
  await unreadable(await pdf({}, (d) => d.rect(50, 50, 300, 400).fill('#777')), 'scanned.pdf', /文字层|OCR/);
});

test('parse: 9 MB of printable noise (base64) is not a report, as text and as HTML', async () => {
  const random = randomSource(7);
  const raw = Buffer.alloc((9 * 1024 * 1024 * 3) / 4);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(random() * 256);
  const oneLine = Buffer.from(raw.toString('base64'));
  const wrapped = Buffer.from(raw.toString('base64').replace(/(.{76})/g, '$1\n'));
  for (const [name, bytes] of [['noise.txt', oneLine], ['noise.html', oneLine], ['wrapped.txt', wrapped], ['wrapped.htm', wrapped]] as const) {
    assert.ok(bytes.length > 9 * 1000 * 1000 && bytes.length < 10 * 1024 * 1024, `${name}: ${bytes.length} bytes, under the 10 MB cap`);
      const outcome = await parseDocument(bytes, name);
    assert.equal(outcome.kind, 'not-a-report', name);
    if (outcome.kind === 'not-a-report') assert.match(outcome.reason, /没有年度报告的任何标志/);
    }
});

test('parse: malformed HTML does not crash', async () => {
  const title = '<p>青山县2023年政府信息公开工作年度报告</p>';
  const cases: [string, string][] = [
    ['spans.html', '<html><body><table><tr><td colspan="99999" rowspan="-3">一、本年新收<td>1<tr><td>2</table></table><p>政府信息公开工作年度报告<<<</body>'],
    ['open-divs.html', title + '<div>'.repeat(200_000)],
    ['open-tables.html', title + '<table><tr><td>'.repeat(100_000) + '一、本年新收'],
    ['brackets.html', title + '<'.repeat(2_000_000)],
    ['huge-spans.html', title + '<table>' + '<tr><td colspan="1000" rowspan="1000">本年新收</td><td>1</td></tr>'.repeat(2000) + '</table>'],
    ['nested-tables.html', title + '<table><tr><td>'.repeat(400) + '一、本年新收'],
  ];
  for (const [name, html] of cases) {
      const outcome = await parseDocument(Buffer.from(html), name);
    assert.ok(['report', 'not-a-report', 'unreadable'].includes(outcome.kind), name);
    if (outcome.kind !== 'report') assert.doesNotMatch(outcome.reason, /内部错误|Maximum call stack/, name);
    }
  const deep = await parseDocument(Buffer.from(cases[1]![1]), 'open-divs.html');
  assert.equal(deep.kind, 'unreadable');
  if (deep.kind === 'unreadable') assert.match(deep.reason, /未闭合的标签相互嵌套达 200000 层/);
});

test('parse: a long document (seed 001 repeated 600 times, 4 MB) is read without overflowing the stack', async () => {
  const seed = readFileSync(SEED_FIXTURES[1]!.path);
  const outcome = await parseDocument(Buffer.concat(Array.from({ length: 600 }, () => seed)), 'long.txt');
  assert.equal(outcome.kind, 'report', outcome.kind === 'report' ? '' : outcome.reason);
  if (outcome.kind === 'report') assert.equal(outcome.report.year, 2024);
});

test('parse: mutated seeds never crash (bounded fuzz)', async () => {
  const random = randomSource(20240601);
  const seeds = SEED_FIXTURES.map((f) => readFileSync(f.path));
  for (let round = 0; round < 60; round++) {
    const base = Buffer.from(seeds[round % seeds.length]!);
    const mutations = 1 + Math.floor(random() * 40);
    for (let m = 0; m < mutations; m++) {
      const at = Math.floor(random() * base.length);
      const op = random();
      if (op < 0.4) base[at] = Math.floor(random() * 256);
      else if (op < 0.7) base.copyWithin(at, Math.floor(random() * base.length));
      else base[at] = '|\n0 '.charCodeAt(Math.floor(random() * 4));
    }
    const cut = random() < 0.3 ? base.subarray(0, Math.floor(random() * base.length)) : base;
    const outcome = await parseDocument(cut, round % 2 ? 'm.txt' : 'm.html');
    assert.ok(['report', 'not-a-report', 'unreadable'].includes(outcome.kind));
    if (outcome.kind === 'report') assert.doesNotThrow(() => toCanonicalJson(outcome.report));
  }
});
