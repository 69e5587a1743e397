// A year's holiday arrangement as a clerk types it from the State Council notice
// (《国务院办公厅关于YYYY年部分节假日安排的通知》, domain-reference §F.1): one holiday a line,
//
//   春节 2027-02-06 至 2027-02-13 调休上班 2027-02-14、2027-02-20
//   元旦 2027-01-01 至 2027-01-03
//   清明节：4月3日至5日放假调休，共3天。
//   劳动节 5月1日至5日放假，4月25日（星期日）、5月8日（星期六）上班。
//
// Forgiving on purpose:
//   - dates as 2027-02-06, 2027/2/6, 2027.2.6, 2027年2月6日; 2月6日 or 2/6 (the form's year); 13日 (the
//     month of the date before it). A day in December of the year before is written in full.
//   - a range joined by 至 / 到 / ~ / - / — / –; a single date is a one-day holiday.
//   - makeup workdays after the range, separated by 、 , ， ; or spaces, with 调休上班 / 上班 / 补班
//     before or after them.
//   - full-width digits and punctuation, traditional characters (春節、調休、補班), numbering such as
//     “一、”, and words without digits (放假、调休、星期日, “共8天”, anything in parentheses) are ignored.
// The result is checked by parseYearArrangement (the same rules as `gongkai calendar add-year`);
// its problems are reported against the line they come from.
import * as OpenCC from 'opencc-js/t2cn';
import { ArrangementError, parseYearArrangement, type HolidayRange, type YearArrangement } from './arrangement.ts';
import { isValidDate, type DateString } from '../core/date.ts';

/** What the clerk typed into the form. */
export interface ArrangementLinesInput {
  year: string;
  source: string;
  url?: string;
  lines: string;
}

const FULL_WIDTH_PUNCTUATION: Record<string, string> = {
  '－': '-', '／': '/', '．': '.', '～': '~', '〜': '~', '（': '(', '）': ')', '：': ':', '，': ',', '；': ';', '　': ' ',
};

let t2s: ((s: string) => string) | null = null;
const toSimplified = (s: string) => (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }) as (s: string) => string)(s);

/** Full-width digits, letters and punctuation as ASCII; traditional characters as simplified. */
function normalize(s: string): string {
  const folded = s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－／．～〜（）：，；　]/g, (c) => FULL_WIDTH_PUNCTUATION[c]!);
  return toSimplified(folded);
}

// A full date, a month and day (the form's year), or a day alone (the month of the date before).
const DATE_TOKEN = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?|(\d{1,2})\s*[日号]/g;
const RANGE_JOINER = /^\s*(至|到|~|-|—|–|―|─|－)\s*$/;
const WORKDAY_WORD = /调休上班|上班|补班/;
const IGNORED = /\([^)]*\)|【[^】]*】|共?\s*\d+\s*天/g;
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.]\s*(?=\D)/;

interface Token {
  date: DateString | null;
  text: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The lines' year: four digits, full-width allowed, “2027年” too. */
function parseFormYear(text: string): number | null {
  const m = /^\s*(\d{4})\s*年?\s*$/.exec(normalize(text ?? ''));
  return m ? Number(m[1]) : null;
}

/** One line → a holiday range, or the problems of that line. */
function parseLine(raw: string, lineNo: number, year: number | null): { range: HolidayRange } | { problems: string[] } {
  const at = `第 ${lineNo} 行`;
  const line = normalize(raw).replace(IGNORED, (m) => ' '.repeat(m.length)).replace(NUMBERING, (m) => ' '.repeat(m.length));
  const problems: string[] = [];
  const tokens: Token[] = [];
  let previous: { y: number; m: number } | null = null;
  for (const m of line.matchAll(DATE_TOKEN)) {
    const text = m[0].trim();
    let y: number | null, mo: number, d: number;
    if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (m[4]) [y, mo, d] = [year, Number(m[4]), Number(m[5])];
    else if (previous) [y, mo, d] = [previous.y, previous.m, Number(m[6])];
    else {
      problems.push(`${at}：“${text}”缺少月份，请写成“2月6日”或“${year ?? 2027}-02-06”`);
      tokens.push({ date: null, text, start: m.index, end: m.index + m[0].length });
      continue;
    }
    if (y === null) {
      problems.push(`${at}：“${text}”缺少年份，请先填写上方的年份，或写成完整日期`);
      tokens.push({ date: null, text, start: m.index, end: m.index + m[0].length });
      continue;
    }
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    if (!isValidDate(date)) problems.push(`${at}：日期“${text}”不存在`);
    previous = { y, m: mo };
    tokens.push({ date: isValidDate(date) ? date : null, text, start: m.index, end: m.index + m[0].length });
  }
  if (tokens.length === 0) return { problems: [`${at}：未找到日期，应写成“春节 ${year ?? 2027}-02-06 至 ${year ?? 2027}-02-13 调休上班 ${year ?? 2027}-02-14”`] };

  const name = line
    .slice(0, tokens[0]!.start)
    .replace(/^[\s:,、;。.]+|[\s:,、;。.]+$/g, '')
    .replace(/\s*放假$/, '');
  if (!name) problems.push(`${at}：缺少假日名称，请在日期前写明，如“春节”`);
  else if (/\d/.test(name)) problems.push(`${at}：无法识别“${name}”，假日名称中不应有数字`);

  // The range: the first date, and the second when only a joiner (至, ~, -) stands between them.
  const isRange = tokens.length > 1 && RANGE_JOINER.test(line.slice(tokens[0]!.end, tokens[1]!.start));
  const rest = tokens.slice(isRange ? 2 : 1);
  // What follows the range, without the makeup workdays' dates: only words may be left.
  let restText = '';
  let cursor = (isRange ? tokens[1]! : tokens[0]!).end;
  for (const t of rest) {
    restText += `${line.slice(cursor, t.start)} `;
    cursor = t.end;
  }
  restText += line.slice(cursor);
  const stray = /\d+[^\s,、;。]*/.exec(restText);
  if (stray) problems.push(`${at}：无法识别“${stray[0]}”`);
  const namesWorkdays = WORKDAY_WORD.test(restText);
  if (rest.length > 0 && !namesWorkdays) {
    problems.push(`${at}：${rest.map((t) => t.text).join('、')} 未注明是“调休上班”日，请在这些日期前写“调休上班”`);
  }
  if (rest.length === 0 && namesWorkdays) problems.push(`${at}：写了“调休上班”，但没有写上班的日期`);
  if (problems.length) return { problems };
  const from = tokens[0]!.date!;
  const to = isRange ? tokens[1]!.date! : from;
  const makeupWorkdays = rest.map((t) => t.date!);
  return { range: { name, from, to, ...(makeupWorkdays.length ? { makeupWorkdays } : {}) } };
}

/**
 * The form → a checked YearArrangement; throws ArrangementError with every problem, each in
 * Chinese and naming its line (e.g. “第 3 行“春节”：调休上班日 2027-02-15 是周一，应为周六或周日”).
 */
export function parseArrangementLines(input: ArrangementLinesInput): YearArrangement {
  const problems: string[] = [];
  const year = parseFormYear(input.year);
  if (year === null) problems.push(`年份应为四位数字，如 2027，收到：“${input.year ?? ''}”`);
  const source = normalizeSpaces(input.source);
  if (!source) problems.push('请填写所依据的通知名称及文号，如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）”');
  const url = (input.url ?? '').trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) problems.push('通知网址应以 http:// 或 https:// 开头');

  const ranges: HolidayRange[] = [];
  const lineOf: number[] = [];
  (input.lines ?? '').split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const r = parseLine(raw, i + 1, year);
    if ('problems' in r) problems.push(...r.problems);
    else {
      ranges.push(r.range);
      lineOf.push(i + 1);
    }
  });
  if (ranges.length === 0 && problems.length === 0) problems.push('请至少填写一行假日，如“元旦 2027-01-01 至 2027-01-03”');
  if (year === null || !source) throw new ArrangementError(problems);

  // The rules of add-year: dates in the year, end not before start, 调休上班 on a weekend, no day twice.
  let arrangement: YearArrangement | null = null;
  let checked: string[] = [];
  try {
    arrangement = parseYearArrangement({ year, source, ...(url ? { url } : {}), holidays: ranges });
  } catch (err) {
    if (!(err instanceof ArrangementError)) throw err;
    checked = err.problems
      .filter((p) => !p.startsWith('holidays 应为非空数组'))
      .map((p) => p.replace(/^第 (\d+) 个假日/, (_, n: string) => `第 ${lineOf[Number(n) - 1]} 行`));
  }
  if (problems.length || checked.length || !arrangement) throw new ArrangementError([...problems, ...checked]);
  return arrangement;
}

const normalizeSpaces = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
