// Importing published reports into storage: the seeds and a folder, matched or created
// organizations, content-hash idempotence, not-a-report and failures with reasons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliContext } from '../../src/orgs/context.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { collectImportFiles } from '../../src/ingest/import/files.ts';
import { importDocuments } from '../../src/ingest/import/run.ts';
import { findOrgByCode, findOrgByFullName } from '../../src/orgs/store.ts';
import type { Database } from '../../src/core/db/database.ts';
import { randomReport } from '../../src/ingest/testing/random-report.ts';
import { renderReport } from '../../src/report/render/render.ts';
import { loadConfig } from '../../src/core/config.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { buildApp } from '../../src/app/server.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { seedPath } from '../fixtures/seeds/index.ts';
import { heavyReportHtml } from '../fixtures/ingest/index.ts';

let t: TestDatabase;
let dir: string;

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  mkdirSync(join(dir, 'nested'));
  for (const f of ['000_e2a3de778136c658.txt', '001_43470c8d9389378c.txt', '002_31f3cc8df0bccd75.txt']) copyFileSync(seedPath(f), join(dir, f));
  copyFileSync(seedPath('003_af0f4c4e9b8e7ace.txt'), join(dir, 'nested', '003.txt'));
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
  assert.ok(items.filter((i) => i.status === 'imported').every((i) => i.published), 'published on import');
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
  const first = await runCli(['import', seedPath('004_d6d0826799a72bc4.txt')], { env });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /已导入 1，已存在 0，不是年度报告 0，失败 0/);
  assert.match(first.stdout, /2020 年度报告：已导入为第 1 版/);
  const again = await runCli(['import', seedPath('004_d6d0826799a72bc4.txt')], { env });
  assert.match(again.stdout, /已导入 0，已存在 1/);

  // published on import: the portal page of the year shows the 导入 mark and the findings
  const seed001 = await runCli(['import', '--json', seedPath('001_43470c8d9389378c.txt')], { env });
  assert.equal(seed001.code, 0, seed001.stderr);
  const [item] = JSON.parse(seed001.stdout) as { status: string; orgCode: string; year: number; published: boolean; findings: { rule: string; message: string }[] }[];
  // on PostgreSQL the command shares this file's database, where the first test imported seed 001 already
  assert.equal(item!.status, t.url ? 'unchanged' : 'imported');
  assert.deepEqual([item!.year, item!.published], [2024, true]);
  const db = t.url ? t.db : await openPglite(join(dir, 'pglite'));
  const app = await buildApp({ db, config: { ...loadConfig({ NODE_ENV: 'test' }), cookieSecret: 'test-cookie-secret-0123456789abcdef' } });
  try {
    const page = await app.inject({ method: 'GET', url: `/orgs/${item!.orgCode}/reports/2024`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<span class="tag">导入<\/span> 本报告由已公布的原文导入/);
    const appeals = item!.findings.find((f) => f.rule === 'narrative.appeals-count')!;
    assert.ok(page.body.includes(appeals.message), 'the text-versus-table finding is shown');
    assert.match(page.body, /核对发现 \d+ 条错误/);
  } finally {
    await app.close();
    if (db !== t.db) await db.close();
  }
});

test('gongkai import reads each document under GONGKAI_PARSE_TIMEOUT_SECONDS: one past it fails with the reason, the rest goes on', async () => {
  const env = t.url ? { DATABASE_URL: t.url } : { DATABASE_URL: '', GONGKAI_DATA_DIR: join(dir, 'pglite') };
  const heavy = join(dir, 'heavy.html');
  writeFileSync(heavy, heavyReportHtml(1200)); // some 10 s of reading
  try {
    const r = await runCli(['import', heavy, seedPath('002_31f3cc8df0bccd75.txt')], { env: { ...env, GONGKAI_PARSE_TIMEOUT_SECONDS: '2' } });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /已导入 0，已存在 0，不是年度报告 1，失败 1/);
    assert.match(r.stdout, /\[失败\] .*heavy\.html：读取超时（超过 2 秒），文件可能已损坏或结构异常\n/);
  } finally {
    rmSync(heavy);
  }
});

test('--draft keeps imported reports for review: stored, not published', async () => {
  const draftDir = mkdtempSync(join(tmpdir(), 'gongkai-draft-'));
  copyFileSync(seedPath('000_e2a3de778136c658.txt'), join(draftDir, '000.txt'));
  const versions = await t.db.query<{ n: number }>('select count(*)::int as n from reports where published_version is null');
  const [item] = await importDocuments(t.db, cliContext(), collectImportFiles([draftDir]), { draft: true, orgCode: 'QS-JY' });
  rmSync(draftDir, { recursive: true, force: true });
  assert.equal(item!.status, 'imported');
  assert.equal(item!.published, false);
  assert.match(item!.message, /保存为草稿（未发布）/);
  assert.match(item!.message, /注意：文中机关为“新宾满族自治县自然资源局”，与机构“青山县教育局”不一致/);
  const after = await t.db.query<{ n: number }>('select count(*)::int as n from reports where published_version is null');
  assert.equal(after[0]!.n, versions[0]!.n + 1);
});

test('reports are stored by the year they cover, so the year before is compared whatever the order of the files', async () => {
  const yearsDir = mkdtempSync(join(tmpdir(), 'gongkai-years-'));
  const agency = '云岭县档案馆';
  const docs = [randomReport(41, { year: 2024 }), randomReport(42, { year: 2023 })];
  for (const d of docs) d.report.agency = agency;
  const t3 = (d: (typeof docs)[number]) => d.report.table3 as unknown as Record<string, number[]>;
  assert.notDeepEqual(t3(docs[0]!).carriedOver, t3(docs[1]!).carriedForward, 'the pair disagrees across years');
  writeFileSync(join(yearsDir, 'a-2024.html'), await renderReport(docs[0]!, 'html'));
  writeFileSync(join(yearsDir, 'b-2023.html'), await renderReport(docs[1]!, 'html'));
  const items = await importDocuments(t.db, cliContext(), collectImportFiles([yearsDir]));
  rmSync(yearsDir, { recursive: true, force: true });
  assert.deepEqual(items.map((i) => [i.path.replace(yearsDir, ''), i.status, i.year]), [['/a-2024.html', 'imported', 2024], ['/b-2023.html', 'imported', 2023]]);
  assert.ok(items[0]!.findings!.some((f) => f.rule === 'cross-year.carried-over'), '2024 compared with 2023, imported after it');
});

test('an import that fails after creating its organization leaves no organization behind', async () => {
  const failDir = mkdtempSync(join(tmpdir(), 'gongkai-fail-'));
  const doc = randomReport(43, { year: 2023 });
  doc.report.agency = '云岭县地方志办公室';
  writeFileSync(join(failDir, 'r.html'), await renderReport(doc, 'html'));
  // the database refuses the version row, after the organization was inserted in the same transaction
  const failing: Database = {
    kind: t.db.kind,
    query: (sql, params) => t.db.query(sql, params),
    exec: (sql) => t.db.exec(sql),
    close: () => Promise.resolve(),
    listen: (channel, onMessage, onListen) => t.db.listen(channel, onMessage, onListen),
    transaction: (fn) =>
      t.db.transaction((tx) =>
        fn({
          query: <T,>(sql: string, params?: readonly unknown[]) => (/insert into report_versions/.test(sql) ? Promise.reject(new Error('磁盘已满（测试）')) : tx.query<T>(sql, params)),
          exec: (sql) => tx.exec(sql),
        }),
      ),
  };
  const [item] = await importDocuments(failing, cliContext(), collectImportFiles([failDir]));
  rmSync(failDir, { recursive: true, force: true });
  assert.equal(item!.status, 'failed');
  assert.match(item!.message, /磁盘已满/);
  assert.equal(await findOrgByFullName(t.db, '云岭县地方志办公室'), undefined);
});
