// The 办理台账 by urgency: overdue first (longest first), then cases whose deadline cannot be
// computed, due soon, awaiting confirmation of receipt (第三十一条), the rest by 答复期限 (第三十三条),
// stopped clocks, and concluded cases last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseState } from '../model.ts';
import type { DeadlineStatus } from './deadline.ts';
import { byReplyUrgency, type UrgencyInput } from './urgency.ts';

let nextId = 1;
function item(name: string, state: CaseState, clock: { status?: DeadlineStatus; due?: string; overdue?: number; error?: boolean } = {}, submittedOn = '2025-10-01'): UrgencyInput & { name: string } {
  return {
    name,
    case: { id: nextId++, state, submittedOn, receivedOn: state === 'submitted' ? null : submittedOn },
    clock: {
      status: clock.status ? { status: clock.status, workingDaysLeft: null, daysOverdue: clock.overdue ?? 0 } : null,
      dueDate: clock.due ?? null,
      error: clock.error ? '工作日历未包含 2027 年的节假日安排' : null,
    },
  };
}

test('urgency: overdue, not computable, due soon, to confirm, by due date, paused, concluded', () => {
  const items = [
    item('replied', 'replied', { status: 'replied_on_time', due: '2025-10-29' }),
    item('on time, later', 'received', { status: 'on_time', due: '2025-12-01' }),
    item('paused', 'consulting', { status: 'paused' }),
    item('to confirm, newer', 'submitted', {}, '2025-11-02'),
    item('overdue 1 day', 'received', { status: 'overdue', due: '2025-11-05', overdue: 1 }),
    item('on time, sooner', 'received', { status: 'on_time', due: '2025-11-20' }),
    item('due soon', 'received', { status: 'due_soon', due: '2025-11-07' }),
    item('no calendar', 'received', { error: true }),
    item('overdue 9 days', 'extended', { status: 'overdue', due: '2025-10-28', overdue: 9 }),
    item('to confirm, older', 'submitted', {}, '2025-10-30'),
    item('withdrawn', 'withdrawn'),
  ];
  assert.deepEqual([...items].sort(byReplyUrgency).map((i) => (i as typeof items[number]).name), [
    'overdue 9 days', 'overdue 1 day', 'no calendar', 'due soon', 'to confirm, older', 'to confirm, newer',
    'on time, sooner', 'on time, later', 'paused', 'withdrawn', 'replied',
  ]);
});

test('urgency: ties keep receipt order, so the list never reshuffles between two reads', () => {
  const a = item('a', 'received', { status: 'on_time', due: '2025-12-01' });
  const b = item('b', 'received', { status: 'on_time', due: '2025-12-01' });
  assert.deepEqual([b, a].sort(byReplyUrgency).map((i) => i.name), ['a', 'b']);
});
