// The limits of isolated jobs (src/core/isolate): how long one job may run, how much memory its
// worker process may hold, how many workers run at once and how many jobs may wait for one.
// Read from the environment by config.ts; the defaults suit a two-core server.

export interface IsolateLimits {
  /** Wall-clock milliseconds one job may take once a worker has started it (its modules' loading included). */
  timeoutMs: number;
  /** Resident memory of a worker process, in MB; its V8 heap is capped at the same size. */
  maxMemoryMb: number;
  /** Worker processes running jobs at once. */
  concurrency: number;
  /** Jobs that may wait for a worker; one more is refused at once (never an unbounded pile-up). */
  queueLength: number;
}

export const DEFAULT_ISOLATE_LIMITS: IsolateLimits = { timeoutMs: 10_000, maxMemoryMb: 512, concurrency: 1, queueLength: 8 };

/** 10000 → "10 秒", 1500 → "1.5 秒": how a time limit is written for users. */
export function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} 秒`;
}
