// The review queue of an organization as one reviewer sees it: each version in review with the stage it
// waits at and whether this reviewer may sign it now (the page 审核队列 and the 待办 of the console home).
import type { Database } from '../core/db/database.ts';
import type { Organization } from '../orgs/model.ts';
import type { Staff } from '../orgs/staff/model.ts';
import { ensureCatalogue } from './commands.ts';
import type { CatalogueSettings, ReviewStage, Version } from './model.ts';
import { cataloguePolicy } from './policy.ts';
import { signProblem } from './rules/review.ts';
import { completionProblem, strandingProblem } from './rules/review-staffing.ts';
import { reviewCandidates } from './staffing.ts';
import { listInReview, listSignoffs } from './store.ts';

export interface ReviewQueueRow {
  version: Version;
  stage: ReviewStage;
  /** This reviewer may sign the stage now. */
  mine: boolean;
  /** Why not, in Chinese (null when mine). */
  problem: string | null;
  /** Why nobody can complete its review any more (to be returned by the head or an administrator), or null. */
  stuck: string | null;
}

/** The versions in review, the ones this reviewer may sign first. */
export async function reviewQueueFor(db: Database, staff: Staff, org: Organization): Promise<{ settings: CatalogueSettings; rows: ReviewQueueRow[] }> {
  const settings = await ensureCatalogue(db, org.id);
  const mayReview = cataloguePolicy.review(staff, org);
  const people = await reviewCandidates(db, org.id);
  const distinct = settings.distinctSigners;
  const rows = await Promise.all(
    (await listInReview(db, org.id)).map(async (v) => {
      const signed = (await listSignoffs(db, v.id)).filter((s) => s.round === v.reviewRound && s.decision === 'approve');
      const state = { state: v.state, stages: v.stages, stageIndex: v.stageIndex, round: v.reviewRound, authorId: v.authorId };
      const problem = mayReview ? (signProblem(state, staff, signed, distinct) ?? strandingProblem(state, staff, signed, people, distinct)) : '无审核权限';
      return { version: v, stage: v.stages![v.stageIndex!]!, mine: problem === null, problem, stuck: completionProblem(state, signed, people, distinct) };
    }),
  );
  rows.sort((a, b) => Number(b.mine) - Number(a.mine));
  return { settings, rows };
}
