import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../../calendar/seed.ts';
import { CalendarNotCoveredError } from '../../calendar/rules.ts';
import { publicationTimeliness } from './timeliness.ts';

const cal = shippedCalendar();
const check = (formedDate: string | null, publishedDate: string | null, deadlineBasis = '', today = '2026-06-30') =>
  publicationTimeliness(cal, { formedDate, publishedDate, deadlineBasis }, today);

test('条例第二十六条: 20 working days after 形成或变更, across the 2025 National Day holiday and its 调休 days', () => {
  // 9-28 (Sun) and 10-11 (Sat) are 调休 workdays; 10-01…10-08 are holidays.
  assert.deepEqual(check('2025-09-26', '2025-10-30'), { deadline: '2025-10-30', late: false, workingDaysLate: 0 });
  assert.deepEqual(check('2025-09-26', '2025-10-31'), { deadline: '2025-10-30', late: true, workingDaysLate: 1 });
  assert.deepEqual(check('2025-09-26', '2025-11-03'), { deadline: '2025-10-30', late: true, workingDaysLate: 2 }, 'the weekend does not count');
  assert.equal(check('2025-09-26', '2025-09-26')!.late, false, 'same day');
});

test('not yet published: late once today is past the deadline', () => {
  assert.equal(check('2025-09-26', null, '', '2025-10-30')!.late, false);
  assert.equal(check('2025-09-26', null, '', '2025-11-05')!.late, true);
});

test('nothing to check without 形成或变更日期, or when another law sets the time limit (第二十六条第二句)', () => {
  assert.equal(check(null, '2025-12-01'), null);
  assert.equal(check('2025-01-02', '2025-12-01', '《某某法》第十条：自决定之日起七日内公开'), null);
});

test('a date in a year without calendar data fails instead of guessing', () => {
  assert.throws(() => check('2030-12-20', '2031-02-01'), CalendarNotCoveredError);
});
