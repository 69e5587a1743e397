import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, assertDate, dayNumber, daysBetween, fromDayNumber, InvalidDateError, isValidDate, isWeekend, normalizeDateInput, todayInChina, weekday, weekdayName, yearOf } from './date.ts';

test('valid dates, including 29 February of a leap year', () => {
  for (const d of ['2025-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '1970-01-01']) assert.equal(assertDate(d), d);
});

test('invalid dates are refused with a Chinese message', () => {
  for (const d of ['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-9-26', '2025/09/26', '20250926', ' 2025-09-26', '2025-09-26T00:00', '', '0099-01-01', 'abc']) {
    assert.throws(() => assertDate(d), (e: unknown) => e instanceof InvalidDateError && /^日期无效：“.*”，请使用 YYYY-MM-DD 格式的有效日期/.test(e.message), d);
    assert.equal(isValidDate(d), false, d);
  }
  for (const v of [null, undefined, 20250926, new Date()]) assert.equal(isValidDate(v), false);
});

test('weekdays of known dates', () => {
  assert.equal(weekday('1970-01-01'), 4); // a Thursday
  assert.equal(weekday('1969-12-31'), 3); // before the epoch too
  assert.equal(weekday('2025-01-01'), 3);
  assert.equal(weekday('2025-09-28'), 0); // 国庆 2025 调休 Sunday
  assert.equal(weekday('2025-10-11'), 6); // 国庆 2025 调休 Saturday
  assert.equal(weekday('2024-02-29'), 4);
  assert.equal(weekdayName('2026-02-14'), '周六');
  assert.equal(weekdayName('2026-01-04'), '周日');
  assert.equal(isWeekend('2025-10-11'), true);
  assert.equal(isWeekend('2025-10-10'), false);
});

test('day arithmetic across months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
  assert.equal(daysBetween('2025-01-01', '2026-01-01'), 365);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(daysBetween('2025-10-30', '2025-10-27'), -3);
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.equal(yearOf('2027-01-04'), 2027);
});

test('the machine time zone never moves a date', () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      assert.equal(addDays('2025-03-30', 1), '2025-03-31', tz); // a DST change day in Europe
      assert.equal(addDays('2025-11-02', 1), '2025-11-03', tz); // and in the USA
      assert.equal(weekday('2025-10-01'), 3, tz);
      assert.equal(daysBetween('2025-03-01', '2025-04-01'), 31, tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('today in China is UTC+8 whatever the server time zone', () => {
  assert.equal(todayInChina(new Date('2025-01-31T15:59:59Z')), '2025-01-31');
  assert.equal(todayInChina(new Date('2025-01-31T16:00:00Z')), '2025-02-01');
});

test('dates as people write them in a form become YYYY-MM-DD; anything else is left for the validator', () => {
  for (const d of ['2025-06-03', '2025-6-3', ' 2025/6/3 ', '2025.06.03', '2025年6月3日', '2025 年 6 月 3 日', '２０２５年６月３日', '2025／6／3']) assert.equal(normalizeDateInput(d), '2025-06-03', d);
  assert.equal(normalizeDateInput('2024年2月29日'), '2024-02-29');
  for (const d of ['2025-13-01', '2025年2月30日', '20250603', '6/3/2025', '2025-06', 'abc', '']) assert.equal(normalizeDateInput(d), d.trim(), d);
});

test('day numbers by arithmetic agree with Date over three centuries, and the same strings are refused', () => {
  const DAY_MS = 86_400_000;
  for (let n = dayNumber('1900-01-01'); n <= dayNumber('2100-12-31'); n++) {
    const iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
    assert.equal(fromDayNumber(n), iso);
    assert.equal(dayNumber(iso), n);
  }
  assert.equal(dayNumber('1000-01-01'), Date.UTC(1000, 0, 1) / DAY_MS);
  assert.equal(fromDayNumber(dayNumber('9999-12-31')), '9999-12-31');
  for (const bad of ['0999-12-31', '2024-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025-01-01 ', ' 2025-01-01', '2025-01-01\n', '２０２５-01-01', '2025/01/01', '+02025-01-01', '2025-01-0a', ''])
    assert.throws(() => dayNumber(bad), InvalidDateError, JSON.stringify(bad));
  assert.equal(dayNumber('2024-02-29'), dayNumber('2024-03-01') - 1);
  assert.equal(dayNumber('2000-02-29'), dayNumber('2000-03-01') - 1);
  assert.throws(() => dayNumber('1900-02-29'), InvalidDateError);
});
