// The case queue of an organization (办理台账): filtered by state and handler, and by the clock —
// due within 3 working days (即将到期) or overdue (逾期), both computed today from the events —
// most urgent first (rules/urgency.ts), or by receipt number.
import type { Queryable } from '../core/db/database.ts';
import { loadClockRules } from './clock-conventions/store.ts';
import type { Case, CaseState } from './model.ts';
import { caseClock, type CaseClock } from './rules/case-clock.ts';
import { CONCLUDED_STATES } from './rules/transitions.ts';
import { byReplyUrgency } from './rules/urgency.ts';
import { listCases, listEventsOfCases } from './store.ts';
import { today } from '../core/today.ts';

export const QUEUE_ORDERS = ['urgency', 'number'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

export interface QueueFilter {
  state?: CaseState | 'open' | null;
  handlerUserId?: number | null;
  due?: 'soon' | 'overdue' | null;
  receiptNo?: string | null;
  /** Most urgent first (default), or by receipt number, newest first. */
  order?: QueueOrder | null;
}

export interface QueueItem {
  case: Case;
  clock: CaseClock;
}

/**
 * The cases to show. Urgency and the clock filters look at every open case — the oldest are the
 * likeliest overdue, so the newest-first page limit of listCases must not apply before them; only
 * concluded cases keep it.
 */
async function casesFor(db: Queryable, orgId: number, f: QueueFilter, urgency: boolean): Promise<Case[]> {
  const state = f.due ? (f.state ?? 'open') : f.state;
  const common = { handlerUserId: f.handlerUserId, receiptNo: f.receiptNo };
  if (!urgency && !f.due) return listCases(db, orgId, { ...common, state });
  if (state) return listCases(db, orgId, { ...common, state, limit: CONCLUDED_STATES.includes(state as CaseState) ? undefined : null });
  const [open, concluded] = await Promise.all([
    listCases(db, orgId, { ...common, state: 'open', limit: null }),
    listCases(db, orgId, { ...common, state: 'concluded' }),
  ]);
  return [...open, ...concluded];
}

export async function loadQueue(db: Queryable, orgId: number, f: QueueFilter = {}): Promise<QueueItem[]> {
  const urgency = (f.order ?? 'urgency') === 'urgency';
  const cases = await casesFor(db, orgId, f, urgency);
  const [events, rules] = await Promise.all([listEventsOfCases(db, cases.map((c) => c.id)), loadClockRules(db, orgId)]);
  const now = today();
  let items = cases.map((c) => ({ case: c, clock: caseClock(rules, c, events.get(c.id) ?? [], now) }));
  if (f.due === 'soon') items = items.filter((i) => i.clock.status?.status === 'due_soon');
  if (f.due === 'overdue') items = items.filter((i) => i.clock.status?.status === 'overdue');
  return urgency ? items.sort(byReplyUrgency) : items;
}
