// The clock of a case computed from its stored events: the scenario of the end-to-end test,
// counted by hand on the 2025 notice (国庆 10-01…10-08 off, 09-28 and 10-11 调休上班).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../../calendar/seed.ts';
import { workingDayCalendar } from '../../calendar/rules.ts';
import { caseClock, provisionalDueDate } from './case-clock.ts';
import { DEFAULT_CLOCK_CONVENTIONS } from '../clock-conventions/rules.ts';
import { clockEventsOf, type StoredEvent } from './case-events.ts';

const cal = shippedCalendar();
const rules = { cal, conventions: DEFAULT_CLOCK_CONVENTIONS };
const ev = (kind: string, onDate: string, data: Record<string, unknown> = {}): StoredEvent => ({ kind, onDate, data });

const history: StoredEvent[] = [
  ev('submitted', '2025-09-24', { channel: 'online' }),
  ev('received', '2025-09-26', { receivedOn: '2025-09-26', confirmedOn: '2025-09-26' }),
  ev('correction_requested', '2025-09-30', { items: '请写明文件名称', dueOn: '2025-10-20' }),
  ev('corrected', '2025-10-09', { by: 'applicant', description: '…' }),
  ev('extension_requested', '2025-10-10', { workingDays: 20, reason: '…' }),
  ev('extended', '2025-10-13', { workingDays: 20, approvedOn: '2025-10-13', notifiedOn: '2025-10-13', reason: '…' }),
  ev('consultation_sent', '2025-10-15', { party: 'third_party', partyName: '…' }),
  ev('consultation_closed', '2025-10-24', { result: 'objected' }),
  ev('replied', '2025-10-31', { outcome: 'partiallyGranted' }),
];
const upTo = (kind: string) => history.slice(0, history.findIndex((e) => e.kind === kind) + 1);

test('clock inputs from events: receipt, 补正, extension, consultation pause', () => {
  assert.equal(clockEventsOf(null, upTo('submitted')), null, 'not received: no clock (第三十一条)');
  assert.deepEqual(clockEventsOf('2025-09-26', history), {
    receivedOn: '2025-09-26',
    correction: { noticeSentOn: '2025-09-30', correctedOn: '2025-10-09' },
    extension: { workingDays: 20, approvedOn: '2025-10-13', notifiedOn: '2025-10-13' },
    pauses: [{ kind: 'third_party_consultation', from: '2025-10-15', to: '2025-10-24' }],
  });
  const fee = clockEventsOf('2025-09-26', [ev('fee_notified', '2025-10-09', { paymentDueOn: '2025-11-06' }), ev('fee_paid', '2025-10-14')]);
  assert.deepEqual(fee!.pauses, [{ kind: 'fee_notice', from: '2025-10-09', to: '2025-10-14' }]);
});

test('the due date step by step, and the status on given days', () => {
  const at = (kind: string, today: string, state = 'received' as const) => caseClock(rules, { state, receivedOn: '2025-09-26' }, upTo(kind), today);
  // received 09-26 → 28 Sep 1, 29–30 2–3, 9–10 Oct 4–5, 11 (Sat) 6, 13–17 7–11, 20–24 12–16, 27–30 17–20
  assert.equal(at('received', '2025-09-26').deadline!.dueDate, '2025-10-30');
  assert.equal(at('received', '2025-09-26').deadline!.correctionNoticeDue, '2025-10-13');
  assert.equal(at('correction_requested', '2025-10-01').status!.status, 'awaiting_correction');
  // corrected 10-09 → 10 Oct 1, 11 (Sat) 2, 13–17 3–7, 20–24 8–12, 27–31 13–17, 3–5 Nov 18–20
  assert.equal(at('corrected', '2025-10-09').deadline!.dueDate, '2025-11-05');
  // +20 working days: 6–7 Nov 22, 10–14 27, 17–21 32, 24–28 37, 1–3 Dec 40
  assert.equal(at('extended', '2025-10-13').deadline!.dueDate, '2025-12-03');
  assert.equal(at('consultation_sent', '2025-10-20').status!.status, 'paused');
  // (10-15, 10-24] pauses 7 working days: 4–5 Dec, 8–12 Dec
  const done = at('consultation_closed', '2025-10-24');
  assert.equal(done.deadline!.dueDate, '2025-12-12');
  assert.equal(done.deadline!.originalDueDate, '2025-11-14');
  assert.equal(done.deadline!.pausedWorkingDays, 7);
  assert.equal(at('consultation_closed', '2025-12-09').status!.status, 'due_soon');
  assert.equal(at('consultation_closed', '2025-12-15').status!.status, 'overdue');
  assert.equal(caseClock(rules, { state: 'replied', receivedOn: '2025-09-26' }, history, '2026-01-05').status!.status, 'replied_on_time');
});

test('第三十二条: a consultation nobody closed stops the clock for its 15 working days only', () => {
  const at = (today: string) => caseClock(rules, { state: 'consulting', receivedOn: '2025-09-26' }, upTo('consultation_sent'), today);
  // letter 10-15: 16–17 1–2, 20–24 7, 27–31 12, 3–5 Nov 15 → lapses 11-05. Of 40 working days
  // (20 + 20 extension from the correction on 10-09), 10-10…10-15 counted 5; the other 35:
  // 6–7 Nov 2, 10–14 7, 17–21 12, 24–28 17, 1–5 Dec 22, 8–12 27, 15–19 32, 22–24 35 → due 12-24
  assert.deepEqual(at('2025-11-05').deadline!.consultationLapse, { on: '2025-11-05', dueDate: '2025-12-24' });
  assert.equal(at('2025-11-05').status!.status, 'paused');
  assert.equal(at('2025-11-05').dueDate, null);
  assert.equal(at('2025-11-06').status!.status, 'on_time', 'running again, the lapse not recorded');
  assert.equal(at('2025-12-19').status!.status, 'due_soon');
  assert.equal(at('2025-12-19').dueDate, '2025-12-24');
  assert.equal(at('2025-12-25').status!.status, 'overdue');
});

test('ended without a reply: no status; a year without calendar data: an error, not a guess', () => {
  assert.equal(caseClock(rules, { state: 'withdrawn', receivedOn: '2025-09-26' }, upTo('received'), '2025-12-30').status, null);
  const short = workingDayCalendar([2025], []);
  const c = caseClock({ cal: short, conventions: DEFAULT_CLOCK_CONVENTIONS }, { state: 'received', receivedOn: '2025-12-20' }, [ev('received', '2025-12-20')], '2025-12-21');
  assert.equal(c.deadline, null);
  assert.match(c.error!, /工作日历未包含 2026 年/);
  assert.equal(c.missingCalendarYear, 2026, 'the console links the 工作日历 entry of that year');
  assert.doesNotMatch(c.error!, /gongkai/, 'a handler is told whom to ask, not a command to run');
});

test('第三十一条: not yet received, the applicant is told the due date were it confirmed on a given day', () => {
  // confirmed Monday 11-03: 4–7 Nov 4, 10–14 9, 17–21 14, 24–28 19, 1 Dec 20
  assert.equal(provisionalDueDate(rules, { state: 'submitted', receivedOn: null }, '2025-11-03'), '2025-12-01');
  // confirmed 2025-09-26, 国庆 and its 调休 counted as in computeReplyDeadline
  assert.equal(provisionalDueDate(rules, { state: 'submitted', receivedOn: null }, '2025-09-26'), '2025-10-30');
  assert.equal(provisionalDueDate(rules, { state: 'received', receivedOn: '2025-11-03' }, '2025-11-03'), null, 'received: the clock itself says it');
  const short = { cal: workingDayCalendar([2025], []), conventions: DEFAULT_CLOCK_CONVENTIONS };
  assert.equal(provisionalDueDate(short, { state: 'submitted', receivedOn: null }, '2025-12-20'), null, 'never a guess across a year without calendar');
});
