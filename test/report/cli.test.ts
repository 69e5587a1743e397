// The contract of `gongkai report export` and `gongkai report import`, through the real bin,
// on PGlite (a data folder) or on the PostgreSQL server in DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { toCanonicalJson } from '../../src/report/model/canonical-json.ts';
import { parseReportJson, readReport } from '../../src/report/model/parse.ts';
import { fixturePath } from '../fixtures/reports/index.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;

before(async () => {
  cli = await cliDatabase('gongkai-report-cli-');
  const db = await cli.open();
  await seedDemo(db);
  await db.close();
});
after(() => cli.drop());

const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

test('report export prints the stored report as canonical JSON; --published the published version', async () => {
  const r = await gongkai('report', 'export', '--org', 'QS-ZRZY', '--year', '2025');
  assert.equal(r.code, 0, r.stderr);
  const report = readReport(r.stdout);
  assert.equal(report.agency, '青山县自然资源局');
  const previous = readReport((await gongkai('report', 'export', '--org', 'QS-ZRZY', '--year', '2024')).stdout);
  assert.deepEqual(report.table3!.carriedOver, previous.table3!.carriedForward, '上年结转 = the year before\'s 结转下年度');
  const parsed = parseReportJson(r.stdout);
  assert.ok(parsed.ok && parsed.narrative?.overview, 'the stored text comes out as "narrative"');
  assert.equal(r.stdout, toCanonicalJson(report, parsed.narrative), 'canonical form');
  const published = await gongkai('report', 'export', '--org', 'QS-ZRZY', '--year', '2025', '--published');
  assert.equal(published.stdout, r.stdout);
});

test('report export: exit 1 with a Chinese message when there is nothing to export', async () => {
  const none = await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2024');
  assert.equal(none.code, 1);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /青山县水利局没有 2024 年度报告/);
  const org = await gongkai('report', 'export', '--org', 'NOPE', '--year', '2024');
  assert.equal(org.code, 1);
  assert.match(org.stderr, /未找到代码为 NOPE 的机构/);
});

test('report import stores a new report, then new versions; the same file again changes nothing; export gives it back', async () => {
  const file = fixturePath('valid-2021');
  const first = await gongkai('report', 'import', file, '--org', 'QS-SL');
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, '已导入 青山县水利局 2024 年度报告（2021 格式）：新建报告，第 1 版。\n检查结果：错误 0 条，警告 0 条。\n');
  const exported = await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2024');
  assert.equal(exported.stdout, readFileSync(file, 'utf8'), 'byte-identical canonical JSON');
  const draft = await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2024', '--published');
  assert.equal(draft.code, 1);
  assert.match(draft.stderr, /青山县水利局 2024 年度报告尚未发布/);

  const again = await gongkai('report', 'import', file, '--org', 'QS-SL');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /该文件已导入过（第 1 版），未作更改。/);

  const changed = JSON.parse(readFileSync(file, 'utf8'));
  changed.table3.newReceived[0] = 31;
  const changedFile = join(cli.dir, 'changed.json');
  writeFileSync(changedFile, JSON.stringify(changed));
  const second = await gongkai('report', 'import', changedFile, '--org', 'QS-SL', '--note', '更正后的报告');
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^已导入 青山县水利局 2024 年度报告（2021 格式）：保存为第 2 版。\n检查结果：错误 2 条，警告 0 条。\n错误 table3\.balance：[^\n]+\n错误 table3\.row-total：/);
  assert.equal(readReport((await gongkai('report', 'export', '--org', 'QS-SL', '--year', '2024')).stdout).table3!.newReceived[0], 31);
});

test('report import records the findings of a report as printed (seed 001)', async () => {
  const r = await gongkai('report', 'import', fixturePath('seed-001'), '--org', 'QS-WJ');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /新建报告，第 1 版。\n检查结果：错误 5 条，警告 1 条。\n/);
  assert.match(r.stdout, /错误 table3\.balance：/);
  assert.match(r.stderr, /注意：报告中的机关名称“大同市新荣区自然资源局”与机构“青山县卫生健康局”（QS-WJ）不一致，请确认 --org 是否正确/);
});

test('report --help lists what the group does', async () => {
  const help = await gongkai('--help');
  const text = help.stdout.replace(/\s+/g, ' ');
  assert.match(text, /report 政府信息公开工作年度报告：check 检查、parse 解析已公布的原文.*import 导入 canonical JSON、export 导出、render 生成 HTML\/DOCX\/XLSX\/PDF/);
});

test('report import: exit 2 with the messages of report check for unreadable or invalid files; exit 1 for an unknown organization', async () => {
  const notJson = join(cli.dir, 'broken.json');
  writeFileSync(notJson, '{"schema": "gongkai.annual-report/1",');
  const invalid = join(cli.dir, 'invalid.json');
  const bad = JSON.parse(readFileSync(fixturePath('valid-2021'), 'utf8'));
  delete bad.table4;
  bad.table3.granted = [1, 2];
  writeFileSync(invalid, JSON.stringify(bad));
  const stderr: string[] = [];
  for (const path of [join(cli.dir, 'missing.json'), notJson, invalid]) {
    const imported = await gongkai('report', 'import', path, '--org', 'QS-SL');
    const checked = await runCli(['report', 'check', path]);
    assert.equal(imported.code, 2, path);
    assert.equal(checked.code, 2);
    assert.equal(imported.stderr, checked.stderr, 'the same message as report check');
    assert.equal(imported.stdout, '');
    stderr.push(imported.stderr);
  }
  assert.match(stderr[0]!, /无法读取文件 .*missing\.json：文件不存在/);
  assert.match(stderr[1]!, /不是有效的 JSON/);
  assert.match(stderr[2]!, /table3\.granted：应为 7 个数字的数组/);
  assert.match(stderr[2]!, /table4：缺少该键/);
  const org = await gongkai('report', 'import', fixturePath('valid-2019'), '--org', 'NOPE');
  assert.equal(org.code, 1);
  assert.match(org.stderr, /未找到代码为 NOPE 的机构/);
});
