// bench/fuzz: mutated documents — PDF, Word and HTML made from test/fixtures/ingest with a seeded
// generator (test/helpers/mutate.ts) — read through the worker path as the server reads uploads.
// Prints the outcomes by format, the documents that passed the time or memory limit, crashes
// (workers that ended by themselves, the parser's internal errors, anything thrown), the largest
// resident memory of a worker and of this process, and documents per second.
// The workers run the compiled dist/ without tsx, as `npm start` does (built first, about a second).
//
//   npm run bench -- fuzz [--n 10000] [--seed 1] [--timeout 10] [--memory 512] [--concurrency 1]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FUZZ_FORMATS, mutatedDocument, type FuzzFormat } from '../test/helpers/mutate.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '10' },
    memory: { type: 'string', default: '512' },
    concurrency: { type: 'string', default: '1' },
  },
});
const N = Number(args.n);
const SEED = Number(args.seed);
const limits = { timeoutMs: Number(args.timeout) * 1000, maxMemoryMb: Number(args.memory), concurrency: Number(args.concurrency), queueLength: Number(args.concurrency) * 2 };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
type PoolModule = typeof import('../src/core/isolate/pool.ts');
type ParseModule = typeof import('../src/ingest/isolated-parse.ts');
const { createIsolatePool } = (await import(new URL('../dist/core/isolate/pool.js', import.meta.url).href)) as PoolModule;
const { parseDocumentIn } = (await import(new URL('../dist/ingest/isolated-parse.js', import.meta.url).href)) as ParseModule;
const pool = createIsolatePool(limits, { execArgv: [] });

type Outcome = 'report' | 'not-a-report' | 'unreadable' | 'timeout' | 'memory' | 'internal-error' | 'thrown';
const counts = new Map<string, number>();
const count = (format: FuzzFormat, o: Outcome) => counts.set(`${format} ${o}`, (counts.get(`${format} ${o}`) ?? 0) + 1);
const times: Record<FuzzFormat, number[]> = { pdf: [], docx: [], html: [] };
let peakProcessMb = 0;
let slowest = { ms: 0, name: '' };
const started = performance.now();

async function one(i: number): Promise<void> {
  const doc = await mutatedDocument(SEED, i);
  const t = performance.now();
  try {
    const o = await parseDocumentIn(pool, doc.bytes, doc.name, { validate: false });
    if (o.kind !== 'unreadable') count(doc.format, o.kind);
    else if (o.reason.startsWith('读取超时')) count(doc.format, 'timeout');
    else if (o.reason.startsWith('读取所需内存过大')) count(doc.format, 'memory');
    else if (/内部错误/.test(o.reason)) count(doc.format, 'internal-error');
    else count(doc.format, 'unreadable');
  } catch (e) {
    count(doc.format, 'thrown');
    process.stderr.write(`\n${doc.name}（${doc.from}）：${(e as Error).message}\n`);
  }
  const ms = performance.now() - t;
  times[doc.format].push(ms);
  if (ms > slowest.ms) slowest = { ms, name: `${doc.name}（由 ${doc.from} 变异）` };
  peakProcessMb = Math.max(peakProcessMb, process.memoryUsage.rss() / 1024 / 1024);
}

// as many documents in flight as workers, so that the queue never refuses one
let next = 0;
let done = 0;
await Promise.all(
  Array.from({ length: limits.concurrency }, async () => {
    while (next < N) {
      await one(next++);
      if (++done % 100 === 0) process.stderr.write(`\r${done}/${N}`);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const stats = pool.stats();
pool.close();

process.stderr.write('\n');
const OUTCOMES: Outcome[] = ['report', 'not-a-report', 'unreadable', 'timeout', 'memory', 'internal-error', 'thrown'];
console.log(`fuzz: ${N} mutated documents (seed ${SEED}), limits ${limits.timeoutMs / 1000} s / ${limits.maxMemoryMb} MB, ${limits.concurrency} worker(s)`);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
console.log(['format', ...OUTCOMES, 'median ms', 'p95 ms'].map((h) => h.padStart(15)).join(''));
for (const f of FUZZ_FORMATS) {
  const cells = [f, ...OUTCOMES.map((o) => String(counts.get(`${f} ${o}`) ?? 0)), quantile(times[f], 0.5).toFixed(0), quantile(times[f], 0.95).toFixed(0)];
  console.log(cells.map((c) => c.padStart(15)).join(''));
}
console.log(`workers started ${stats.started}; killed at the time limit ${stats.timeouts}, at the memory limit ${stats.memoryKills}; crashed ${stats.crashes}`);
console.log(`peak resident memory: one worker ${stats.peakWorkerMb.toFixed(0)} MB, this process ${peakProcessMb.toFixed(0)} MB`);
console.log(`${seconds.toFixed(0)} s, ${(N / seconds).toFixed(1)} documents/s; slowest ${slowest.ms.toFixed(0)} ms: ${slowest.name}`);
