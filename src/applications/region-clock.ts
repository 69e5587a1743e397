// The statutory clock of every open case of many agencies at once (the region dashboard, issue 17 §1):
// the same pure rules as the 办理台账 (rules/case-clock.ts over deadline.ts, each agency's working-day
// calendar and clock conventions), fed in bulk — the open cases and their events in two statements, the
// calendars and conventions in four, each distinct calendar loaded once — instead of loadQueue per agency.
import type { Queryable } from '../core/db/database.ts';
import type { DateString } from '../core/date.ts';
import { loadClockRulesOf } from './clock-conventions/store.ts';
import { caseClock, type CaseClock, type ClockRules } from './rules/case-clock.ts';
import { listOpenCasesWithEvents, type OpenCaseClockFacts } from './store.ts';

export interface OpenCaseClock {
  id: number;
  orgId: number;
  /** Received and not concluded: what the section counts as 办理中. */
  received: boolean;
  clock: CaseClock;
}

/**
 * The clock of each case, as caseClock gives it. Pure. caseClock depends only on the rules, the case's
 * state and receipt date, its events and today, so cases alike in all of them are computed once: a
 * region's open cases share a handful of calendars and a few months of receipt dates, and most have no
 * event that moves the clock.
 */
export function openCaseClocks(cases: readonly OpenCaseClockFacts[], rulesOf: (orgId: number) => ClockRules, today: DateString): OpenCaseClock[] {
  const memo = new Map<ClockRules, Map<string, CaseClock>>();
  return cases.map((c) => {
    const rules = rulesOf(c.orgId);
    const known = memo.get(rules) ?? memo.set(rules, new Map()).get(rules)!;
    const key = c.events.length === 0 ? `${c.state}|${c.receivedOn}` : `${c.state}|${c.receivedOn}|${JSON.stringify(c.events.map((e) => [e.kind, e.onDate, e.data]))}`;
    let clock = known.get(key);
    if (!clock) known.set(key, (clock = caseClock(rules, c, c.events, today)));
    return { id: c.id, orgId: c.orgId, received: c.receivedOn !== null && c.state !== 'submitted' && c.concludedOn === null, clock };
  });
}

export interface DueCounts {
  /** Received, not concluded. */
  open: number;
  overdue: number;
  soon: number;
}

/** Per agency: its open cases, how many are 逾期 and how many 即将到期 today. Pure. */
export function dueCountsOf(clocks: readonly OpenCaseClock[]): Map<number, DueCounts> {
  const out = new Map<number, DueCounts>();
  for (const c of clocks) {
    const d = out.get(c.orgId) ?? out.set(c.orgId, { open: 0, overdue: 0, soon: 0 }).get(c.orgId)!;
    if (c.received) d.open++;
    if (c.clock.status?.status === 'overdue') d.overdue++;
    else if (c.clock.status?.status === 'due_soon') d.soon++;
  }
  return out;
}

/** The clocks of the open cases of the agencies today, in six statements whatever their number. */
export async function loadOpenCaseClocks(db: Queryable, orgIds: readonly number[], today: DateString): Promise<OpenCaseClock[]> {
  if (orgIds.length === 0) return [];
  const [cases, rules] = await Promise.all([listOpenCasesWithEvents(db, orgIds), loadClockRulesOf(db, orgIds)]);
  return openCaseClocks(cases, (orgId) => rules.get(orgId)!, today);
}
