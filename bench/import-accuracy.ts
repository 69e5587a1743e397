// bench/import-accuracy (issue 18): how many cells `gongkai report parse` gets
// right on a generated corpus of published reports with the artefacts real
// pages have (bench/corpus/): clean documents, glued digit runs, converter
// tables, table 4 as three sub-tables, PDF artefacts, and 2021 reports that
// print （六）其他处理 as one row. Each document is parsed in this process by
// parseDocument, the function `report parse` runs in its worker, and every
// cell of the truth is scored right, null or wrong (a different number given
// with confidence: the worst outcome). Prints the figures by class and by
// variant, the detection of agency, year and layout, and the most frequent
// wrong cells.
//
//   npm run bench -- import-accuracy [--n 2000] [--seed 1] [--binary-every 3] [--class glued] [--dump DIR]
//
// --binary-every K: one document in K of the classes clean and pdf is a real
// PDF or Word file (slow: rendering and parsing a PDF take about 0.8 s, a text document 0.02 s).
// --dump DIR writes every document with a wrong or missing cell there, with its truth.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../src/ingest/parse-document.ts';
import { toCanonicalJson } from '../src/report/model/canonical-json.ts';
import { CLASSES, CLASS_LABELS, corpusDocument, type CorpusClass } from './corpus/corpus.ts';
import { scoreCells } from './corpus/score.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const n = Number(option('n', '2000'));
const seed = Number(option('seed', '1'));
const binaryEvery = Number(option('binary-every', '3'));
const only = option('class', '');
const dump = option('dump', '');
if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed) || !Number.isInteger(binaryEvery) || binaryEvery <= 0) {
  process.stderr.write('用法：npm run bench -- import-accuracy [--n 文档数] [--seed 种子] [--binary-every K] [--class 类别] [--dump 目录]\n');
  process.exit(2);
}
if (only && !(CLASSES as readonly string[]).includes(only)) {
  process.stderr.write(`没有名为 ${only} 的类别，可选：${CLASSES.join('、')}\n`);
  process.exit(2);
}
if (dump) mkdirSync(dump, { recursive: true });

interface Tally {
  docs: number;
  reports: number;
  cells: number;
  right: number;
  null: number;
  wrong: number;
  /** Documents with at least one wrong cell. */
  wrongDocs: number;
  agency: number;
  year: number;
  layout: number;
  ms: number;
}
const tally = (): Tally => ({ docs: 0, reports: 0, cells: 0, right: 0, null: 0, wrong: 0, wrongDocs: 0, agency: 0, year: 0, layout: 0, ms: 0 });
const byClass = new Map<string, Tally>();
const byVariant = new Map<string, Tally>();
const overall = tally();
const wrongCells = new Map<string, number>();
const outcomes = new Map<string, number>();
const tallies = (cls: string, variant: string) => {
  for (const [m, k] of [[byClass, cls], [byVariant, `${cls} ${variant}`]] as const) if (!m.has(k)) m.set(k, tally());
  return [overall, byClass.get(cls)!, byVariant.get(`${cls} ${variant}`)!];
};

const started = performance.now();
let generateMs = 0;
let done = 0;
for (let i = 0; i < n; i++) {
  const cls = CLASSES[i % CLASSES.length]!;
  if (only && cls !== only) continue;
  const allowBinary = (cls === 'clean' || cls === 'pdf') && Math.floor(i / CLASSES.length) % binaryEvery === 0;
  const g0 = performance.now();
  const doc = corpusDocument(seed, i, { allowBinary });
  const bytes = await doc.bytes();
  const t0 = performance.now();
  generateMs += t0 - g0;
  const outcome = await parseDocument(bytes, doc.fileName);
  const ms = performance.now() - t0;
  const kindKey = `${doc.cls}:${outcome.kind}`;
  outcomes.set(kindKey, (outcomes.get(kindKey) ?? 0) + 1);
  const parsed = outcome.kind === 'report' ? outcome.report : null;
  const scores = scoreCells(doc.truth, parsed);
  const wrong = scores.filter((s) => s.verdict === 'wrong');
  for (const t of tallies(doc.cls, doc.variant)) {
    t.docs++;
    t.ms += ms;
    if (parsed) t.reports++;
    t.cells += scores.length;
    for (const s of scores) t[s.verdict]++;
    if (wrong.length) t.wrongDocs++;
    if (parsed?.agency === doc.truth.agency) t.agency++;
    if (parsed?.year === doc.truth.year) t.year++;
    if (parsed?.format === doc.truth.format) t.layout++;
  }
  for (const s of wrong) wrongCells.set(`${s.name}\t${doc.cls}`, (wrongCells.get(`${s.name}\t${doc.cls}`) ?? 0) + 1);
  if (dump && scores.some((s) => s.verdict !== 'right')) {
    writeFileSync(join(dump, doc.fileName), bytes);
    writeFileSync(join(dump, `${doc.fileName}.truth.json`), toCanonicalJson(doc.truth));
    writeFileSync(
      join(dump, `${doc.fileName}.cells.tsv`),
      scores.filter((s) => s.verdict !== 'right').map((s) => `${s.verdict}\t${s.name}\t${s.expected}\t${s.got}`).join('\n') + '\n',
    );
  }
  done++;
  if (done % 50 === 0) process.stderr.write(`\r${done} 份…`);
}
process.stderr.write('\r');
const elapsed = (performance.now() - started) / 1000;

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(2)}%` : '—');
const pad = (s: string | number, w: number) => String(s).padStart(w);
function line(name: string, t: Tally, width: number): string {
  return (
    `${name.padEnd(width)} ${pad(t.docs, 5)} ${pad(t.reports, 5)} ${pad(t.cells, 8)} ${pad(pct(t.right, t.cells), 8)} ${pad(pct(t.null, t.cells), 8)} ${pad(pct(t.wrong, t.cells), 8)} ${pad(t.wrong, 6)} ${pad(t.wrongDocs, 5)}` +
    ` ${pad(pct(t.agency, t.docs), 8)} ${pad(pct(t.year, t.docs), 8)} ${pad(pct(t.layout, t.docs), 8)} ${pad((t.ms / Math.max(1, t.docs)).toFixed(0), 6)}`
  );
}
const header = (first: string, width: number) =>
  `${first.padEnd(width)} ${pad('docs', 5)} ${pad('rep', 5)} ${pad('cells', 8)} ${pad('right', 8)} ${pad('null', 8)} ${pad('wrong', 8)} ${pad('#wrong', 6)} ${pad('wdoc', 5)} ${pad('agency', 8)} ${pad('year', 8)} ${pad('layout', 8)} ${pad('ms/doc', 6)}`;

console.log(`bench/import-accuracy: ${done} documents, seed ${seed}, one real PDF/Word file in ${binaryEvery} of the clean and pdf classes`);
console.log(`time: ${elapsed.toFixed(1)} s in all (generation and rendering ${(generateMs / 1000).toFixed(1)} s, parsing ${(overall.ms / 1000).toFixed(1)} s)`);
console.log('rep = parsed to a report; wdoc = documents with a wrong cell; agency/year/layout = detected right, of all documents\n');
console.log(header('class', 22));
for (const cls of CLASSES) {
  const t = byClass.get(cls);
  if (t) console.log(line(cls, t, 22));
}
console.log(line('overall', overall, 22));
console.log('');
console.log(header('class variant', 58));
for (const [k, t] of [...byVariant].sort(([a], [b]) => a.localeCompare(b))) console.log(line(k, t, 58));
console.log('');
console.log(`outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log('\nthe 10 most frequent wrong cells (cell, class, times):');
const top = [...wrongCells].sort((a, b) => b[1] - a[1]).slice(0, 10);
if (top.length === 0) console.log('  none');
for (const [k, v] of top) {
  const [name, cls] = k.split('\t');
  console.log(`  ${name!.padEnd(40)} ${cls!.padEnd(14)} ${CLASS_LABELS[cls as CorpusClass].padEnd(18)} ${v}`);
}
