// Issue 21 item 15: every console page a person reaches from the menu has a skip link to its main
// content, one H1 naming the page (the organization is named once, in the window title), and
// headings that never skip a level (H1 → H3) — what a screen reader's outline relies on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliContext } from '../../src/orgs/context.ts';
import { createSelfAssessment, submitSelfAssessment } from '../../src/supervision/assessment/self-assessment/commands.ts';
import { addIndicator } from '../../src/supervision/assessment/scoring/commands.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let handler: Client;

before(async () => {
  t = await testApp();
  const { seedApplicationsDemo } = await import('../../src/applications/demo.ts');
  await seedApplicationsDemo(t.db);
  admin = await new Client(t.app).loginReady('admin');
  handler = await new Client(t.app).loginReady('zrzy.handler');
});
after(() => t.close());

/** The heading levels in document order, and the first level that skips one. */
function headings(body: string): { levels: number[]; skip: string | null } {
  const found = [...body.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: m[2]!.replace(/<[^>]+>/g, '').trim() }));
  let previous = 0;
  for (const h of found) {
    if (h.level > previous + 1) return { levels: found.map((x) => x.level), skip: `H${previous} → H${h.level}「${h.text}」` };
    previous = h.level;
  }
  return { levels: found.map((x) => x.level), skip: null };
}

async function check(client: Client, url: string) {
  const res = await client.get(url, { accept: 'text/html' });
  assert.equal(res.statusCode, 200, url);
  const { levels, skip } = headings(res.body);
  assert.equal(skip, null, `${url}: ${skip}`);
  assert.equal(levels.filter((l) => l === 1).length, 1, `${url}: one H1`);
  assert.match(res.body, /<a class="skip" href="#main">跳到正文<\/a>/, url);
  assert.match(res.body, /<main class="content" id="main"/, url);
  const title = /<title>([^<]*)<\/title>/.exec(res.body)![1]!;
  const parts = title.split(' · ');
  assert.equal(new Set(parts).size, parts.length, `${url}: nothing named twice in “${title}”`);
}

test('the administrator’s pages', async () => {
  const [report] = await t.db.query<{ id: number }>(`select r.id from reports r join organizations o on o.id = r.org_id where o.code = 'QS-ZRZY' order by r.year desc limit 1`);
  const [org] = await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`);
  const [user] = await t.db.query<{ id: number }>(`select id from users where username = 'zrzy.editor'`);
  for (const url of [`/console/orgs/${org!.id}`, `/console/users/${user!.id}`, '/console', '/console/orgs', '/console/users', '/console/audit', '/console/calendar', '/console/reports', `/console/reports/${report!.id}`, `/console/reports/${report!.id}/sources`, '/console/reports/import', '/console/reports/rollup', '/console/supervision', '/console/article20']) {
    await check(admin, url);
  }
});

test('the pages of 主动公开 and 依申请公开', async () => {
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  for (const url of ['/console/catalogue', '/console/catalogue/columns', '/console/catalogue/review', '/console/catalogue/health', '/console/catalogue/new', '/console/catalogue/settings', '/console/catalogue/table2']) await check(editor, url);
  const [c] = await t.db.query<{ id: number }>(`select id from applications where state = 'reply_drafted' limit 1`);
  for (const url of ['/console', '/console/applications', `/console/applications/${c!.id}`, '/console/applications/letter-templates', '/console/applications/clock-conventions', '/console/applications/ledger', '/console/applications/new', '/console/applications/table3', '/console/appeals', '/console/appeals/new']) await check(handler, url);
  const [letter] = await t.db.query<{ id: number }>(`select m.id from interaction_messages m join organizations o on o.id = m.org_id where o.code = 'QS-ZRZY' and m.state = 'reply_drafted' limit 1`);
  for (const url of ['/console/letters', '/console/letters?state=all', '/console/letters/new', '/console/letters/settings', '/console/hotline', `/console/letters/${letter!.id}`]) await check(handler, url);
  const [consultation] = await t.db.query<{ id: number }>(`select id from consultations where status = 'concluded' limit 1`);
  for (const url of ['/console/consultations', '/console/consultations/new', '/console/consultations/moderation', '/console/consultations/settings', `/console/consultations/${consultation!.id}`]) await check(editor, url);
});

test('the pages of 自评报告 (issue 17 §3)', async () => {
  const [zrzy] = await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`);
  const id = await createSelfAssessment(t.db, cliContext(), zrzy!.id, { year: 2026 });
  await submitSelfAssessment(t.db, cliContext(), id);
  const head = await new Client(t.app).loginReady('zrzy.head');
  for (const url of ['/console/assessment/self-assessment?year=2026', '/console/assessment/self-assessment?year=2025', `/console/assessment/self-assessments/${id}`]) await check(head, url);
  const jiandu = await new Client(t.app).loginReady('jiandu');
  for (const url of ['/console/assessment/self-assessments?year=2026', `/console/assessment/self-assessments/${id}`]) await check(jiandu, url);
});

test('the pages of 考核评分 (issue 17 §3)', async () => {
  const [office] = await t.db.query<{ id: number }>(`select id from organizations where code = '113301000000000001'`);
  const [zrzy] = await t.db.query<{ id: number }>(`select id from organizations where code = 'QS-ZRZY'`);
  await addIndicator(t.db, cliContext(), office!.id, { year: 2026, title: '组织领导和制度保障', points: '40' }, []);
  // jiandu changed the demo password at the first sign-in above
  const jiandu = await new Client(t.app).loginReady('jiandu', 'Changed-pass-2026');
  for (const url of ['/console/assessment/scoring?year=2026', `/console/assessment/scoring/agencies/${zrzy!.id}?year=2026`]) await check(jiandu, url);
  await check(await new Client(t.app).loginReady('zrzy.editor', 'Changed-pass-2026'), '/console/assessment/scoring?year=2026');
});
