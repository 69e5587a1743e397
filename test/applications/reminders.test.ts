// 办理时限提醒 end to end: digests per handler across the National Day holiday (the working-day
// calendar), assignment and the fallback to all 办理人, one digest set however many processes run the
// job, the console panel for the right handler only, e-mail through a local SMTP sink (no personal
// data), and `gongkai applications remind`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as commands from '../../src/applications/commands.ts';
import { prepareReminders, reminderJob, runRemindersNow, type ReminderReport } from '../../src/applications/reminders/job.ts';
import { digestEmail, smtpMailer } from '../../src/applications/reminders/mail.ts';
import { listDigests, setAddress } from '../../src/applications/reminders/store.ts';
import { setTodayForTests } from '../../src/core/today.ts';
import { seedCalendar } from '../../src/calendar/seed.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { LOCK, withAdvisoryLock, type Database } from '../../src/core/db/database.ts';
import { migrate } from '../../src/core/db/migrate.ts';
import { openPglite } from '../../src/core/db/pglite.ts';
import { openPostgres } from '../../src/core/db/postgres.ts';
import { jobLockKey, runJobIfDue } from '../../src/core/jobs/runner.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/app/demo/seed.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { startSmtpSink } from '../helpers/smtp.ts';

let t: TestApp;
let now = '2025-09-30';
let f: Fixture;

const PERSON = { name: '王小明', idNumber: '11010519491231002X', phone: '13800138000', email: 'wang.xiaoming@example.com', address: '青山县人民路 8 号' };

interface Fixture {
  users: Record<string, number>;
  /** receipt numbers by case letter */
  receipt: Record<string, string>;
}

/**
 * Cases seen from Tuesday 2025-09-30, the last working day before the National Day holiday
 * (10-01 to 10-08 off, Saturday 10-11 a working day): 20 working days from receipt (条例第三十三条).
 *   A received 09-01, due 09-28 (a Sunday worked instead of a holiday): overdue 2 days — assigned to zrzy.handler
 *   B received 09-05, due 10-10: 2 working days left across the holiday — unassigned: every 办理人
 *   C received 09-08, due 10-11: 3 working days left — assigned to the head
 *   D received 09-09, due 10-13: 4 working days left, not yet due soon
 *   E received 09-03, due 09-30: due today — assigned to zrzy.handler2
 *   G received 09-01, replied 09-20: nothing to remind of
 *   F in another organization (新宾县自然资源局) received 09-01: overdue — its own handler only
 */
async function seedCases(db: Database): Promise<Fixture> {
  setTodayForTests(() => '2025-09-30');
  const ctx = cliContext();
  const users: Record<string, number> = {};
  for (const [username, orgCode, roles] of [
    ['zrzy.handler2', 'QS-ZRZY', ['handler']],
    ['xb.handler', 'XB-ZRZY', ['handler']],
  ] as const) {
    await createUser(db, ctx, { orgCode, username, displayName: username === 'xb.handler' ? '新宾县办理人' : '自然资源局办理人乙', password: DEMO_PASSWORD, roles: [...roles] });
  }
  for (const r of await db.query<{ id: number; username: string }>('select id, username from users')) users[r.username] = r.id;
  const zrzy = (await findOrgByCode(db, 'QS-ZRZY'))!;
  const xb = (await findOrgByCode(db, 'XB-ZRZY'))!;
  const receipt: Record<string, string> = {};
  const register = async (key: string, orgId: number, submittedOn: string, title: string) => {
    const r = await commands.registerApplication(
      db, ctx, orgId,
      { applicantKind: 'natural', name: PERSON.name, idType: '居民身份证', idNumber: PERSON.idNumber, phone: PERSON.phone, email: PERSON.email, address: PERSON.address, infoTitle: title, formWanted: 'electronic', delivery: 'email' },
      { channel: 'in_person', submittedOn, submissionKey: `reminder-${key}` },
    );
    receipt[key] = r.case.receiptNo;
    return r.case.id;
  };
  const a = await register('A', zrzy.id, '2025-09-01', '2024年度土地出让收支明细');
  await register('B', zrzy.id, '2025-09-05', '青山镇控制性详细规划图则');
  const c = await register('C', zrzy.id, '2025-09-08', '县域耕地保护考核结果');
  await register('D', zrzy.id, '2025-09-09', '矿业权出让合同清单');
  const e = await register('E', zrzy.id, '2025-09-03', '地质灾害隐患点台账');
  const g = await register('G', zrzy.id, '2025-09-01', '已答复的测绘成果目录');
  await register('F', xb.id, '2025-09-01', '新宾县林地征收批复');
  await commands.assignHandler(db, ctx, a, users['zrzy.handler']!);
  await commands.assignHandler(db, ctx, c, users['zrzy.head']!);
  await commands.assignHandler(db, ctx, e, users['zrzy.handler2']!);
  await commands.reply(db, ctx, g, { on: '2025-09-20', outcome: 'granted', deliveredBy: '电子邮件' });
  setTodayForTests(() => now);
  return { users, receipt };
}

before(async () => {
  t = await testApp();
  f = await seedCases(t.db);
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

/** username → { overdue: [letter, days], dueSoon: [letter, left] } of a report. */
function summary(r: Pick<ReminderReport, 'digests'>) {
  const letter = new Map(Object.entries(f.receipt).map(([k, v]) => [v, k]));
  return Object.fromEntries(
    r.digests.map((d) => [
      d.username,
      {
        overdue: d.overdue.map((i) => `${letter.get(i.receiptNo)} ${i.dueDate} +${i.daysOverdue}${i.assigned ? '' : ' unassigned'}`),
        dueSoon: d.dueSoon.map((i) => `${letter.get(i.receiptNo)} ${i.dueDate} ${i.workingDaysLeft}${i.assigned ? '' : ' unassigned'}`),
      },
    ]),
  );
}

const digestCount = async (db: Database, onDate: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from reminder_digests where on_date = $1', [onDate]))[0]!.n;

test('due within 3 working days and overdue, across the National Day holiday, per assigned handler or every 办理人', async () => {
  const r = await runRemindersNow(t.db, '2025-09-30', null);
  assert.equal(r.created, true);
  assert.deepEqual(summary(r), {
    'zrzy.handler': { overdue: ['A 2025-09-28 +2'], dueSoon: ['B 2025-10-10 2 unassigned'] },
    'zrzy.head': { overdue: [], dueSoon: ['C 2025-10-11 3'] },
    'zrzy.handler2': { overdue: [], dueSoon: ['E 2025-09-30 0', 'B 2025-10-10 2 unassigned'] },
    'xb.handler': { overdue: ['F 2025-09-28 +2 unassigned'], dueSoon: [] },
  });
  assert.equal(r.emails, null, 'no SMTP configured: no e-mail');
  const [run] = await t.db.query<{ digests: number; cases: number }>(`select digests, cases from reminder_runs where on_date = '2025-09-30'`);
  assert.deepEqual(run, { digests: 4, cases: 5 });
  const [audit] = await t.db.query<{ summary: unknown }>(`select summary from audit_log where action = 'application.reminders' and org_id = (select id from organizations where code = 'QS-ZRZY')`);
  assert.deepEqual(audit!.summary, { onDate: '2025-09-30', handlers: 3, dueSoon: 3, overdue: 1 });

  // During the holiday nothing moves: on 10-08 B still has 2 working days (10-09, 10-10), D (10-13) is 4 away.
  const holiday = await runRemindersNow(t.db, '2025-10-08', null);
  assert.deepEqual(summary(holiday)['zrzy.head'], { overdue: [], dueSoon: ['C 2025-10-11 3'] });
  assert.deepEqual(summary(holiday)['zrzy.handler2']!.dueSoon, ['B 2025-10-10 2 unassigned']);
  assert.deepEqual(summary(holiday)['zrzy.handler2']!.overdue, ['E 2025-09-30 +8']);
  // On Saturday 10-11 (a working day): D is due within 1 working day (10-13).
  const saturday = await runRemindersNow(t.db, '2025-10-11', null);
  assert.deepEqual(summary(saturday)['zrzy.handler']!.dueSoon, ['D 2025-10-13 1 unassigned']);
});

test('the same day again, and concurrent runs on several connections, make one digest set', async () => {
  const again = await runRemindersNow(t.db, '2025-09-30', null);
  assert.equal(again.created, false);
  assert.equal(again.digests.length, 4);
  assert.equal(await digestCount(t.db, '2025-09-30'), 4);

  now = '2025-10-09';
  // Two "processes" (a second connection pool on PostgreSQL; concurrent calls on PGlite) running the
  // scheduled job, plus the CLI path, at once.
  const other = t.url ? await openPostgres(t.url, { max: 2 }) : t.db;
  try {
    const job = (db: Database) => reminderJob(db, { intervalMinutes: 60, mailer: null });
    const results = await Promise.all([runJobIfDue(t.db, job(t.db)), runJobIfDue(other, job(other)), runRemindersNow(other, '2025-10-09', null), runJobIfDue(t.db, job(t.db))]);
    const ran = results.slice(0, 2).concat(results.slice(3)) as { status: string; result?: { created: boolean } }[];
    const created = ran.filter((x) => x.status === 'ran' && x.result?.created).length + ((results[2] as ReminderReport).created ? 1 : 0);
    assert.equal(created, 1, 'exactly one run made the digests');
    assert.equal(ran.filter((x) => x.status === 'ran').length, 1, 'the job ran once; the others were busy or not due');
  } finally {
    if (other !== t.db) await other.close();
  }
  const [runs] = await t.db.query<{ n: number }>(`select count(*)::int as n from reminder_runs where on_date = '2025-10-09'`);
  assert.equal(runs!.n, 1);
  assert.equal(await digestCount(t.db, '2025-10-09'), 4);
  // Even without the job lock, the day's run row keeps the digests single.
  const racing = await Promise.all([t.db.transaction((tx) => prepareReminders(tx, '2025-10-10')), t.db.transaction((tx) => prepareReminders(tx, '2025-10-10'))]);
  assert.deepEqual(racing.map((r) => r.created).sort(), [false, true]);
  assert.equal(await digestCount(t.db, '2025-10-10'), (await listDigests(t.db, '2025-10-10')).length);
});

test('the console shows each handler their own reminders, and none of another organization', async () => {
  now = '2025-09-30';
  const handler = await new Client(t.app).loginReady('zrzy.handler');
  let home = await handler.get('/console');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /提醒 · 依申请公开办理时限/);
  assert.match(home.body, /截至 2025-09-30：已逾期 <strong>1<\/strong> 件，即将到期 <strong>1<\/strong> 件/);
  assert.ok(home.body.includes(f.receipt.A!) && home.body.includes('2024年度土地出让收支明细'), 'A with its title');
  assert.ok(home.body.includes(f.receipt.B!), 'B');
  assert.match(home.body, /已逾期 2 天/);
  assert.match(home.body, /还剩 2 个工作日/);
  for (const other of ['C', 'D', 'E', 'F', 'G']) assert.ok(!home.body.includes(f.receipt[other]!), `${other} is not zrzy.handler's`);
  assert.match(home.body, /系统未配置邮件服务器/);
  const queue = await handler.get('/console/applications');
  assert.match(queue.body, /提醒（截至 2025-09-30）：您有已逾期 1 件、即将到期 1 件申请/);

  const xb = await new Client(t.app).loginReady('xb.handler', DEMO_PASSWORD);
  home = await xb.get('/console');
  assert.ok(home.body.includes(f.receipt.F!), 'F');
  for (const other of ['A', 'B', 'C', 'E']) assert.ok(!home.body.includes(f.receipt[other]!));

  const head = await new Client(t.app).loginReady('zrzy.head');
  home = await head.get('/console');
  assert.ok(home.body.includes(f.receipt.C!), 'C');
  assert.ok(!home.body.includes(f.receipt.A!), 'not A');

  // A case replied after the digest was made stays listed, marked with its state now.
  const bId = (await t.db.query<{ id: number }>('select id from applications where receipt_no = $1', [f.receipt.B]))[0]!.id;
  setTodayForTests(() => '2025-10-10');
  await commands.reply(t.db, cliContext(), bId, { on: '2025-10-10', outcome: 'granted', deliveredBy: '电子邮件' });
  now = '2025-10-11';
  setTodayForTests(() => now);
  home = await handler.get('/console');
  assert.match(home.body, /截至 2025-10-11/);
  assert.match(home.body, new RegExp(`${f.receipt.B}[^]*?（现为“已答复”）`));

  // An editor gets no reminder panel; a handler on a day without cases is told so.
  const editor = await new Client(t.app).loginReady('zrzy.editor');
  assert.doesNotMatch((await editor.get('/console')).body, /依申请公开办理时限/);
  now = '2025-10-12';
  await runRemindersNow(t.db, '2025-10-12', null);
  assert.match((await xb.get('/console')).body, /截至 2025-10-12/);
});

test('the reminder address: set in the console, checked, kept on error; removed when emptied', async () => {
  const handler = await new Client(t.app).loginReady('zrzy.handler2');
  const bad = await handler.post('/console/reminders/address', { email: 'not-an-address' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /邮箱地址格式不正确/);
  assert.match(bad.body, /value="not-an-address"/);
  const ok = await handler.post('/console/reminders/address', { email: 'handler2@qingshan.gov.cn' });
  assert.equal(ok.statusCode, 303);
  const home = await handler.get(ok.headers.location as string);
  assert.match(home.body, /提醒邮箱已保存/);
  assert.match(home.body, /value="handler2@qingshan.gov.cn"/);
  const [audit] = await t.db.query<{ summary: unknown }>(`select summary from audit_log where action = 'user.reminder-address' order by id desc limit 1`);
  assert.deepEqual(audit!.summary, { reminderEmail: 'set' });
  const removed = await handler.post('/console/reminders/address', { email: '' });
  assert.match((await handler.get(removed.headers.location as string)).body, /已取消提醒邮件/);
  assert.equal((await t.db.query('select 1 from reminder_addresses where user_id = $1', [f.users['zrzy.handler2']])).length, 0);
  await handler.post('/console/reminders/address', { email: 'handler2@qingshan.gov.cn' });
  const editor = new Client(t.app);
  await editor.login('zrzy.editor', 'Changed-pass-2026'); // changed at the first login above
  assert.equal((await editor.post('/console/reminders/address', { email: 'e@qingshan.gov.cn' })).statusCode, 403);
});

test('e-mail through SMTP: once per handler and day, in Chinese, without the applicant’s personal data; a failure is retried', async () => {
  const sink = await startSmtpSink();
  const mailer = smtpMailer(sink.url, 'gongkai 提醒 <noreply@qingshan.gov.cn>');
  try {
    const [zrzy, xb] = [(await findOrgByCode(t.db, 'QS-ZRZY'))!.id, (await findOrgByCode(t.db, 'XB-ZRZY'))!.id];
    await t.db.transaction(async (tx) => {
      await setAddress(tx, f.users['zrzy.handler']!, zrzy, 'handler@qingshan.gov.cn');
      await setAddress(tx, f.users['xb.handler']!, xb, 'xb@xinbin.gov.cn');
    });
    now = '2025-10-13';
    const r = await runRemindersNow(t.db, '2025-10-13', mailer);
    const wanted = r.digests.filter((d) => d.address).length;
    assert.ok(wanted >= 2, 'at least two handlers want e-mail');
    assert.deepEqual(r.emails, { sent: wanted, failed: 0 });
    assert.equal(sink.messages.length, wanted);
    const mail = sink.messages.find((m) => m.to.includes('handler@qingshan.gov.cn'))!;
    assert.equal(mail.from, 'noreply@qingshan.gov.cn');
    assert.match(mail.subject, /^依申请公开办理时限提醒（2025-10-13）：已逾期 \d+ 件/);
    assert.match(mail.text, /自然资源局依申请办理人，您好/);
    assert.ok(mail.text.includes(f.receipt.A!) && mail.text.includes('2024年度土地出让收支明细'), 'A with its title');
    assert.match(mail.text, /答复期限 2025-09-28（已逾期 15 天）/);
    for (const m of sink.messages) {
      for (const secret of Object.values(PERSON)) assert.ok(!m.raw.includes(secret) && !m.text.includes(secret), `no ${secret} in the e-mail`);
    }
    const xbMail = sink.messages.find((m) => m.to.includes('xb@xinbin.gov.cn'))!;
    assert.ok(xbMail.text.includes(f.receipt.F!) && !xbMail.text.includes(f.receipt.A!), 'F, not A');
    // Running again (another tick, another process) sends nothing twice.
    const again = await runRemindersNow(t.db, '2025-10-13', mailer);
    assert.deepEqual(again.emails, { sent: 0, failed: 0 });
    assert.equal(sink.messages.length, wanted);
    assert.ok(again.digests.filter((d) => d.address).every((d) => d.emailedAt && d.emailTo === d.address), 'all sent');

    // The SMTP server refuses once: the error is kept, the next run sends it.
    sink.failNext = 1;
    now = '2025-10-14';
    const failed = await runRemindersNow(t.db, '2025-10-14', mailer);
    assert.equal(failed.emails!.failed, 1);
    const broken = failed.digests.find((d) => d.emailError)!;
    assert.match(broken.emailError!, /451/);
    const retried = await runRemindersNow(t.db, '2025-10-14', mailer);
    assert.deepEqual(retried.emails, { sent: 1, failed: 0 });
    assert.ok(retried.digests.find((d) => d.id === broken.id)!.emailedAt, 'sent on retry');
  } finally {
    mailer.close();
    await sink.close();
  }
});

test('the e-mail text names receipt numbers and titles only', () => {
  const mail = digestEmail({
    id: 1, orgId: 1, userId: 1, onDate: '2025-09-30', orgCode: 'QS-ZRZY', orgName: '青山县自然资源局', username: 'u', displayName: '李办理',
    address: null, emailTo: null, emailedAt: null, emailAttempts: 0, emailError: null,
    overdue: [],
    dueSoon: [{ caseId: 9, receiptNo: 'QS-ZRZY-2025-00009', infoTitle: '规划图则', dueDate: '2025-10-10', workingDaysLeft: 2, daysOverdue: 0, assigned: false }],
  });
  assert.equal(mail.subject, '依申请公开办理时限提醒（2025-09-30）：即将到期 1 件');
  assert.match(mail.text, /QS-ZRZY-2025-00009　规划图则　答复期限 2025-10-10（还剩 2 个工作日）　\[未分配办理人\]/);
  assert.match(mail.text, /已同时提醒本机关全部依申请办理人/);
});

test('gongkai applications remind prints the digests of a date, as text and JSON; two processes at once make one set', async () => {
  let env: Record<string, string | undefined>;
  let dir: string | null = null;
  if (t.url) env = { DATABASE_URL: t.url };
  else {
    // PGlite belongs to one process: give the CLI its own data folder with the same cases.
    dir = mkdtempSync(join(tmpdir(), 'gongkai-remind-'));
    const db = await openPglite(dir);
    await migrate(db);
    await seedCalendar(db);
    await seedDemo(db);
    f = await seedCases(db);
    await db.close();
    env = { GONGKAI_DATA_DIR: dir, DATABASE_URL: undefined };
  }
  env = { ...env, GONGKAI_SMTP_URL: undefined, GONGKAI_MAIL_FROM: undefined };
  try {
    const bad = await runCli(['applications', 'remind', '--date', '2025-02-30'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /日期无效/);

    const [text, second] = t.url
      ? await Promise.all([runCli(['applications', 'remind', '--date', '2025-09-29'], { env }), runCli(['applications', 'remind', '--date', '2025-09-29'], { env })])
      : [await runCli(['applications', 'remind', '--date', '2025-09-29'], { env }), null];
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^2025-09-29 依申请公开办理时限提醒：\d+ 位办理人，已逾期 2 件，即将到期 \d+ 件/);
    assert.match(text.stdout, /青山县自然资源局（QS-ZRZY）· 自然资源局依申请办理人（zrzy\.handler）/);
    assert.ok(text.stdout.includes(`已逾期　${f.receipt.A}　2024年度土地出让收支明细　答复期限 2025-09-28（已逾期 1 天）`), 'the line of A');
    assert.match(text.stdout, /新宾满族自治县自然资源局（XB-ZRZY）· 新宾县办理人（xb\.handler）/);
    assert.match(text.stdout, /未配置邮件服务器/);
    assert.ok(!text.stdout.includes(PERSON.name) && !text.stdout.includes(PERSON.phone), 'no personal data');
    if (second) {
      assert.equal(second.code, 0, second.stderr);
      assert.equal([text, second].filter((r) => r.stdout.includes('未重复生成')).length, 1, 'one of two processes made the digests');
    }
    const json = await runCli(['applications', 'remind', '--date', '2025-09-29', '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as ReminderReport;
    assert.equal(report.onDate, '2025-09-29');
    assert.equal(report.created, false);
    assert.deepEqual(report.digests.map((d) => d.username), ['zrzy.handler', 'zrzy.handler2', 'xb.handler']);
    const mine = report.digests.find((d) => d.username === 'zrzy.handler')!;
    assert.deepEqual(mine.overdue.map((i) => [i.receiptNo, i.daysOverdue]), [[f.receipt.A, 1]]);
    if (t.url) assert.equal(await digestCount(t.db, '2025-09-29'), report.digests.length);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI waits for a run in progress instead of making a second set', async () => {
  if (!t.url) return; // one process on PGlite
  const held = withAdvisoryLock(t.db, LOCK.jobs, jobLockKey('application-reminders'), async (tx) => {
    await tx.query('select pg_sleep(4)'); // longer than the CLI takes to start
    return prepareReminders(tx, '2025-09-26');
  });
  const cli = runCli(['applications', 'remind', '--date', '2025-09-26', '--json'], { env: { DATABASE_URL: t.url } });
  const [mine, out] = await Promise.all([held, cli]);
  assert.equal(mine.created, true);
  assert.equal((JSON.parse(out.stdout) as ReminderReport).created, false);
});
