// 索引号 allocation: per organization and year from a counter row, unique, never reused, and safe
// when several processes publish at once (domain-reference §E.1; design: sequences come from the database).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { allocateIndexNumber } from '../../src/catalogue/commands.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
let org: Organization;
before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  org = (await findOrgByCode(t.db, 'QS-SL'))!;
});
after(() => t.close());

const allocate = (o: Pick<Organization, 'id' | 'code' | 'indexTemplate'>, date: string) => t.db.transaction((tx) => allocateIndexNumber(tx, o, date));

test('default template: {code}/{yyyy}-{seq:05}, the serial restarting each year', async () => {
  assert.equal(await allocate(org, '2024-12-31'), 'QS-SL/2024-00001');
  assert.equal(await allocate(org, '2024-12-31'), 'QS-SL/2024-00002');
  assert.equal(await allocate(org, '2025-01-01'), 'QS-SL/2025-00001');
  const other = (await findOrgByCode(t.db, 'QS-JY'))!;
  assert.equal(await allocate(other, '2024-05-05'), 'QS-JY/2024-00001', 'each organization counts on its own');
});

test('a rolled-back publication gives its number back; a committed number is never handed out again', async () => {
  await assert.rejects(
    t.db.transaction(async (tx) => {
      assert.equal(await allocateIndexNumber(tx, org, '2023-03-01'), 'QS-SL/2023-00001');
      throw new Error('publication failed');
    }),
  );
  assert.equal(await allocate(org, '2023-03-01'), 'QS-SL/2023-00001', 'nobody saw the rolled-back number');
  assert.equal(await allocate(org, '2023-03-01'), 'QS-SL/2023-00002');
});

test('custom templates: {yyyy}{mm}; without {yyyy} one serial runs across years; numbers taken by imports are skipped', async () => {
  const monthly = { ...org, id: org.id, indexTemplate: '{code}/{yyyy}{mm}-{seq:05}' };
  assert.equal(await allocate(monthly, '2021-10-09'), 'QS-SL/202110-00001');
  const plain = { ...org, indexTemplate: 'SL-{seq:06}' };
  assert.equal(await allocate(plain, '2024-01-01'), 'SL-000001');
  assert.equal(await allocate(plain, '2025-01-01'), 'SL-000002', 'no repeat in the next year');
  await t.db.query(`insert into catalogue_items (org_id, index_number) values ($1, 'SL-000003')`, [org.id]);
  assert.equal(await allocate(plain, '2025-01-01'), 'SL-000004', 'an imported legacy number is not reused');
});

function runWorker(url: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = fileURLToPath(new URL('./index-number-worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', worker, url, String(org.id), String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

test('two processes publishing at once on PostgreSQL: no duplicate, no gap, no reuse', { skip: !process.env.DATABASE_URL && 'PGlite is one process' }, async () => {
  const [a, b] = await Promise.all([runWorker(t.url!, 60), runWorker(t.url!, 60)]);
  const all = [...a, ...b];
  assert.equal(new Set(all).size, all.length, 'no duplicate');
  const serials = all.map((n) => Number(n.split('-').at(-1))).sort((x, y) => x - y);
  assert.deepEqual(serials, Array.from({ length: all.length }, (_, i) => i + 1), 'consecutive: rolled-back numbers were given back before anyone saw them');
  assert.ok(a.length > 40 && b.length > 40);
});

test('two connections in one process on PostgreSQL: concurrent transactions get distinct numbers', { skip: !process.env.DATABASE_URL && 'PGlite is one connection' }, async () => {
  const [c1, c2] = await Promise.all([openPostgres(t.url!, { max: 4 }), openPostgres(t.url!, { max: 4 })]);
  try {
    const one = (db: typeof c1) => db.transaction((tx) => allocateIndexNumber(tx, org, '2026-02-02'));
    const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => one(i % 2 ? c1 : c2)));
    assert.equal(new Set(numbers).size, 40);
    assert.deepEqual(numbers.map((n) => Number(n.slice(-5))).sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i + 1));
  } finally {
    await Promise.all([c1.close(), c2.close()]);
  }
});
