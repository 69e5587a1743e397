// Who is reminded of which case, on the 2025 calendar (国庆 10-01…10-08 off, 09-28 and 10-11 调休上班).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../../calendar/seed.ts';
import type { Case } from '../model.ts';
import { caseClock } from '../rules/case-clock.ts';
import { DEFAULT_CLOCK_CONVENTIONS } from '../clock-conventions/rules.ts';
import { digestsOf, reminderLine, type ReminderStaff } from './rules.ts';

const rules = { cal: shippedCalendar(), conventions: DEFAULT_CLOCK_CONVENTIONS };
const received = (receivedOn: string) => [{ kind: 'received', onDate: receivedOn, data: { receivedOn } }];

function queue(today: string, cases: { id: number; receivedOn: string; handler?: number | null }[]) {
  return cases.map(({ id, receivedOn, handler = null }) => {
    const c = { id, orgId: 7, receiptNo: `QS-2025-${String(id).padStart(5, '0')}`, state: 'received', receivedOn, handlerUserId: handler, infoTitle: `信息${id}` } as Case;
    return { case: c, clock: caseClock(rules, c, received(receivedOn), today) };
  });
}

const staff: ReminderStaff[] = [
  { id: 1, roles: ['handler'] },
  { id: 2, roles: ['handler'] },
  { id: 3, roles: ['head'] },
];
const ids = (d: { dueSoon: { caseId: number }[]; overdue: { caseId: number }[] } | undefined) => d && { dueSoon: d.dueSoon.map((i) => i.caseId), overdue: d.overdue.map((i) => i.caseId) };

test('the assigned handler gets the case; an unassigned one goes to every 办理人, not the head', () => {
  // On 09-30: 1 due 10-10 (2 working days across the holiday), 2 due 09-28 (overdue), 3 due 10-13 (4 working days: not yet)
  const q = queue('2025-09-30', [
    { id: 1, receivedOn: '2025-09-05' },
    { id: 2, receivedOn: '2025-09-01', handler: 2 },
    { id: 3, receivedOn: '2025-09-09', handler: 1 },
  ]);
  const d = digestsOf(7, q, staff);
  assert.deepEqual(d.map((x) => [x.userId, ids(x)]), [
    [1, { dueSoon: [1], overdue: [] }],
    [2, { dueSoon: [1], overdue: [2] }],
  ]);
  assert.equal(d[0]!.dueSoon[0]!.workingDaysLeft, 2);
  assert.equal(d[0]!.dueSoon[0]!.assigned, false);
  assert.equal(d[1]!.overdue[0]!.daysOverdue, 2);
});

test('a handler who left (disabled, or no longer a handler) does not swallow the case; without 办理人 the head gets it', () => {
  const q = queue('2025-09-30', [{ id: 2, receivedOn: '2025-09-01', handler: 99 }]);
  assert.deepEqual(digestsOf(7, q, staff).map((x) => x.userId), [1, 2]);
  assert.deepEqual(digestsOf(7, q, [{ id: 3, roles: ['head'] }]).map((x) => x.userId), [3]);
  assert.deepEqual(digestsOf(7, q, []), [], 'nobody to tell');
});

test('most overdue first, then the nearest due dates; replied, paused and on-time cases are left out', () => {
  const q = queue('2025-10-09', [
    { id: 1, receivedOn: '2025-09-05', handler: 1 }, // due 10-10: 1 working day
    { id: 2, receivedOn: '2025-09-01', handler: 1 }, // due 09-28: 11 days overdue
    { id: 3, receivedOn: '2025-09-03', handler: 1 }, // due 09-30: 9 days overdue
    { id: 4, receivedOn: '2025-09-04', handler: 1 }, // due 10-09: today
    { id: 5, receivedOn: '2025-09-25', handler: 1 }, // far off
  ]);
  q.push({ ...queue('2025-10-09', [{ id: 6, receivedOn: '2025-09-01', handler: 1 }])[0]!, clock: { deadline: null, status: null, dueDate: null, error: null, missingCalendarYear: null } });
  const repliedCase = { ...q[1]!.case, id: 7 } as Case;
  q.push({ case: repliedCase, clock: caseClock(rules, repliedCase, [...received('2025-09-01'), { kind: 'replied', onDate: '2025-09-20', data: {} }], '2025-10-09') });
  const [d] = digestsOf(7, q, staff);
  assert.deepEqual(ids(d), { dueSoon: [4, 1], overdue: [2, 3] });
  assert.equal(reminderLine(d!.dueSoon[0]!), 'QS-2025-00004　信息4　答复期限 2025-10-09（今日到期）');
  assert.equal(reminderLine(d!.overdue[0]!), 'QS-2025-00002　信息2　答复期限 2025-09-28（已逾期 11 天）');
});
