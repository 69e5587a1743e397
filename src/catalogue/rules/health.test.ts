import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../../calendar/seed.ts';
import { columnHealth, columnStatus, HEALTH_THRESHOLDS, windowOf, type HealthColumn, type LiveDates } from './health.ts';

const today = '2026-06-30';
let nextId = 1;
const col = (name: string, updateDays: number | null, extra: Partial<HealthColumn> = {}): HealthColumn => ({ id: nextId++, name, parentId: 100, kind: 'general', updateDays, ...extra });
const run = (columns: HealthColumn[], activity: [HealthColumn, number, string | null][], items: LiveDates[] = []) =>
  columnHealth({ columns, activity: new Map(activity.map(([c, count, last]) => [c.id, { count, lastPublished: last }])), items, calendar: shippedCalendar(), today });
const count = (r: ReturnType<typeof run>, rule: string) => r.rules.find((x) => x.rule === rule)!;

test('the [W19] classes: 2-week (动态、要闻) and 6-month (通知公告、政策文件) columns; others by their own interval only', () => {
  assert.equal(windowOf(14), 'news');
  assert.equal(windowOf(7), 'news');
  assert.equal(windowOf(180), 'notice');
  assert.equal(windowOf(365), null);
  assert.equal(windowOf(null), null);
});

test('rule 1: a 2-week column not updated for 15 days and a 6-month column for 181 days are not updated; on the day they are fine', () => {
  const news = col('工作动态', 14);
  const notice = col('通知公告', 180);
  assert.equal(columnStatus(news, { count: 3, lastPublished: '2026-06-16' }, today).notUpdated, false, '14 days');
  assert.equal(columnStatus(news, { count: 3, lastPublished: '2026-06-15' }, today).notUpdated, true, '15 days');
  assert.equal(columnStatus(notice, { count: 3, lastPublished: '2026-01-01' }, today).notUpdated, false, '180 days');
  assert.equal(columnStatus(notice, { count: 3, lastPublished: '2025-12-31' }, today).notUpdated, true, '181 days');
  assert.equal(columnStatus(col('规划计划', 365), { count: 1, lastPublished: '2025-07-01' }, today).notUpdated, false, 'a yearly column is not in rule 1');
  assert.equal(columnStatus(col('行政许可', null), { count: 1, lastPublished: '2020-01-01' }, today).notUpdated, false, 'updated as needed');
});

test('rule 1 counts to 5 for 单项否决; empty columns are counted as empty only', () => {
  const stale = Array.from({ length: 5 }, (_, i) => col(`动态${i}`, 14));
  const blank = col('通知公告', 180);
  const fine = col('政策文件', 180);
  const r = run([...stale, blank, fine], [...stale.map((c) => [c, 2, '2026-05-01'] as [HealthColumn, number, string]), [fine, 4, '2026-06-01']]);
  assert.deepEqual({ count: count(r, 'notUpdated').count, veto: count(r, 'notUpdated').veto, threshold: count(r, 'notUpdated').threshold }, { count: 5, veto: true, threshold: HEALTH_THRESHOLDS.notUpdated });
  assert.equal(count(r, 'empty').count, 1);
  assert.equal(count(r, 'empty').veto, false);
  const blankRow = r.columns.find((c) => c.column.id === blank.id)!;
  assert.deepEqual([blankRow.empty, blankRow.notUpdated, blankRow.longUnupdated], [true, false, false]);
  const four = run(stale.slice(0, 4), stale.slice(0, 4).map((c) => [c, 1, '2026-05-01'] as [HealthColumn, number, string]));
  assert.equal(count(four, 'notUpdated').veto, false, '4 is below the threshold');
});

test('rule 2: 应更新但长期未更新 — more than a year (or the column’s own longer interval); 10 for 单项否决', () => {
  const yearly = col('人事信息', 365);
  assert.equal(columnStatus(yearly, { count: 1, lastPublished: '2025-06-30' }, today).longUnupdated, false, '365 days');
  assert.equal(columnStatus(yearly, { count: 1, lastPublished: '2025-06-29' }, today).longUnupdated, true, '366 days');
  assert.equal(columnStatus(col('工作动态', 14), { count: 1, lastPublished: '2025-06-29' }, today).longUnupdated, true, 'a 2-week column a year behind is both');
  assert.equal(columnStatus(col('行政处罚', null), { count: 1, lastPublished: '2020-01-01' }, today).longUnupdated, false, 'no expectation, never “should be updated”');
  const old = Array.from({ length: 10 }, (_, i) => col(`栏目${i}`, 365));
  const r = run(old, old.map((c) => [c, 1, '2024-01-01'] as [HealthColumn, number, string]));
  assert.deepEqual([count(r, 'longUnupdated').count, count(r, 'longUnupdated').veto], [10, true]);
  assert.equal(count(r, 'notUpdated').count, 0, 'yearly columns are not in rule 1');
});

test('rule 3: five empty columns are 单项否决; the generated guide and columns of columns are not inspected', () => {
  const parent = col('法定主动公开内容', null, { parentId: null });
  const children = Array.from({ length: 5 }, (_, i) => col(`空白${i}`, null, { parentId: parent.id }));
  const guide = col('政府信息公开指南', null, { kind: 'guide', parentId: null });
  const r = run([parent, guide, ...children], []);
  assert.deepEqual(r.columns.map((c) => c.column.name), children.map((c) => c.name));
  assert.deepEqual([count(r, 'empty').count, count(r, 'empty').veto, count(r, 'empty').threshold], [5, true, 5]);
});

test('items without a publication date, and late publications (条例第二十六条)', () => {
  const c = col('通知公告', 180);
  const items: LiveDates[] = [
    { itemId: 1, title: '按时', columnId: c.id, formedDate: '2026-06-01', publishedDate: '2026-06-10', deadlineBasis: '' },
    { itemId: 2, title: '逾期', columnId: c.id, formedDate: '2026-03-02', publishedDate: '2026-04-30', deadlineBasis: '' },
    { itemId: 3, title: '另有规定', columnId: c.id, formedDate: '2026-01-05', publishedDate: '2026-06-01', deadlineBasis: '《中华人民共和国预算法》' },
    { itemId: 4, title: '无日期', columnId: c.id, formedDate: null, publishedDate: null, deadlineBasis: '' },
  ];
  const r = run([c], [[c, 4, '2026-06-10']], items);
  assert.deepEqual(r.undated, [{ itemId: 4, title: '无日期' }]);
  assert.deepEqual(r.late.map((l) => [l.itemId, l.deadline]), [[2, '2026-03-30']]);
  assert.ok(r.late[0]!.workingDaysLate > 20);
  assert.deepEqual([count(r, 'undated').count, count(r, 'late').count, count(r, 'late').threshold], [1, 1, null]);
  assert.equal(r.calendarProblem, null);
});

test('a date the calendar does not cover: the late check says so instead of failing', () => {
  const c = col('通知公告', 180);
  const r = run([c], [[c, 1, '2026-06-10']], [{ itemId: 9, title: '很早', columnId: c.id, formedDate: '1999-01-04', publishedDate: '1999-03-01', deadlineBasis: '' }]);
  assert.ok(r.calendarProblem);
  assert.equal(r.late.length, 0);
});
