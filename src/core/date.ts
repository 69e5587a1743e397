// Calendar dates as 'YYYY-MM-DD' strings. A date has no time zone: all arithmetic is done
// on UTC midnights, so the machine's TZ setting can never move a deadline by a day.

import { DomainError } from './errors.ts';

/** A calendar date, 'YYYY-MM-DD'. */
export type DateString = string;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends DomainError {
  constructor(readonly input: unknown) {
    super('INVALID_DATE', `日期无效：“${String(input)}”，请使用 YYYY-MM-DD 格式的有效日期（如 2025-09-26）`);
    this.name = 'InvalidDateError';
  }
}

/** Days since 1970-01-01 of a valid date string; throws InvalidDateError otherwise. */
export function dayNumber(date: DateString): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new InvalidDateError(date);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999 and rolls 02-30 over to March: reject both.
  if (y < 1000 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new InvalidDateError(date);
  }
  return ms / DAY_MS;
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

export function fromDayNumber(n: number): DateString {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
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

/** Today's date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): DateString {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
