// The case queue of an organization (办理台账): filtered by state and handler, and by the clock —
// due within 3 working days (即将到期) or overdue (逾期), both computed today from the events.
import type { Queryable } from '../core/db/database.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import type { Case, CaseState } from './model.ts';
import { caseClock, type CaseClock } from './rules/case-clock.ts';
import { listCases, listEventsOfCases } from './store.ts';
import { today } from '../core/today.ts';

export interface QueueFilter {
  state?: CaseState | 'open' | null;
  handlerUserId?: number | null;
  due?: 'soon' | 'overdue' | null;
  receiptNo?: string | null;
}

export interface QueueItem {
  case: Case;
  clock: CaseClock;
}

export async function loadQueue(db: Queryable, orgId: number, f: QueueFilter = {}): Promise<QueueItem[]> {
  const state = f.due ? (f.state ?? 'open') : f.state;
  // The clock filters look at every open case: the oldest are the ones most likely overdue, so the
  // newest-first page limit of listCases must not apply before them.
  const limit = f.due ? null : undefined;
  const cases = await listCases(db, orgId, { state, handlerUserId: f.handlerUserId, receiptNo: f.receiptNo, limit });
  const [events, rules] = await Promise.all([listEventsOfCases(db, cases.map((c) => c.id)), loadClockRules(db, orgId)]);
  const now = today();
  const items = cases.map((c) => ({ case: c, clock: caseClock(rules, c, events.get(c.id) ?? [], now) }));
  if (f.due === 'soon') return items.filter((i) => i.clock.status?.status === 'due_soon');
  if (f.due === 'overdue') return items.filter((i) => i.clock.status?.status === 'overdue');
  return items;
}
