// Administrators' changes to the working-day calendar. Each exported function is one
// transaction that writes the change and its audit entry together.
import { appendAudit, type Actor } from '../core/audit/log.ts';
import type { Database } from '../core/db/database.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { parseYearArrangement, specialDaysOf, type YearArrangement } from './arrangement.ts';
import { assertDate, isWeekend, weekdayName, type DateString } from '../core/date.ts';
import type { SpecialDayKind } from './rules.ts';
import { findCoveredYear, findDay, deleteDay, insertCoveredYear, insertNationalDays, upsertDay, type StoredSpecialDay } from './store.ts';

export const DEFAULT_DAY_SOURCE = '管理员录入';

export interface SetDayInput {
  date: DateString;
  kind: SpecialDayKind;
  name: string;
  /** The notice the change rests on; defaults to 管理员录入. */
  source?: string;
  /** An organization's local day; null/absent = the national calendar. */
  orgId?: number | null;
}

const KIND_ZH: Record<SpecialDayKind, string> = { holiday: '放假', makeup_workday: '调休上班' };

/**
 * Adds a holiday or a makeup workday, or changes the day already stored on that date
 * (e.g. a makeup workday cancelled by a later notice, as in the 2020 春节 extension).
 */
export async function setSpecialDay(db: Database, actor: Actor, input: SetDayInput): Promise<{ before: StoredSpecialDay | null; after: StoredSpecialDay }> {
  const date = assertDate(input.date);
  const name = input.name.trim();
  if (!name) throw invalid('请填写名称，如“春节”或“春节调休上班”');
  // 调休上班 turns a weekend day into a working day; on Mon–Fri it would change nothing.
  if (input.kind === 'makeup_workday' && !isWeekend(date)) {
    throw invalid(`${date} 是${weekdayName(date)}，本来就是工作日；调休上班日应为周六或周日`);
  }
  const orgId = input.orgId ?? null;
  const source = input.source?.trim() || DEFAULT_DAY_SOURCE;
  return db.transaction(async (tx) => {
    const before = await findDay(tx, date, orgId);
    const after: StoredSpecialDay = { date, kind: input.kind, name, source, orgId, createdBy: actor.name };
    await upsertDay(tx, after);
    // audit: every calendar change is recorded (national days in the system chain).
    await appendAudit(tx, actor, {
      orgId,
      action: 'calendar.day.set',
      targetType: 'calendar_day',
      targetId: orgId === null ? date : `${orgId}:${date}`,
      summary: { before: before && summaryOf(before), after: summaryOf(after) },
    });
    return { before, after };
  });
}

export async function removeSpecialDay(db: Database, actor: Actor, input: { date: DateString; orgId?: number | null }): Promise<StoredSpecialDay> {
  const date = assertDate(input.date);
  const orgId = input.orgId ?? null;
  return db.transaction(async (tx) => {
    const before = await findDay(tx, date, orgId);
    if (!before) throw notFound(`${date} 的放假或调休上班记录`);
    await deleteDay(tx, date, orgId);
    // audit:
    await appendAudit(tx, actor, {
      orgId,
      action: 'calendar.day.remove',
      targetType: 'calendar_day',
      targetId: orgId === null ? date : `${orgId}:${date}`,
      summary: { before: summaryOf(before) },
    });
    return before;
  });
}

/**
 * Enters a new year's national arrangement from the State Council notice (each November).
 * Its days replace any day already stored on the same date; the year becomes covered.
 */
export async function addYear(db: Database, actor: Actor, value: unknown): Promise<{ arrangement: YearArrangement; holidays: number; makeupWorkdays: number }> {
  const arrangement = parseYearArrangement(value);
  const days = specialDaysOf(arrangement);
  return db.transaction(async (tx) => {
    const existing = await findCoveredYear(tx, arrangement.year);
    if (existing) {
      throw conflict(`${arrangement.year} 年的节假日安排已录入（来源：${existing.source}）；如需修改个别日期，请使用 add-holiday、add-workday 或 remove-day`);
    }
    await insertNationalDays(tx, days, actor.name, { replace: true });
    await insertCoveredYear(tx, { year: arrangement.year, source: arrangement.source, url: arrangement.url ?? null, createdBy: actor.name });
    const counts = {
      holidays: days.filter((d) => d.kind === 'holiday').length,
      makeupWorkdays: days.filter((d) => d.kind === 'makeup_workday').length,
    };
    // audit:
    await appendAudit(tx, actor, {
      orgId: null,
      action: 'calendar.year.add',
      targetType: 'calendar_year',
      targetId: arrangement.year,
      summary: { year: arrangement.year, source: arrangement.source, ...counts, holidayRanges: arrangement.holidays },
    });
    return { arrangement, ...counts };
  });
}

const summaryOf = (d: StoredSpecialDay) => ({ date: d.date, kind: d.kind, kindLabel: KIND_ZH[d.kind], name: d.name, source: d.source });
