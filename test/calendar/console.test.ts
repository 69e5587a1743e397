// 工作日历 in the console, through HTTP: a root administrator enters 2027 from the notice's lines
// (preview, then save), after which deadlines in 2027 compute; a non-root administrator keeps to
// local days and an editor is refused; the 待办 item lasts until the year is entered.
//
// THE 2027 ARRANGEMENT BELOW IS FICTIONAL TEST DATA (plausible dates, weekdays checked), NOT the
// State Council notice for 2027.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTodayForTests } from '../../src/core/today.ts';
import { cliContext } from '../../src/orgs/context.ts';
import { addWorkingDays, CalendarNotCoveredError, isWorkingDay } from '../../src/calendar/rules.ts';
import { coveredYears, findDay, loadCalendar } from '../../src/calendar/store.ts';
import { findOrgByCode } from '../../src/orgs/store.ts';
import { createUser } from '../../src/orgs/staff/commands.ts';
import { Client, testApp, type TestApp } from '../helpers/app.ts';

const FICTIONAL_SOURCE = '（测试用虚构数据）国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）';
const FICTIONAL_2027 = [
  '元旦 2027-01-01 至 2027-01-03',
  '春節 ２０２７－０２－０６ 至 ２０２７－０２－１３ 調休上班 ２０２７－０２－１４、２０２７－０２－２０',
  '三、清明节：4月3日至5日放假，共3天。',
  '劳动节 5月1日~5日 调休上班 4月25日（星期日）,5月8日（星期六）',
  '端午节 2027-06-09—2027-06-11',
  '中秋节 2027/9/15-2027/9/17',
  '国庆节 2027-10-01 至 2027-10-07 补班 2027-09-26 2027-10-09',
].join('\n');

let t: TestApp;
let root: Client;
let county: Client;
let editor: Client;

/** The 待办 card of a page, as lines of text. */
function todos(body: string): string[] {
  const card = /<section class="card todo"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  return [...card.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

before(async () => {
  t = await testApp();
  setTodayForTests(() => '2026-12-02');
  // 示范省 is the top of the demo tree (no parent); the demo admin sits at 青山县 below it.
  await createUser(t.db, cliContext(), { orgCode: 'SF', username: 'sf.admin', displayName: '省级系统管理员', password: 'Root-admin-2026', roles: ['admin'] });
  root = await new Client(t.app).loginReady('sf.admin', 'Root-admin-2026');
  county = await new Client(t.app).loginReady('admin');
  editor = await new Client(t.app).loginReady('zrzy.editor');
});
after(async () => {
  setTodayForTests(null);
  await t.close();
});

test('before 2027 is entered: deadlines into 2027 fail, and the root administrator has the urgent 待办 item', async () => {
  assert.ok(!(await coveredYears(t.db)).some((y) => y.year === 2027));
  const cal = await loadCalendar(t.db);
  assert.throws(() => addWorkingDays(cal, '2026-12-20', 20), (e) => e instanceof CalendarNotCoveredError && e.year === 2027);
  const home = await root.get('/console');
  assert.ok(todos(home.body).includes('2027 年节假日安排尚未录入 答复期限等落在 2027 年的工作日无法计算，请依据国务院办公厅关于 2027 年部分节假日安排的通知录入'), todos(home.body).join(' / '));
  assert.match(home.body, /<li class="urgent"><a href="\/console\/calendar\/years\/new\?year=2027">2027 年节假日安排尚未录入/);
  assert.match(home.body, /<a href="\/console\/calendar"[^>]*>工作日历<\/a>/);

  const page = await root.get('/console/calendar');
  assert.equal(page.statusCode, 200);
  assert.match(text(page.body), /2027 年节假日安排尚未录入/);
  assert.match(text(page.body), /2026 国务院办公厅关于2026年部分节假日安排的通知[^ ]* 3[0-9] \d+ /, 'the covered years with source and counts');

  // The demo admin (青山县, not the top) and an editor see no such item: they may not enter a year.
  assert.ok(!todos((await county.get('/console')).body).some((l) => l.includes('节假日安排')));
  const editorHome = await editor.get('/console');
  assert.ok(!todos(editorHome.body).some((l) => l.includes('节假日安排')));
  assert.doesNotMatch(editorHome.body, />工作日历</, 'no navigation entry for an editor');
});

test('a non-root administrator and an editor get 403 for the national calendar; nothing is stored', async () => {
  assert.equal((await county.get('/console/calendar')).statusCode, 200, 'an administrator reads the calendar');
  assert.equal((await county.get('/console/calendar/years/new')).statusCode, 403);
  const refused = await county.post('/console/calendar/years', { year: '2027', source: FICTIONAL_SOURCE, lines: FICTIONAL_2027, intent: 'save' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /顶级机构（没有上级机构）的系统管理员/);
  assert.equal((await county.post('/console/calendar/days', { date: '2026-12-26', kind: 'makeup_workday', name: '调休上班', scope: 'national' })).statusCode, 403);
  assert.equal((await county.post('/console/calendar/days/remove', { date: '2026-10-01', scope: 'national' })).statusCode, 403);

  for (const res of [
    await editor.get('/console/calendar'),
    await editor.get('/console/calendar/years/new'),
    await editor.post('/console/calendar/years', { year: '2027', source: FICTIONAL_SOURCE, lines: FICTIONAL_2027, intent: 'save' }),
    await editor.post('/console/calendar/days', { date: '2026-12-25', kind: 'holiday', name: '本地假日', scope: 'local' }),
  ]) {
    assert.equal(res.statusCode, 403);
  }
  assert.ok(!(await coveredYears(t.db)).some((y) => y.year === 2027));
  assert.equal(await findDay(t.db, '2026-12-26'), null);
  assert.ok(await findDay(t.db, '2026-10-01'), 'the national day is still there');
});

test('the root administrator enters 2027: problems next to the form, a preview, then save with its audit entry', async () => {
  const form = await root.get('/console/calendar/years/new?year=2027');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="year" value="2027"/);

  // A makeup workday on a Monday and a range backwards: both reported, in Chinese, the input kept.
  const wrong = `${FICTIONAL_2027}\n植树节 2027-03-14 至 2027-03-12\n春节补班 2027-02-06 调休上班 2027-02-15`;
  const bad = await root.post('/console/calendar/years', { year: '2027', source: FICTIONAL_SOURCE, lines: wrong, intent: 'preview' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('第 8 行“植树节”：结束日期 2027-03-12 早于开始日期 2027-03-14'), text(bad.body).slice(0, 2000));
  assert.ok(bad.body.includes('第 9 行“春节补班”：调休上班日 2027-02-15 是周一，应为周六或周日'));
  assert.ok(bad.body.includes('植树节 2027-03-14 至 2027-03-12'), 'what was typed is kept');
  assert.ok(bad.body.includes(`value="${FICTIONAL_SOURCE}"`));

  const preview = await root.post('/console/calendar/years', { year: '２０２７', source: FICTIONAL_SOURCE, lines: FICTIONAL_2027, intent: 'preview' });
  assert.equal(preview.statusCode, 200);
  assert.match(text(preview.body), /预览：将录入 2027 年 32 天放假、6 天调休上班/);
  assert.match(text(preview.body), /2027-02-14 周日 调休上班 春节调休上班/);
  assert.match(text(preview.body), /2027-09-26 周日 调休上班 国庆节调休上班/);
  assert.ok(!(await coveredYears(t.db)).some((y) => y.year === 2027), 'a preview stores nothing');

  const saved = await root.post('/console/calendar/years', { year: '2027', source: FICTIONAL_SOURCE, url: '', lines: FICTIONAL_2027, intent: 'save' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  assert.equal(saved.headers.location, '/console/calendar?year=2027&notice=year-added');

  // `gongkai calendar add-workdays 2026-12-20 20`: 元旦 (2027-01-01) is skipped now.
  const cal = await loadCalendar(t.db);
  assert.equal(addWorkingDays(cal, '2026-12-20', 20), '2027-01-18');
  assert.equal(isWorkingDay(cal, '2027-02-14'), true);
  assert.equal(isWorkingDay(cal, '2027-02-10'), false);

  const [entry] = await t.db.query<{ actor_name: string; target_id: string; org_id: number | null; summary: { source: string; holidays: number; makeupWorkdays: number } }>(
    `select actor_name, target_id, org_id, summary from audit_log where action = 'calendar.year.add'`,
  );
  assert.deepEqual(
    { actor: entry?.actor_name, target: entry?.target_id, org: entry?.org_id, source: entry?.summary.source, holidays: entry?.summary.holidays, makeup: entry?.summary.makeupWorkdays },
    { actor: '省级系统管理员', target: '2027', org: null, source: FICTIONAL_SOURCE, holidays: 32, makeup: 6 },
  );

  const year = await root.get('/console/calendar?year=2027&notice=year-added');
  assert.match(text(year.body), /该年节假日安排已录入/);
  assert.match(text(year.body), /2027-02-20 周六 调休上班 春节调休上班 （测试用虚构数据）/);
  assert.doesNotMatch(text(year.body), /2027 年节假日安排尚未录入/);
  assert.ok(!todos((await root.get('/console')).body).some((l) => l.includes('节假日安排')), 'the 待办 item is gone');

  const again = await root.post('/console/calendar/years', { year: '2027', source: FICTIONAL_SOURCE, lines: FICTIONAL_2027, intent: 'save' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /2027 年的节假日安排已录入/);
});

test('one national day: a weekday 调休上班 is refused with the form kept; saved, changed and removed with audit', async () => {
  const bad = await root.post('/console/calendar/days', { date: '2027-12-27', kind: 'makeup_workday', name: '虚构调休上班', source: '测试', scope: 'national' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /2027-12-27 是周一，本来就是工作日/);
  assert.match(bad.body, /name="name" value="虚构调休上班"/);

  assert.equal((await root.post('/console/calendar/days', { date: '2027-12-31', kind: 'holiday', name: '虚构假日', source: '测试通知', scope: 'national' })).statusCode, 303);
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2027-12-31'), false);
  const edit = await root.get('/console/calendar?year=2027&edit=2027-12-31&scope=national');
  assert.match(edit.body, /name="name" value="虚构假日"/);
  const removed = await root.post('/console/calendar/days/remove', { date: '2027-12-31', scope: 'national' });
  assert.equal(removed.statusCode, 303);
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2027-12-31'), true);
  const actions = await t.db.query<{ action: string }>(`select action from audit_log where target_id = '2027-12-31' order by id`);
  assert.deepEqual(actions.map((a) => a.action), ['calendar.day.set', 'calendar.day.remove']);
});

test('the county administrator keeps local days of 青山县: they apply there only', async () => {
  const qs = (await findOrgByCode(t.db, 'SF-YL-QS'))!;
  const res = await county.post('/console/calendar/days', { date: '2027-03-05', kind: 'holiday', name: '青山县虚构山歌节', source: '县政府通知（测试）', scope: 'local' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  assert.equal(isWorkingDay(await loadCalendar(t.db, qs.id), '2027-03-05'), false);
  assert.equal(isWorkingDay(await loadCalendar(t.db), '2027-03-05'), true, 'the national calendar is unchanged');
  const page = await county.get('/console/calendar?year=2027');
  assert.match(text(page.body), /2027-03-05 周五 放假 青山县虚构山歌节 县政府通知（测试） 本机构（青山县）/);
  const [entry] = await t.db.query<{ org_id: number }>(`select org_id from audit_log where action = 'calendar.day.set' and target_id = $1`, [`${qs.id}:2027-03-05`]);
  assert.equal(entry?.org_id, qs.id);
  assert.equal((await county.post('/console/calendar/days/remove', { date: '2027-03-05', scope: 'local' })).statusCode, 303);
  assert.equal(isWorkingDay(await loadCalendar(t.db, qs.id), '2027-03-05'), true);
});
