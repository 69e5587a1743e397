// Validate and render many annual reports, one after another in one process,
// and print how long each step takes.
//
//   node --import tsx bench/report.ts [--n 10000] [--pdf-n 300] [--only validate,html,xlsx,docx,pdf]
//
// The reports are generated (seeded, so runs are comparable) with consistent
// sums, 4 in 5 in the 2021 layout and 1 in 5 in the 2019 layout, each with a
// short narrative. The first row, canonical JSON of the same reports, is the baseline
// measured in the same run; CPU ms is this process's own CPU time per report. PDF is much slower than the rest (font subsetting), so it
// runs --pdf-n reports and prints the projected time for --n.
import { parseArgs } from 'node:util';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Layout, table3Rows, type ReportFormat } from '../src/report/model/layout.ts';
import { REPORT_SCHEMA_ID, type AnnualReport } from '../src/report/model/report.ts';
import { hasErrors, validateReport } from '../src/report/rules/validate.ts';
import { toCanonicalJson } from '../src/report/model/canonical-json.ts';
import { renderReport, type RenderTarget, type ReportDocument } from '../src/report/render/render.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    'pdf-n': { type: 'string', default: '300' },
    only: { type: 'string', default: 'validate,html,xlsx,docx,pdf' },
  },
});
const N = Number(args.n);
const PDF_N = Math.min(N, Number(args['pdf-n']));
const ONLY = new Set(args.only!.split(','));

// ── generated reports ─────────────────────────────────────────────────────

function prng(seed: number): (max: number) => number {
  let s = seed >>> 0;
  return (max) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % (max + 1);
  };
}

function line(rand: (max: number) => number, max: number): number[] {
  const v = TABLE3_COLUMNS.slice(0, -1).map(() => rand(max));
  return [...v, v.reduce((a, b) => a + b, 0)];
}

const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);

function makeReport(i: number): ReportDocument {
  const rand = prng(i + 1);
  const format: ReportFormat = i % 5 === 4 ? '2019' : '2021';
  const year = format === '2021' ? 2021 + (i % 4) : 2019 + (i % 2);
  const table2: Record<string, Record<string, number | string>> = {};
  for (const s of table2Layout(format)) {
    for (const r of s.rows) {
      table2[r.key] = Object.fromEntries(
        s.columns.map((c) => [
          c.key,
          c.kind === 'text' ? `${rand(900000)}元` : c.kind === 'amountWanYuan' ? rand(5000) / 100 : c.kind === 'signedCount' ? rand(20) - 10 : rand(300),
        ]),
      );
    }
  }
  const rows = table3Rows(format);
  const table3: Record<string, number[]> = {};
  let total = TABLE3_COLUMNS.map(() => 0);
  for (const r of rows) {
    if (r.part !== 'outcome') continue;
    table3[r.key] = line(rand, r.key === 'granted' ? 40 : 3);
    total = add(total, table3[r.key]!);
  }
  const carriedForward = line(rand, 2);
  const pool = add(total, carriedForward);
  const carriedOverPart = pool.slice(0, -1).map((x) => rand(Math.min(x, 3)));
  const carriedOver = [...carriedOverPart, carriedOverPart.reduce((a, b) => a + b, 0)];
  table3.total = total;
  table3.carriedForward = carriedForward;
  table3.carriedOver = carriedOver;
  table3.newReceived = pool.map((x, j) => x - carriedOver[j]!); // 一 + 二 = 三 + 四
  const table4 = Object.fromEntries(
    TABLE4_GROUPS.map((g) => {
      const v = TABLE4_COLUMNS.slice(0, -1).map(() => rand(3));
      return [g.key, [...v, v.reduce((a, b) => a + b, 0)]];
    }),
  );
  const report = { schema: REPORT_SCHEMA_ID, format, agency: `测试市第${i + 1}局`, year, table2, table3, table4 } as unknown as AnnualReport;
  return {
    report,
    narrative: {
      一: `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。\n全年共办理政府信息公开申请若干件，均在法定期限内答复。`,
      二: '该部分以表格形式报告。表格如下：',
      三: '该部分以表格形式报告。表格如下：',
      五: '一是公开内容不够全面；二是政策解读形式较为单一。下一步将加强培训，完善工作机制。',
      六: '本年度未收取信息处理费。',
    },
  };
}

// ── timing ────────────────────────────────────────────────────────────────

interface Row {
  step: string;
  count: number;
  seconds: number;
  /** CPU time of this process (user + system): unlike wall time, not inflated by other work on the machine. */
  cpuSeconds: number;
  bytes?: number;
  projected?: number;
}

async function timed(step: string, count: number, run: (doc: ReportDocument) => Promise<number> | number): Promise<Row> {
  // warm-up (module loading, font parsing) is not counted
  await run(makeReport(count));
  const docs = Array.from({ length: count }, (_, i) => makeReport(i));
  let bytes = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const doc of docs) bytes += await run(doc);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stderr.write(`  ${step}: ${count} in ${seconds.toFixed(1)} s\n`);
  return { step, count, seconds, cpuSeconds, bytes };
}

const results: Row[] = [];
process.stderr.write(`gongkai report bench: N=${N}, PDF ${PDF_N}, node ${process.version}\n`);

// Baseline in the same run: canonical JSON of the same reports, the cheapest output there is.
{
  const row = await timed('json', N, (doc) => toCanonicalJson(doc.report).length);
  results.push(row);
}
if (ONLY.has('validate')) {
  let errors = 0;
  const row = await timed('validate', N, (doc) => {
    const findings = validateReport(doc.report);
    if (hasErrors(findings)) errors++;
    return 0;
  });
  delete row.bytes;
  results.push(row);
  if (errors > 0) process.stderr.write(`  warning: ${errors} generated reports have error findings\n`);
}
for (const to of ['html', 'xlsx', 'docx', 'pdf'] as RenderTarget[]) {
  if (!ONLY.has(to)) continue;
  const count = to === 'pdf' ? PDF_N : N;
  const row = await timed(to, count, async (doc) => (await renderReport(doc, to)).length);
  if (count < N) row.projected = (row.seconds / count) * N;
  results.push(row);
}

const pad = (s: string, n: number) => s.padStart(n);
console.log(`\n${'format'.padEnd(9)}${pad('count', 7)}${pad('total s', 10)}${pad('reports/s', 11)}${pad('ms/report', 11)}${pad('CPU ms', 9)}${pad('avg KB', 9)}  note`);
for (const r of results) {
  const note = r.projected ? `projected for ${N}: ${(r.projected / 60).toFixed(1)} min` : '';
  console.log(
    r.step.padEnd(9) +
      pad(String(r.count), 7) +
      pad(r.seconds.toFixed(2), 10) +
      pad((r.count / r.seconds).toFixed(1), 11) +
      pad(((r.seconds * 1000) / r.count).toFixed(2), 11) +
      pad(((r.cpuSeconds * 1000) / r.count).toFixed(2), 9) +
      pad(r.bytes === undefined ? '' : (r.bytes / r.count / 1024).toFixed(1), 9) +
      (note ? `  ${note}` : ''),
  );
}
const mem = process.memoryUsage();
console.log(`\nRSS ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
