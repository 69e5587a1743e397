// How fast the command line and the server start, next to a bare `node -e 0` measured in the
// same run (the baseline): the median wall time of --runs runs of each.
//
//   npm run bench -- cli [--runs 5]
//
// Goals (issue 14): `--help` and `report check` at most 10× the baseline, `report parse` of a seed
// at most 20×; `npm start` answers its first page within 3 s on an existing data folder and
// within 10 s on a fresh one (the demo catalogue fills in afterwards). Everything runs the
// compiled dist/ (`npm run build` first, which `npm ci` and `npm test` do).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'gongkai.mjs');
const REPORT = join(ROOT, 'test', 'fixtures', 'reports', 'valid-2021.json');
const SEED = join(ROOT, 'test', 'fixtures', 'seeds', '001_43470c8d9389378c.txt');
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-cli-'));
/** No database configured and none created: what a fresh checkout has. */
const NO_DATABASE = { DATABASE_URL: '', GONGKAI_DATA_DIR: join(work, 'none') };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of a command run to its end, in ms; fails loudly if it fails. */
function timeCommand(argv: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, env: { ...process.env, ...NO_DATABASE, ...env }, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` on a data folder until its portal home page answers 200; then stopped with SIGTERM
 * (after the demo catalogue is complete when `settle` is set). Returns ms to the first page.
 */
async function startServer(dataDir: string, settle = false): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true, // npm runs node in a shell: stop the whole group
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', GONGKAI_REMINDER_INTERVAL_MINUTES: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let firstPage = 0;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended early:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error('npm start did not answer within 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    firstPage = performance.now() - started;
    while (settle && !out.includes('已创建演示公开目录') && performance.now() - started < 300_000) await new Promise((r) => setTimeout(r, 200));
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
  return firstPage;
}

async function startMedian(fresh: boolean): Promise<number> {
  const existing = join(work, 'existing');
  if (!fresh) await startServer(existing, true); // made once, with the whole demo data, not timed
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fresh ? join(work, `fresh-${i}`) : existing;
    times.push(await startServer(dir));
    if (fresh) rmSync(dir, { recursive: true, force: true });
  }
  return median(times);
}

try {
  const node = process.execPath;
  const baseline = timeCommand([node, '-e', '0']);
  const rows: [string, number, string][] = [
    ['node -e 0 (baseline)', baseline, ''],
    ['gongkai --help', timeCommand([node, BIN, '--help']), '≤ 10×'],
    ['gongkai report check <json>', timeCommand([node, BIN, 'report', 'check', REPORT]), '≤ 10×'],
    ['gongkai report parse <seed 001>', timeCommand([node, BIN, 'report', 'parse', SEED]), '≤ 20×'],
    ['gongkai calendar add-workdays 2025-09-26 20 (no database: shipped calendar)', timeCommand([node, BIN, 'calendar', 'add-workdays', '2025-09-26', '20']), ''],
  ];
  const dataDir = join(work, 'calendar-data');
  spawnSync(node, [BIN, 'db', 'migrate'], { env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir } });
  rows.push(['gongkai calendar add-workdays 2025-09-26 20 (PGlite data folder)', timeCommand([node, BIN, 'calendar', 'add-workdays', '2025-09-26', '20'], { GONGKAI_DATA_DIR: dataDir }), '']);
  rows.push(['npm start → first page, existing data folder', await startMedian(false), '≤ 3000 ms']);
  rows.push(['npm start → first page, fresh data folder', await startMedian(true), '≤ 10000 ms']);

  console.log(`median of ${RUNS} runs each, wall time`);
  console.log('| command | ms | × baseline | goal |');
  console.log('|---|---:|---:|---|');
  for (const [name, ms, goal] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(1)} | ${goal} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
