// Catalogue search with jieba: a query without spaces finds items that have its words apart
// (生态环境年度报告 → “黎川县生态环境局2020年政府信息公开工作年度报告”), in 简体 and 繁體, and an
// item with the term whole ranks first; on the portal and in the JSON API alike.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { ensureCatalogue, importPublishedItem } from '../../src/catalogue/commands.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { searchCatalogue } from '../../src/catalogue/search/service.ts';
import type { Database, Queryable } from '../../src/core/db/database.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let anon: Client;
const ids: Record<string, number> = {};

const ITEMS = {
  // The terms whole, older.
  exactTitle: { title: '关于报送生态环境年度报告的通知', body: '请各单位于三月底前报送。', date: '2023-03-01' },
  exactBody: { title: '关于做好年底各项工作的通知', body: '各单位要认真编写生态环境年度报告，按时报送。', date: '2023-02-01' },
  // Every word, apart, newer: in the title, then in the body only.
  lichuan: { title: '黎川县生态环境局2020年政府信息公开工作年度报告', body: '本报告根据条例编制。', date: '2024-01-20' },
  wordsBody: { title: '工作动态', body: '推进生态文明建设，改善环境质量。年度工作情况报告如下。', date: '2024-06-01' },
  // Some of the words only.
  partial: { title: '生态环境保护工作要点', body: '加强生态环境保护。', date: '2024-05-01' },
  fire: { title: '关于开展森林防火工作专项检查的通知', body: '为做好冬春森林防火工作，决定开展专项检查。', date: '2024-02-01' },
};

before(async () => {
  t = await testApp();
  anon = new Client(t.app);
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  await ensureCatalogue(t.db, org.id);
  const columnId = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!.id;
  for (const [key, it] of Object.entries(ITEMS)) {
    ids[key] = (await importPublishedItem(t.db, cliContext(), org.id, { content: { columnId, title: it.title, body: it.body }, publishedDate: it.date })).id;
  }
});
after(() => t.close());

const order = (hits: { itemId: number }[]) => hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.itemId));

test('a term without spaces finds its words apart; the term whole ranks first, then the words in the title; 简体 and 繁體', async () => {
  for (const q of ['生态环境年度报告', '生態環境年度報告']) {
    const r = await searchCatalogue(t.db, { q });
    assert.deepEqual(r.terms, ['生态环境年度报告']);
    assert.deepEqual(r.words, ['生态', '环境', '年度', '报告']);
    assert.equal(r.total, 4, `${q}: not 生态环境保护工作要点 (no 年度, no 报告)`);
    assert.deepEqual(order(r.hits), ['exactTitle', 'exactBody', 'lichuan', 'wordsBody'], q);
  }
  const byDate = await searchCatalogue(t.db, { q: '生态环境年度报告', order: 'date' });
  assert.deepEqual(order(byDate.hits), ['wordsBody', 'lichuan', 'exactTitle', 'exactBody']);
  // With spaces, each term found whole counts: both in the title, the newer first.
  const spaced = await searchCatalogue(t.db, { q: '生态环境 年度报告' });
  assert.deepEqual(order(spaced.hits), ['lichuan', 'exactTitle', 'exactBody', 'wordsBody']);
});

test('words that are all present but not adjacent; single-character function words are left out', async () => {
  const fire = await searchCatalogue(t.db, { q: '森林防火检查' });
  assert.deepEqual(fire.words, ['森林', '防火', '检查']);
  assert.deepEqual(order(fire.hits), ['fire']);
  // 年 and 的 are dropped: 2020, 年度, 报告 are enough.
  const stop = await searchCatalogue(t.db, { q: '2020年的年度报告' });
  assert.deepEqual(stop.words, ['2020', '年度', '报告']);
  assert.deepEqual(order(stop.hits), ['lichuan']);
  // A term that is just a function word is searched as such.
  const de = await searchCatalogue(t.db, { q: '的' });
  assert.deepEqual(de.words, ['的']);
  assert.deepEqual(new Set(order(de.hits)), new Set(['exactTitle', 'exactBody', 'fire']));
  // Not every word: no match.
  assert.equal((await searchCatalogue(t.db, { q: '生态环境检查' })).total, 0);
});

test('more matches than ranked: the exact matches older than the newest ones still rank first', async () => {
  const r = await searchCatalogue(t.db, { q: '生态环境年度报告' }, { countLimit: 2 });
  assert.equal(r.total, 2, 'counted up to the limit');
  assert.deepEqual(order(r.hits), ['exactTitle', 'exactBody', 'lichuan', 'wordsBody']);
  const byDate = await searchCatalogue(t.db, { q: '生态环境年度报告', order: 'date' }, { countLimit: 2 });
  assert.deepEqual(order(byDate.hits), ['wordsBody', 'lichuan']);
});

test('portal and JSON API: the same words, hits and order; the term or its words marked', async () => {
  const page = await anon.get(`/search?q=${encodeURIComponent('生態環境年度報告')}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /找到 4 条结果/);
  assert.match(page.body, /关于报送<mark>生态环境年度报告<\/mark>的通知/);
  assert.match(page.body, /黎川县<mark>生态环境<\/mark>局2020年政府信息公开工作<mark>年度报告<\/mark>/);
  const titles = [...page.body.matchAll(/<h2><a href="\/items\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(order(titles.map((itemId) => ({ itemId }))), ['exactTitle', 'exactBody', 'lichuan', 'wordsBody']);

  const res = await anon.request('GET', `/api/v1/catalogue/search?q=${encodeURIComponent('生態環境年度報告')}`, { headers: { accept: 'application/json' } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.terms, ['生态环境年度报告']);
  assert.deepEqual(body.words, ['生态', '环境', '年度', '报告']);
  assert.equal(body.total, 4);
  assert.deepEqual(order(body.hits.map((h: { id: number }) => ({ itemId: h.id }))), ['exactTitle', 'exactBody', 'lichuan', 'wordsBody']);
});

// Issue 19 §3: a frequent term (by the column statistics, which PGlite here has none of: `share`
// stands in for them) walks the newest items with the substring checks instead of reading every
// match through the GIN index. The walk must find exactly what the index finds.
test('the frequent-term walk finds the same hits in the same order as the index, with every filter', async () => {
  const org = (await findOrgByCode(t.db, 'QS-LY'))!;
  const columnId = (await listColumns(t.db, org.id)).find((c) => c.name === '通知公告')!.id;
  const filters = [{}, { org: 'QS-LY' }, { org: 'SF-YL-QS' }, { columnId }, { year: 2024 }, { year: 2023, org: 'QS-LY', columnId }];
  for (const q of ['生态环境年度报告', '生態環境 年度報告', '森林防火检查', '的', '生态环境检查'])
    for (const by of ['relevance', 'date'] as const)
      for (const f of filters) {
        const viaIndex = await searchCatalogue(t.db, { q, order: by, ...f }, { share: 0 });
        const walked = await searchCatalogue(t.db, { q, order: by, ...f }, { share: 1 });
        const what = `${q} ${by} ${JSON.stringify(f)}`;
        assert.deepEqual(order(walked.hits), order(viaIndex.hits), what);
        assert.equal(walked.total, viaIndex.total, what);
        assert.equal(walked.totalCapped, false, what);
      }
  // The filters do narrow: the county's subtree holds the items, the year 2023 only the two exact ones.
  assert.equal((await searchCatalogue(t.db, { q: '生态环境年度报告', org: 'SF-YL-QS' }, { share: 1 })).total, 4);
  assert.deepEqual(order((await searchCatalogue(t.db, { q: '生态环境年度报告', year: 2023 }, { share: 1 })).hits), ['exactTitle', 'exactBody']);
  assert.deepEqual(order((await searchCatalogue(t.db, { q: '生态环境年度报告' }, { share: 1 })).hits), ['exactTitle', 'exactBody', 'lichuan', 'wordsBody']);
});

test('a frequent term within an organization that lacks it: the index says so at once, no walk through its items', async () => {
  const statements: string[] = [];
  const traced = <Q extends Queryable>(q: Q): Q => ({ ...q, query: (text: string, params?: readonly unknown[]) => (statements.push(text), q.query(text, params)) });
  const db: Database = { ...traced(t.db), transaction: (fn) => t.db.transaction((tx) => fn(traced(tx))) };
  const walks = () => statements.filter((s) => /limit \$\d+\) s where/.test(s)).length;
  // A medium term (one item in ten by the statistics; a word in most items walks without asking).
  const elsewhere = await searchCatalogue(db, { q: '生态环境年度报告', org: 'XB-ZRZY' }, { share: 0.1 });
  assert.equal(elsewhere.total, 0);
  assert.equal(walks(), 0, 'not a walk through the other agency’s items');
  // Where the index holds fewer candidates than the page needs, they are read through it; where it holds enough, the walk goes on.
  assert.equal((await searchCatalogue(db, { q: '生态环境年度报告', org: 'QS-LY' }, { share: 0.1 })).total, 4);
  assert.equal(walks(), 0);
  assert.equal((await searchCatalogue(db, { q: '生态环境年度报告', org: 'QS-LY' }, { share: 0.1, walkMatches: 2 })).total, 4, 'a page of 20: four candidates are fewer');
  assert.equal(walks(), 0);
  const walked = await searchCatalogue(db, { q: '生态环境年度报告', org: 'QS-LY', pageSize: 2 }, { share: 0.1, walkMatches: 2 });
  assert.equal(walks(), 1, 'a page of two: the walk');
  assert.deepEqual([walked.total, walked.totalCapped], [2, true]);
  // Page 3 of two (of a query not walked before) needs six matches, more than the four candidates: through the index.
  const third = await searchCatalogue(db, { q: '生態環境年度報告', org: 'QS-LY', pageSize: 2, page: 3 }, { share: 0.1, walkMatches: 2 });
  assert.equal(walks(), 1);
  assert.deepEqual([third.total, third.totalCapped], [4, false]);
  // Words in most items are walked without asking.
  assert.equal((await searchCatalogue(db, { q: '生态环境年度报告', org: 'XB-ZRZY' }, { share: 1 })).total, 0);
  assert.equal(walks(), 2);
});

test('the walk reads a bounded number of items: what it found, marked as more; a page beyond it through the index', async () => {
  // The newest two items are wordsBody and partial: one match, enough for a page of one.
  const first = await searchCatalogue(t.db, { q: '生态环境年度报告', pageSize: 1, order: 'date' }, { share: 1, walkRows: 2 });
  assert.deepEqual(order(first.hits), ['wordsBody']);
  assert.equal(first.total, 1);
  assert.equal(first.totalCapped, true, 'more items than the walk read: 1 条以上');
  // By relevance the older exact matches (the term whole, through the index) still join the candidates and rank first.
  assert.deepEqual(order((await searchCatalogue(t.db, { q: '生态环境年度报告', pageSize: 1 }, { share: 1, walkRows: 2 })).hits), ['exactTitle']);
  // Page 2 lies beyond the walk: the index gives it, and the exact count.
  const second = await searchCatalogue(t.db, { q: '生态环境年度报告', pageSize: 1, page: 2, order: 'date' }, { share: 1, walkRows: 2 });
  assert.deepEqual(order(second.hits), ['lichuan']);
  assert.equal(second.total, 4);
  assert.equal(second.totalCapped, false);
});

test('a deeper page walks proportionally further; a page typed past a frequent term\'s walk stays empty under “N 条以上”', async () => {
  // Looking for one match per two items read: page 2 (two matches) reads four items and finds lichuan there.
  const second = await searchCatalogue(t.db, { q: '生态环境年度报告', pageSize: 1, page: 2, order: 'date' }, { share: 1, walkRows: 2, walkMatches: 1 });
  assert.deepEqual(order(second.hits), ['lichuan']);
  assert.equal(second.totalCapped, true);
  // Page 4 (one item read per match looked for) reads four items, fewer than there are, and finds fewer than four matches, but at least the
  // walk's first: the words are as frequent as estimated, so no index read of every match, and no hit.
  const fourth = await searchCatalogue(t.db, { q: '生态环境年度报告', pageSize: 1, page: 4, order: 'date' }, { share: 1, walkRows: 1, walkMatches: 1 });
  assert.deepEqual(fourth.hits, []);
  assert.equal(fourth.totalCapped, true);
  assert.ok(fourth.total >= 1 && fourth.total < 4, `${fourth.total}`);
});


test('a walk that falls short goes through the index, counting every match but ranking, as the walk does, the newest it looked for', async () => {
  // 生态 报告 (two terms, no phrase): wordsBody, lichuan, exactTitle, exactBody. Page 2 looks for two matches in one item read
  // (wordsBody): fewer than a page needs, so the index. Ranked among the newest two, lichuan (both words in its title) comes
  // first and wordsBody second; ranked among all four, exactTitle (both in its title too) would push wordsBody off page 2.
  const second = await searchCatalogue(t.db, { q: '生态 报告', pageSize: 1, page: 2 }, { share: 1, walkRows: 1, walkMatches: 2 });
  assert.deepEqual(order(second.hits), ['wordsBody']);
  assert.equal(second.total, 4, 'every match counted');
});
