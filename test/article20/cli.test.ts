// `gongkai article20 import` and `confirm` through the real bin: a 双公示 export checked (--dry-run: nothing
// added), imported (录入), imported again (duplicates, nothing added), a file with an error refused whole,
// and the year confirmed, after which table 2 of `report compute` counts the decisions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { currentYear } from '../../src/core/today.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { readReport } from '../../src/report/model/parse.ts';
import type { AnnualReport2021 } from '../../src/report/model/report.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
const year = currentYear() - 1;
const gongkai = (...args: string[]) => runCli(args, { env: cli.env });

before(async () => {
  cli = await cliDatabase('gongkai-article20-cli-');
  const db = await cli.open();
  await seedDemo(db); // 青山县水利局 (QS-SL) keeps no ledger yet
  await db.close();
});
after(() => cli.drop());

async function file(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚');
  ws.addRow(['行政处罚决定书文号', '处罚决定日期', '行政相对人名称']);
  for (const r of rows) ws.addRow(r);
  const path = join(cli.dir, name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

const penalties = async () => (readReport((await gongkai('report', 'compute', '--org', 'QS-SL', '--year', String(year))).stdout) as AnnualReport2021).table2!.penalty.decisions;

test('import checks, imports, recognizes duplicates, refuses a file with errors; confirm makes them count', async () => {
  const good = await file('good.xlsx', [
    [`青水罚〔${year}〕1号`, `${year}-03-01`, '某公司'],
    [`青水罚〔${year}〕2号`, `${year}-11-30`, '某某'],
  ]);
  const dry = await gongkai('article20', 'import', good, '--org', 'QS-SL', '--category', 'penalty', '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /可新增 2 件（行政处罚 2 件），重复 0 件，有误 0 行/);
  const done = await gongkai('article20', 'import', good, '--org', 'QS-SL', '--category', 'penalty');
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /已导入 2 件（录入，待负责人确认后计入年度报告）/);
  assert.equal(await penalties(), 0, 'entered, not yet confirmed: not counted');

  const again = await gongkai('article20', 'import', good, '--org', 'QS-SL', '--category', 'penalty');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /可新增 0 件，重复 2 件[\s\S]*重复：处罚 第2行 青水罚〔\d{4}〕1号（已导入过）/);

  const bad = await file('bad.xlsx', [[`青水罚〔${year}〕3号`, `${year}-04-01`, '甲'], [`青水罚〔${year}〕4号`, '', '乙']]);
  const refused = await gongkai('article20', 'import', bad, '--org', 'QS-SL', '--category', 'penalty');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /未导入：1 行有误[\s\S]*处罚 第3行：/);

  const confirmed = await gongkai('article20', 'confirm', '--org', 'QS-SL', '--year', String(year));
  assert.equal(confirmed.code, 0, confirmed.stderr);
  assert.match(confirmed.stdout, /决定 2 件/);
  assert.equal(await penalties(), 2);

  const missing = await gongkai('article20', 'import', join(cli.dir, 'none.xlsx'), '--org', 'QS-SL');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取文件/);
});
