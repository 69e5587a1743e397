// Calendar dates as 'YYYY-MM-DD' strings. A date has no time zone: all arithmetic is done
// on UTC midnights, so the machine's TZ setting can never move a deadline by a day.

import { DomainError } from './errors.ts';

/** A calendar date, 'YYYY-MM-DD'. */
export type DateString = string;

const DAY_MS = 86_400_000;

export class InvalidDateError extends DomainError {
  constructor(readonly input: unknown) {
    super('INVALID_DATE', `日期无效：“${String(input)}”，请使用 YYYY-MM-DD 格式的有效日期（如 2025-09-26）`);
    this.name = 'InvalidDateError';
  }
}

/** Days since 1970-01-01 of the proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The value of the ASCII digits of s from `from` to `to` (exclusive), or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a valid date string; throws InvalidDateError otherwise. Valid: YYYY-MM-DD
 * with ASCII digits, a year from 1000 (Date.UTC would read 0–99 as 1900–1999), a day the month has.
 * Plain arithmetic, no Date object: the clock of a region's cases calls it millions of times.
 */
export function dayNumber(date: DateString): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) throw new InvalidDateError(date);
  const y = digits(date, 0, 4);
  const mo = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1]!)) throw new InvalidDateError(date);
  return daysFromCivil(y, mo, d);
}

const WRITTEN_DATE_RE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

/**
 * A date as people write it in a form field — 2025-06-03, 2025-6-3, 2025/6/3, 2025.6.3,
 * 2025年6月3日, full-width digits too — as 'YYYY-MM-DD'. Anything else comes back trimmed and
 * unchanged, for the validator to refuse with its message.
 */
export function normalizeDateInput(input: string): string {
  const s = input.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[／－．]/g, (c) => ({ '／': '/', '－': '-', '．': '.' })[c]!);
  const m = WRITTEN_DATE_RE.exec(s);
  if (!m) return input.trim();
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : input.trim();
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date of a day number (H. Hinnant's civil_from_days for whole days of years 1000–9999, else through Date). */
export function fromDayNumber(n: number): DateString {
  if (!Number.isInteger(n) || n < -354285 || n > 2932896) return new Date(n * DAY_MS).toISOString().slice(0, 10);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function isValidDate(date: unknown): date is DateString {
  try {
    dayNumber(date as string);
    return true;
  } catch {
    return false;
  }
}

/** Throws InvalidDateError unless `date` is a valid 'YYYY-MM-DD' date; returns it. */
export function assertDate(date: unknown): DateString {
  dayNumber(date as string);
  return date as DateString;
}

export function addDays(date: DateString, n: number): DateString {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: DateString, b: DateString): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: DateString): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: DateString): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: DateString): number {
  dayNumber(date);
  return Number(date.slice(0, 4));
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** '周一' … '周日'. */
export function weekdayName(date: DateString): string {
  return WEEKDAY_ZH[weekday(date)]!;
}

/** The later / earlier of two dates. */
export const maxDate = (a: DateString, b: DateString): DateString => (dayNumber(a) >= dayNumber(b) ? a : b);
export const minDate = (a: DateString, b: DateString): DateString => (dayNumber(a) <= dayNumber(b) ? a : b);

/** China's offset from UTC (UTC+8, no daylight saving). */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): DateString {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
