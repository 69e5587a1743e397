// `gongkai interaction import-12345 --org CODE FILE.xlsx` and `export-12345` as the operator runs them (the
// compiled CLI in a child process), on PGlite or on the PostgreSQL server of DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHotlineFile } from '../../src/interaction/hotline/parse.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { workbookA } from '../fixtures/hotline/workbooks.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
let file: string;

before(async () => {
  cli = await cliDatabase('gongkai-hotline-');
  const db = await cli.open();
  const ctx = cliContext();
  await createOrg(db, ctx, { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await createOrg(db, ctx, { kind: 'department', fullName: '测试县自然资源局', shortName: '自然资源局', code: 'CS-ZRZY', parentCode: 'CS' });
  await db.close();
  file = join(cli.dir, '12345工单明细.xlsx');
  writeFileSync(file, await workbookA());
});
after(() => cli.drop());

test('import-12345: the orders imported, the row without 工单编号 listed; again: nothing changed', async () => {
  const r = await runCli(['interaction', 'import-12345', '--org', 'CS-ZRZY', file], { env: cli.env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /12345工单明细\.xlsx：读取 5 行，新增 4 件，已导入过 0 件，更新 0 件，未导入 1 行。/);
  assert.match(r.stderr, /未导入的行：\n {2}第6行：没有工单编号，未导入/);
  assert.match(r.stderr, /按“求助”导入/);
  const again = await runCli(['interaction', 'import-12345', '--org', 'CS-ZRZY', file], { env: cli.env });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /新增 0 件，已导入过 4 件，更新 0 件，未导入 1 行。没有需要导入或更新的工单，未作任何改动。/);
});

test('export-12345: nothing answered here yet; --all writes every order in the file’s layout', async () => {
  const out = join(cli.dir, 'back.xlsx');
  const none = await runCli(['interaction', 'export-12345', '--org', 'CS-ZRZY', '--out', out], { env: cli.env });
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stdout, /已导出 0 个工单/);
  const all = await runCli(['interaction', 'export-12345', '--org', 'CS-ZRZY', '--out', out, '--all'], { env: cli.env });
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /已导出 4 个工单/);
  const back = await parseHotlineFile(readFileSync(out));
  assert.deepEqual(back.rows.map((r) => r.orderNo), ['QS2025110300001', 'QS2025110300002', 'QS2025110400003', 'QS2025110500005']);
});

test('an unknown organization or a missing file exits 2; a file that is not a workbook exits 1', async () => {
  const unknown = await runCli(['interaction', 'import-12345', '--org', 'NOPE', file], { env: cli.env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
  const missing = await runCli(['interaction', 'import-12345', '--org', 'CS-ZRZY', join(cli.dir, 'none.xlsx')], { env: cli.env });
  assert.equal(missing.code, 2);
  const text = join(cli.dir, 'a.txt');
  writeFileSync(text, '工单编号,受理时间\n');
  const bad = await runCli(['interaction', 'import-12345', '--org', 'CS-ZRZY', text], { env: cli.env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /只能导入 Excel 工作簿（\.xlsx）/);
});
