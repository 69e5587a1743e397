// bench/import: throughput of `parseDocument` on one core over a generated
// corpus of published annual reports in mixed formats (HTML, GBK-encoded HTML,
// flattened scraper text, Word, PDF), made from seeded random valid reports
// through the project's renderers, in a temporary folder (not committed).
// Prints reports per second, the median and 95th-percentile milliseconds per
// document by format, and how many documents parsed to numbers that differ
// from the generated ones (must be 0).
//
//   node --import tsx bench/import.ts [--count 1000] [--keep]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { toCanonicalJson } from '../src/report/model/canonical-json.ts';
import { renderReport } from '../src/report/render/render.ts';
import { parseDocument } from '../src/ingest/parse-document.ts';
import { randomReport } from '../src/ingest/testing/random-report.ts';
import { flattenedText } from '../src/ingest/testing/flattened-text.ts';

const FORMATS = ['html', 'gbk-html', 'text', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { html: 'html', 'gbk-html': 'htm', text: 'txt', docx: 'docx', pdf: 'pdf' };

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 1000) || 1000;
const keep = args.includes('--keep');

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-import-'));
const corpus: { file: string; format: Format; expected: string }[] = [];

async function generate(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const format = FORMATS[i % FORMATS.length]!;
    const doc = randomReport(1000 + i);
    let bytes: Buffer;
    switch (format) {
      case 'html':
        bytes = await renderReport(doc, 'html');
        break;
      case 'gbk-html': {
        const html = (await renderReport(doc, 'html')).toString('utf8').replace('<meta charset="utf-8">', '<meta charset="gbk">');
        bytes = iconv.encode(html, 'gbk');
        break;
      }
      case 'text':
        bytes = Buffer.from(flattenedText(doc), 'utf8');
        break;
      case 'docx':
        bytes = await renderReport(doc, 'docx');
        break;
      case 'pdf':
        bytes = await renderReport(doc, 'pdf');
        break;
    }
    const file = join(dir, `${String(i).padStart(5, '0')}.${EXTENSIONS[format]}`);
    writeFileSync(file, bytes);
    corpus.push({ file, format, expected: toCanonicalJson(doc.report) });
    if ((i + 1) % 100 === 0) process.stderr.write(`\rgenerated ${i + 1}/${count}`);
  }
  process.stderr.write('\n');
  return performance.now() - started;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const generation = await generate();
  const times = new Map<Format, number[]>(FORMATS.map((f) => [f, []]));
  const differing: string[] = [];
  const kinds = new Map<string, number>();
  const bytesByFormat = new Map<Format, number>(FORMATS.map((f) => [f, 0]));
  let total = 0;
  for (const { file, format, expected } of corpus) {
    const bytes = readFileSync(file);
    bytesByFormat.set(format, bytesByFormat.get(format)! + bytes.length);
    const t0 = performance.now();
    const outcome = await parseDocument(bytes, file);
    const ms = performance.now() - t0;
    total += ms;
    times.get(format)!.push(ms);
    kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
    if (outcome.kind !== 'report' || toCanonicalJson(outcome.report) !== expected) differing.push(`${file} (${format}, ${outcome.kind})`);
  }

  console.log(`bench/import: ${corpus.length} documents, parsed one after another in one process (one core)`);
  console.log(`corpus generated in ${(generation / 1000).toFixed(1)} s (${dir}${keep ? ', kept' : ', removed'})`);
  console.log(`parsing: ${(total / 1000).toFixed(2)} s, ${(corpus.length / (total / 1000)).toFixed(1)} reports/s`);
  console.log('format      docs  median ms  p95 ms   max ms  avg KB');
  for (const f of FORMATS) {
    const t = [...times.get(f)!].sort((a, b) => a - b);
    const kb = bytesByFormat.get(f)! / 1024 / Math.max(1, t.length);
    console.log(
      `${f.padEnd(10)} ${String(t.length).padStart(5)} ${quantile(t, 0.5).toFixed(1).padStart(10)} ${quantile(t, 0.95).toFixed(1).padStart(7)} ${(t.at(-1) ?? NaN).toFixed(1).padStart(8)} ${kb.toFixed(1).padStart(7)}`,
    );
  }
  console.log(`outcomes: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`documents whose parsed numbers differ from the generated ones: ${differing.length}`);
  for (const d of differing.slice(0, 20)) console.log(`  ${d}`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  if (differing.length > 0) process.exitCode = 1;
}

await main();
