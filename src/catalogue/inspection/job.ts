// The scheduled 内容检查 (GONGKAI_INSPECTION_INTERVAL_DAYS, off by default): once an hour one process
// picks the agencies with a catalogue whose latest inspection is that many days old, and after the
// job's transaction inspects them one by one, each run its own transaction and audit entry, as if
// started by hand (external links asked only when GONGKAI_LINK_CHECK=on). Inspections are not held
// inside the job's lock: link checks may take minutes.
import { SYSTEM_ACTOR } from '../../core/audit/log.ts';
import type { Database } from '../../core/db/database.ts';
import type { Job, JobLog } from '../../core/jobs/runner.ts';
import { today } from '../../core/today.ts';
import { runInspection, type InspectionOptions } from './commands.ts';
import { dueForInspection } from './store.ts';

export const INSPECTION_JOB = 'catalogue-inspection';

export function inspectionJob(db: Database, opts: { intervalDays: number; inspection: InspectionOptions; log?: JobLog }): Job<number[]> {
  return {
    name: INSPECTION_JOB,
    intervalMs: 60 * 60_000,
    run: (tx) => dueForInspection(tx, opts.intervalDays, today()),
    async afterCommit(orgIds) {
      for (const orgId of orgIds) {
        try {
          const { run } = await runInspection(db, { actor: SYSTEM_ACTOR, staff: null }, orgId, opts.inspection);
          opts.log?.info(`内容检查：机构 ${orgId} 第 ${run.id} 号检查完成`);
        } catch (err) {
          opts.log?.error(`内容检查：机构 ${orgId} 检查失败`, err);
        }
      }
    },
  };
}
