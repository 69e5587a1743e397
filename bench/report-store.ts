// bench/report-store: storing annual reports. Saves 1,000 versions of one report (each a
// changed cell, validated with the stored previous year and the narrative, written with its
// findings and audit entry in one transaction), then imports 1,000 reports for 1,000
// organization-years. PGlite in memory, or a fresh database on the PostgreSQL server in
// DATABASE_URL (dropped afterwards). Prints totals, per-second rates, median and p95.
//
//   node --import tsx bench/report-store.ts [--versions 1000]
import { performance } from 'node:perf_hooks';
import { cliContext } from '../src/orgs/context.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { openBenchDatabase } from './database.ts';
import { seedDemo } from '../src/app/demo/seed.ts';
import { findOrgByCode } from '../src/orgs/store.ts';
import { createReport, importReport, saveReportVersion } from '../src/report/commands.ts';
import { blankReport } from '../src/report/model/blank-report.ts';
import type { AnnualReport2021 } from '../src/report/model/report.ts';

const args = process.argv.slice(2);
const VERSIONS = args.includes('--versions') ? Number(args[args.indexOf('--versions') + 1]) : 1000;


function stats(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(2);
  process.stdout.write(
    `${label}：${times.length} 次，共 ${(total / 1000).toFixed(2)} 秒，每秒 ${((times.length * 1000) / total).toFixed(0)} 次，中位数 ${at(0.5)} ms，p95 ${at(0.95)} ms\n`,
  );
}

const { db, where, drop } = await openBenchDatabase('report');
try {
  await migrate(db);
  await seedDemo(db);
  const ctx = cliContext();
  const org = (await findOrgByCode(db, 'QS-SL'))!;
  // A previous year, so that every save also runs the cross-year rules against the stored report.
  await createReport(db, ctx, { orgId: org.id, year: 2023 });
  const { report, version } = await createReport(db, ctx, { orgId: org.id, year: 2024 });
  const data = structuredClone(version.report) as AnnualReport2021;
  const narrative = { 一: '本年度共收到政府信息公开申请若干件。', 六: '本年度未收取信息处理费。' };

  const saves: number[] = [];
  for (let i = 0; i < VERSIONS; i++) {
    data.table3!.newReceived[0] = i % 50;
    data.table2!.licensing.decisions = i;
    const started = performance.now();
    await saveReportVersion(db, ctx, report.id, { report: data, narrative, note: `第 ${i + 1} 次修改` });
    saves.push(performance.now() - started);
  }
  process.stdout.write(`数据库：${where}\n`);
  stats(`保存新版本（同一报告第 2—${VERSIONS + 1} 版）`, saves);

  const imports: number[] = [];
  for (let i = 0; i < VERSIONS; i++) {
    const r = blankReport('2021', 2008 + (i % 90), '青山县水利局');
    r.table3!.newReceived = [i % 7, 0, 0, 0, 0, 0, i % 7];
    const started = performance.now();
    await importReport(db, ctx, { orgId: org.id, report: r, contentHash: `bench-${i}` });
    imports.push(performance.now() - started);
  }
  stats('导入报告（90 个年度，新建或新版本）', imports);
} finally {
  await drop();
}
