// The demo's 考核 scheme (src/app/demo/scoring.ts): eight indicators of this year for 青山县人民政府办公室,
// computed for every agency after an inspection of those with a catalogue, 自然资源局's two hand scores
// with their reasons; and 自然资源局's 自评报告 drafted afterwards states its scores. A second run adds nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedApplicationsDemo } from '../../src/applications/demo.ts';
import { ensureCatalogue } from '../../src/catalogue/commands.ts';
import { currentYear } from '../../src/core/today.ts';
import { seedScoringDemo } from '../../src/app/demo/scoring.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { seedAssessmentDemo } from '../../src/supervision/assessment/demo.ts';
import { scoringResults } from '../../src/supervision/assessment/scoring/results.ts';
import { testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  await seedApplicationsDemo(t.db);
  await ensureCatalogue(t.db, (await findOrgByCode(t.db, 'QS-ZRZY'))!.id);
});
after(() => t.close());

test('eight indicators computed for every agency; 自然资源局 scored by hand with reasons; its 自评报告 states the scores; once only', async () => {
  assert.equal(await seedScoringDemo(t.db), 8);
  assert.equal(await seedScoringDemo(t.db), 0);
  const office = (await findOrgByCode(t.db, '113301000000000001'))!;
  const { indicators, rows } = await scoringResults(t.db, office, currentYear());
  assert.equal(indicators.reduce((s, i) => s + i.points, 0), 100);
  const zrzy = rows.find((r) => r.agency.code === 'QS-ZRZY')!;
  assert.ok(zrzy.scores.every((s) => s !== undefined), 'every indicator of 自然资源局 is scored');
  assert.match(zrzy.scores[6]!.detail, /修订了信息公开保密审查制度/);
  assert.ok(zrzy.scores.slice(0, 6).every((s) => s!.computed));
  const runs = await t.db.query<{ n: number }>(`select count(*)::int as n from catalogue_inspection_runs where org_id = $1`, [zrzy.agency.id]);
  assert.equal(runs[0]!.n, 1, 'inspected before scoring');
  const others = rows.filter((r) => r.agency.code !== 'QS-ZRZY');
  assert.ok(others.every((r) => r.result.grade === 'veto' || r.result.grade === 'incomplete'), 'the others wait for the hand scores');

  await seedAssessmentDemo(t.db);
  const [sa] = await t.db.query<{ body: string }>(`select body from assessment_self_assessments where org_id = $1`, [zrzy.agency.id]);
  assert.match(sa!.body, /组织领导和制度保障：调整了政务公开工作领导小组/);
  assert.match(sa!.body, /（得分 18 分）/);
});
