import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailedLogin, isBlocked, nameKeyOf, NO_FAILURES, type ThrottleState } from './lockout.ts';

const policy = { threshold: 3, minutes: 15 };
const at = (iso: string) => new Date(`2026-01-05T${iso}Z`);

const fail = (s: ThrottleState, now: Date) => afterFailedLogin(s, now, policy);

test('the threshold-th wrong password from an address pauses it for the policy minutes', () => {
  let s = fail(fail(NO_FAILURES, at('09:00:00')), at('09:00:10'));
  assert.equal(isBlocked(s, at('09:00:10')), false);
  s = fail(s, at('09:00:20'));
  assert.equal(s.blockedUntil!.toISOString(), '2026-01-05T09:15:20.000Z');
  assert.equal(isBlocked(s, at('09:15:19')), true);
  assert.equal(isBlocked(s, at('09:15:21')), false);
});

test('tries while paused are not counted; each further threshold doubles the pause, up to a day', () => {
  let s = fail(fail(fail(NO_FAILURES, at('09:00:00')), at('09:00:00')), at('09:00:00'));
  assert.deepEqual(fail(s, at('09:05:00')), s);
  s = fail(fail(fail(s, at('09:16:00')), at('09:16:00')), at('09:16:00'));
  assert.equal(s.blockedUntil!.toISOString(), '2026-01-05T09:46:00.000Z'); // 30 minutes
  let t: ThrottleState = { failures: 299, blockedUntil: null, lastFailureAt: at('10:00:00') };
  t = fail(t, at('10:00:01'));
  assert.equal(t.blockedUntil!.getTime() - at('10:00:01').getTime(), 24 * 3_600_000);
});

test('a day without a wrong password starts the count again; names are compared trimmed and in lower case', () => {
  const s: ThrottleState = { failures: 2, blockedUntil: null, lastFailureAt: new Date('2026-01-04T08:00:00Z') };
  assert.equal(fail(s, at('09:00:00')).failures, 1);
  assert.equal(nameKeyOf('  Admin '), 'admin');
});
