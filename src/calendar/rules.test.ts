// Working-day rules on the shipped calendar (2019–2026) and on small hand-made calendars.
// Expected dates are counted by hand from the State Council notices (domain-reference §F.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, InvalidDateError } from '../core/date.ts';
import { addWorkingDays, CalendarNotCoveredError, dayInfo, isCovered, isWorkingDay, lastCoveredYear, workingDayCalendar, workingDaysBetween, yearsToEnter } from './rules.ts';
import { shippedCalendar } from './seed.ts';

const cal = shippedCalendar();

const notCovered = (year: number) => (e: unknown) =>
  e instanceof CalendarNotCoveredError && e.year === year && e.code === 'CALENDAR_NOT_COVERED' && e.message.startsWith(`工作日历未包含 ${year} 年的节假日安排，请联系系统管理员`) && !e.message.includes('gongkai');

test('ordinary weekdays work, ordinary weekends do not', () => {
  assert.equal(isWorkingDay(cal, '2025-03-03'), true); // Monday
  assert.equal(isWorkingDay(cal, '2025-03-07'), true); // Friday
  assert.equal(isWorkingDay(cal, '2025-03-08'), false); // Saturday
  assert.equal(isWorkingDay(cal, '2025-03-09'), false); // Sunday
  assert.deepEqual(dayInfo(cal, '2025-03-08'), { date: '2025-03-08', workingDay: false, kind: 'weekend', name: null });
  assert.deepEqual(dayInfo(cal, '2025-03-03'), { date: '2025-03-03', workingDay: true, kind: 'workday', name: null });
});

test('holidays on weekdays do not work, and weekends inside a holiday stay off', () => {
  assert.equal(isWorkingDay(cal, '2025-10-01'), false); // Wednesday, 国庆节
  assert.equal(isWorkingDay(cal, '2025-10-08'), false); // Wednesday, last day of 国庆
  assert.equal(isWorkingDay(cal, '2025-10-04'), false); // Saturday inside 国庆
  assert.equal(isWorkingDay(cal, '2026-02-23'), false); // Monday, last day of 春节 2026
  assert.equal(isWorkingDay(cal, '2025-01-01'), false);
  assert.deepEqual(dayInfo(cal, '2025-10-06'), { date: '2025-10-06', workingDay: false, kind: 'holiday', name: '国庆节、中秋节' });
});

test('调休 Saturdays and Sundays are working days', () => {
  assert.equal(isWorkingDay(cal, '2025-09-28'), true); // Sunday
  assert.equal(isWorkingDay(cal, '2025-10-11'), true); // Saturday
  assert.equal(isWorkingDay(cal, '2025-01-26'), true); // Sunday before 春节
  assert.equal(isWorkingDay(cal, '2026-01-04'), true); // Sunday after 元旦
  assert.equal(isWorkingDay(cal, '2026-02-14'), true); // Saturday before 春节
  assert.equal(isWorkingDay(cal, '2026-02-28'), true); // Saturday after 春节
  assert.deepEqual(dayInfo(cal, '2026-02-14'), { date: '2026-02-14', workingDay: true, kind: 'makeup_workday', name: '春节调休上班' });
});

test('addWorkingDays: the start is not counted', () => {
  assert.equal(addWorkingDays(cal, '2025-03-07', 1), '2025-03-10'); // Friday → Monday
  assert.equal(addWorkingDays(cal, '2025-03-03', 1), '2025-03-04');
  assert.equal(addWorkingDays(cal, '2025-03-08', 1), '2025-03-10'); // from a Saturday
  assert.equal(addWorkingDays(cal, '2025-03-03', 5), '2025-03-10');
  assert.equal(addWorkingDays(cal, '2025-03-03', 0), '2025-03-03');
  assert.equal(addWorkingDays(cal, '2025-10-01', 1), '2025-10-09'); // from inside a holiday
});

test('addWorkingDays across 国庆 and 春节 2025 with their 调休 days', () => {
  // Fri 26 Sep: 28 Sep (Sun, 调休) 1, 29 2, 30 3, [1–8 Oct off], 9 4, 10 5, 11 (Sat, 调休) 6, 13 7 …
  assert.equal(addWorkingDays(cal, '2025-09-26', 1), '2025-09-28');
  assert.equal(addWorkingDays(cal, '2025-09-26', 4), '2025-10-09');
  assert.equal(addWorkingDays(cal, '2025-09-26', 6), '2025-10-11');
  assert.equal(addWorkingDays(cal, '2025-09-26', 7), '2025-10-13');
  assert.equal(addWorkingDays(cal, '2025-09-26', 20), '2025-10-30');
  // Fri 24 Jan: 26 Jan (Sun, 调休) 1, 27 2, [28 Jan–4 Feb off], 5 Feb 3, 6 4, 7 5, 8 (Sat, 调休) 6, 10 7 …
  assert.equal(addWorkingDays(cal, '2025-01-24', 2), '2025-01-27');
  assert.equal(addWorkingDays(cal, '2025-01-24', 3), '2025-02-05');
  assert.equal(addWorkingDays(cal, '2025-01-24', 6), '2025-02-08');
  assert.equal(addWorkingDays(cal, '2025-01-24', 20), '2025-02-27');
});

test('addWorkingDays across 国庆 and 春节 2026', () => {
  // Fri 18 Sep: 20 (Sun, 调休) 1, 21–24 2–5, [25–27 中秋], 28–30 6–8, [1–7 Oct], 8 9, 9 10, 10 (Sat, 调休) 11, 12–16 12–16, 19–22 17–20
  assert.equal(addWorkingDays(cal, '2026-09-18', 20), '2026-10-22');
  // Fri 6 Feb: 9–13 1–5, 14 (Sat, 调休) 6, [15–23 off], 24–27 7–10, 28 (Sat, 调休) 11, 2–6 Mar 12–16, 9–12 17–20
  assert.equal(addWorkingDays(cal, '2026-02-06', 20), '2026-03-12');
  assert.equal(addWorkingDays(cal, '2026-02-13', 1), '2026-02-14');
  assert.equal(addWorkingDays(cal, '2026-02-14', 1), '2026-02-24');
});

test('year boundaries', () => {
  // 2026-01-01..03 off, 2026-01-04 (Sunday) is a 调休 working day
  assert.equal(addWorkingDays(cal, '2025-12-31', 1), '2026-01-04');
  assert.equal(addWorkingDays(cal, '2025-12-31', 2), '2026-01-05');
  assert.equal(addWorkingDays(cal, '2024-12-31', 1), '2025-01-02');
  // 2022-12-31 (Sat) and 2023-01-02 (Mon) off for 元旦 2023
  assert.equal(addWorkingDays(cal, '2022-12-30', 1), '2023-01-03');
  assert.equal(workingDaysBetween(cal, '2025-12-26', '2026-01-05'), 5); // 29, 30, 31 Dec, 4 and 5 Jan
});

test('a whole year: 2025 and 2026 each have 248 working days', () => {
  // 365 days − 104 weekend days − weekday holidays (18 in 2025, 19 in 2026) + 调休 days (5, 6)
  assert.equal(workingDaysBetween(cal, '2024-12-31', '2025-12-31'), 365 - 104 - 18 + 5);
  assert.equal(workingDaysBetween(cal, '2025-12-31', '2026-12-31'), 365 - 104 - 19 + 6);
});

test('workingDaysBetween counts the days after a up to and including b', () => {
  assert.equal(workingDaysBetween(cal, '2025-03-03', '2025-03-03'), 0);
  assert.equal(workingDaysBetween(cal, '2025-03-07', '2025-03-10'), 1);
  assert.equal(workingDaysBetween(cal, '2025-03-07', '2025-03-09'), 0);
  assert.equal(workingDaysBetween(cal, '2025-09-30', '2025-10-09'), 1);
  assert.equal(workingDaysBetween(cal, '2025-10-09', '2025-09-30'), -1);
  assert.equal(workingDaysBetween(cal, '2025-09-26', '2025-10-30'), 20);
});

test('addWorkingDays and workingDaysBetween agree on every start date and count 2019–2026', () => {
  let seed = 42;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let i = 0; i < 400; i++) {
    const start = addDays('2019-01-01', random(365 * 8 - 120));
    const n = random(60);
    const end = addWorkingDays(cal, start, n);
    assert.equal(workingDaysBetween(cal, start, end), n, `${start} + ${n}`);
    if (n > 0) {
      assert.equal(isWorkingDay(cal, end), true, `${start} + ${n} lands on a working day`);
      assert.equal(workingDaysBetween(cal, start, addDays(end, -1)), n - 1);
    }
  }
});

test('past the last covered year: fail loudly, never guess', () => {
  assert.equal(lastCoveredYear(cal), 2026);
  assert.equal(isCovered(cal, '2026-12-31'), true);
  assert.equal(isCovered(cal, '2027-01-01'), false);
  assert.throws(() => isWorkingDay(cal, '2027-01-04'), notCovered(2027)); // an ordinary Monday, still unknown
  assert.throws(() => addWorkingDays(cal, '2026-12-31', 1), notCovered(2027));
  // 25, 28, 29, 30, 31 Dec 2026: five working days fit, the sixth needs 2027
  assert.equal(addWorkingDays(cal, '2026-12-24', 5), '2026-12-31');
  assert.throws(() => addWorkingDays(cal, '2026-12-24', 6), notCovered(2027));
  assert.throws(() => workingDaysBetween(cal, '2026-12-30', '2027-01-05'), notCovered(2027));
  // before the first covered year too
  assert.throws(() => isWorkingDay(cal, '2018-12-31'), notCovered(2018));
  assert.throws(() => addWorkingDays(cal, '2018-12-27', 1), notCovered(2018));
  // the start itself is not walked over: counting from 31 Dec 2018 needs 2019 only
  assert.equal(addWorkingDays(cal, '2018-12-31', 1), '2019-01-02');
});

test('a gap in the covered years fails too', () => {
  const gappy = workingDayCalendar([2025, 2027], []);
  assert.equal(addWorkingDays(gappy, '2025-12-30', 1), '2025-12-31');
  assert.throws(() => addWorkingDays(gappy, '2025-12-31', 1), notCovered(2026));
  assert.equal(isWorkingDay(gappy, '2027-01-04'), true);
  const empty = workingDayCalendar([], []);
  assert.equal(lastCoveredYear(empty), null);
  assert.throws(() => isWorkingDay(empty, '2025-03-03'), notCovered(2025));
});

test('an organization\'s local days override the national calendar', () => {
  const local = workingDayCalendar(
    [2025],
    [{ date: '2025-10-01', kind: 'holiday', name: '国庆节' }],
    [
      { date: '2025-03-03', kind: 'holiday', name: '三月三' },
      { date: '2025-03-08', kind: 'makeup_workday', name: '调休上班' },
    ],
  );
  assert.equal(isWorkingDay(local, '2025-03-03'), false);
  assert.equal(isWorkingDay(local, '2025-03-08'), true);
  assert.equal(isWorkingDay(local, '2025-10-01'), false);
  assert.equal(addWorkingDays(local, '2025-02-28', 1), '2025-03-04');
});

test('invalid input', () => {
  assert.throws(() => isWorkingDay(cal, '2025-02-29'), InvalidDateError);
  assert.throws(() => addWorkingDays(cal, '2025-9-26', 1), InvalidDateError);
  assert.throws(() => addWorkingDays(cal, '2025-09-26', -1), RangeError);
  assert.throws(() => addWorkingDays(cal, '2025-09-26', 1.5), RangeError);
  assert.throws(() => addWorkingDays(cal, '2025-09-26', Number.NaN), RangeError);
  assert.throws(() => workingDayCalendar([2025], [{ date: '2025-02-30', kind: 'holiday', name: 'x' }]), InvalidDateError);
});

test('yearsToEnter: the current year when missing; next year from November on', () => {
  const covered = new Set([2025, 2026]);
  assert.deepEqual(yearsToEnter('2026-10-31', covered), []);
  assert.deepEqual(yearsToEnter('2026-11-01', covered), [2027]);
  assert.deepEqual(yearsToEnter('2026-12-02', covered), [2027]);
  assert.deepEqual(yearsToEnter('2026-12-02', new Set([2026, 2027])), []);
  assert.deepEqual(yearsToEnter('2027-01-05', covered), [2027]);
  assert.deepEqual(yearsToEnter('2027-11-20', covered), [2027, 2028]);
});

test('the answers kept per calendar snapshot never cross to another snapshot, nor hide an uncovered year', () => {
  const national = workingDayCalendar([2025], []);
  const local = workingDayCalendar([2025], [], [{ date: '2025-03-04', kind: 'holiday', name: '本地假日' }]);
  for (let i = 0; i < 3; i++) {
    assert.equal(addWorkingDays(national, '2025-03-03', 2), '2025-03-05');
    assert.equal(addWorkingDays(local, '2025-03-03', 2), '2025-03-06');
    assert.throws(() => addWorkingDays(national, '2025-12-30', 5), notCovered(2026));
  }
  // day-number walks agree with the day-by-day definition over the shipped years
  for (let d = '2019-01-01'; d < '2026-12-01'; d = addDays(d, 17)) {
    let walked = d;
    for (let left = 20; left > 0; ) if (isWorkingDay(cal, (walked = addDays(walked, 1)))) left--;
    assert.equal(addWorkingDays(cal, d, 20), walked, d);
    assert.equal(workingDaysBetween(cal, d, walked), 20, d);
  }
});
