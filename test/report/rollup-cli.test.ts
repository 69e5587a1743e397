// The contract of `gongkai report rollup`, through the real bin: the summed report as canonical JSON
// on stdout (equal to the sum of the agencies' published tables), the agencies on stderr.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { toCanonicalJson } from '../../src/report/model/canonical-json.ts';
import { readReport } from '../../src/report/model/parse.ts';
import type { AnnualReport } from '../../src/report/model/report.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

const OFFICE = '113301000000000001';
let cli: CliDatabase;
let year = 0;
let published: { code: string; content: AnnualReport; imported: boolean }[] = [];
let children: string[] = [];

before(async () => {
  cli = await cliDatabase('gongkai-rollup-cli-');
  const db = await cli.open();
  await seedDemo(db);
  const rows = await db.query<{ code: string; year: number; content: AnnualReport; imported: boolean }>(
    `select o.code, r.year, v.content, (v.sources::text like '%imported%') as imported
       from reports r join organizations o on o.id = r.org_id
       join report_versions v on v.report_id = r.id and v.version = r.published_version
      where o.parent_id = (select id from organizations where code = $1)`,
    [OFFICE],
  );
  children = (await db.query<{ code: string }>('select code from organizations where parent_id = (select id from organizations where code = $1)', [OFFICE])).map((r) => r.code);
  year = Math.max(...rows.map((r) => r.year));
  published = rows.filter((r) => r.year === year);
  await db.close();
});
after(() => cli.drop());

const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

test('report rollup prints the sum as canonical JSON and the agencies on stderr', async () => {
  const r = await gongkai('report', 'rollup', '--org', OFFICE, '--year', String(year));
  assert.equal(r.code, 0, r.stderr);
  const sum = readReport(r.stdout);
  assert.equal(r.stdout, toCanonicalJson(sum), 'canonical form');
  assert.equal(sum.agency, '青山县人民政府办公室');
  assert.equal(sum.year, year);
  for (const [i] of sum.table3!.newReceived.entries()) {
    assert.equal(sum.table3!.newReceived[i], published.reduce((s, p) => s + (p.content.table3!.newReceived[i] ?? 0), 0), `newReceived[${i}]`);
  }
  for (const g of ['review', 'litigationDirect', 'litigationAfterReview'] as const) {
    assert.deepEqual(sum.table4![g], [0, 1, 2, 3, 4].map((i) => published.reduce((s, p) => s + p.content.table4![g][i]!, 0)), g);
  }
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, new RegExp(`^青山县人民政府办公室 ${year} 年度地区汇总（2021 格式）：计入 ${published.length} 个机关，不计入 0 个，缺报告 ${children.length - published.length} 个。$`));
  for (const p of published) {
    assert.ok(lines.some((l) => l.startsWith(`计入 ${p.code} `) && l.includes(p.imported ? '（导入）' : '版，')), `${p.code} listed as included`);
  }
  for (const c of children.filter((c) => !published.some((p) => p.code === c))) {
    assert.ok(lines.some((l) => l.startsWith(`缺报告 ${c} `) && l.endsWith('没有已发布的年度报告')), `${c} listed as missing`);
  }
});

test('report rollup --store stores the sum as the office’s draft; errors exit 1 in Chinese', async () => {
  const stored = await gongkai('report', 'rollup', '--org', OFFICE, '--year', String(year), '--store');
  assert.equal(stored.code, 0, stored.stderr);
  assert.match(stored.stderr, new RegExp(`已存为青山县人民政府办公室 ${year} 年度报告草稿第 \\d+ 版。\\n$`));
  const exported = await gongkai('report', 'export', '--org', OFFICE, '--year', String(year));
  assert.equal(exported.stdout, stored.stdout);

  const notOffice = await gongkai('report', 'rollup', '--org', 'QS-ZRZY', '--year', String(year));
  assert.equal(notOffice.code, 1);
  assert.equal(notOffice.stdout, '');
  assert.match(notOffice.stderr, /青山县自然资源局不是人民政府（办公室）/);
  const unknown = await gongkai('report', 'rollup', '--org', 'NOPE', '--year', String(year));
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
});
