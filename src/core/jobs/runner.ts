// Scheduled jobs that stay single when several app processes share one database. A job runs in a
// transaction holding its advisory lock (LOCK.jobs, a key from its name): a process that finds the
// lock taken skips the job. The time of the last run is kept in job_runs and compared with the
// database clock, so a restart or another process does not run the job again before it is due.
import { createHash } from 'node:crypto';
import { LOCK, tryAdvisoryLock, type Database, type Queryable } from '../db/database.ts';

export interface Job<R = unknown> {
  /** Unique name, also the key of its lock and its job_runs row. */
  name: string;
  /** Minimum time between two runs, across all processes. */
  intervalMs: number;
  /** The job's database work, inside the transaction that holds the job's lock. */
  run(tx: Queryable): Promise<R>;
  /** Side effects (e-mail) after the transaction committed, in the process that ran the job. */
  afterCommit?(result: R): Promise<void>;
}

export type JobOutcome<R> =
  | { status: 'ran'; result: R }
  /** Another process holds the job's lock right now. */
  | { status: 'busy' }
  /** The job ran less than its interval ago. */
  | { status: 'not_due'; lastRunAt: Date };

/** The second key of the job's advisory lock: a stable 31-bit number from its name. */
export function jobLockKey(name: string): number {
  return createHash('sha256').update(`gongkai-job|${name}`).digest().readInt32BE(0) & 0x7fffffff;
}

/** Runs the job when it is due and no other process is running it; `force` ignores the interval. */
export async function runJobIfDue<R>(db: Database, job: Job<R>, opts: { force?: boolean } = {}): Promise<JobOutcome<R>> {
  let outcome: JobOutcome<R> | null;
  try {
    outcome = await tryAdvisoryLock(db, LOCK.jobs, jobLockKey(job.name), async (tx): Promise<JobOutcome<R>> => {
      await tx.query('insert into job_runs (name) values ($1) on conflict do nothing', [job.name]);
      const [row] = await tx.query<{ last_run_at: Date | null; recent: boolean }>(
        `select last_run_at, coalesce(last_run_at > now() - make_interval(secs => $2::float8), false) as recent
         from job_runs where name = $1 for update`,
        [job.name, job.intervalMs / 1000],
      );
      if (row!.recent && !opts.force) return { status: 'not_due', lastRunAt: new Date(row!.last_run_at!) };
      const result = await job.run(tx);
      await tx.query('update job_runs set last_run_at = now(), runs = runs + 1, last_error = null where name = $1', [job.name]);
      return { status: 'ran', result };
    });
  } catch (err) {
    // The run rolled back (so it is retried at the next tick); keep the reason for the administrator.
    await db
      .query(
        `insert into job_runs (name, last_failed_at, last_error) values ($1, now(), $2)
         on conflict (name) do update set last_failed_at = now(), last_error = excluded.last_error`,
        [job.name, String((err as Error)?.message ?? err).slice(0, 2000)],
      )
      .catch(() => {});
    throw err;
  }
  if (outcome === null) return { status: 'busy' };
  if (outcome.status === 'ran' && job.afterCommit) await job.afterCommit(outcome.result);
  return outcome;
}

export interface JobLog {
  info(msg: string): void;
  error(msg: string, err: unknown): void;
}

export interface Scheduler {
  /** Runs every job that is due now (what the timer does); resolves when done. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * Checks the jobs every `tickMs` (default one minute, or the shortest interval if shorter) and runs
 * those that are due. The check is one cheap transaction per job; the stored last run decides.
 */
export function startScheduler(
  db: Database,
  jobs: readonly Job<unknown>[],
  opts: { tickMs?: number; firstTickMs?: number; log?: JobLog } = {},
): Scheduler {
  const tickMs = opts.tickMs ?? Math.min(60_000, ...jobs.map((j) => j.intervalMs));
  const log = opts.log ?? { info: () => {}, error: () => {} };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const r = await runJobIfDue(db, job);
        if (r.status === 'ran') log.info(`job ${job.name} ran`);
      } catch (err) {
        log.error(`job ${job.name} failed`, err);
      }
    }
  };
  // Ticks never overlap in one process: each waits for the one before (tick itself never throws).
  let chain: Promise<void> = Promise.resolve();
  const enqueue = () => (chain = chain.then(tick));
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void enqueue().then(() => schedule(tickMs)), ms);
    timer.unref();
  };
  if (jobs.length) schedule(opts.firstTickMs ?? 1000);

  return {
    tick: enqueue,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
}
