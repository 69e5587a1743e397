// CONTRACT: `gongkai interaction stats --org CODE --year YEAR [--json]` as the operator runs it (the
// compiled CLI in a child process), on PGlite or on the PostgreSQL server of DATABASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedCalendar } from '../../src/calendar/seed.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { addDays, todayInChina } from '../../src/core/date.ts';
import { createOrg } from '../../src/orgs/commands.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { draftReply, rateMessage, registerMessage, signReply } from '../../src/interaction/commands.ts';
import { NO_HOOKS } from '../../src/interaction/hooks.ts';
import { cliDatabase, runCli, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;

before(async () => {
  setTodayForTests(() => '2025-11-03');
  cli = await cliDatabase('gongkai-interaction-');
  const db = await cli.open();
  await seedCalendar(db);
  const ctx = cliContext();
  await createOrg(db, ctx, { kind: 'county', fullName: '测试县', shortName: '测试县', code: 'CS', parentCode: null });
  await createOrg(db, ctx, { kind: 'department', fullName: '测试县自然资源局', shortName: '自然资源局', code: 'CS-ZRZY', parentCode: 'CS' });
  const org = (await findOrgByCode(db, 'CS-ZRZY'))!;
  const write = (receivedOn: string, category: string, consentPublish: boolean) =>
    registerMessage(db, ctx, org.id, { channel: 'hotline', receivedOn, category, subject: '测试留言', content: '测试留言的内容。', name: '张三', phone: '13600001111', consentPublish });
  // answered in 1 working day (30 Sep → 9 Oct over the holiday), on time, published, rated 满意
  const a = await write('2025-09-30', 'consult', true);
  await draftReply(db, ctx, a.id, { reply: '已答复的内容。', on: '2025-10-09' });
  await signReply(db, ctx, a.id, { on: '2025-10-09' }, NO_HOOKS);
  await rateMessage(db, a.queryCode!, { rating: 'satisfied' });
  // answered in 4 working days, late for a 咨询 (due 10 Oct), rated 不满意
  const b = await write('2025-09-30', 'consult', false);
  await draftReply(db, ctx, b.id, { reply: '已答复的内容。', on: '2025-10-13' });
  await signReply(db, ctx, b.id, { on: '2025-10-13' }, NO_HOOKS);
  await rateMessage(db, b.queryCode!, { rating: 'unsatisfied' });
  // still open
  await write('2025-10-20', 'complain', false);
  // §D.4 for `catalogue inspect` (which runs on the real date): a message to another agency, 120 days old and unanswered
  setTodayForTests(null);
  await createOrg(db, ctx, { kind: 'department', fullName: '测试县水利局', shortName: '水利局', code: 'CS-SL', parentCode: 'CS' });
  const sl = (await findOrgByCode(db, 'CS-SL'))!;
  await registerMessage(db, ctx, sl.id, { channel: 'letter', receivedOn: addDays(todayInChina(), -120), category: 'complain', subject: '测试留言', content: '测试留言的内容。', name: '张三', phone: '13600001111' });
  setTodayForTests(() => '2025-11-03');
  await db.close();
});
after(async () => {
  await cli.drop();
  setTodayForTests(null);
});

test('--json prints exactly the contract object', async () => {
  const r = await runCli(['interaction', 'stats', '--org', 'CS-ZRZY', '--year', '2025', '--json'], { env: cli.env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { received: 3, answered: 2, answeredOnTime: 1, medianWorkdays: 2.5, published: 1, satisfaction: 0.5 });
  assert.equal(r.stdout.trim().split('\n').length, 1, 'one JSON object on one line');
  const empty = await runCli(['interaction', 'stats', '--org', 'CS-ZRZY', '--year', '2024', '--json'], { env: cli.env });
  assert.deepEqual(JSON.parse(empty.stdout), { received: 0, answered: 0, answeredOnTime: 0, medianWorkdays: null, published: 0, satisfaction: null });
});

test('without --json, a Chinese summary; an unknown organization exits 2', async () => {
  const r = await runCli(['interaction', 'stats', '--org', 'CS-ZRZY', '--year', '2025'], { env: cli.env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /测试县自然资源局 2025 年留言办理情况：收到 3 件，已答复 2 件，其中按期答复 1 件；用时中位数 2.5 个工作日；公开答复 1 件；满意率 50%（2 人评价）。/);
  const unknown = await runCli(['interaction', 'stats', '--org', 'NOPE', '--year', '2025', '--json'], { env: cli.env });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未找到代码为 NOPE 的机构/);
});

test('`catalogue inspect` counts the messages unanswered for more than 3 months (§D.4) from the messages module', async () => {
  const r = await runCli(['catalogue', 'inspect', '--org', 'CS-SL', '--json'], { env: cli.env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).run.counts.unanswered, 1);
  const text = await runCli(['catalogue', 'inspect', '--org', 'CS-SL'], { env: cli.env });
  assert.match(text.stdout, /超过 3 个月未回应的留言：1 处/);
  assert.ok(!text.stdout.includes('尚未上线'));
});
