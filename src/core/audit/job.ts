// The checkpoint job: every few minutes (GONGKAI_AUDIT_CHECKPOINT_MINUTES, default 10) a signed
// checkpoint of the chain heads, if they moved. It bounds how far back a deleted chain or a cut
// tail can go unnoticed; `gongkai audit export` takes the checkpoints offsite.
import type { Job } from '../jobs/runner.ts';
import { writeCheckpoint } from './checkpoints.ts';

export const AUDIT_CHECKPOINT_JOB = 'audit-checkpoint';

export function auditCheckpointJob(intervalMinutes: number): Job {
  return { name: AUDIT_CHECKPOINT_JOB, intervalMs: intervalMinutes * 60_000, run: (tx) => writeCheckpoint(tx) };
}
