// Account lockout after repeated wrong passwords (pure): slows down password guessing.

export interface LockoutState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more wrong password: the threshold-th failure locks the account. */
export function afterFailedLogin(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const failed = isLocked(state, now) ? state.failedLogins : state.failedLogins + 1;
  if (failed >= policy.threshold) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: state.lockedUntil };
}

export const afterSuccessfulLogin = (): LockoutState => ({ failedLogins: 0, lockedUntil: null });
