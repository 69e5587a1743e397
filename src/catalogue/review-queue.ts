// The review queue of an organization as one reviewer sees it: each version in review with the stage it
// waits at and whether this reviewer may sign it now (the page 审核队列 and the 待办 of the console home).
import type { Database } from '../core/db/database.ts';
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { ensureCatalogue } from './commands.ts';
import type { CatalogueSettings, ReviewStage, Version } from './model.ts';
import { cataloguePolicy } from './policy.ts';
import { signProblem } from './rules/review.ts';
import { listInReview, listSignoffs } from './store.ts';

export interface ReviewQueueRow {
  version: Version;
  stage: ReviewStage;
  /** This reviewer may sign the stage now. */
  mine: boolean;
  /** Why not, in Chinese (null when mine). */
  problem: string | null;
}

/** The versions in review, the ones this reviewer may sign first. */
export async function reviewQueueFor(db: Database, staff: Staff, org: Organization): Promise<{ settings: CatalogueSettings; rows: ReviewQueueRow[] }> {
  const settings = await ensureCatalogue(db, org.id);
  const mayReview = cataloguePolicy.review(staff, org);
  const rows = await Promise.all(
    (await listInReview(db, org.id)).map(async (v) => {
      const signed = (await listSignoffs(db, v.id)).filter((s) => s.round === v.reviewRound && s.decision === 'approve');
      const problem = mayReview
        ? signProblem({ state: v.state, stages: v.stages, stageIndex: v.stageIndex, round: v.reviewRound, authorId: v.authorId }, staff, signed, settings.distinctSigners)
        : '无审核权限';
      return { version: v, stage: v.stages![v.stageIndex!]!, mine: problem === null, problem };
    }),
  );
  rows.sort((a, b) => Number(b.mine) - Number(a.mine));
  return { settings, rows };
}
