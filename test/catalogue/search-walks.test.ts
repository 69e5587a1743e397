// Issue 19: a frequent term's walk is kept for the next page of the same query, which goes on from
// where it stopped; a publication or a withdrawal makes every kept walk stale at once. `share`
// stands in for the column statistics (the walk), small `walkMatches` and `walkRows` for 1 M items.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem, withdrawItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { cachedSearch, searchCatalogue, type SearchRequest } from '../../src/catalogue/search/service.ts';
import type { Database, Queryable } from '../../src/core/db/database.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let orgId: number;
let columnId: number;
const ids: number[] = [];
const WALK = { share: 1, walkMatches: 3, walkRows: 6 };

before(async () => {
  t = await testApp();
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  orgId = org.id;
  await ensureCatalogue(t.db, org.id);
  columnId = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!.id;
  // 16 items, one a day: every other one about 森林防火, and the title of every fourth has it whole.
  for (let i = 1; i <= 16; i++) {
    const fire = i % 2 === 0;
    const title = i % 4 === 0 ? `森林防火工作通知（第${i}号）` : `工作通知（第${i}号）`;
    const body = fire ? `做好森林的防火工作。第${i}号。` : `做好安全生产工作。第${i}号。`;
    const date = `2024-03-${String(i).padStart(2, '0')}`;
    ids.push((await importPublishedItem(t.db, cliContext(), org.id, { content: { columnId, title, body }, publishedDate: date })).id);
  }
});
after(() => t.close());

/** The database, with the statements of each search written down. */
function traced(): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const wrap = <Q extends Queryable>(q: Q): Q => ({ ...q, query: (text: string, params?: readonly unknown[]) => (statements.push(text), q.query(text, params)) });
  return { db: { ...wrap(t.db), transaction: (fn) => t.db.transaction((tx) => fn(wrap(tx))) }, statements };
}
const isWalk = (s: string) => /limit \$\d+\) s where/.test(s);
const hitIds = async (db: Database, r: SearchRequest, o = WALK) => (await searchCatalogue(db, { pageSize: 2, ...r }, o)).hits.map((h) => h.itemId);

test('paging on by date goes on from where the kept walk stopped, with the same pages as the index gives', async () => {
  const { db, statements } = traced();
  const q = '森林防火';
  for (let page = 1; page <= 5; page++) {
    const before = statements.length;
    const walked = await hitIds(db, { q, order: 'date', page });
    assert.deepEqual(walked, await hitIds(t.db, { q, order: 'date', page }, { ...WALK, share: 0 }), `page ${page}`);
    const walks = statements.slice(before).filter(isWalk);
    // Page 1 walks for the first three matches; page 2 needs a fourth: from the third on. And so on.
    assert.equal(walks.length, 1, `page ${page}`);
    if (page > 1) assert.match(walks[0]!, /\(s\.published_date, s\.item_id\) < \(/, 'from the last match on');
  }
  // Page 2 again: everything it needs is known, no walk.
  const before = statements.length;
  assert.deepEqual(await hitIds(db, { q, order: 'date', page: 2 }), [ids[11], ids[9]]);
  assert.equal(statements.slice(before).filter(isWalk).length, 0);
});

test('relevance: the first matches ranked, the deeper ones by date; every match on exactly one page', async () => {
  const q = '森林 防火';
  const seen: number[] = [];
  for (let page = 1; page <= 5; page++) seen.push(...(await hitIds(t.db, { q, page })));
  const matches = ids.filter((_, i) => (i + 1) % 2 === 0);
  assert.deepEqual([...seen].sort((a, b) => a - b), [...matches].sort((a, b) => a - b));
  // The first three (the newest three matches, 16, 14, 12), ranked: 16 and 12 have both words in their titles.
  assert.deepEqual(seen.slice(0, 3), [ids[15], ids[11], ids[13]]);
  // Then by date: 10, 8, 6, 4, 2.
  assert.deepEqual(seen.slice(3), [ids[9], ids[7], ids[5], ids[3], ids[1]]);
});

test('through the index (a walk that fell short), the relevance pages are the walk\'s: the newest ranked, then by date', async () => {
  // Each page its own query as typed (one more space): no walk kept from the page before.
  const q = (page: number) => `森林${' '.repeat(page)}防火`;
  const walked: number[] = [];
  for (let page = 1; page <= 5; page++) walked.push(...(await hitIds(t.db, { q: q(page), page })));
  // One item read per three matches looked for: every walk falls short, and the index gives the page.
  const { db, statements } = traced();
  const viaIndex: number[] = [];
  for (let page = 1; page <= 5; page++) viaIndex.push(...(await hitIds(db, { q: q(page), page }, { ...WALK, walkRows: 1 })));
  assert.equal(statements.filter((s) => /s\.vector @@/.test(s)).length, 5, 'each page through the index');
  assert.deepEqual(viaIndex, walked);
  assert.equal(walked.length, 8);
});

test('a publication or a withdrawal is seen by the next page at once, not after the walk has expired', async () => {
  const q = '防火工作';
  assert.deepEqual(await hitIds(t.db, { q, order: 'date' }), [ids[15], ids[13]]);
  const fresh = (await importPublishedItem(t.db, cliContext(), orgId, { content: { columnId, title: '冬季防火工作', body: '森林防火工作。' }, publishedDate: '2024-04-01' })).id;
  assert.deepEqual(await hitIds(t.db, { q, order: 'date' }), [fresh, ids[15]]);
  await withdrawItem(t.db, cliContext(), ids[15]!, { reason: '测试撤回' });
  assert.deepEqual(await hitIds(t.db, { q, order: 'date' }), [fresh, ids[13]]);
  assert.deepEqual(await hitIds(t.db, { q, order: 'date', page: 2 }), [ids[11], ids[9]]);
});

test('the result cache: the same page again from memory, until a publication or withdrawal, which shows at once', async () => {
  const { db, statements } = traced();
  const q = '冬季防火工作';
  const first = await cachedSearch(db, { q, order: 'date' });
  const before = statements.length;
  assert.deepEqual(await cachedSearch(db, { q, order: 'date' }), first);
  // (At most the site version is read, until this process holds its lease.)
  assert.deepEqual(statements.slice(before).filter((s) => /catalogue_search/.test(s)), [], 'no search for a cached page');
  const fresh = (await importPublishedItem(t.db, cliContext(), orgId, { content: { columnId, title: '冬季防火工作部署', body: '冬季防火。' }, publishedDate: '2024-05-01' })).id;
  const after = await cachedSearch(db, { q, order: 'date' });
  assert.equal(after.hits[0]?.itemId, fresh);
  await withdrawItem(t.db, cliContext(), fresh, { reason: '测试撤回' });
  assert.ok(!(await cachedSearch(db, { q, order: 'date' })).hits.some((h) => h.itemId === fresh));
});
