// Importing published reports into storage: the seeds and a folder, matched or created
// organizations, content-hash idempotence, not-a-report and failures with reasons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliContext } from '../../src/core/context.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { collectImportFiles } from '../../src/ingest/import/files.ts';
import { importDocuments } from '../../src/ingest/import/run.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';

const SEEDS = join(process.cwd(), '..', 'shared', 'seeds');
let t: TestDatabase;
let dir: string;

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  mkdirSync(join(dir, 'nested'));
  for (const f of ['000_e2a3de778136c658.txt', '001_43470c8d9389378c.txt', '002_31f3cc8df0bccd75.txt']) copyFileSync(join(SEEDS, f), join(dir, f));
  copyFileSync(join(SEEDS, '003_af0f4c4e9b8e7ace.txt'), join(dir, 'nested', '003.txt'));
  writeFileSync(join(dir, 'nested', 'notes.json'), '{}'); // not a document type: not collected from a folder
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a folder of seeds: reports stored per agency and year, the self-evaluation recognized, findings kept', async () => {
  const items = await importDocuments(t.db, cliContext(), collectImportFiles([dir]));
  assert.deepEqual(
    items.map((i) => [i.path.replace(dir, ''), i.status]),
    [
      ['/000_e2a3de778136c658.txt', 'imported'],
      ['/001_43470c8d9389378c.txt', 'imported'],
      ['/002_31f3cc8df0bccd75.txt', 'not-a-report'],
      ['/nested/003.txt', 'imported'],
    ],
  );
  const seed001 = items[1]!;
  assert.equal(seed001.orgCode, 'XR-ZRZY', 'matched the demo organization 大同市新荣区自然资源局 by name');
  assert.equal(seed001.year, 2024);
  assert.ok(seed001.errors! > 0, 'seed 001 breaks its own 勾稽 rule');
  const org = (await findOrgByCode(t.db, 'XR-ZRZY'))!;
  const [version] = await t.db.query<{ findings: { rule: string }[]; content_hash: string; content: { table4: unknown } }>(
    `select v.findings, v.content_hash, v.content from report_versions v join reports r on r.id = v.report_id where r.org_id = $1 and r.year = 2024`,
    [org.id],
  );
  const rules = version!.findings.map((f) => f.rule);
  assert.ok(rules.includes('table3.balance'));
  assert.ok(rules.includes('narrative.appeals-count'), 'text says 行政诉讼0件, table 4 shows 2');
  assert.ok(version!.content.table4, 'tables stored as printed');
  assert.match(items[2]!.message, /自评/);
});

test('importing the same files again changes nothing', async () => {
  const before = await t.db.query('select 1 from report_versions');
  const items = await importDocuments(t.db, cliContext(), collectImportFiles([dir]));
  assert.deepEqual(items.map((i) => i.status), ['unchanged', 'unchanged', 'not-a-report', 'unchanged']);
  assert.equal((await t.db.query('select 1 from report_versions')).length, before.length);
});

test('named files that cannot be imported fail with a reason; nothing is guessed', async () => {
  writeFileSync(join(dir, 'x.xls'), 'x');
  const items = await importDocuments(t.db, cliContext(), collectImportFiles([join(dir, 'missing.pdf'), join(dir, 'x.xls')]));
  assert.deepEqual(items.map((i) => i.status), ['failed', 'failed']);
  assert.match(items[0]!.message, /不存在/);
  assert.match(items[1]!.message, /不支持的文件类型/);
});

test('gongkai import on the command line prints a summary and is idempotent', async () => {
  const env = t.url ? { DATABASE_URL: t.url } : { DATABASE_URL: '', GONGKAI_DATA_DIR: join(dir, 'pglite') };
  const first = await runCli(['import', join(SEEDS, '004_d6d0826799a72bc4.txt')], { env });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /已导入 1，已存在 0，不是年度报告 0，失败 0/);
  assert.match(first.stdout, /2020 年度报告：已导入为第 1 版/);
  const again = await runCli(['import', join(SEEDS, '004_d6d0826799a72bc4.txt')], { env });
  assert.match(again.stdout, /已导入 0，已存在 1/);
});
