// The scheduled 内容检查 (GONGKAI_INSPECTION_INTERVAL_DAYS): one run picks the agencies with a catalogue
// whose latest inspection is old enough, inspects each after the job's transaction (its own run and
// audit entry), and leaves alone those inspected recently and those without a catalogue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { runInspection } from '../../src/catalogue/inspection/commands.ts';
import { inspectionJob } from '../../src/catalogue/inspection/job.ts';
import { runJobIfDue } from '../../src/core/jobs/runner.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { loadConfig } from '../../src/core/config.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import type { Organization } from '../../src/orgs/model.ts';
import { seedDemo } from '../../src/app/demo/seed.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { UNANSWERED_MESSAGES } from '../../src/app/interaction-hooks.ts';

let t: TestDatabase;
let zrzy: Organization;
let sthj: Organization;
let ly: Organization;
const runsOf = async (org: Organization) => (await t.db.query<{ run_on: string; created_by_name: string }>(`select run_on::text, created_by_name from catalogue_inspection_runs where org_id = $1 order by id`, [org.id]));

before(async () => {
  t = await testDatabase();
  await seedDemo(t.db);
  [zrzy, sthj, ly] = (await Promise.all(['QS-ZRZY', 'QS-STHJ', 'QS-LY'].map((c) => findOrgByCode(t.db, c)))) as [Organization, Organization, Organization];
  for (const org of [zrzy, sthj]) await ensureCatalogue(t.db, org.id);
  setTodayForTests(() => '2026-11-01');
  await runInspection(t.db, cliContext(), sthj.id, { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES });
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('configured in days, off by default', () => {
  assert.equal(loadConfig({}).inspectionIntervalDays, 0);
  assert.equal(loadConfig({ GONGKAI_INSPECTION_INTERVAL_DAYS: '7' }).inspectionIntervalDays, 7);
  assert.deepEqual(loadConfig({ GONGKAI_PORTAL_HOSTS: 'GK.qingshan.gov.cn, www.qingshan.gov.cn' }).portalHosts, ['gk.qingshan.gov.cn', 'www.qingshan.gov.cn']);
});

test('the agencies due are inspected once each; recent runs and agencies without a catalogue are left alone', async () => {
  setTodayForTests(() => '2026-11-05');
  const job = inspectionJob(t.db, { intervalDays: 7, inspection: { checkLinks: false, unansweredMessages: UNANSWERED_MESSAGES } });
  const first = await runJobIfDue(t.db, job);
  assert.deepEqual(first, { status: 'ran', result: [zrzy.id] }, '生态环境局 was inspected 4 days ago');
  assert.deepEqual((await runsOf(zrzy)).map((r) => [r.run_on, r.created_by_name]), [['2026-11-05', '系统']]);
  assert.equal((await runsOf(ly)).length, 0, 'no catalogue, nothing to inspect');
  assert.equal((await runJobIfDue(t.db, job)).status, 'not_due', 'once an hour across processes');

  setTodayForTests(() => '2026-11-08');
  const later = await runJobIfDue(t.db, job, { force: true });
  assert.deepEqual(later, { status: 'ran', result: [sthj.id] }, '生态环境局 is 7 days old now; 自然资源局 3');
  assert.deepEqual((await runsOf(sthj)).map((r) => r.run_on), ['2026-11-01', '2026-11-08']);
  const [{ n }] = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'catalogue.inspection'`)) as [{ n: number }];
  assert.equal(n, 3, 'each run audited');
});
