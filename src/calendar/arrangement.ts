// A year's holiday arrangement (节假日安排) as the State Council notice states it: each
// holiday with its date range and its 调休上班 days. The seed file (data/cn-holidays.json) is
// a list of these, and `gongkai calendar add-year <file.json>` reads one.
//
// {
//   "year": 2027,
//   "source": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）",
//   "url": "https://www.gov.cn/…",                                   (optional)
//   "holidays": [
//     { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
//     { "name": "春节", "from": "…", "to": "…", "makeupWorkdays": ["…", "…"] }
//   ]
// }
//
// A holiday may carry its own "source" when a later notice changed it (e.g. the 2020 春节
// extension). Dates lie in the year, or in December of the year before (a notice can move
// days at the turn of the year, e.g. 2022-12-31 in the notice for 2023).
import { daysBetween, isValidDate, isWeekend, weekdayName, yearOf, addDays, type DateString } from '../core/date.ts';
import type { SpecialDay } from './rules.ts';

export interface HolidayRange {
  name: string;
  from: DateString;
  to: DateString;
  makeupWorkdays?: DateString[];
  source?: string;
}

export interface YearArrangement {
  year: number;
  source: string;
  url?: string;
  holidays: HolidayRange[];
}

export interface SourcedSpecialDay extends SpecialDay {
  source: string;
}

export class ArrangementError extends Error {
  readonly code = 'INVALID_ARRANGEMENT';
  constructor(readonly problems: string[]) {
    super(`节假日安排有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ArrangementError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks a parsed JSON value; throws ArrangementError listing every problem found. */
export function parseYearArrangement(value: unknown): YearArrangement {
  const problems: string[] = [];
  if (!isObject(value)) throw new ArrangementError(['内容应为一个 JSON 对象（含 year、source、holidays）']);
  const year = value['year'];
  if (!Number.isInteger(year) || (year as number) < 1949 || (year as number) > 9999) {
    throw new ArrangementError([`year 应为四位年份，收到：${JSON.stringify(year)}`]);
  }
  const y = year as number;
  if (!nonEmpty(value['source'])) problems.push('source 不能为空：请填写所依据的通知（如《国务院办公厅关于…年部分节假日安排的通知》及文号）');
  if (value['url'] !== undefined && typeof value['url'] !== 'string') problems.push('url 应为字符串');
  const holidays = value['holidays'];
  if (!Array.isArray(holidays) || holidays.length === 0) {
    problems.push('holidays 应为非空数组');
    throw new ArrangementError(problems);
  }

  const inWindow = (d: DateString) => yearOf(d) === y || (yearOf(d) === y - 1 && d.slice(5, 7) === '12');
  const seen = new Map<DateString, string>();
  const claim = (label: string, d: DateString, what: string) => {
    const prev = seen.get(d);
    if (prev) problems.push(`${label}：${d} 重复出现（${prev}；${what}）`);
    else seen.set(d, what);
  };
  const ranges: HolidayRange[] = [];
  holidays.forEach((h: unknown, i) => {
    const at = `第 ${i + 1} 个假日`;
    if (!isObject(h)) return problems.push(`${at} 应为对象（name、from、to）`);
    const { name, from, to, makeupWorkdays, source } = h;
    if (!nonEmpty(name)) problems.push(`${at}：name 不能为空`);
    const label = nonEmpty(name) ? `${at}“${name}”` : at;
    if (!isValidDate(from)) return problems.push(`${label}：from 不是有效日期（YYYY-MM-DD）：${JSON.stringify(from)}`);
    if (!isValidDate(to)) return problems.push(`${label}：to 不是有效日期（YYYY-MM-DD）：${JSON.stringify(to)}`);
    const length = daysBetween(from, to) + 1;
    if (length < 1) return problems.push(`${label}：结束日期 ${to} 早于开始日期 ${from}`);
    if (length > 31) return problems.push(`${label}：放假 ${length} 天，超过 31 天，请核对日期`);
    if (!inWindow(from) || !inWindow(to)) problems.push(`${label}：日期 ${from}—${to} 不在 ${y} 年（或 ${y - 1} 年 12 月）内`);
    if (source !== undefined && !nonEmpty(source)) problems.push(`${label}：source 如填写则不能为空`);
    for (let d = from; d <= to; d = addDays(d, 1)) claim(label, d, `${String(name)}放假`);
    const workdays: DateString[] = [];
    if (makeupWorkdays !== undefined) {
      if (!Array.isArray(makeupWorkdays)) problems.push(`${label}：makeupWorkdays 应为日期数组`);
      else
        for (const w of makeupWorkdays) {
          if (!isValidDate(w)) {
            problems.push(`${label}：调休上班日不是有效日期：${JSON.stringify(w)}`);
            continue;
          }
          // 调休上班 turns a weekend day into a working day; a Mon–Fri date would change nothing.
          if (!isWeekend(w)) problems.push(`${label}：调休上班日 ${w} 是${weekdayName(w)}，应为周六或周日`);
          if (!inWindow(w)) problems.push(`${label}：调休上班日 ${w} 不在 ${y} 年（或 ${y - 1} 年 12 月）内`);
          claim(label, w, `${String(name)}调休上班`);
          workdays.push(w);
        }
    }
    ranges.push({
      name: String(name).trim(),
      from,
      to,
      ...(workdays.length ? { makeupWorkdays: workdays } : {}),
      ...(nonEmpty(source) ? { source: source.trim() } : {}),
    });
  });
  if (problems.length) throw new ArrangementError(problems);
  return {
    year: y,
    source: (value['source'] as string).trim(),
    ...(typeof value['url'] === 'string' && value['url'] ? { url: value['url'] } : {}),
    holidays: ranges,
  };
}

/** One row per special day: every day of each holiday range, and each makeup workday. */
export function specialDaysOf(arrangement: YearArrangement): SourcedSpecialDay[] {
  const days: SourcedSpecialDay[] = [];
  for (const h of arrangement.holidays) {
    const source = h.source ?? arrangement.source;
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.push({ date: d, kind: 'holiday', name: h.name, source });
    for (const w of h.makeupWorkdays ?? []) days.push({ date: w, kind: 'makeup_workday', name: `${h.name}调休上班`, source });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
