// `gongkai appeals list | table4 | import` as the operator runs them (the compiled CLI in a child
// process), on PGlite or on the PostgreSQL server of DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
const file = (name: string) => join(cli.dir, name);

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '类型', '收件编号', '申请人/原告', '复议机关/法院', '案号', '收到日期', '决定日期/审结日期', '结果', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

before(async () => {
  cli = await cliDatabase('gongkai-appeals-');
  const db = await cli.open();
  await createOrg(db, cliContext(), { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await db.close();
  writeFileSync(file('台账.xlsx'), await workbook([
    [1, '复议', null, '张三', '测试县人民政府', '测政复〔2025〕3号', '2025-03-10', '2025-05-08', '驳回复议申请', null],
    [2, '复议', null, '李四', '测试县人民政府', '测政复〔2025〕8号', '2025-06-16', '2025-08-20', '撤销原答复，责令重新答复', null],
    [3, '直诉', null, '王五', '测试县人民法院', '（2025）测0101行初15号', '2025-04-02', null, '尚未审结', null],
    [4, '复议后诉讼', null, '赵六', '测试县人民法院', '（2024）测0101行初2号', '2024-02-01', '2024-10-09', '判决驳回诉讼请求', null],
  ]));
  writeFileSync(file('有误.xlsx'), await workbook([[1, '信访', null, '张三', '测试县人民政府', '测政复〔2025〕9号', '2025-03-10', null, null, null]]));
});
after(() => cli.drop());

test('import: a preview, then --confirm, then the same file adds nothing', async () => {
  const preview = await runCli(['appeals', 'import', file('台账.xlsx'), '--org', 'CS'], { env: cli.env });
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /预览（未导入）：台账\.xlsx，共 4 行；将导入 4 件，已登记不重复导入 0 件。确认无误后加 --confirm 导入。/);
  assert.match(preview.stdout, /台账 第2行 行政复议 测政复〔2025〕3号 结果维持 → 将导入/);

  const done = await runCli(['appeals', 'import', file('台账.xlsx'), '--org', 'CS', '--confirm'], { env: cli.env });
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /已导入：台账\.xlsx，共 4 行；导入 4 件/);

  const again = await runCli(['appeals', 'import', file('台账.xlsx'), '--org', 'CS', '--confirm', '--json'], { env: cli.env });
  assert.equal(again.code, 0, again.stderr);
  const report = JSON.parse(again.stdout);
  assert.equal(report.added, 0);
  assert.equal(report.duplicates, 4);

  const bad = await runCli(['appeals', 'import', file('有误.xlsx'), '--org', 'CS', '--confirm'], { env: cli.env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /未导入：有误\.xlsx 中有 1 处问题\n {2}第2行「类型」：无法识别的类型“信访”/);

  const missing = await runCli(['appeals', 'import', file('没有.xlsx'), '--org', 'CS'], { env: cli.env });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取台账文件 .*没有\.xlsx：文件不存在/);
});

test('list and table4', async () => {
  const list = await runCli(['appeals', 'list', '--org', 'CS', '--year', '2025'], { env: cli.env });
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^测试县 2025 年计入表四的复议诉讼：3 件\n编号 +类别 +案号/);
  assert.match(list.stdout, /行政复议 +测政复〔2025〕8号 +测试县人民政府 +— +2025-06-16 +2025-08-20 +结果纠正 +结果纠正/);
  assert.match(list.stdout, /行政诉讼（未经复议直接起诉） +（2025）测0101行初15号 .* 尚未审结 +尚未审结/);
  assert.doesNotMatch(list.stdout, /张三|李四|王五/, 'no parties');
  assert.doesNotMatch(list.stdout, /（2024）测0101行初2号/, 'decided in 2024');

  const all = await runCli(['appeals', 'list', '--org', 'CS'], { env: cli.env });
  assert.match(all.stdout, /测试县复议诉讼：4 件/);

  const t4 = await runCli(['appeals', 'table4', '--org', 'CS', '--year', '2025'], { env: cli.env });
  assert.equal(t4.code, 0, t4.stderr);
  assert.deepEqual(JSON.parse(t4.stdout), {
    org: 'CS', year: 2025,
    table4: { review: [1, 1, 0, 0, 2], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: [0, 0, 0, 0, 0] },
  });

  const unknown = await runCli(['appeals', 'table4', '--org', 'NOPE', '--year', '2025'], { env: cli.env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
  const badYear = await runCli(['appeals', 'list', '--org', 'CS', '--year', '25'], { env: cli.env });
  assert.equal(badYear.code, 2);
  assert.match(badYear.stderr, /年度应为四位数字/);
});
