// `gongkai applications import-ledger` as the operator runs it: a check, the import, the same file
// again, a file with errors (exit 1, errors per row on stderr, nothing written), an unknown
// organization (exit 2) — on PGlite or on the PostgreSQL server of DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliContext } from '../../src/orgs/context.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';
import { ledgerFile, ledgerRows } from './ledger-workbook.ts';

let cli: CliDatabase;
const file = (name: string) => join(cli.dir, name);
const openSame = () => cli.open();

before(async () => {
  cli = await cliDatabase('gongkai-ledger-');
  const db = await openSame();
  await createOrg(db, cliContext(), { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await db.close();
  writeFileSync(file('台账.xlsx'), await ledgerFile());
  const bad = ledgerRows();
  bad.splice(6, 0, [8, '赵六', '自然人', null, null, '某文件', '当面', null, '2025-05-10', null, null, '2025-05-01', '予以公开', null, null]);
  writeFileSync(file('有误.xlsx'), await ledgerFile(bad));
});
after(() => cli.drop());

test('check, import, the same file again', async () => {
  const check = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS', '--dry-run'], { env: cli.env });
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /检查通过（未导入）：台账\.xlsx，共 6 行；将新建 6 件/);

  const imported = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS'], { env: cli.env });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /已导入：台账\.xlsx，共 6 行；新建 6 件/);
  assert.match(imported.stdout, /第3行 → CS-2025-00001 新建，状态：已办结/);
  assert.match(imported.stdout, /第8行 → CS-2024-00001 新建/);

  const again = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'CS', '--json'], { env: cli.env });
  assert.equal(again.code, 0, again.stderr);
  assert.ok(JSON.parse(again.stdout).duplicateOf);

  const db = await openSame();
  try {
    const rows = await db.query<{ n: number; concluded: number }>(`select count(*)::int as n, count(concluded_on)::int as concluded from applications`);
    assert.deepEqual(rows[0], { n: 6, concluded: 5 });
    const audit = await db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where action like 'application.ledger%' order by id`);
    assert.equal(audit.length, 7);
    assert.ok(audit.every((a) => a.actor_name.startsWith('命令行')));
  } finally {
    await db.close();
  }
});

test('a file with errors: exit 1, the errors per row, nothing written; an unknown organization: exit 2', async () => {
  const r = await runCli(['applications', 'import-ledger', file('有误.xlsx'), '--org', 'CS'], { env: cli.env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /未导入任何申请：有误\.xlsx 中有 1 处问题\n {2}第9行「答复日期」：日期早于受理日期（2025-05-10）/);
  const unknown = await runCli(['applications', 'import-ledger', file('台账.xlsx'), '--org', 'NOPE'], { env: cli.env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
  const db = await openSame();
  try {
    assert.equal((await db.query<{ n: number }>('select count(*)::int as n from applications'))[0]!.n, 6);
  } finally {
    await db.close();
  }
});
