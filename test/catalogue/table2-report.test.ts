// 第二十条第（一）项 computed from the catalogue and stored into the organization's report draft
// through the report module's commands (a new version; the other rows of table 2 untouched).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { findReportByOrgYear, findVersion } from '../../src/report/store.ts';
import { changeItemValidity, ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { storeTable2Section1 } from '../../src/catalogue/report-table2.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { ctxOf } from './fixtures.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
});
after(() => t.close());

test('stored into the report draft as a new version, table 2 (一) only', async () => {
  const org = (await findOrgByCode(t.db, 'QS-ZRZY'))!;
  await ensureCatalogue(t.db, org.id);
  const column = (await listColumns(t.db, org.id)).find((c) => c.name === '政策文件')!.id;
  const ops = cliContext();
  for (const [title, writtenDate] of [['办法一', '2023-02-01'], ['办法二', '2024-03-01'], ['办法三', '2024-09-01']] as const) {
    await importPublishedItem(t.db, ops, org.id, { content: { columnId: column, title, writtenDate, docKind: 'normative' }, publishedDate: writtenDate });
  }
  const old = await importPublishedItem(t.db, ops, org.id, { content: { columnId: column, title: '旧办法', writtenDate: '2020-01-01', docKind: 'normative' }, publishedDate: '2020-01-02' });
  await changeItemValidity(t.db, ops, old.id, { validity: 'abolished', date: '2024-06-30' });

  const editor = await ctxOf(t.db, 'zrzy.editor');
  const first = await storeTable2Section1(t.db, editor, org.id, 2024);
  assert.deepEqual(first.counts.normativeDocuments, { issued: 2, abolished: 1, inForce: 3 });
  const report = (await findReportByOrgYear(t.db, org.id, 2024))!;
  const v = (await findVersion(t.db, report.id, report.currentVersion))!;
  const table2 = v.report.table2 as { normativeDocuments: unknown; regulations: unknown; licensing: { decisions: number } };
  assert.deepEqual(table2.normativeDocuments, { issued: 2, abolished: 1, inForce: 3 });
  assert.deepEqual(table2.regulations, { issued: 0, abolished: 0, inForce: 0 });
  assert.equal(v.sources.table2, 'computed');
  const again = await storeTable2Section1(t.db, editor, org.id, 2024);
  assert.equal(again.version, first.version + 1, 'each store is a new version');
  await assert.rejects(storeTable2Section1(t.db, editor, org.id, 2020), /2019 年格式/);
  await assert.rejects(storeTable2Section1(t.db, await ctxOf(t.db, 'zrzy.reviewer'), org.id, 2024), /信息发布员|系统管理员/);
});
