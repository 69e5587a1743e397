// Letter jobs (issue 19 §4): the DOCX of each issued letter is rendered after the step's commit, not
// in it, so that a step (an application registered in person, a receipt confirmed, a reply signed)
// commits only the facts and the frozen text. The job row is written with the letter (0031), so it
// survives a crash; any app process may run the jobs: claims skip rows another process has locked
// and lease the rest (store.ts claimLetterJobs). The worker loop itself is core/jobs/queue-worker.ts,
// started by `gongkai serve`.
import { EventEmitter } from 'node:events';
import type { Database } from '../../core/db/database.ts';
import { claimLetterJobs, letterJobAttempts, postponeLetterJob } from '../store.ts';
import { storeIssuedDocx } from './files.ts';

/** How long a claimed job is kept from other processes: far longer than one DOCX takes (well under a second). */
const LEASE_SECONDS = 60;
/** Jobs claimed at once: a burst of steps is rendered in few round trips, yet one process does not take them all. */
const BATCH = 10;

const queued = new EventEmitter();

/** Called after a commit that queued letters: wakes this process's letter worker at once. */
export function letterJobsQueued(): void {
  queued.emit('queued');
}

/** The worker subscribes; returns the unsubscribe function. */
export function onLetterJobsQueued(listener: () => void): () => void {
  queued.on('queued', listener);
  return () => queued.off('queued', listener);
}

/** After a failure: a minute, then longer, at most an hour (a renderer that fails keeps failing). */
const retrySeconds = (attempts: number) => Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));

export interface LetterJobLog {
  error(msg: string, err: unknown): void;
}

/**
 * Claims due jobs and renders them, until none is due; returns how many letters were stored. A
 * failed render is postponed (with its reason) and does not stop the others.
 */
export async function runLetterJobs(db: Database, log?: LetterJobLog): Promise<number> {
  let done = 0;
  for (;;) {
    const claimed = await claimLetterJobs(db, BATCH, LEASE_SECONDS);
    if (claimed.length === 0) return done;
    for (const letterId of claimed) {
      try {
        if (await storeIssuedDocx(db, letterId)) done++;
      } catch (err) {
        log?.error(`文书 ${letterId} 的 DOCX 生成失败，稍后重试`, err);
        await postponeLetterJob(db, letterId, String((err as Error)?.message ?? err), retrySeconds(await letterJobAttempts(db, letterId)));
      }
    }
  }
}
