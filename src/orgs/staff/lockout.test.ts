import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailedLogin, isLocked, type LockoutState } from './lockout.ts';

const policy = { threshold: 3, minutes: 15 };
const now = new Date('2026-01-05T09:00:00Z');

test('the threshold-th wrong password locks the account for the policy minutes', () => {
  let s: LockoutState = { failedLogins: 0, lockedUntil: null };
  s = afterFailedLogin(s, now, policy);
  s = afterFailedLogin(s, now, policy);
  assert.equal(isLocked(s, now), false);
  s = afterFailedLogin(s, now, policy);
  assert.equal(isLocked(s, now), true);
  assert.equal(s.lockedUntil!.toISOString(), '2026-01-05T09:15:00.000Z');
  assert.equal(isLocked(s, new Date('2026-01-05T09:15:01Z')), false);
});

test('wrong passwords while locked do not extend the lock', () => {
  const locked: LockoutState = { failedLogins: 0, lockedUntil: new Date('2026-01-05T09:10:00Z') };
  assert.deepEqual(afterFailedLogin(locked, now, policy), locked);
});
