// The statutory clock on the shipped calendar. Every expected date is counted by hand on the
// State Council notices (domain-reference §F.1); the counting is written next to each case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarNotCoveredError, workingDayCalendar } from '../../calendar/rules.ts';
import { shippedCalendar } from '../../calendar/seed.ts';
import { ClockInputError } from './clock-input.ts';
import {
  computeReplyDeadline,
  consultationOpinionDue,
  correctionNoticeDue,
  deadlineStatus,
  feePaymentDue,
  periodEnd,
  replyDueIfReceivedOn,
  type ClockEvents,
} from './deadline.ts';
import { DEFAULT_CLOCK_CONVENTIONS, type ClockConventions } from '../clock-conventions/rules.ts';

const cal = shippedCalendar();
const conventions = (c: Partial<ClockConventions>): ClockConventions => ({ ...DEFAULT_CLOCK_CONVENTIONS, ...c });
const codes = (events: ClockEvents, c?: ClockConventions) => computeReplyDeadline(cal, events, c).problems.map((p) => p.code);

test('第三十三条: 20 working days after receipt across 国庆 2025 (9-28 and 10-11 调休)', () => {
  // 28 Sep (Sun) 1, 29–30 2–3, [1–8 Oct off], 9–10 4–5, 11 (Sat) 6, 13–17 7–11, 20–24 12–16, 27–30 17–20
  const d = computeReplyDeadline(cal, { receivedOn: '2025-09-26' });
  assert.deepEqual(d, {
    state: 'running',
    receivedOn: '2025-09-26',
    correctionNoticeDue: '2025-10-13',
    clockStartsOn: '2025-09-26',
    originalDueDate: '2025-10-30',
    extendedDays: 0,
    pausedWorkingDays: 0,
    dueDate: '2025-10-30',
    pausedSince: null,
    workingDaysLeftWhenPaused: null,
    consultationLapse: null,
    problems: [],
  });
});

test('第三十三条: 20 working days after receipt across 春节 2025 (1-26 and 2-8 调休)', () => {
  // 26 Jan (Sun) 1, 27 2, [28 Jan–4 Feb off], 5–7 Feb 3–5, 8 (Sat) 6, 10–14 7–11, 17–21 12–16, 24–27 17–20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-01-24' }).dueDate, '2025-02-27');
});

test('第三十三条: 国庆 and 春节 2026', () => {
  // 20 Sep (Sun) 1, 21–24 2–5, [25–27 中秋], 28–30 6–8, [1–7 Oct], 8–9 9–10, 10 (Sat) 11, 12–16 12–16, 19–22 17–20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2026-09-18' }).dueDate, '2026-10-22');
  // 9–13 Feb 1–5, 14 (Sat) 6, [15–23 off], 24–27 7–10, 28 (Sat) 11, 2–6 Mar 12–16, 9–12 17–20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2026-02-06' }).dueDate, '2026-03-12');
  // received on the 调休 Sunday 2026-01-04 itself: 5–9 Jan 1–5 … 26–30 Jan 16–20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2026-01-04' }).dueDate, '2026-01-30');
});

test('convention: counting the receipt day as day 1', () => {
  const c = conventions({ startDayCounts: true });
  // 26 Sep counts: the due date moves one working day earlier, to 29 Oct
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-09-26' }, c).dueDate, '2025-10-29');
  // received on a holiday: the day cannot count, same as the default
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-10-03' }, c).dueDate, computeReplyDeadline(cal, { receivedOn: '2025-10-03' }).dueDate);
  // 补正 notice: 26 Sep 1, 28 2, 29 3, 30 4, 9 Oct 5, 10 6, 11 (Sat, 调休) 7
  assert.equal(correctionNoticeDue(cal, '2025-09-26', c), '2025-10-11');
});

test('第三十条: the 补正 notice is due within 7 working days of receipt', () => {
  // 28 Sep 1, 29 2, 30 3, 9 Oct 4, 10 5, 11 6, 13 7
  assert.equal(correctionNoticeDue(cal, '2025-09-26'), '2025-10-13');
  assert.deepEqual(codes({ receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-10-13' } }), []);
  const late = computeReplyDeadline(cal, { receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-10-14', correctedOn: '2025-10-20' } });
  assert.deepEqual(late.problems, [
    { code: 'correction_notice_late', message: '补正通知应于 2025-10-13 前发出（收到申请之日起7个工作日内），实际 2025-10-14 发出' },
  ]);
});

test('第三十条: no clock while awaiting the corrected application; it restarts from its receipt', () => {
  const waiting = computeReplyDeadline(cal, { receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-09-30' } });
  assert.equal(waiting.state, 'awaiting_correction');
  assert.equal(waiting.dueDate, null);
  assert.equal(waiting.clockStartsOn, null);
  assert.equal(deadlineStatus(cal, waiting, '2026-06-01').status, 'awaiting_correction'); // never overdue

  // corrected application received Mon 20 Oct: 21–24 1–4, 27–31 5–9, 3–7 Nov 10–14, 10–14 15–19, 17 20
  const restarted = computeReplyDeadline(cal, { receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-09-30', correctedOn: '2025-10-20' } });
  assert.equal(restarted.state, 'running');
  assert.equal(restarted.clockStartsOn, '2025-10-20');
  assert.equal(restarted.dueDate, '2025-11-17');
  assert.equal(restarted.correctionNoticeDue, '2025-10-13');
});

test('第三十三条第二款: an extension of up to 20 working days, notified before the original deadline', () => {
  const base: ClockEvents = { receivedOn: '2025-01-24' }; // due 2025-02-27 (Thu)
  // 28 Feb 1, 3–7 Mar 2–6, 10–14 7–11, 17–21 12–16, 24–27 17–20
  const ext = computeReplyDeadline(cal, { ...base, extension: { workingDays: 20, approvedOn: '2025-02-19', notifiedOn: '2025-02-20' } });
  assert.equal(ext.originalDueDate, '2025-02-27');
  assert.equal(ext.extendedDays, 20);
  assert.equal(ext.dueDate, '2025-03-27');
  assert.deepEqual(ext.problems, []);
  // notified on the last day of the original period: still in time
  assert.equal(computeReplyDeadline(cal, { ...base, extension: { workingDays: 5, approvedOn: '2025-02-27', notifiedOn: '2025-02-27' } }).dueDate, '2025-03-06');
});

test('an extension notified too late, too long or approved after the notice', () => {
  const late = computeReplyDeadline(cal, { receivedOn: '2025-01-24', extension: { workingDays: 10, approvedOn: '2025-02-26', notifiedOn: '2025-02-28' } });
  assert.equal(late.dueDate, '2025-02-27');
  assert.equal(late.extendedDays, 0);
  assert.deepEqual(late.problems, [
    { code: 'extension_notified_late', message: '延期须在原答复期限 2025-02-27 届满前告知申请人，实际 2025-02-28 告知，延期未予计入' },
  ]);
  for (const workingDays of [21, 0, -3, 2.5]) {
    const r = computeReplyDeadline(cal, { receivedOn: '2025-01-24', extension: { workingDays, approvedOn: '2025-02-19', notifiedOn: '2025-02-20' } });
    assert.equal(r.dueDate, '2025-02-27', String(workingDays));
    assert.deepEqual(r.problems.map((p) => p.code), ['extension_out_of_range']);
  }
  assert.deepEqual(codes({ receivedOn: '2025-01-24', extension: { workingDays: 5, approvedOn: '2025-02-21', notifiedOn: '2025-02-20' } }), ['extension_approved_after_notice']);
});

test('第三十三条第三款: a third-party consultation is not counted', () => {
  // received Mon 3 Mar 2025; without pause: 4–7 1–4, 10–14 5–9, 17–21 10–14, 24–28 15–19, 31 20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-03-03' }).dueDate, '2025-03-31');
  // letter sent Mon 10 Mar, opinion back Fri 14 Mar: 11–14 paused (4 working days);
  // 31 Mar + 4: 1–3 Apr, [4–6 清明], 7 Apr
  const d = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10', to: '2025-03-14' }] });
  assert.equal(d.pausedWorkingDays, 4);
  assert.equal(d.dueDate, '2025-04-07');
  // sent and answered the same day: nothing paused
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'agency_consultation', from: '2025-03-10', to: '2025-03-10' }] }).dueDate, '2025-03-31');
});

test('conventions: which end days of a pause are paused', () => {
  const events: ClockEvents = { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10', to: '2025-03-14' }] };
  // both end days paused: 10–14 (5) → 31 Mar + 5 = 8 Apr
  assert.equal(computeReplyDeadline(cal, events, conventions({ pauseStartDayCounts: false })).dueDate, '2025-04-08');
  // both end days counted: 11–13 (3) → 3 Apr
  assert.equal(computeReplyDeadline(cal, events, conventions({ pauseEndDayCounts: true })).dueDate, '2025-04-03');
  // sending day paused, answering day counted: 10–13 (4) → 7 Apr
  assert.equal(computeReplyDeadline(cal, events, conventions({ pauseStartDayCounts: false, pauseEndDayCounts: true })).dueDate, '2025-04-07');
});

test('overlapping consultations are paused once', () => {
  // third party (10, 14], other agency (12, 18]: 11–14, 17–18 = 6 → 31 Mar + 6: 1, 2, 3, 7, 8, 9 Apr
  const d = computeReplyDeadline(cal, {
    receivedOn: '2025-03-03',
    pauses: [
      { kind: 'third_party_consultation', from: '2025-03-10', to: '2025-03-14' },
      { kind: 'agency_consultation', from: '2025-03-12', to: '2025-03-18' },
    ],
  });
  assert.equal(d.pausedWorkingDays, 6);
  assert.equal(d.dueDate, '2025-04-09');
});

test('an open consultation stops the clock until its 15 working days lapse; one started after the deadline changes nothing', () => {
  const open = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10' }] });
  assert.equal(open.state, 'paused');
  assert.equal(open.dueDate, null);
  assert.equal(open.pausedSince, '2025-03-11');
  assert.equal(open.workingDaysLeftWhenPaused, 15); // 4, 5, 6, 7, 10 Mar counted
  // 第三十二条: 15 working days from the letter: 11–14 Mar 1–4, 17–21 5–9, 24–28 10–14, 31 15.
  // If it lapses: 15 days left from 1 Apr: 1–3 1–3, [4–6 清明], 7–11 4–8, 14–18 9–13, 21–22 14–15
  assert.deepEqual(open.consultationLapse, { on: '2025-03-31', dueDate: '2025-04-22' });
  assert.deepEqual(deadlineStatus(cal, open, '2025-03-31'), { status: 'paused', workingDaysLeft: null, daysOverdue: 0 });
  assert.deepEqual(deadlineStatus(cal, open, '2025-04-01'), { status: 'on_time', workingDaysLeft: 14, daysOverdue: 0 }, 'the clock runs again, lapse recorded or not');
  assert.deepEqual(deadlineStatus(cal, open, '2025-05-30'), { status: 'overdue', workingDaysLeft: null, daysOverdue: 38 }, 'a forgotten consultation does not hide the case');

  const tooLate = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-04-02' }] });
  assert.equal(tooLate.state, 'running');
  assert.equal(tooLate.dueDate, '2025-03-31');
  assert.equal(tooLate.pausedWorkingDays, 0);
  assert.equal(tooLate.consultationLapse, null);
});

test('第三十二条、第三十四条: an opinion arriving after the 15 working days (from the letter’s receipt, once recorded) does not stretch the pause', () => {
  for (const kind of ['third_party_consultation', 'agency_consultation'] as const) {
    const late = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind, from: '2025-03-10', to: '2025-04-10' }] });
    assert.equal(late.pausedWorkingDays, 15, kind);
    assert.equal(late.dueDate, '2025-04-22', kind);
  }
  const onTime = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10', to: '2025-03-31' }] });
  assert.equal(onTime.dueDate, '2025-04-22', 'an opinion on the last day pauses exactly as long');
  // Received by the third party on 12 Mar: its 15 days run 13–14 Mar 1–2, 17–21 3–7, 24–28 8–12, 31 Mar–2 Apr 13–15,
  // so the pause is 11 Mar–2 Apr (17 working days) and 15 are left from 3 Apr: 3, [4–6 清明], 7–11, 14–18, 21–24.
  const delivered = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10', letterReceivedOn: '2025-03-12', to: '2025-04-10' }] });
  assert.equal(delivered.pausedWorkingDays, 17);
  assert.equal(delivered.dueDate, '2025-04-24');
  const openDelivered = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'third_party_consultation', from: '2025-03-10', letterReceivedOn: '2025-03-12' }] });
  assert.deepEqual(openDelivered.consultationLapse, { on: '2025-04-02', dueDate: '2025-04-24' });
  assert.equal(consultationOpinionDue(cal, '2025-03-12'), '2025-04-02');
  // A fee notice has no such bound: paid on 10 Apr, 22 working days after the notice, all paused.
  const fee = computeReplyDeadline(cal, { receivedOn: '2025-03-03', pauses: [{ kind: 'fee_notice', from: '2025-03-10', to: '2025-04-10' }] });
  assert.equal(fee.pausedWorkingDays, 22);
});

test('国办函〔2020〕109号: the fee-notice period is not counted, across 国庆 2025', () => {
  // received Mon 15 Sep: 16–19 1–4, 22–26 5–9, 28 (Sun) 10, 29–30 11–12, 9–10 Oct 13–14, 11 (Sat) 15, 13–17 16–20
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2025-09-15' }).dueDate, '2025-10-17');
  // notice sent Thu 25 Sep, paid Fri 10 Oct: paused 26, 28, 29, 30 Sep, 9, 10 Oct (6);
  // 8 counted before; then 11 Oct 9, 13–17 10–14, 20–24 15–19, 27 20
  const d = computeReplyDeadline(cal, { receivedOn: '2025-09-15', pauses: [{ kind: 'fee_notice', from: '2025-09-25', to: '2025-10-10' }] });
  assert.equal(d.pausedWorkingDays, 6);
  assert.equal(d.dueDate, '2025-10-27');
});

test('the whole path: 补正, consultation and extension together', () => {
  // received Fri 25 Apr 2025; notice due: 27 Apr (Sun, 调休) 1, 28–30 2–4, [1–5 May], 6–8 5–7 → 8 May
  // corrected Mon 12 May: 13–16 1–4, 19–23 5–9, 26–30 10–14, [31 May–2 Jun 端午], 3–6 Jun 15–18, 9–10 19–20
  // consultation (20 May, 23 May]: 21–23 paused (3) → 11–13 Jun; extension 10: 16–20, 23–27 Jun
  const d = computeReplyDeadline(cal, {
    receivedOn: '2025-04-25',
    correction: { noticeSentOn: '2025-04-28', correctedOn: '2025-05-12' },
    pauses: [{ kind: 'third_party_consultation', from: '2025-05-20', to: '2025-05-23' }],
    extension: { workingDays: 10, approvedOn: '2025-06-11', notifiedOn: '2025-06-12' },
  });
  assert.deepEqual(d, {
    state: 'running',
    receivedOn: '2025-04-25',
    correctionNoticeDue: '2025-05-08',
    clockStartsOn: '2025-05-12',
    originalDueDate: '2025-06-13',
    extendedDays: 10,
    pausedWorkingDays: 3,
    dueDate: '2025-06-27',
    pausedSince: null,
    workingDaysLeftWhenPaused: null,
    consultationLapse: null,
    problems: [],
  });
});

test('a pause before the corrected application arrived does not count', () => {
  // consultation (29 Apr, 9 May] lies before the restart on 12 May
  const d = computeReplyDeadline(cal, {
    receivedOn: '2025-04-25',
    correction: { noticeSentOn: '2025-04-28', correctedOn: '2025-05-12' },
    pauses: [{ kind: 'agency_consultation', from: '2025-04-29', to: '2025-05-09' }],
  });
  assert.equal(d.pausedWorkingDays, 0);
  assert.equal(d.dueDate, '2025-06-10');
});

test('第三十五条: a later reply date set and notified by the agency', () => {
  const base: ClockEvents = { receivedOn: '2025-03-03' }; // due 31 Mar
  assert.equal(computeReplyDeadline(cal, { ...base, delayedReply: { dueDate: '2025-04-30', notifiedOn: '2025-03-20' } }).dueDate, '2025-04-30');
  const late = computeReplyDeadline(cal, { ...base, delayedReply: { dueDate: '2025-04-30', notifiedOn: '2025-04-01' } });
  assert.equal(late.dueDate, '2025-03-31');
  assert.deepEqual(late.problems.map((p) => p.code), ['delayed_reply_notified_late']);
  const earlier = computeReplyDeadline(cal, { ...base, delayedReply: { dueDate: '2025-03-28', notifiedOn: '2025-03-20' } });
  assert.equal(earlier.dueDate, '2025-03-31');
  assert.deepEqual(earlier.problems.map((p) => p.code), ['delayed_reply_not_later']);
});

test('第三十二条、第三十四条 and the fee notice: the other parties\' periods', () => {
  // letter received Fri 26 Sep 2025: 28 Sep 1, 29–30 2–3, 9–10 Oct 4–5, 11 6, 13–17 7–11, 20–23 12–15
  assert.equal(consultationOpinionDue(cal, '2025-09-26'), '2025-10-23');
  assert.equal(feePaymentDue(cal, '2025-01-24'), '2025-02-27');
  assert.equal(feePaymentDue(cal, '2025-01-24', conventions({ feePaymentWorkingDays: 7 })), '2025-02-10');
  assert.equal(periodEnd(cal, '2025-09-26', 0), '2025-09-26');
});

test('a calendar year without data: the clock refuses to guess', () => {
  // received Thu 10 Dec 2026: 11 1, 14–18 2–6, 21–25 7–11, 28–31 12–15, then 2027 (no data)
  assert.throws(() => computeReplyDeadline(cal, { receivedOn: '2026-12-10' }), (e: unknown) => e instanceof CalendarNotCoveredError && e.year === 2027);
  // received Mon 30 Nov 2026: 1–4 Dec 1–4, 7–11 5–9, 14–18 10–14, 21–25 15–19, 28 20 — within 2026
  assert.equal(computeReplyDeadline(cal, { receivedOn: '2026-11-30' }).dueDate, '2026-12-28');
  // with an extension the same case runs into 2027
  assert.throws(
    () => computeReplyDeadline(cal, { receivedOn: '2026-11-30', extension: { workingDays: 5, approvedOn: '2026-12-21', notifiedOn: '2026-12-22' } }),
    CalendarNotCoveredError,
  );
  // and once 2027 is entered, it computes: a hand-made calendar with 1–3 Jan 2027 off
  const next = workingDayCalendar([...cal.coveredYears, 2027], [...cal.specialDays.values(), ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday' as const, name: '元旦' }))]);
  // 29–31 Dec 1–3, 4–5 Jan 4–5
  assert.equal(computeReplyDeadline(next, { receivedOn: '2026-11-30', extension: { workingDays: 5, approvedOn: '2026-12-21', notifiedOn: '2026-12-22' } }).dueDate, '2027-01-05');
});

test('overdue and due soon are computed from the dates', () => {
  const d = computeReplyDeadline(cal, { receivedOn: '2025-09-26' }); // due Thu 30 Oct 2025
  const at = (today: string, repliedOn: string | null = null) => deadlineStatus(cal, d, today, repliedOn);
  // during 国庆: (3 Oct, 30 Oct] holds 9, 10, 11 (调休), 13–17, 20–24, 27–30 = 17 working days
  assert.deepEqual(at('2025-10-03'), { status: 'on_time', workingDaysLeft: 17, daysOverdue: 0 });
  assert.deepEqual(at('2025-10-24'), { status: 'on_time', workingDaysLeft: 4, daysOverdue: 0 }); // 27, 28, 29, 30
  assert.deepEqual(at('2025-10-25'), { status: 'on_time', workingDaysLeft: 4, daysOverdue: 0 }); // a Saturday
  assert.deepEqual(at('2025-10-27'), { status: 'due_soon', workingDaysLeft: 3, daysOverdue: 0 });
  assert.deepEqual(at('2025-10-30'), { status: 'due_soon', workingDaysLeft: 0, daysOverdue: 0 });
  assert.deepEqual(at('2025-10-31'), { status: 'overdue', workingDaysLeft: null, daysOverdue: 1 });
  assert.deepEqual(at('2025-11-03'), { status: 'overdue', workingDaysLeft: null, daysOverdue: 4 });
  // overdue needs no calendar data past the due date
  assert.equal(at('2027-03-01').status, 'overdue');
  assert.deepEqual(at('2025-11-10', '2025-10-30'), { status: 'replied_on_time', workingDaysLeft: null, daysOverdue: 0 });
  assert.deepEqual(at('2025-11-10', '2025-11-03'), { status: 'replied_late', workingDaysLeft: null, daysOverdue: 4 });
  assert.equal(deadlineStatus(cal, d, '2025-10-24', null, conventions({ dueSoonWorkingDays: 5 })).status, 'due_soon');
});

test('impossible event dates are refused', () => {
  const refused = (events: ClockEvents, message: RegExp) =>
    assert.throws(() => computeReplyDeadline(cal, events), (e: unknown) => e instanceof ClockInputError && message.test(e.message));
  refused({ receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-09-25' } }, /^办理时限无法计算：补正通知日期（2025-09-25）早于收到申请日期（2025-09-26）/);
  refused({ receivedOn: '2025-09-26', correction: { noticeSentOn: '2025-09-29', correctedOn: '2025-09-28' } }, /收到补正申请日期（2025-09-28）早于补正通知日期/);
  refused({ receivedOn: '2025-09-26', pauses: [{ kind: 'fee_notice', from: '2025-10-10', to: '2025-10-09' }] }, /暂停结束日期（2025-10-09）早于开始日期（2025-10-10）/);
});

test('第三十一条、第三十三条: the due date were the application received on a day is the running clock’s', () => {
  for (const day of ['2025-09-26', '2025-01-24', '2026-02-06']) {
    assert.equal(replyDueIfReceivedOn(cal, day), computeReplyDeadline(cal, { receivedOn: day }).dueDate, day);
  }
  assert.equal(replyDueIfReceivedOn(cal, '2025-09-26', conventions({ startDayCounts: true })), '2025-10-29');
});
