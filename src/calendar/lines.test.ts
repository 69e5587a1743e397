// The line format of the 工作日历 new-year form. The 2027 arrangement here is fictional test
// data (weekdays checked), not the State Council notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArrangementError } from './arrangement.ts';
import { parseArrangementLines } from './lines.ts';

const SOURCE = '（测试数据，虚构）国务院办公厅关于2027年部分节假日安排的通知';
const parse = (lines: string, year = '2027') => parseArrangementLines({ year, source: SOURCE, lines });
const problemsOf = (lines: string, year = '2027', source = SOURCE, url = '') => {
  try {
    parseArrangementLines({ year, source, url, lines });
  } catch (err) {
    assert.ok(err instanceof ArrangementError, String(err));
    return err.problems;
  }
  assert.fail('expected problems');
};

test('the documented line: name, range with 至, 调休上班 dates joined by 、', () => {
  assert.deepEqual(parse('春节 2027-02-06 至 2027-02-13 调休上班 2027-02-14、2027-02-20'), {
    year: 2027,
    source: SOURCE,
    holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-13', makeupWorkdays: ['2027-02-14', '2027-02-20'] }],
  });
});

test('every joiner and separator, one-day holidays, blank lines, url', () => {
  const a = parseArrangementLines({
    year: '2027',
    source: ` ${SOURCE} `,
    url: 'https://www.gov.cn/example',
    lines: [
      '元旦 2027-01-01',
      '',
      '清明节 2027/4/3~2027/4/5',
      '劳动节 2027.05.01-2027.05.05 补班 2027-04-25,2027-05-08',
      '端午节 2027-06-09 — 2027-06-11',
      '中秋节 2027-09-15到2027-09-17',
      '国庆节 2027年10月1日 至 2027年10月7日 调休上班 2027-09-26，2027-10-09',
    ].join('\r\n'),
  });
  assert.equal(a.url, 'https://www.gov.cn/example');
  assert.equal(a.source, SOURCE);
  assert.deepEqual(
    a.holidays.map((h) => [h.name, h.from, h.to, h.makeupWorkdays ?? []]),
    [
      ['元旦', '2027-01-01', '2027-01-01', []],
      ['清明节', '2027-04-03', '2027-04-05', []],
      ['劳动节', '2027-05-01', '2027-05-05', ['2027-04-25', '2027-05-08']],
      ['端午节', '2027-06-09', '2027-06-11', []],
      ['中秋节', '2027-09-15', '2027-09-17', []],
      ['国庆节', '2027-10-01', '2027-10-07', ['2027-09-26', '2027-10-09']],
    ],
  );
});

test('the notice\'s own wording: numbering, 月日 without the year, 13日, weekdays in brackets, 共8天, 上班 after the dates', () => {
  const a = parse('一、春节：2月6日至13日放假调休，共8天。2月14日（星期日）、2月20日（星期六）上班。');
  assert.deepEqual(a.holidays, [{ name: '春节', from: '2027-02-06', to: '2027-02-13', makeupWorkdays: ['2027-02-14', '2027-02-20'] }]);
});

test('full-width digits and punctuation, traditional characters, the year as ２０２７年', () => {
  const a = parse('春節　２０２７－０２－０６～２０２７－０２－１３　調休上班　２０２７－０２－１４，２０２７－０２－２０\n國慶節、中秋節 10月1日至7日 補班 9/26 10/9', '２０２７年');
  assert.deepEqual(
    a.holidays.map((h) => [h.name, h.from, h.to, h.makeupWorkdays]),
    [
      ['春节', '2027-02-06', '2027-02-13', ['2027-02-14', '2027-02-20']],
      ['国庆节、中秋节', '2027-10-01', '2027-10-07', ['2027-09-26', '2027-10-09']],
    ],
  );
});

test('a day of December of the year before, written in full, is accepted', () => {
  assert.deepEqual(parse('元旦 2026-12-31 至 2027-01-02').holidays, [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }]);
});

test('a makeup workday on a weekday is refused with its line and weekday', () => {
  assert.deepEqual(problemsOf('元旦 2027-01-01\n\n春节 2027-02-06 至 2027-02-13 调休上班 2027-02-15'), [
    '第 3 行“春节”：调休上班日 2027-02-15 是周一，应为周六或周日',
  ]);
});

test('a range ending before it starts is refused', () => {
  assert.deepEqual(problemsOf('春节 2027-02-13 至 2027-02-06'), ['第 1 行“春节”：结束日期 2027-02-06 早于开始日期 2027-02-13']);
});

test('every problem of every line at once, in Chinese', () => {
  const problems = problemsOf(
    [
      '2027-01-01',
      '春节 2027-02-30',
      '国庆节 2027-10-01 至 2027-10-07 2027-09-26',
      '劳动节 5月1日至5日 调休上班',
      '端午节 6月9日至11 日',
      '清明节 3日',
      '中秋节',
      '元旦 2028-01-01',
      '国庆假期 2027-10-07',
    ].join('\n'),
  );
  assert.deepEqual(problems, [
    '第 1 行：缺少假日名称，请在日期前写明，如“春节”',
    '第 2 行：日期“2027-02-30”不存在',
    '第 3 行：2027-09-26 未注明是“调休上班”日，请在这些日期前写“调休上班”',
    '第 4 行：写了“调休上班”，但没有写上班的日期',
    '第 6 行：“3日”缺少月份，请写成“2月6日”或“2027-02-06”',
    '第 7 行：未找到日期，应写成“春节 2027-02-06 至 2027-02-13 调休上班 2027-02-14”',
    '第 8 行“元旦”：日期 2028-01-01—2028-01-01 不在 2027 年（或 2026 年 12 月）内',
  ]);
  // 端午节 (line 5) is fine: “11 日” is a day; 国庆假期 2027-10-07 collides only with a refused line.
});

test('a day given twice names both lines\' holidays', () => {
  assert.deepEqual(problemsOf('国庆节 2027-10-01 至 2027-10-07\n国庆假期 2027-10-07'), ['第 2 行“国庆假期”：2027-10-07 重复出现（国庆节放假；国庆假期放假）']);
});

test('year, source and url of the form', () => {
  assert.deepEqual(problemsOf('元旦 1月1日', '27', '  ', 'www.gov.cn'), [
    '年份应为四位数字，如 2027，收到：“27”',
    '请填写所依据的通知名称及文号，如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）”',
    '通知网址应以 http:// 或 https:// 开头',
    '第 1 行：“1月1日”缺少年份，请先填写上方的年份，或写成完整日期',
  ]);
  assert.deepEqual(problemsOf('\n  \n'), ['请至少填写一行假日，如“元旦 2027-01-01 至 2027-01-03”']);
  assert.deepEqual(problemsOf('元旦 2027-01-01 共1天 8:30'), ['第 1 行：无法识别“8:30”']);
});
