// The shipped national calendar (data/cn-holidays.json) checked against the State Council
// notices as transcribed in domain-reference §F.1 — typed in here by hand, not read from the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isWeekend } from '../core/date.ts';
import { specialDaysOf, type YearArrangement } from './arrangement.ts';
import { shippedArrangements } from './seed.ts';

const years = shippedArrangements();
const yearOf = (y: number): YearArrangement => {
  const a = years.find((x) => x.year === y);
  assert.ok(a, `${y} missing`);
  return a;
};

function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Holiday dates and makeup workdays of a year, as sorted lists. */
function daysOfYear(y: number) {
  const days = specialDaysOf(yearOf(y)).filter((d) => d.date.startsWith(`${y}-`));
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    workdays: days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date),
  };
}

test('every year 2019–2026 is shipped, each with its notice as source', () => {
  assert.deepEqual(years.map((y) => y.year), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  for (const y of years) assert.match(y.source, new RegExp(`^国务院办公厅关于${y.year}年部分节假日安排的通知`));
  assert.match(yearOf(2025).source, /国办发明电〔2024〕12号/);
});

test('2025 matches 国办发明电〔2024〕12号 (§F.1) exactly', () => {
  const ranges: Array<[string, string]> = [
    ['2025-01-01', '2025-01-01'], // 元旦 1月1日 放假1天，不调休
    ['2025-01-28', '2025-02-04'], // 春节 1月28日至2月4日
    ['2025-04-04', '2025-04-06'], // 清明 4月4日至6日
    ['2025-05-01', '2025-05-05'], // 劳动节 5月1日至5日
    ['2025-05-31', '2025-06-02'], // 端午 5月31日至6月2日
    ['2025-10-01', '2025-10-08'], // 国庆、中秋 10月1日至8日
  ];
  const { holidays, workdays } = daysOfYear(2025);
  assert.deepEqual(holidays, ranges.flatMap(([a, b]) => datesOf(a, b)));
  // 1月26日（周日）、2月8日（周六）、4月27日（周日）、9月28日（周日）、10月11日（周六）上班
  assert.deepEqual(workdays, ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  const byName = Object.fromEntries(yearOf(2025).holidays.map((h) => [h.from, h.name]));
  assert.deepEqual(byName, {
    '2025-01-01': '元旦',
    '2025-01-28': '春节',
    '2025-04-04': '清明节',
    '2025-05-01': '劳动节',
    '2025-05-31': '端午节',
    '2025-10-01': '国庆节、中秋节',
  });
});

test('2026 matches the notice of 2025-11-04 (§F.1) exactly', () => {
  const ranges: Array<[string, string]> = [
    ['2026-01-01', '2026-01-03'], // 元旦 1月1日至3日
    ['2026-02-15', '2026-02-23'], // 春节 2月15日至23日 共9天
    ['2026-04-04', '2026-04-06'], // 清明 4月4日至6日
    ['2026-05-01', '2026-05-05'], // 劳动节 5月1日至5日
    ['2026-06-19', '2026-06-21'], // 端午 6月19日至21日
    ['2026-09-25', '2026-09-27'], // 中秋 9月25日至27日
    ['2026-10-01', '2026-10-07'], // 国庆 10月1日至7日
  ];
  const { holidays, workdays } = daysOfYear(2026);
  assert.deepEqual(holidays, ranges.flatMap(([a, b]) => datesOf(a, b)));
  // 1月4日（周日）、2月14日（周六）、2月28日（周六）、5月9日（周六）、9月20日（周日）、10月10日（周六）上班
  assert.deepEqual(workdays, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  const spring = yearOf(2026).holidays.find((h) => h.name === '春节');
  assert.deepEqual(spring?.makeupWorkdays, ['2026-02-14', '2026-02-28']);
});

test('2024 spot check against the notice of 2023-10-25', () => {
  const { holidays, workdays } = daysOfYear(2024);
  // 春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
  for (const d of datesOf('2024-02-10', '2024-02-17')) assert.ok(holidays.includes(d), d);
  // 国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
  for (const d of datesOf('2024-10-01', '2024-10-07')) assert.ok(holidays.includes(d), d);
  // 中秋节：9月15日至17日，9月14日（星期六）上班；清明 4月7日（星期日）上班
  for (const d of datesOf('2024-09-15', '2024-09-17')) assert.ok(holidays.includes(d), d);
  assert.deepEqual(workdays, ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12']);
  assert.ok(!holidays.includes('2024-02-09'), '除夕 2024 was not a holiday yet (before the 2024 revision)');
});

test('every year gives exactly its statutory holidays: weekday holidays − 调休 days', () => {
  // 《全国年节及纪念日放假办法》: 11 days until 2024 (元旦1 春节3 清明1 劳动节1 端午1 中秋1 国庆3),
  // 13 from 2025 (春节4, 劳动节2). 2020: the 春节 extension to 2 Feb added 31 Jan (Fri) and
  // cancelled the 1 Feb (Sat) 调休 day — two more days off.
  const statutory: Record<number, number> = { 2019: 11, 2020: 13, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 13, 2026: 13 };
  for (const y of years) {
    const { holidays, workdays } = daysOfYear(y.year);
    const net = holidays.filter((d) => !isWeekend(d)).length - workdays.length;
    assert.equal(net, statutory[y.year], `${y.year}`);
  }
});

test('调休上班 days are all weekend days, and no date is listed twice', () => {
  const all = years.flatMap(specialDaysOf);
  for (const d of all.filter((x) => x.kind === 'makeup_workday')) assert.ok(isWeekend(d.date), d.date);
  assert.equal(new Set(all.map((d) => d.date)).size, all.length);
});

test('changes by later notices carry their own source', () => {
  const spring2020 = yearOf(2020).holidays.find((h) => h.name === '春节');
  assert.equal(spring2020?.to, '2020-02-02'); // 延长2020年春节假期至2月2日
  assert.deepEqual(spring2020?.makeupWorkdays, ['2020-01-19']); // the 2月1日 调休 day fell away
  assert.match(spring2020?.source ?? '', /延长2020年春节假期/);
  const labour2019 = yearOf(2019).holidays.find((h) => h.name === '劳动节');
  assert.deepEqual([labour2019?.from, labour2019?.to], ['2019-05-01', '2019-05-04']);
  assert.match(labour2019?.source ?? '', /调整2019年劳动节/);
  const newYear2023 = yearOf(2022).holidays.find((h) => h.from === '2022-12-31');
  assert.match(newYear2023?.source ?? '', /2023年部分节假日安排/);
});
