// Administrators' clock conventions are checked before they are stored: form text and JSON both
// accepted, a missing checkbox is “否”, and a count outside its range is refused in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.ts';
import { DEFAULT_CLOCK_CONVENTIONS, parseClockConventions } from './rules.ts';

test('JSON and form values give the same conventions; an unticked checkbox is false', () => {
  assert.deepEqual(parseClockConventions({ ...DEFAULT_CLOCK_CONVENTIONS }), DEFAULT_CLOCK_CONVENTIONS);
  assert.deepEqual(parseClockConventions({ pauseStartDayCounts: 'true', feePaymentWorkingDays: '20', dueSoonWorkingDays: '3' }), DEFAULT_CLOCK_CONVENTIONS);
  assert.deepEqual(parseClockConventions({ startDayCounts: 'on', pauseEndDayCounts: '1', feePaymentWorkingDays: 60, dueSoonWorkingDays: 0 }), {
    startDayCounts: true, pauseStartDayCounts: false, pauseEndDayCounts: true, feePaymentWorkingDays: 60, dueSoonWorkingDays: 0,
  });
});

test('out-of-range or malformed values are refused with the name of the rule', () => {
  const refused = (input: Record<string, unknown>, message: RegExp) =>
    assert.throws(() => parseClockConventions({ ...DEFAULT_CLOCK_CONVENTIONS, ...input }), (e: unknown) => e instanceof DomainError && e.status === 400 && message.test(e.message));
  refused({ feePaymentWorkingDays: 0 }, /“缴费期限（工作日）”应为 1 至 60 之间的整数/);
  refused({ feePaymentWorkingDays: '2.5' }, /缴费期限/);
  refused({ feePaymentWorkingDays: undefined }, /缴费期限/);
  refused({ dueSoonWorkingDays: 21 }, /““即将到期”提前量（工作日）”应为 0 至 20 之间的整数/);
  refused({ startDayCounts: 'yes' }, /“期间开始之日计入期间”应为“是”或“否”/);
});
