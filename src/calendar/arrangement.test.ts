import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrangementError, parseYearArrangement, specialDaysOf } from './arrangement.ts';

const valid = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13', makeupWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
};

const problemsOf = (value: unknown): string[] => {
  try {
    parseYearArrangement(value);
  } catch (e) {
    assert.ok(e instanceof ArrangementError);
    assert.match(e.message, /^节假日安排有误：/);
    return e.problems;
  }
  assert.fail('expected ArrangementError');
};

test('a valid arrangement expands to one row per day', () => {
  const a = parseYearArrangement(valid);
  assert.equal(a.year, 2027);
  const days = specialDaysOf(a);
  assert.equal(days.length, 3 + 8 + 2);
  assert.deepEqual(days[0], { date: '2027-01-01', kind: 'holiday', name: '元旦', source: valid.source });
  assert.deepEqual(
    days.filter((d) => d.kind === 'makeup_workday'),
    [
      { date: '2027-01-31', kind: 'makeup_workday', name: '春节调休上班', source: valid.source },
      { date: '2027-02-20', kind: 'makeup_workday', name: '春节调休上班', source: valid.source },
    ],
  );
  // sorted by date
  assert.deepEqual(days.map((d) => d.date), [...days.map((d) => d.date)].sort());
});

test('a holiday changed by a later notice keeps its own source', () => {
  const a = parseYearArrangement({ ...valid, holidays: [{ ...valid.holidays[0], source: '补充通知' }] });
  assert.ok(specialDaysOf(a).every((d) => d.source === '补充通知'));
});

test('dates in December of the year before are accepted (a notice may move them)', () => {
  const a = parseYearArrangement({ ...valid, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }] });
  assert.equal(specialDaysOf(a)[0]?.date, '2026-12-31');
});

test('every problem is reported, in Chinese', () => {
  assert.deepEqual(problemsOf(null), ['内容应为一个 JSON 对象（含 year、source、holidays）']);
  assert.deepEqual(problemsOf({ ...valid, year: '2027' }), ['year 应为四位年份，收到："2027"']);
  assert.deepEqual(problemsOf({ ...valid, source: ' ', holidays: [] }), [
    'source 不能为空：请填写所依据的通知（如《国务院办公厅关于…年部分节假日安排的通知》及文号）',
    'holidays 应为非空数组',
  ]);
  assert.deepEqual(
    problemsOf({
      ...valid,
      holidays: [
        { name: '元旦', from: '2027-01-03', to: '2027-01-01' },
        { name: '春节', from: '2027-02-30', to: '2027-03-01' },
        { name: '清明节', from: '2028-04-03', to: '2028-04-05' },
        { name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeupWorkdays: ['2027-04-28', '2027-05-01', 'x'] },
        { name: '', from: '2027-06-01', to: '2027-06-01' },
      ],
    }),
    [
      '第 1 个假日“元旦”：结束日期 2027-01-01 早于开始日期 2027-01-03',
      '第 2 个假日“春节”：from 不是有效日期（YYYY-MM-DD）："2027-02-30"',
      '第 3 个假日“清明节”：日期 2028-04-03—2028-04-05 不在 2027 年（或 2026 年 12 月）内',
      '第 4 个假日“劳动节”：调休上班日 2027-04-28 是周三，应为周六或周日',
      '第 4 个假日“劳动节”：2027-05-01 重复出现（劳动节放假；劳动节调休上班）',
      '第 4 个假日“劳动节”：调休上班日不是有效日期："x"',
      '第 5 个假日：name 不能为空',
    ],
  );
});

test('a range longer than a month is refused as a typo', () => {
  assert.deepEqual(problemsOf({ ...valid, holidays: [{ name: '春节', from: '2027-02-01', to: '2027-03-31' }] }), [
    '第 1 个假日“春节”：放假 59 天，超过 31 天，请核对日期',
  ]);
});
