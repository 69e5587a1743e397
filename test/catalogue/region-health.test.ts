// The region dashboard's column health of every agency at once (healthOfOrgs, a fixed number of
// statements) is each agency's own health page (healthOf): three demo agencies open their catalogue (the
// standard columns, the 年报 column counting their published reports) and get items of every kind —
// fresh, stale, undated, published late after their 形成日期, withdrawn — the others have no columns (null).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { healthOf, healthOfOrgs } from '../../src/catalogue/health-of.ts';
import { listColumns } from '../../src/catalogue/store.ts';
import { addDays } from '../../src/core/date.ts';
import { today } from '../../src/core/today.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  const now = today();
  for (const [k, code] of ['QS-ZRZY', 'QS-STHJ', 'QS-JY'].entries()) {
    const org = (await findOrgByCode(t.db, code))!;
    await ensureCatalogue(t.db, org.id);
    const columns = (await listColumns(t.db, org.id)).filter((c) => c.kind !== 'guide');
    // item n: in column 5n mod the columns (the first agency fills only three: the others are empty), formed 5..400 days ago and published 0..40 days later (some late), every 7th undated, every 11th withdrawn
    for (let n = 1; n <= 40 * (k + 1); n++) {
      const formed = addDays(now, -((n * 37) % 400) - 5);
      const published = n % 7 === 0 ? null : addDays(formed, (n * 13) % 41);
      const [item] = await t.db.query<{ id: number }>(
        `insert into catalogue_items (org_id, index_number, first_published_at, withdrawn_at) values ($1, $2, now(), case when $3 then now() end) returning id`,
        [org.id, `T-${org.id}-${n}`, n % 11 === 0],
      );
      await t.db.query(
        `insert into catalogue_versions (org_id, item_id, version, state, column_id, title, publisher, formed_date, published_date, author_name, published_at, deadline_basis)
         values ($1, $2, 1, 'published', $3, $4, '测试', $5, $6, '测试', now(), $7)`,
        [org.id, item!.id, columns[(n * 5) % (k === 0 ? 3 : columns.length)]!.id, `测试信息${n}`, formed, published, n % 13 === 0 ? '法律另有规定' : ''],
      );
    }
  }
});
after(() => t.close());

test('healthOfOrgs gives every agency what healthOf gives it', async () => {
  const ids = (await t.db.query<{ id: number }>('select id from organizations order by id')).map((r) => Number(r.id));
  const now = today();
  const all = await healthOfOrgs(t.db, ids, now);
  let opened = 0;
  for (const id of ids) {
    if ((await listColumns(t.db, id)).length === 0) {
      assert.equal(all.get(id), null, `org ${id} has no catalogue`);
      continue;
    }
    opened++;
    assert.deepEqual(all.get(id), await healthOf(t.db, id, now), `org ${id}`);
  }
  assert.ok(opened >= 3, `${opened} agencies with a catalogue`);
  const counted = new Set([...all.values()].flatMap((h) => h?.rules.filter((r) => r.count > 0).map((r) => r.rule) ?? []));
  for (const rule of ['notUpdated', 'empty', 'undated', 'late']) assert.ok(counted.has(rule as never), `some agency has ${rule}: ${[...counted]}`);
});
