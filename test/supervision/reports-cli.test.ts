// Issue 17 acceptance, part 1, through the real bin on a fresh demo database: `gongkai supervision reports
// --region SF-YL-QS --year <last year> --json` lists the county office and every department of 青山县,
// the imported report of 生态环境局 (with its deliberate 勾稽 error) showing errors ≥ 1 and imported: true.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { seedScoringDemo } from '../../src/app/demo/scoring.ts';
import { currentYear } from '../../src/core/today.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
const year = currentYear() - 1;
const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

before(async () => {
  cli = await cliDatabase('gongkai-supervision-');
  const db = await cli.open();
  await seedDemo(db);
  await seedScoringDemo(db);
  await db.close();
});
after(() => cli.drop());

interface Row { code: string; name: string; status: string; publishedOn: string | null; onTime: boolean | null; errors: number; warnings: number; imported: boolean }

test('supervision reports --json: every agency of the county with its report of last year', async () => {
  const r = await gongkai('supervision', 'reports', '--region', 'SF-YL-QS', '--year', String(year), '--json');
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  for (const row of rows) assert.deepEqual(Object.keys(row), ['code', 'name', 'status', 'publishedOn', 'onTime', 'errors', 'warnings', 'imported']);
  const codes = rows.map((x) => x.code);
  for (const code of ['113301000000000001', 'QS-ZRZY', 'QS-STHJ', 'QS-LY', 'QS-SL', 'QS-JY', 'QS-WJ']) assert.ok(codes.includes(code), code);
  assert.ok(!codes.includes('SF-YL-QS'), 'the county is a place, not an agency');
  const sthj = rows.find((x) => x.code === 'QS-STHJ')!;
  assert.equal(sthj.imported, true);
  assert.equal(sthj.status, 'imported');
  assert.ok(sthj.errors >= 1, 'the deliberate 勾稽 error');
  const zrzy = rows.find((x) => x.code === 'QS-ZRZY')!;
  assert.deepEqual([zrzy.status, zrzy.errors, zrzy.imported], ['published', 0, false]);
  assert.match(zrzy.publishedOn!, /^\d{4}-\d{2}-\d{2}$/);
  const none = rows.find((x) => x.code === 'QS-SL')!;
  assert.deepEqual([none.status, none.publishedOn, none.errors], ['none', null, 0]);

  const text = await gongkai('supervision', 'reports', '--region', 'SF-YL-QS', '--year', String(year));
  assert.equal(text.code, 0);
  assert.match(text.stdout, /QS-STHJ\t青山县生态环境局\t已导入/);
  const bad = await gongkai('supervision', 'reports', '--region', 'NOPE', '--year', String(year));
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /未找到代码为 NOPE 的地区或机关/);
});

test('supervision scores: the county office\'s 考核 result table of this year, computed again with --compute', async () => {
  const r = await gongkai('supervision', 'scores', '--office', '113301000000000001', '--year', String(year + 1), '--compute', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { indicators: { title: string; points: number }[]; agencies: { code: string; scores: { score: number | null; detail: string | null }[]; gradeLabel: string }[] };
  assert.equal(out.indicators.reduce((s, i) => s + i.points, 0), 100);
  const zrzy = out.agencies.find((a) => a.code === 'QS-ZRZY')!;
  const i = out.indicators.findIndex((x) => x.title === '组织领导和制度保障');
  assert.equal(zrzy.scores[i]!.score, 18);
  assert.match(zrzy.scores[i]!.detail!, /修订了信息公开保密审查制度/);
  const text = await gongkai('supervision', 'scores', '--office', '113301000000000001', '--year', String(year + 1));
  assert.match(text.stdout, /^青山县人民政府办公室 \d{4} 年考核结果（7 个机关）\n代码\t机关\t年度报告按时发布且无错误\(10\)/);
  const none = await gongkai('supervision', 'scores', '--office', '113301000000000001', '--year', '2019');
  assert.match(none.stdout, /2019 年尚未制定考核指标/);
  const bad = await gongkai('supervision', 'scores', '--office', 'NOPE', '--year', '2026');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /未找到代码为 NOPE 的机构/);
});
