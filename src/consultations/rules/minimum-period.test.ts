import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../../calendar/seed.ts';
import { workingDayCalendar } from '../../calendar/rules.ts';
import { checkPeriod, DEFAULT_MINIMUM_PERIODS, minimumEndDate, periodLength } from './minimum-period.ts';

const cal = shippedCalendar();

test('the defaults: 行政规范性文件 7 个工作日, 重大行政决策 30 日, 其他 7 日', () => {
  assert.deepEqual(DEFAULT_MINIMUM_PERIODS.normative, { days: 7, unit: 'working' });
  assert.deepEqual(DEFAULT_MINIMUM_PERIODS.major_decision, { days: 30, unit: 'calendar' });
  assert.deepEqual(DEFAULT_MINIMUM_PERIODS.other, { days: 7, unit: 'calendar' });
});

test('30 日 start the day after the start date (民法典第二百零一条)', () => {
  assert.equal(minimumEndDate(cal, '2025-03-03', DEFAULT_MINIMUM_PERIODS.major_decision), '2025-04-02');
  assert.equal(periodLength(cal, '2025-03-03', '2025-04-02', 'calendar'), 30);
  assert.equal(checkPeriod(cal, '2025-03-03', '2025-04-02', DEFAULT_MINIMUM_PERIODS.major_decision, '').problem, null);
  const short = checkPeriod(cal, '2025-03-03', '2025-04-01', DEFAULT_MINIMUM_PERIODS.major_decision, '');
  assert.equal(short.long, false);
  assert.match(short.problem!, /一般不少于30日（自开始日期次日起算，截止日期不早于 2025-04-02）；本次为29日/);
});

test('7 个工作日 across the National Day holiday and its 调休 workdays (2025)', () => {
  // Fri 26 Sep; Sun 28 Sep is a 调休 workday; 1–8 Oct holiday; Sat 11 Oct a 调休 workday
  // 28, 29, 30 Sep, 9, 10, 11, 13 Oct: the 7th working day is Monday 13 October
  assert.equal(minimumEndDate(cal, '2025-09-26', DEFAULT_MINIMUM_PERIODS.normative), '2025-10-13');
  assert.equal(periodLength(cal, '2025-09-26', '2025-10-10', 'working'), 5);
  assert.equal(checkPeriod(cal, '2025-09-26', '2025-10-13', DEFAULT_MINIMUM_PERIODS.normative, '').long, true);
  // without the holidays it would be 7 weekdays: Tuesday 7 October
  const plain = workingDayCalendar([2025], []);
  assert.equal(minimumEndDate(plain, '2025-09-26', DEFAULT_MINIMUM_PERIODS.normative), '2025-10-07');
});

test('a shorter period is allowed with a reason (“一般”), and said to be short', () => {
  const c = checkPeriod(cal, '2025-09-26', '2025-09-30', DEFAULT_MINIMUM_PERIODS.normative, '因上级督办时限紧急');
  assert.equal(c.long, false);
  assert.equal(c.problem, null);
  assert.equal(c.length, 3);
  assert.match(checkPeriod(cal, '2025-09-26', '2025-09-30', DEFAULT_MINIMUM_PERIODS.normative, '  ').problem!, /一般不少于7个工作日[\s\S]*请填写缩短期限的理由/);
});

test('a year the calendar does not cover is refused, never guessed', () => {
  assert.throws(() => minimumEndDate(workingDayCalendar([2025], []), '2025-12-29', DEFAULT_MINIMUM_PERIODS.normative), /工作日历未包含 2026 年/);
});
