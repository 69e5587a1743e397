// Login throttling (pure): wrong passwords slow down guessing without handing anyone a way to lock
// the real user out. Failures are counted per user name AND client address; at the threshold that
// address is paused for that name, and each further threshold doubles the pause (capped at a day).
// Known and unknown names are treated alike, so the answer tells nothing about which exist.

export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
  lastFailureAt: Date | null;
}

export interface LockoutPolicy {
  /** Wrong passwords from one address for one name before it is paused. */
  threshold: number;
  /** The first pause; each further threshold of failures doubles it. */
  minutes: number;
}

/** A day without a wrong password starts the count again. */
const FORGET_AFTER_MS = 24 * 3_600_000;
const MAX_PAUSE_MS = 24 * 3_600_000;

export const NO_FAILURES: ThrottleState = { failures: 0, blockedUntil: null, lastFailureAt: null };

export function isBlocked(state: ThrottleState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil > now;
}

/** The state after one more wrong password from this address for this name. */
export function afterFailedLogin(state: ThrottleState, now: Date, policy: LockoutPolicy): ThrottleState {
  if (isBlocked(state, now)) return state; // tries while paused are refused, not counted
  const fresh = state.lastFailureAt === null || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const failures = (fresh ? 0 : state.failures) + 1;
  if (failures % policy.threshold !== 0) return { failures, blockedUntil: null, lastFailureAt: now };
  const pause = Math.min(policy.minutes * 60_000 * 2 ** (failures / policy.threshold - 1), MAX_PAUSE_MS);
  return { failures, blockedUntil: new Date(now.getTime() + pause), lastFailureAt: now };
}

/** The key a name is throttled under: as typed, trimmed, lower case. */
export const nameKeyOf = (username: string) => username.trim().toLowerCase();
