// Generates src/calendar/data/cn-holidays.json (national holidays and 调休 makeup workdays,
// 2019–2026) ONCE from the npm package chinese-days, grouped the way the State Council
// notices state them. The output is then reviewed by hand against the notices (see the
// tests in src/calendar/cn-holidays.test.ts) and committed; the app never reads the package.
// Usage: node --import tsx scripts/gen-cn-holidays.ts [--check]
//   --check: write nothing, exit 1 if the committed file differs from what would be generated.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { addDays } from '../src/core/date.ts';
import { parseYearArrangement, type HolidayRange, type YearArrangement } from '../src/calendar/arrangement.ts';

const OUT = fileURLToPath(new URL('../src/calendar/data/cn-holidays.json', import.meta.url));
const FIRST = 2019;
const LAST = 2026;

const require = createRequire(import.meta.url);
const pkg = require('chinese-days/package.json') as { version: string };
// { holidays: { 'YYYY-MM-DD': 'English,中文,天数' }, workdays: {…}, inLieuDays: {…} }
const data = require('chinese-days/dist/chinese-days.json') as Record<'holidays' | 'workdays', Record<string, string>>;

// The package's short names → the names the notices use.
const NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const zhName = (value: string) => {
  const zh = value.split(',')[1]!;
  return NAMES[zh] ?? zh;
};

const notice = (y: number, published: string) => `国务院办公厅关于${y}年部分节假日安排的通知（${published}）`;

// The notice of each year (titles and gov.cn addresses as cited in chinese-days' sources).
const SOURCES: Record<number, { source: string; url: string }> = {
  2019: { source: notice(2019, '2018年12月6日'), url: 'http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm' },
  2020: { source: notice(2020, '2019年11月21日'), url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm' },
  2021: { source: notice(2021, '2020年11月25日'), url: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm' },
  2022: { source: notice(2022, '2021年10月25日'), url: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm' },
  2023: { source: notice(2023, '2022年12月8日'), url: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm' },
  2024: { source: notice(2024, '2023年10月25日'), url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm' },
  2025: { source: notice(2025, '国办发明电〔2024〕12号，2024年11月12日'), url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm' },
  2026: { source: notice(2026, '2025年11月4日'), url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' },
};

// Holidays changed by a later notice, or decided in the next year's notice (keyed by first day).
const RANGE_SOURCES: Record<string, string> = {
  '2019-05-01': '国务院办公厅关于调整2019年劳动节假期安排的通知（2019年3月22日）',
  '2020-01-24': `${notice(2020, '2019年11月21日')}；国务院办公厅关于延长2020年春节假期的通知（2020年1月27日）`,
  '2022-12-31': notice(2023, '2022年12月8日'),
};
// 2020: 10月1日 was both 国庆节 and 中秋节; the package tags the whole range 国庆节 only.
const RANGE_NAMES: Record<string, string> = { '2020-10-01': '国庆节、中秋节' };

function arrangementOf(year: number): YearArrangement {
  const holidays = Object.keys(data.holidays)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();
  // Consecutive holiday dates form one range; 国庆节 and 中秋节 may share one.
  const ranges: Array<HolidayRange & { names: string[] }> = [];
  for (const d of holidays) {
    const name = zhName(data.holidays[d]!);
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === d) {
      last.to = d;
      if (!last.names.includes(name)) last.names.push(name);
    } else ranges.push({ name, names: [name], from: d, to: d });
  }
  for (const d of Object.keys(data.workdays).filter((x) => x.startsWith(`${year}-`)).sort()) {
    const name = zhName(data.workdays[d]!);
    // The makeup workday belongs to the nearest range of the same holiday.
    const candidates = ranges.filter((r) => r.names.includes(name));
    const distance = (r: HolidayRange) => Math.min(Math.abs(Date.parse(r.from) - Date.parse(d)), Math.abs(Date.parse(r.to) - Date.parse(d)));
    const owner = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (!owner) throw new Error(`${d}：找不到调休上班日所属的假日 ${name}`);
    (owner.makeupWorkdays ??= []).push(d);
  }
  return parseYearArrangement({
    year,
    ...SOURCES[year]!,
    holidays: ranges.map(({ names, ...r }) => ({
      ...r,
      name: RANGE_NAMES[r.from] ?? names.join('、'),
      ...(RANGE_SOURCES[r.from] ? { source: RANGE_SOURCES[r.from] } : {}),
    })),
  });
}

const years: YearArrangement[] = [];
for (let y = FIRST; y <= LAST; y++) years.push(arrangementOf(y));

// One holiday per line, so that a review against the notice reads line by line.
const text =
  '{\n' +
  `  "comment": "全国法定节假日和调休上班日，${FIRST}—${LAST} 年。由 scripts/gen-cn-holidays.ts 从 npm 包 chinese-days ${pkg.version} 生成一次，已对照国务院办公厅各年通知核对（见 src/calendar/cn-holidays.test.ts）。普通周末不列出。",\n` +
  '  "years": [\n' +
  years
    .map(
      (y) =>
        `    {\n      "year": ${y.year},\n      "source": ${JSON.stringify(y.source)},\n      "url": ${JSON.stringify(y.url)},\n      "holidays": [\n` +
        y.holidays.map((h) => `        ${JSON.stringify(h)}`).join(',\n') +
        '\n      ]\n    }',
    )
    .join(',\n') +
  '\n  ]\n}\n';

if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) {
    console.error(`${OUT} 与生成结果不一致（可能已人工修订——请核对后决定）`);
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  console.log(`已写入 ${OUT}`);
}
